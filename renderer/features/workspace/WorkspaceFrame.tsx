import { Button, Layout, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { AccountView } from '../../../common/ipc/accounts';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { RoleTag } from '../../components/RoleTag';
import { useT } from '../../i18n/translate';
import { AgentsPage } from '../agents/AgentsPage';
import { ChangePasswordModal } from '../session/ChangePasswordModal';
import { useSessionStore } from '../session/useSessionStore';
import { EmptyWorkspace } from './EmptyWorkspace';

type Section = 'workspace' | 'agents';

/** The signed-in frame: who is at the desk, and the sections their role opens. */
export function WorkspaceFrame({ account }: { account: AccountView }) {
  const translate = useT();
  const signOut = useSessionStore((state) => state.signOut);
  const [section, setSection] = useState<Section>('workspace');
  const [signingOut, setSigningOut] = useState(false);
  const [changingPassword, setChangingPassword] = useState(false);
  const isAdministrator = account.role === 'admin';

  async function handleSignOut(): Promise<void> {
    setSigningOut(true);
    await signOut();
  }

  return (
    <Layout className="workspace-layout">
      <Layout.Header className="workspace-header">
        <div className="brand brand-compact">
          <span className="brand-mark">S</span>
          <span className="brand-name">{translate('app.name')}</span>
        </div>
        <div className="workspace-header-account">
          <span className="workspace-header-identity">
            <Typography.Text strong data-testid="header-agent-id">
              {account.agentId}
            </Typography.Text>
            <Typography.Text data-testid="header-display-name">{account.displayName}</Typography.Text>
          </span>
          <RoleTag role={account.role} testId="header-role" />
          {account.status === 'active' ? (
            <Tag color="success" data-testid="header-status">
              {translate('presence.online')}
            </Tag>
          ) : null}
          <LanguageSwitch />
          <Button onClick={() => setChangingPassword(true)} data-testid="own-password-open">
            {translate('ownPassword.open')}
          </Button>
          <Button onClick={() => void handleSignOut()} loading={signingOut} data-testid="sign-out">
            {translate('common.signOut')}
          </Button>
        </div>
      </Layout.Header>
      <Layout.Content className="workspace-content">
        {isAdministrator ? (
          <Tabs
            activeKey={section}
            onChange={(key) => setSection(key === 'agents' ? 'agents' : 'workspace')}
            className="workspace-tabs"
            items={[
              {
                key: 'workspace',
                label: <span data-testid="tab-workspace">{translate('workspace.tabWorkspace')}</span>,
                children: <EmptyWorkspace />,
              },
              {
                key: 'agents',
                label: <span data-testid="tab-agents">{translate('workspace.tabAgents')}</span>,
                children: <AgentsPage currentAgentId={account.agentId} />,
              },
            ]}
          />
        ) : (
          <EmptyWorkspace />
        )}
      </Layout.Content>
      <ChangePasswordModal account={account} open={changingPassword} onClose={() => setChangingPassword(false)} />
    </Layout>
  );
}
