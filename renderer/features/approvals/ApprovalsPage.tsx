import { App, Button, Card, Space, Table, Tag, type TableColumnsType } from 'antd';
import { useCallback, useEffect } from 'react';
import type { AccountView } from '../../../common/ipc/accounts';
import type { ApprovalView } from '../../../common/ipc/approvals';
import { useErrorMessage, useT, type Translate } from '../../i18n/translate';
import { ApprovalsInbox } from './ApprovalsInbox';
import { useApprovalsStore } from './useApprovalsStore';

const statusColors: Record<ApprovalView['status'], string> = {
  pending: 'processing',
  approved: 'success',
  denied: 'error',
  used: 'default',
  withdrawn: 'default',
  expired: 'warning',
};

function formatTime(timestamp: string | null): string {
  return timestamp === null ? '—' : new Date(timestamp).toLocaleString();
}

function baseColumns(translate: Translate): TableColumnsType<ApprovalView> {
  return [
    { title: translate('approvals.column.requester'), key: 'requester', render: (_, item) => `${item.requesterAgentId} ${item.requesterName}` },
    { title: translate('approvals.column.purpose'), key: 'purpose', render: (_, item) => translate(`purpose.${item.purpose}`) },
    { title: translate('approvals.column.customer'), dataIndex: 'customerLabel' },
    {
      title: translate('approvals.column.reason'),
      key: 'reason',
      render: (_, item) => `${translate(`reason.${item.reasonCode}`)}：${item.reasonText}`,
    },
    {
      title: translate('approvals.column.status'),
      key: 'status',
      render: (_, item) => (
        <Tag color={statusColors[item.status]} data-testid={`approval-status-${item.id}`}>
          {translate(`approvalStatus.${item.status}`)}
        </Tag>
      ),
    },
    { title: translate('approvals.column.requestedAt'), key: 'requestedAt', render: (_, item) => formatTime(item.requestedAt) },
    { title: translate('approvals.column.expiresAt'), key: 'expiresAt', render: (_, item) => formatTime(item.expiresAt) },
    {
      title: translate('approvals.column.decision'),
      key: 'decision',
      render: (_, item) => (item.deciderAgentId === null ? '—' : [item.deciderAgentId, item.decisionNote].filter((part) => part !== '').join('：')),
    },
  ];
}

/** The person's own requests, and for team leads the inbox of their team's requests. */
export function ApprovalsPage({ account }: { account: AccountView }) {
  const translate = useT();
  const describeError = useErrorMessage();
  const { message } = App.useApp();
  const { mine, inbox, loadMine, loadInbox, decide, withdraw } = useApprovalsStore();
  const isLead = account.role === 'team_lead';
  const refreshInbox = useCallback(() => void loadInbox(), [loadInbox]);

  useEffect(() => {
    void loadMine();
    if (isLead) void loadInbox();
  }, [isLead, loadMine, loadInbox]);

  /** Shows how a call ended; answers whether it succeeded. */
  async function report(task: Promise<{ code: Parameters<typeof describeError>[0] } | null>, done: string): Promise<boolean> {
    const failure = await task;
    if (failure === null) void message.success(done);
    else void message.error(describeError(failure.code));
    return failure === null;
  }

  const mineColumns: TableColumnsType<ApprovalView> = [
    ...baseColumns(translate).slice(1),
    {
      key: 'actions',
      render: (_, item) =>
        item.status === 'pending' ? (
          <Button size="small" onClick={() => void report(withdraw(item.id), translate('approvals.withdrawn'))} data-testid={`approval-withdraw-${item.id}`}>
            {translate('approvals.withdraw')}
          </Button>
        ) : null,
    },
  ];
  return (
    <Space direction="vertical" size="large" className="approvals-page" data-testid="approvals-page">
      {isLead ? (
        <ApprovalsInbox
          inbox={inbox}
          columns={baseColumns(translate)}
          onRefresh={refreshInbox}
          onDecide={(approvalId, approve, note) =>
            report(decide(approvalId, approve, note), translate(approve ? 'approvals.approved' : 'approvals.denied'))
          }
        />
      ) : null}
      <Card title={translate('approvals.mine')} extra={<Button onClick={() => void loadMine()}>{translate('common.refresh')}</Button>}>
        <Table rowKey="id" size="small" columns={mineColumns} dataSource={mine} pagination={{ pageSize: 20 }} data-testid="approvals-mine" />
      </Card>
    </Space>
  );
}
