import { Button, Form, Input, type InputRef } from 'antd';
import { useRef, useState } from 'react';
import { AuthLayout } from '../../components/AuthLayout';
import { FailureAlert } from '../../components/FailureAlert';
import { agentIdRules, requiredRule, trimmedText } from '../../forms/formRules';
import { useFormSubmission } from '../../forms/useFormSubmission';
import { useT } from '../../i18n/translate';
import { useSessionStore } from './useSessionStore';

type SignInValues = { agentId: string; password: string };

const fieldNames = ['agentId', 'password'] as const;

/** Sign-in with agent ID and password. */
export function SignInPage() {
  const translate = useT();
  const signIn = useSessionStore((state) => state.signIn);
  // Why the previous session ended (main ended it, or the account was disabled meanwhile).
  const endedReason = useSessionStore((state) => state.endedReason);
  const [form] = Form.useForm<SignInValues>();
  const passwordInput = useRef<InputRef>(null);
  const { submitting, failureCode, run } = useFormSubmission(form, fieldNames);
  const [attempted, setAttempted] = useState(false);

  async function handleFinish(values: SignInValues): Promise<void> {
    setAttempted(true);
    const failure = await run(() => signIn(trimmedText(values.agentId), values.password));
    if (failure === null) return;
    form.setFieldValue('password', '');
    passwordInput.current?.focus();
  }

  const notice = attempted ? null : endedReason;

  return (
    <AuthLayout title={translate('signIn.title')} description={translate('signIn.subtitle')} testId="signin-page">
      <FailureAlert code={failureCode} testId="signin-error" />
      <FailureAlert code={notice} type="warning" testId="signin-notice" />
      <Form<SignInValues>
        form={form}
        name="signin"
        layout="vertical"
        requiredMark={false}
        onFinish={handleFinish}
      >
        <Form.Item name="agentId" label={translate('field.agentId')} rules={agentIdRules(translate)}>
          <Input autoFocus autoComplete="username" spellCheck={false} />
        </Form.Item>
        <Form.Item
          name="password"
          label={translate('field.password')}
          rules={[requiredRule(translate, 'field.password')]}
        >
          <Input.Password ref={passwordInput} autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={submitting} data-testid="signin-submit">
          {translate('signIn.submit')}
        </Button>
      </Form>
    </AuthLayout>
  );
}
