import { Form, Modal } from 'antd';
import type { ProtectedField } from '../../../common/ipc/customers';
import { FailureAlert } from '../../components/FailureAlert';
import { ReasonFields, type ReasonValues } from '../../components/ReasonFields';
import { testIdProps } from '../../components/testIdProps';
import { useFormSubmission } from '../../forms/useFormSubmission';
import { useT } from '../../i18n/translate';
import { useCustomersStore } from './useCustomersStore';

const fieldNames = ['reasonCode', 'reasonText'] as const;

/** Asks why before one field of the open customer is shown unmasked; the reason is audited. */
export function RevealModal({ field, index, onClose }: { field: ProtectedField; index: number; onClose: () => void }) {
  const translate = useT();
  const reveal = useCustomersStore((state) => state.reveal);
  const [form] = Form.useForm<ReasonValues>();
  const { submitting, failureCode, run } = useFormSubmission(form, fieldNames);

  async function handleFinish(values: ReasonValues): Promise<void> {
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
      <Form<ReasonValues> form={form} name="reveal" layout="vertical" onFinish={handleFinish} initialValues={{ reasonCode: 'verify_identity' }}>
        <ReasonFields />
      </Form>
    </Modal>
  );
}
