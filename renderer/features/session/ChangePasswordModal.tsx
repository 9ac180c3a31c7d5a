import { App, Modal } from 'antd';
import type { AccountView } from '../../../common/ipc/accounts';
import { useT } from '../../i18n/translate';
import { ChangePasswordForm } from './ChangePasswordForm';

/** The header's "change my password", for anyone signed in. */
export function ChangePasswordModal({
  account,
  open,
  onClose,
}: {
  account: AccountView;
  open: boolean;
  onClose: () => void;
}) {
  const translate = useT();
  const { message } = App.useApp();

  return (
    <Modal
      open={open}
      title={translate('ownPassword.title')}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
      width={460}
    >
      <ChangePasswordForm
        account={account}
        formName="ownPassword"
        testIdPrefix="own-password"
        onChanged={() => {
          void message.success(translate('ownPassword.changed'));
          onClose();
        }}
      />
    </Modal>
  );
}
