import { Alert, Button, Form, Input, Typography, type InputRef } from 'antd';
import { useRef, useState } from 'react';
import type { AccountView } from '../../../common/ipc/accounts';
import type { IpcFailure } from '../../../common/ipc/result';
import { AuthLayout } from '../../components/AuthLayout';
import { FailureAlert } from '../../components/FailureAlert';
import { requiredRule } from '../../forms/formRules';
import { useFormSubmission } from '../../forms/useFormSubmission';
import { useT } from '../../i18n/translate';
import { useI18nStore } from '../../i18n/useI18nStore';
import { useSessionStore, type SeatLock } from '../session/useSessionStore';

type UnlockValues = { password: string };

const fieldNames = ['password'] as const;

function formatTime(timestamp: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' }).format(new Date(timestamp));
}

/**
 * The only screen while the seat is locked: who it belongs to and a password field. Nothing of
 * any customer is mounted. Another person can only switch agent, which ends this session.
 */
export function LockScreen({ account, lock }: { account: AccountView; lock: SeatLock }) {
  const translate = useT();
  const locale = useI18nStore((state) => state.locale);
  const unlock = useSessionStore((state) => state.unlock);
  const signOut = useSessionStore((state) => state.signOut);
  const [form] = Form.useForm<UnlockValues>();
  const passwordInput = useRef<InputRef>(null);
  const { submitting, failureCode, run } = useFormSubmission(form, fieldNames);
  const [lockedOut, setLockedOut] = useState<string | null>(null);

  async function handleFinish(values: UnlockValues): Promise<void> {
    const failure: IpcFailure | null = await run(() => unlock(values.password));
    if (failure === null) return;
    setLockedOut(failure.code === 'ACCOUNT_LOCKED_OUT' ? failure.message : null);
    form.setFieldValue('password', '');
    passwordInput.current?.focus();
  }

  return (
    <AuthLayout title={translate('lock.title')} description={translate('lock.subtitle', { agentId: account.agentId })} testId="lock-screen">
      <div className="lock-identity">
        <Typography.Title level={4} data-testid="lock-agent-name">
          {account.displayName}
        </Typography.Title>
        <Typography.Text strong data-testid="lock-agent-id">
          {translate('field.agentId')} {account.agentId}
        </Typography.Text>
        <Typography.Text type="secondary" data-testid="lock-reason">
          {translate(`lock.reason.${lock.reason}`)} · {translate('lock.since', { time: formatTime(lock.lockedAt, locale) })}
        </Typography.Text>
      </div>
      <FailureAlert code={failureCode} testId="unlock-error" />
      {lockedOut === null ? null : <Alert type="warning" showIcon title={translate('lock.lockedOutHint')} className="form-alert" />}
      <Form<UnlockValues> form={form} name="unlock" layout="vertical" requiredMark={false} onFinish={handleFinish}>
        <Form.Item name="password" label={translate('field.password')} rules={[requiredRule(translate, 'field.password')]}>
          <Input.Password ref={passwordInput} autoFocus autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={submitting} data-testid="unlock-submit">
          {translate('lock.unlock')}
        </Button>
      </Form>
      <Typography.Paragraph type="secondary" className="lock-switch-hint">
        {translate('lock.switchAgentHint')}
      </Typography.Paragraph>
      <Button block onClick={() => void signOut()} data-testid="switch-agent">
        {translate('lock.switchAgent')}
      </Button>
    </AuthLayout>
  );
}
