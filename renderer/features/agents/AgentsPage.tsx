import { App, Button, Popconfirm, Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import { isSameAgentId, type AccountView } from '../../../common/ipc/accounts';
import { FailureAlert } from '../../components/FailureAlert';
import { RoleTag } from '../../components/RoleTag';
import { testIdProps } from '../../components/testIdProps';
import type { Locale } from '../../i18n/locales';
import { useErrorMessage, useT, type Translate } from '../../i18n/translate';
import { useI18nStore } from '../../i18n/useI18nStore';
import { AgentCreateModal } from './AgentCreateModal';
import { AgentEditModal } from './AgentEditModal';
import { ResetPasswordModal } from './ResetPasswordModal';
import { useAgentsStore } from './useAgentsStore';

type OpenDialog =
  | { kind: 'none' }
  | { kind: 'create' }
  | { kind: 'edit'; account: AccountView }
  | { kind: 'resetPassword'; account: AccountView };

function formatTimestamp(timestamp: string, locale: Locale): string {
  const date = new Date(timestamp);
  if (Number.isNaN(date.getTime())) return timestamp;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** A lockout after too many failed attempts, with the button that lifts it early. */
function LockoutTag({ account, translate, locale }: { account: AccountView; translate: Translate; locale: Locale }) {
  const { message } = App.useApp();
  const describeError = useErrorMessage();
  const liftLockout = useAgentsStore((state) => state.liftLockout);
  // The list is re-read on every change; the time it was shown is the time that counts.
  const [shownAt] = useState(() => Date.now());
  if (account.lockedUntil === null || Date.parse(account.lockedUntil) <= shownAt) return null;

  async function handleLift(): Promise<void> {
    const result = await liftLockout(account.agentId);
    if (result.ok) void message.success(translate('agents.lockoutLifted', { agentId: account.agentId }));
    else void message.error(describeError(result.code));
  }

  return (
    <>
      <Tag color="error" data-testid={`agent-locked-out-${account.agentId}`}>
        {translate('agents.lockedOut', { time: formatTimestamp(account.lockedUntil, locale) })}
      </Tag>
      <Button type="link" size="small" onClick={() => void handleLift()} data-testid={`agent-lift-lockout-${account.agentId}`}>
        {translate('agents.liftLockout')}
      </Button>
    </>
  );
}

/** Row actions; an administrator's own row is read-only (main refuses those changes anyway). */
function AgentActions({
  account,
  isSelf,
  translate,
  onEdit,
  onResetPassword,
}: {
  account: AccountView;
  isSelf: boolean;
  translate: Translate;
  onEdit: () => void;
  onResetPassword: () => void;
}) {
  const { message } = App.useApp();
  const describeError = useErrorMessage();
  const setStatus = useAgentsStore((state) => state.setStatus);
  const isActive = account.status === 'active';
  const names = { agentId: account.agentId, displayName: account.displayName };

  async function handleToggleStatus(): Promise<void> {
    const result = await setStatus(account.agentId, isActive ? 'disabled' : 'active');
    if (result.ok) void message.success(translate(isActive ? 'agents.disabled' : 'agents.enabled', names));
    else void message.error(describeError(result.code));
  }

  const ownAccountHint = isSelf ? translate('agents.ownAccount') : undefined;
  return (
    <Space size={0} wrap>
      <Tooltip title={ownAccountHint}>
        <Button type="link" size="small" disabled={isSelf} onClick={onEdit}
          aria-label={`${translate('agents.edit')} ${account.agentId}`}
          data-testid={`agent-edit-${account.agentId}`}
        >
          {translate('agents.edit')}
        </Button>
      </Tooltip>
      <Popconfirm
        title={translate(isActive ? 'agents.disableConfirm' : 'agents.enableConfirm', names)}
        okText={translate(isActive ? 'agents.disable' : 'agents.enable')}
        cancelText={translate('common.cancel')}
        okButtonProps={{ danger: isActive, ...testIdProps('agent-status-confirm') }}
        onConfirm={handleToggleStatus}
        disabled={isSelf}
      >
        <Tooltip title={ownAccountHint}>
          <Button
            type="link"
            size="small"
            danger={isActive}
            disabled={isSelf}
            aria-label={`${translate(isActive ? 'agents.disable' : 'agents.enable')} ${account.agentId}`}
            data-testid={`agent-toggle-status-${account.agentId}`}
          >
            {translate(isActive ? 'agents.disable' : 'agents.enable')}
          </Button>
        </Tooltip>
      </Popconfirm>
      <Tooltip title={ownAccountHint}>
        <Button
          type="link"
          size="small"
          disabled={isSelf}
          onClick={onResetPassword}
          aria-label={`${translate('agents.resetPassword')} ${account.agentId}`}
          data-testid={`agent-reset-password-${account.agentId}`}
        >
          {translate('agents.resetPassword')}
        </Button>
      </Tooltip>
    </Space>
  );
}

/** Administrators manage accounts: create, edit, disable or enable, reset passwords. */
export function AgentsPage({ currentAgentId }: { currentAgentId: string }) {
  const translate = useT();
  const locale = useI18nStore((state) => state.locale);
  const accounts = useAgentsStore((state) => state.accounts);
  const loading = useAgentsStore((state) => state.loading);
  const loaded = useAgentsStore((state) => state.loaded);
  const loadErrorCode = useAgentsStore((state) => state.loadErrorCode);
  const load = useAgentsStore((state) => state.load);
  const [dialog, setDialog] = useState<OpenDialog>({ kind: 'none' });

  useEffect(() => {
    void load();
  }, [load]);

  const closeDialog = (): void => setDialog({ kind: 'none' });
  const none = translate('common.none');

  const columns: TableColumnsType<AccountView> = [
    {
      key: 'agentId',
      title: translate('field.agentId'),
      dataIndex: 'agentId',
      render: (agentId: string, account) => (
        <Space size={4}>
          <Typography.Text strong>{agentId}</Typography.Text>
          {isSameAgentId(account.agentId, currentAgentId) ? <Tag>{translate('agents.you')}</Tag> : null}
        </Space>
      ),
    },
    { key: 'displayName', title: translate('field.displayName'), dataIndex: 'displayName' },
    {
      key: 'role',
      title: translate('field.role'),
      dataIndex: 'role',
      render: (_role, account) => <RoleTag role={account.role} />,
    },
    {
      key: 'team',
      title: translate('field.team'),
      dataIndex: 'team',
      render: (team: string) => (team === '' ? none : team),
    },
    {
      key: 'status',
      title: translate('agents.columnStatus'),
      dataIndex: 'status',
      render: (_status, account) => (
        <Space size={4} wrap>
          {account.status === 'active' ? (
            <Tag color="success">{translate('accountStatus.active')}</Tag>
          ) : (
            <Tag>{translate('accountStatus.disabled')}</Tag>
          )}
          <LockoutTag account={account} translate={translate} locale={locale} />
        </Space>
      ),
    },
    {
      key: 'mustChangePassword',
      title: translate('agents.columnPassword'),
      dataIndex: 'mustChangePassword',
      render: (mustChange: boolean) =>
        mustChange ? <Tag color="warning">{translate('agents.mustChangePassword')}</Tag> : none,
    },
    {
      key: 'lastSignInAt',
      title: translate('agents.columnLastSignIn'),
      dataIndex: 'lastSignInAt',
      render: (lastSignInAt: string | null) =>
        lastSignInAt === null ? (
          <Typography.Text type="secondary">{translate('agents.neverSignedIn')}</Typography.Text>
        ) : (
          formatTimestamp(lastSignInAt, locale)
        ),
    },
    {
      key: 'actions',
      title: translate('agents.columnActions'),
      render: (_value, account) => (
        <AgentActions
          account={account}
          isSelf={isSameAgentId(account.agentId, currentAgentId)}
          translate={translate}
          onEdit={() => setDialog({ kind: 'edit', account })}
          onResetPassword={() => setDialog({ kind: 'resetPassword', account })}
        />
      ),
    },
  ];

  return (
    <section className="agents-page" data-testid="agents-page">
      <div className="agents-page-toolbar">
        <div>
          <Typography.Title level={4} className="agents-page-title">
            {translate('agents.title')}
          </Typography.Title>
          {loaded ? (
            <Typography.Text type="secondary">{translate('agents.count', { count: accounts.length })}</Typography.Text>
          ) : null}
        </div>
        <Space>
          <Button onClick={() => void load()} loading={loading} data-testid="agents-refresh">
            {translate('common.refresh')}
          </Button>
          <Button type="primary" onClick={() => setDialog({ kind: 'create' })} data-testid="agent-create-button">
            {translate('agents.create')}
          </Button>
        </Space>
      </div>
      <FailureAlert code={loadErrorCode} heading={translate('agents.loadFailed')} testId="agents-load-error" />
      <Table<AccountView>
        rowKey="agentId"
        size="middle"
        columns={columns}
        dataSource={accounts}
        loading={loading && !loaded}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        data-testid="agents-table"
      />
      {dialog.kind === 'create' ? <AgentCreateModal onClose={closeDialog} /> : null}
      {dialog.kind === 'edit' ? <AgentEditModal account={dialog.account} onClose={closeDialog} /> : null}
      {dialog.kind === 'resetPassword' ? (
        <ResetPasswordModal account={dialog.account} onClose={closeDialog} />
      ) : null}
    </section>
  );
}
