import { Form, Input, Modal, Select } from 'antd';
import { accessReasonCodes, type ProtectedField } from '../../../common/ipc/customers';
import { FailureAlert } from '../../components/FailureAlert';
import { testIdProps } from '../../components/testIdProps';
import { requiredRule } from '../../forms/formRules';
import { useFormSubmission } from '../../forms/useFormSubmission';
import { useT } from '../../i18n/translate';
import { useCustomersStore } from './useCustomersStore';

type RevealValues = { reasonCode: (typeof accessReasonCodes)[number]; reasonText: string };

const fieldNames = ['reasonCode', 'reasonText'] as const;

/** Asks why before one field of the open customer is shown unmasked; the reason is audited. */
export function RevealModal({ field, index, onClose }: { field: ProtectedField; index: number; onClose: () => void }) {
  const translate = useT();
  const reveal = useCustomersStore((state) => state.reveal);
  const [form] = Form.useForm<RevealValues>();
  const { submitting, failureCode, run } = useFormSubmission(form, fieldNames);

  async function handleFinish(values: RevealValues): Promise<void> {
    const failure = await run(() => reveal(field, index, values.reasonCode, values.reasonText.trim()));
    if (failure === null) onClose();
  }

  return (
    <Modal
      open
      title={translate('customers.revealTitle', { field: translate(`protected.${field}`) })}
      okText={translate('customers.reveal')}
      cancelText={translate('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={submitting}
      okButtonProps={testIdProps('reveal-submit')}
      destroyOnHidden
    >
      <p>{translate('customers.revealHint')}</p>
      <FailureAlert code={failureCode} testId="reveal-error" />
      <Form<RevealValues> form={form} name="reveal" layout="vertical" onFinish={handleFinish} initialValues={{ reasonCode: 'verify_identity' }}>
        <Form.Item name="reasonCode" label={translate('field.reasonCode')} rules={[requiredRule(translate, 'field.reasonCode')]}>
          <Select options={accessReasonCodes.map((code) => ({ value: code, label: translate(`reason.${code}`) }))} />
        </Form.Item>
        <Form.Item
          name="reasonText"
          label={translate('field.reasonText')}
          rules={[requiredRule(translate, 'field.reasonText'), { min: 2, max: 200, message: translate('validation.reasonLength') }]}
        >
          <Input maxLength={200} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
