import { Button, Typography } from 'antd';
import type { AccountView } from '../../../common/ipc/accounts';
import { AuthLayout } from '../../components/AuthLayout';
import { useT } from '../../i18n/translate';
import { ChangePasswordForm } from './ChangePasswordForm';
import { useSessionStore } from './useSessionStore';

/** First sign-in with a temporary password: the person must choose their own. */
export function ChangePasswordPage({ account }: { account: AccountView }) {
  const translate = useT();
  const signOut = useSessionStore((state) => state.signOut);

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
      <ChangePasswordForm account={account} formName="changePassword" testIdPrefix="change-password">
        <Button type="link" block className="secondary-action" onClick={() => void signOut()} data-testid="sign-out">
          {translate('common.signOut')}
        </Button>
      </ChangePasswordForm>
    </AuthLayout>
  );
}
