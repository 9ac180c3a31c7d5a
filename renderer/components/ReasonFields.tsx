import { Form, Input, Select } from 'antd';
import { accessReasonCodes } from '../../common/ipc/customers';
import { requiredRule } from '../forms/formRules';
import { useT } from '../i18n/translate';

/** The values of {@link ReasonFields}. */
export type ReasonValues = { reasonCode: (typeof accessReasonCodes)[number]; reasonText: string };

/** The reason for seeing personal data: a choice and a short explanation, both audited in main. */
export function ReasonFields() {
  const translate = useT();
  return (
    <>
      <Form.Item name="reasonCode" label={translate('field.reasonCode')} rules={[requiredRule(translate, 'field.reasonCode')]}>
        <Select options={accessReasonCodes.map((code) => ({ value: code, label: translate(`reason.${code}`) }))} />
      </Form.Item>
      <Form.Item
        name="reasonText"
        label={translate('field.reasonText')}
        rules={[requiredRule(translate, 'field.reasonText'), { min: 2, max: 200, message: translate('validation.reasonLength') }]}
      >
        <Input.TextArea maxLength={200} autoSize={{ minRows: 1, maxRows: 4 }} autoFocus />
      </Form.Item>
    </>
  );
}
