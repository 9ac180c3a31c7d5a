import { Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import type { AccountView } from '../../../common/ipc/accounts';
import type { ErrorCode } from '../../../common/ipc/result';
import { AuthLayout } from '../../components/AuthLayout';
import { FailureAlert } from '../../components/FailureAlert';
import { applyFailureToForm, type FieldsByCode } from '../../forms/applyFailure';
import {
  confirmationRules,
  newPasswordRules,
  passwordPolicyVariables,
  requiredRule,
} from '../../forms/formRules';
import { useSubmission } from '../../forms/useSubmission';
import { useT } from '../../i18n/translate';
import { useSessionStore } from './useSessionStore';

type ChangePasswordValues = { currentPassword: string; newPassword: string; confirmPassword: string };

const fieldNames = ['currentPassword', 'newPassword'] as const;

const fieldsByCode: FieldsByCode = {
  INVALID_CREDENTIALS: 'currentPassword',
  PASSWORD_TOO_SHORT: 'newPassword',
  PASSWORD_TOO_LONG: 'newPassword',
  PASSWORD_TOO_COMMON: 'newPassword',
  PASSWORD_CONTAINS_AGENT_ID: 'newPassword',
  PASSWORD_UNCHANGED: 'newPassword',
};

/** First sign-in with a temporary password: the person must choose their own. */
export function ChangePasswordPage({ account }: { account: AccountView }) {
  const translate = useT();
  const changePassword = useSessionStore((state) => state.changePassword);
  const signOut = useSessionStore((state) => state.signOut);
  const [form] = Form.useForm<ChangePasswordValues>();
  const { submitting, submit } = useSubmission();
  const [failureCode, setFailureCode] = useState<ErrorCode | null>(null);

  function handleFinish(values: ChangePasswordValues): Promise<void> {
    return submit(async () => {
      setFailureCode(null);
      const failure = await changePassword(values.currentPassword, values.newPassword);
      if (failure === null) return;
      if (!applyFailureToForm(form, failure, fieldNames, fieldsByCode)) setFailureCode(failure.code);
    });
  }

  return (
    <AuthLayout
      title={translate('changePassword.title')}
      description={translate('changePassword.description')}
      width={460}
      testId="change-password-page"
    >
      <Typography.Paragraph strong data-testid="change-password-account">
        {translate('changePassword.account', { agentId: account.agentId, displayName: account.displayName })}
      </Typography.Paragraph>
      <FailureAlert code={failureCode} testId="change-password-error" />
      <Form<ChangePasswordValues>
        form={form}
        name="changePassword"
        layout="vertical"
        requiredMark={false}
        onFinish={handleFinish}
      >
        <Form.Item
          name="currentPassword"
          label={translate('field.currentPassword')}
          rules={[requiredRule(translate, 'field.currentPassword')]}
        >
          <Input.Password autoFocus autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={translate('field.newPassword')}
          extra={translate('password.policy', passwordPolicyVariables)}
          dependencies={['currentPassword']}
          rules={[
            ...newPasswordRules(translate, 'field.newPassword', () => account.agentId),
            ({ getFieldValue }) => ({
              validator: async (_rule, value: unknown) => {
                if (value !== undefined && value !== '' && value === getFieldValue('currentPassword')) {
                  throw new Error(translate('error.PASSWORD_UNCHANGED'));
                }
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirmPassword"
          label={translate('field.confirmNewPassword')}
          dependencies={['newPassword']}
          rules={confirmationRules(translate, 'field.confirmNewPassword', 'newPassword', 'validation.passwordsDiffer')}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={submitting} data-testid="change-password-submit">
          {translate('changePassword.submit')}
        </Button>
        <Button type="link" block className="secondary-action" onClick={() => void signOut()} data-testid="sign-out">
          {translate('common.signOut')}
        </Button>
      </Form>
    </AuthLayout>
  );
}
