import { Button, Form, Input, Space } from 'antd';
import type { FormInstance } from 'antd';
import { newPasswordRules, trimmedText } from '../../forms/formRules';
import { useT } from '../../i18n/translate';
import { generateTemporaryPassword } from './generatePassword';

type TemporaryPasswordFieldProps = {
  form: FormInstance;
  /** The antd form name, so the label can point at the generated input id. */
  formName: string;
  /** Fixed agent ID, or undefined to read it from the form's `agentId` field. */
  agentId?: string;
  generateTestId: string;
  autoFocus?: boolean;
};

/** A visible temporary-password input with a "generate" button next to it. */
export function TemporaryPasswordField({
  form,
  formName,
  agentId,
  generateTestId,
  autoFocus = false,
}: TemporaryPasswordFieldProps) {
  const translate = useT();
  const readAgentId = (getFieldValue: (name: string) => unknown): string =>
    agentId ?? trimmedText(getFieldValue('agentId'));

  function handleGenerate(): void {
    form.setFieldValue('temporaryPassword', generateTemporaryPassword(readAgentId((name) => form.getFieldValue(name))));
    void form.validateFields(['temporaryPassword']);
  }

  return (
    <Form.Item
      label={translate('field.temporaryPassword')}
      htmlFor={`${formName}_temporaryPassword`}
      required
      extra={translate('agents.temporaryPasswordHint')}
    >
      <Space.Compact block>
        <Form.Item
          name="temporaryPassword"
          noStyle
          dependencies={agentId === undefined ? ['agentId'] : []}
          rules={newPasswordRules(translate, 'field.temporaryPassword', readAgentId)}
        >
          {/* Shown in clear: the administrator has to pass it on to the person. */}
          <Input autoFocus={autoFocus} autoComplete="off" spellCheck={false} className="monospace-input" />
        </Form.Item>
        <Button onClick={handleGenerate} data-testid={generateTestId}>
          {translate('common.generate')}
        </Button>
      </Space.Compact>
    </Form.Item>
  );
}
