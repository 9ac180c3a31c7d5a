import { Button, Layout, Tabs, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import type { AccountView } from '../../../common/ipc/accounts';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { RoleTag } from '../../components/RoleTag';
import { useT } from '../../i18n/translate';
import { AgentsPage } from '../agents/AgentsPage';
import { ApprovalsPage } from '../approvals/ApprovalsPage';
import { AuditPage } from '../audit/AuditPage';
import { CallScriptsPage } from '../call-scripts/CallScriptsPage';
import { CallPanel } from '../calls/CallPanel';
import { CustomersPage } from '../customers/CustomersPage';
import { TicketsPage } from '../tickets/TicketsPage';
import { useDueSoonWarnings } from '../tickets/useDueSoonWarnings';
import { KnowledgePage } from '../knowledge/KnowledgePage';
import { lockSeatNow } from '../lock/seatLockFlow';
import { PhraseRulesPage } from '../phrase-rules/PhraseRulesPage';
import { QualityPage } from '../quality/QualityPage';
import { usePhraseEngineStore } from '../phrase-warnings/usePhraseEngineStore';
import { SettingsPage } from '../settings/SettingsPage';
import { SlaDashboardPage } from '../sla-dashboard/SlaDashboardPage';
import { SlaSettingsPage } from '../sla-settings/SlaSettingsPage';
import { HandoversPage } from '../handovers/HandoversPage';
import { useSettingsStore } from '../settings/useSettingsStore';
import { ChangePasswordModal } from '../session/ChangePasswordModal';
import { useSessionStore } from '../session/useSessionStore';

type Section = 'customers' | 'tickets' | 'knowledge' | 'approvals' | 'audit' | 'agents' | 'settings' | 'phraseRules' | 'callScripts' | 'slaSettings' | 'handover' | 'slaDashboard' | 'quality';

/** The sections each role opens; main enforces the same rules on every call. */
const sectionsByRole: Record<AccountView['role'], readonly Section[]> = {
  agent: ['customers', 'tickets', 'knowledge', 'approvals', 'quality'],
  team_lead: ['customers', 'tickets', 'slaDashboard', 'quality', 'knowledge', 'approvals', 'handover', 'audit', 'phraseRules', 'callScripts', 'slaSettings'],
  admin: ['agents', 'settings', 'phraseRules', 'callScripts', 'slaSettings', 'slaDashboard', 'knowledge', 'audit', 'approvals', 'handover', 'customers'],
};

/** The signed-in frame: who is at the desk, and the sections their role opens. */
export function WorkspaceFrame({ account }: { account: AccountView }) {
  const translate = useT();
  const signOut = useSessionStore((state) => state.signOut);
  const loadSettings = useSettingsStore((state) => state.load);
  const lockHotkey = useSettingsStore((state) => state.settings.lockHotkey);
  const sections = sectionsByRole[account.role];
  // Agents and team leads take calls; administrators see no customers, so no calls either.
  const takesCalls = account.role !== 'admin';
  const [section, setSection] = useState<Section>(sections[0] ?? 'customers');
  const [signingOut, setSigningOut] = useState(false);
  const [changingPassword, setChangingPassword] = useState(false);

  useEffect(() => {
    void loadSettings();
  }, [loadSettings]);
  useDueSoonWarnings(takesCalls);

  // The banned-phrase rulebook every text box checks against: loaded now, and looked at again
  // when the window comes back and once a minute (cheap: main answers "unchanged" by revision).
  useEffect(() => {
    const refresh = () => void usePhraseEngineStore.getState().refresh();
    refresh();
    window.addEventListener('focus', refresh);
    const timer = window.setInterval(refresh, 60_000);
    return () => {
      window.removeEventListener('focus', refresh);
      window.clearInterval(timer);
    };
  }, []);

  const pages: Record<Section, () => ReactNode> = {
    customers: () => <CustomersPage account={account} />,
    tickets: () => <TicketsPage account={account} />,
    approvals: () => <ApprovalsPage account={account} />,
    audit: () => <AuditPage canArchive={account.role === 'admin'} />,
    agents: () => <AgentsPage currentAgentId={account.agentId} />,
    settings: () => <SettingsPage />,
    // Everyone searches the unified answers; team leads and administrators also write them.
    knowledge: () => <KnowledgePage canEdit={account.role !== 'agent'} />,
    // Team leads read, test and export the rulebook; only administrators change it.
    phraseRules: () => <PhraseRulesPage canEdit={account.role === 'admin'} />,
    // Team leads read and export the call scripts; only administrators change them.
    callScripts: () => <CallScriptsPage canEdit={account.role === 'admin'} />,
    // Team leads read the SLA policies and the calendar; only administrators change them.
    slaSettings: () => <SlaSettingsPage canEdit={account.role === 'admin'} />,
    // Team leads see their team's service figures; administrators every team's or one team's.
    slaDashboard: () => <SlaDashboardPage account={account} />,
    // Team leads write and acknowledge their team's handover log; administrators read every team's.
    handover: () => <HandoversPage account={account} />,
    // Team leads sample, score and review their team's calls; everyone who takes calls sees their own (我的质检).
    quality: () => <QualityPage account={account} />,
  };

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
          <Tooltip title={translate('lock.hotkeyHint', { hotkey: lockHotkey })}>
            <Button onClick={() => void lockSeatNow('button')} data-testid="lock-button">
              {translate('lock.button')}
            </Button>
          </Tooltip>
          <Button onClick={() => setChangingPassword(true)} data-testid="own-password-open">
            {translate('ownPassword.open')}
          </Button>
          <Button onClick={() => void handleSignOut()} loading={signingOut} data-testid="sign-out">
            {translate('common.signOut')}
          </Button>
        </div>
      </Layout.Header>
      <Layout.Content className={takesCalls ? 'workspace-content workspace-with-calls' : 'workspace-content'}>
        <Tabs
          activeKey={section}
          onChange={(key) => setSection(sections.find((item) => item === key) ?? section)}
          className="workspace-tabs"
          destroyOnHidden
          items={sections.map((key) => ({
            key,
            label: <span data-testid={`tab-${key}`}>{translate(key === 'quality' && account.role === 'agent' ? 'workspace.tab.myQuality' : `workspace.tab.${key}`)}</span>,
            children: pages[key](),
          }))}
        />
        {takesCalls ? <CallPanel account={account} onScreenPop={() => setSection('customers')} /> : null}
      </Layout.Content>
      <ChangePasswordModal account={account} open={changingPassword} onClose={() => setChangingPassword(false)} />
    </Layout>
  );
}
