import { Alert, Button, Checkbox, Divider, Form, Input } from 'antd';
import type { StoreStatus } from '../../../common/ipc/store';
import { getApi } from '../../api/api';
import { AuthLayout } from '../../components/AuthLayout';
import { FailureAlert } from '../../components/FailureAlert';
import type { FieldsByCode } from '../../forms/applyFailure';
import {
  agentIdRules,
  confirmationRules,
  displayNameRules,
  newPassphraseRules,
  newPasswordRules,
  passwordPolicyVariables,
  teamRules,
  trimmedText,
} from '../../forms/formRules';
import { passwordProblemsOn, useFormSubmission } from '../../forms/useFormSubmission';
import { useT } from '../../i18n/translate';
import { useSessionStore } from '../session/useSessionStore';
import { useStoreStatusStore } from '../store/useStoreStatusStore';

type SetupValues = {
  agentId: string;
  displayName: string;
  team?: string;
  password: string;
  confirmPassword: string;
  usePassphrase?: boolean;
  databasePassphrase?: string;
  confirmDatabasePassphrase?: string;
};

const fieldNames = ['agentId', 'displayName', 'team', 'password', 'databasePassphrase'] as const;

const fieldsByCode: FieldsByCode = {
  AGENT_ID_TAKEN: 'agentId',
  PASSPHRASE_TOO_WEAK: 'databasePassphrase',
  ...passwordProblemsOn('password'),
};

/** First run: creates the first administrator and, with it, the encrypted database. */
export function SetupPage({ status }: { status: StoreStatus }) {
  const translate = useT();
  const loadStatus = useStoreStatusStore((state) => state.load);
  const setAccount = useSessionStore((state) => state.setAccount);
  const [form] = Form.useForm<SetupValues>();
  const usePassphrase = Form.useWatch('usePassphrase', form) === true;
  const { submitting, failureCode, run } = useFormSubmission(form, fieldNames, fieldsByCode);

  const passphraseRequired = !status.keychainAvailable;
  const showPassphrase = passphraseRequired || usePassphrase;

  async function handleFinish(values: SetupValues): Promise<void> {
    await run(async () => {
      const result = await getApi().setup.createAdministrator({
        agentId: trimmedText(values.agentId),
        displayName: trimmedText(values.displayName),
        team: trimmedText(values.team),
        password: values.password,
        ...(showPassphrase ? { databasePassphrase: values.databasePassphrase ?? '' } : {}),
      });
      if (result.ok) {
        await loadStatus();
        setAccount(result.value.account);
        return null;
      }
      if (result.code === 'SETUP_ALREADY_DONE') {
        // Someone else finished setup first: this page goes away, so the sign-in page says why.
        useSessionStore.getState().clear('SETUP_ALREADY_DONE');
        await loadStatus();
        return null;
      }
      // Main knows better than the status we loaded: refresh it so the page matches.
      if (result.code === 'PASSPHRASE_REQUIRED') await loadStatus();
      return result;
    });
  }

  return (
    <AuthLayout
      title={translate('setup.title')}
      description={translate('setup.description')}
      width={560}
      testId="setup-page"
    >
      <FailureAlert code={failureCode} testId="setup-error" />
      <Form<SetupValues>
        form={form}
        name="setup"
        layout="vertical"
        requiredMark="optional"
        onFinish={handleFinish}
        initialValues={{ team: '', usePassphrase: false }}
      >
        <Divider titlePlacement="start" plain className="form-section">
          {translate('setup.sectionAdministrator')}
        </Divider>
        <div className="form-row">
          <Form.Item name="agentId" label={translate('field.agentId')} rules={agentIdRules(translate)}>
            <Input autoFocus autoComplete="username" spellCheck={false} />
          </Form.Item>
          <Form.Item name="displayName" label={translate('field.displayName')} rules={displayNameRules(translate)}>
            <Input autoComplete="name" />
          </Form.Item>
        </div>
        <Form.Item name="team" label={translate('field.team')} rules={teamRules(translate)}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="password"
          label={translate('field.password')}
          extra={translate('password.policy', passwordPolicyVariables)}
          dependencies={['agentId']}
          rules={newPasswordRules(translate, 'field.password', (getFieldValue) =>
            trimmedText(getFieldValue('agentId')),
          )}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirmPassword"
          label={translate('field.confirmPassword')}
          dependencies={['password']}
          rules={confirmationRules(translate, 'field.confirmPassword', 'password', 'validation.passwordsDiffer')}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>

        <Divider titlePlacement="start" plain className="form-section">
          {translate('setup.sectionDatabase')}
        </Divider>
        {passphraseRequired ? (
          <Alert
            type="warning"
            showIcon
            className="form-alert"
            title={translate('setup.keychainMissing')}
            data-testid="setup-keychain-missing"
          />
        ) : (
          <>
            <p className="form-note">{translate('setup.keychainAvailable')}</p>
            <Form.Item name="usePassphrase" valuePropName="checked">
              <Checkbox data-testid="setup-use-passphrase">{translate('setup.usePassphrase')}</Checkbox>
            </Form.Item>
            {usePassphrase ? (
              <Alert
                type="info"
                showIcon
                className="form-alert"
                title={translate('setup.passphraseWarning')}
              />
            ) : null}
          </>
        )}
        {showPassphrase ? (
          <>
            <Form.Item
              name="databasePassphrase"
              label={translate('field.databasePassphrase')}
              extra={translate('passphrase.policy', passwordPolicyVariables)}
              rules={newPassphraseRules(translate)}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            <Form.Item
              name="confirmDatabasePassphrase"
              label={translate('field.confirmDatabasePassphrase')}
              dependencies={['databasePassphrase']}
              rules={confirmationRules(
                translate,
                'field.confirmDatabasePassphrase',
                'databasePassphrase',
                'validation.passphrasesDiffer',
              )}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
          </>
        ) : null}
        <Button type="primary" htmlType="submit" block size="large" loading={submitting} data-testid="setup-submit">
          {translate('setup.submit')}
        </Button>
      </Form>
    </AuthLayout>
  );
}
