import { Button, Form, Input, Modal, Select } from 'antd';
import { idTypes, type Gender, type IdType } from '../../../common/ipc/customers';
import { FailureAlert } from '../../components/FailureAlert';
import { requiredRule, trimmedText } from '../../forms/formRules';
import { useFormSubmission } from '../../forms/useFormSubmission';
import { useT } from '../../i18n/translate';
import { useCustomersStore } from './useCustomersStore';

type CustomerCreateValues = {
  fullName: string;
  gender: Gender | 'unknown';
  phones: string;
  idType: IdType;
  idNumber?: string;
  address?: string;
  accountNumbers?: string;
};

const fieldNames = ['fullName', 'gender', 'phones', 'idType', 'idNumber', 'address', 'accountNumbers'] as const;

/** Splits a list typed with commas, Chinese commas or new lines. */
function splitList(text: string | undefined): string[] {
  return (text ?? '')
    .split(/[,，、;；\n]/)
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}

/** Records a new caller or visitor; the record opens (masked) once saved. */
export function CustomerCreateModal({ onClose }: { onClose: () => void }) {
  const translate = useT();
  const create = useCustomersStore((state) => state.create);
  const [form] = Form.useForm<CustomerCreateValues>();
  const { submitting, failureCode, run } = useFormSubmission(form, fieldNames);

  async function handleFinish(values: CustomerCreateValues): Promise<void> {
    const failure = await run(() =>
      create({
        fullName: trimmedText(values.fullName),
        gender: values.gender === 'unknown' ? null : values.gender,
        phones: splitList(values.phones),
        idType: values.idType,
        idNumber: trimmedText(values.idNumber),
        address: trimmedText(values.address),
        accountNumbers: splitList(values.accountNumbers),
      }),
    );
    if (failure === null) onClose();
  }

  return (
    <Modal open title={translate('customers.createTitle')} onCancel={onClose} footer={null} mask={{ closable: false }} destroyOnHidden>
      <FailureAlert code={failureCode} testId="customer-create-error" />
      <Form<CustomerCreateValues>
        form={form}
        name="customerCreate"
        layout="vertical"
        requiredMark="optional"
        initialValues={{ gender: 'unknown', idType: 'resident_id' }}
        onFinish={handleFinish}
      >
        <Form.Item name="fullName" label={translate('field.fullName')} rules={[requiredRule(translate, 'field.fullName'), { max: 40 }]}>
          <Input autoFocus maxLength={40} />
        </Form.Item>
        <Form.Item name="gender" label={translate('field.gender')}>
          <Select
            options={[
              { value: 'male', label: translate('gender.male') },
              { value: 'female', label: translate('gender.female') },
              { value: 'unknown', label: translate('gender.unknown') },
            ]}
          />
        </Form.Item>
        <Form.Item name="phones" label={translate('field.phones')} rules={[requiredRule(translate, 'field.phones')]}>
          <Input inputMode="tel" />
        </Form.Item>
        <Form.Item name="idType" label={translate('field.idType')}>
          <Select options={idTypes.map((type) => ({ value: type, label: translate(`idType.${type}`) }))} />
        </Form.Item>
        <Form.Item name="idNumber" label={translate('field.idNumber')} rules={[{ max: 40 }]}>
          <Input maxLength={40} spellCheck={false} />
        </Form.Item>
        <Form.Item name="address" label={translate('field.address')} rules={[{ max: 200 }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="accountNumbers" label={translate('field.accountNumbers')}>
          <Input spellCheck={false} />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={submitting} data-testid="customer-create-submit">
          {translate('common.save')}
        </Button>
      </Form>
    </Modal>
  );
}
