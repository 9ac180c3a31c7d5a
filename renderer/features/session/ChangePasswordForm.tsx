import { Button, Form, Input } from 'antd';
import type { ReactNode } from 'react';
import type { AccountView } from '../../../common/ipc/accounts';
import { FailureAlert } from '../../components/FailureAlert';
import type { FieldsByCode } from '../../forms/applyFailure';
import {
  confirmationRules,
  newPasswordRules,
  passwordPolicyVariables,
  requiredRule,
} from '../../forms/formRules';
import { passwordProblemsOn, useFormSubmission } from '../../forms/useFormSubmission';
import { useT } from '../../i18n/translate';
import { useSessionStore } from './useSessionStore';

type ChangePasswordValues = { currentPassword: string; newPassword: string; confirmPassword: string };

const fieldNames = ['currentPassword', 'newPassword'] as const;

const fieldsByCode: FieldsByCode = {
  INVALID_CREDENTIALS: 'currentPassword',
  PASSWORD_UNCHANGED: 'newPassword',
  ...passwordProblemsOn('newPassword'),
};

/**
 * The change-own-password form, used by the forced change after a temporary password and by
 * the header's voluntary change. `onChanged` runs after main accepted the new password.
 */
export function ChangePasswordForm({
  account,
  formName,
  testIdPrefix,
  onChanged,
  children,
}: {
  account: AccountView;
  formName: string;
  testIdPrefix: string;
  onChanged?: () => void;
  children?: ReactNode;
}) {
  const translate = useT();
  const changePassword = useSessionStore((state) => state.changePassword);
  const [form] = Form.useForm<ChangePasswordValues>();
  const { submitting, failureCode, run } = useFormSubmission(form, fieldNames, fieldsByCode);

  async function handleFinish(values: ChangePasswordValues): Promise<void> {
    await run(async () => {
      const failure = await changePassword(values.currentPassword, values.newPassword);
      if (failure !== null) return failure;
      form.resetFields();
      onChanged?.();
      return null;
    });
  }

  return (
    <>
      <FailureAlert code={failureCode} testId={`${testIdPrefix}-error`} />
      <Form<ChangePasswordValues>
        form={form}
        name={formName}
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
        <Button type="primary" htmlType="submit" block loading={submitting} data-testid={`${testIdPrefix}-submit`}>
          {translate('changePassword.submit')}
        </Button>
        {children}
      </Form>
    </>
  );
}
