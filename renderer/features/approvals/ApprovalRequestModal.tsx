import { App, Form, Modal } from 'antd';
import type { ApprovalView } from '../../../common/ipc/approvals';
import { FailureAlert } from '../../components/FailureAlert';
import { ReasonFields, type ReasonValues } from '../../components/ReasonFields';
import { testIdProps } from '../../components/testIdProps';
import { useFormSubmission } from '../../forms/useFormSubmission';
import { useT } from '../../i18n/translate';
import { useApprovalsStore } from './useApprovalsStore';

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
  const [form] = Form.useForm<ReasonValues>();
  const { submitting, failureCode, run } = useFormSubmission(form, fieldNames);

  async function handleFinish(values: ReasonValues): Promise<void> {
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
      <Form<ReasonValues> form={form} name="approvalRequest" layout="vertical" onFinish={handleFinish} initialValues={{ reasonCode: 'complaint_handling' }}>
        <ReasonFields />
      </Form>
    </Modal>
  );
}
