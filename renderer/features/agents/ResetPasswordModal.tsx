import { App, Button, Form, Modal, Typography } from 'antd';
import type { AccountView } from '../../../common/ipc/accounts';
import { FailureAlert } from '../../components/FailureAlert';
import { passwordProblemsOn, useFormSubmission } from '../../forms/useFormSubmission';
import { useT } from '../../i18n/translate';
import { TemporaryPasswordField } from './TemporaryPasswordField';
import { useAgentsStore } from './useAgentsStore';

type ResetPasswordValues = { temporaryPassword: string };

const formName = 'resetPassword';
const fieldNames = ['temporaryPassword'] as const;

const fieldsByCode = passwordProblemsOn('temporaryPassword');

/** Sets a temporary password that the person must change at their next sign-in. */
export function ResetPasswordModal({ account, onClose }: { account: AccountView; onClose: () => void }) {
  const translate = useT();
  const { message } = App.useApp();
  const resetPassword = useAgentsStore((state) => state.resetPassword);
  const [form] = Form.useForm<ResetPasswordValues>();
  const { submitting, failureCode, run } = useFormSubmission(form, fieldNames, fieldsByCode);

  async function handleFinish(values: ResetPasswordValues): Promise<void> {
    await run(async () => {
      const result = await resetPassword(account.agentId, values.temporaryPassword);
      if (!result.ok) return result;
      void message.success(translate('agents.passwordReset', { agentId: result.value.account.agentId }));
      onClose();
      return null;
    });
  }

  return (
    <Modal
      open
      title={translate('agents.resetTitle', { agentId: account.agentId })}
      onCancel={onClose}
      footer={null}
      mask={{ closable: false }}
    >
      <Typography.Paragraph type="secondary">
        {translate('agents.resetDescription', { displayName: account.displayName })}
      </Typography.Paragraph>
      <FailureAlert code={failureCode} testId="reset-password-error" />
      <Form<ResetPasswordValues> form={form} name={formName} layout="vertical" onFinish={handleFinish}>
        <TemporaryPasswordField
          form={form}
          formName={formName}
          agentId={account.agentId}
          generateTestId="reset-password-generate"
          autoFocus
        />
        <div className="modal-actions">
          <Button onClick={onClose}>{translate('common.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={submitting} data-testid="reset-password-submit">
            {translate('agents.resetSubmit')}
          </Button>
        </div>
      </Form>
    </Modal>
  );
}
