import { App, Form, Input, Modal, Select } from 'antd';
import type { ApprovalView } from '../../../common/ipc/approvals';
import { accessReasonCodes } from '../../../common/ipc/customers';
import { FailureAlert } from '../../components/FailureAlert';
import { testIdProps } from '../../components/testIdProps';
import { requiredRule } from '../../forms/formRules';
import { useFormSubmission } from '../../forms/useFormSubmission';
import { useT } from '../../i18n/translate';
import { useApprovalsStore } from './useApprovalsStore';

type RequestValues = { reasonCode: (typeof accessReasonCodes)[number]; reasonText: string };

const fieldNames = ['reasonCode', 'reasonText'] as const;

/** Asks a team lead for a single-purpose, time-limited grant, with a reason. */
export function ApprovalRequestModal({
  purpose,
  customerId,
  onClose,
}: {
  purpose: ApprovalView['purpose'];
  customerId: number | null;
  onClose: () => void;
}) {
  const translate = useT();
  const { message } = App.useApp();
  const request = useApprovalsStore((state) => state.request);
  const [form] = Form.useForm<RequestValues>();
  const { submitting, failureCode, run } = useFormSubmission(form, fieldNames);

  async function handleFinish(values: RequestValues): Promise<void> {
    const failure = await run(() => request({ purpose, customerId, reasonCode: values.reasonCode, reasonText: values.reasonText.trim() }));
    if (failure !== null) return;
    void message.success(translate('approvals.requestSent'));
    onClose();
  }

  return (
    <Modal
      open
      title={translate('approvals.requestTitle', { purpose: translate(`purpose.${purpose}`) })}
      okText={translate('approvals.send')}
      cancelText={translate('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={submitting}
      okButtonProps={testIdProps('approval-request-submit')}
      destroyOnHidden
    >
      <FailureAlert code={failureCode} testId="approval-request-error" />
      <Form<RequestValues> form={form} name="approvalRequest" layout="vertical" onFinish={handleFinish} initialValues={{ reasonCode: 'complaint_handling' }}>
        <Form.Item name="reasonCode" label={translate('field.reasonCode')} rules={[requiredRule(translate, 'field.reasonCode')]}>
          <Select options={accessReasonCodes.map((code) => ({ value: code, label: translate(`reason.${code}`) }))} />
        </Form.Item>
        <Form.Item
          name="reasonText"
          label={translate('field.reasonText')}
          rules={[requiredRule(translate, 'field.reasonText'), { min: 2, max: 200, message: translate('validation.reasonLength') }]}
        >
          <Input.TextArea maxLength={200} autoSize={{ minRows: 2, maxRows: 4 }} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
