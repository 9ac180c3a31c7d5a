import { Badge, Button, Card, Input, Segmented, Space, Table, Typography, type TableColumnsType } from 'antd';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { ApprovalView } from '../../../common/ipc/approvals';
import { useT } from '../../i18n/translate';
import { filterInbox, inboxFilters, inboxKeyAction, type InboxFilter } from './inboxKeyboard';

const refreshMilliseconds = 30_000;
const pageSize = 20;

/**
 * A team lead's inbox: the team's requests by status, with the reasons; approve or deny with the
 * buttons or from the keyboard (↑/↓ select, A approve, D deny), an optional note going with the
 * decision. New requests appear on their own every 30 seconds.
 */
export function ApprovalsInbox({
  inbox,
  columns,
  onRefresh,
  onDecide,
}: {
  inbox: readonly ApprovalView[];
  columns: TableColumnsType<ApprovalView>;
  onRefresh: () => void;
  onDecide: (approvalId: number, approve: boolean, note: string) => Promise<boolean>;
}) {
  const translate = useT();
  const [filter, setFilter] = useState<InboxFilter>('pending');
  // The selected request by id, not by row: a refresh that brings a new request in above it
  // must not move A/D onto another request.
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [page, setPage] = useState(1);
  const [note, setNote] = useState('');
  const [deciding, setDeciding] = useState(false);
  const tableArea = useRef<HTMLDivElement>(null);
  // Requests decided here stay in view until the filter changes, so the list does not jump
  // under the selection and the lead sees the outcome.
  const [decidedHere, setDecidedHere] = useState<ReadonlySet<number>>(new Set());
  const rows = useMemo(() => filterInbox(inbox, filter, decidedHere), [inbox, filter, decidedHere]);
  const selectedIndex = rows.findIndex((row) => row.id === selectedId);

  useEffect(() => {
    const timer = window.setInterval(onRefresh, refreshMilliseconds);
    return () => window.clearInterval(timer);
  }, [onRefresh]);

  async function decide(approvalId: number, approve: boolean): Promise<void> {
    if (deciding) return;
    setDeciding(true);
    try {
      if (await onDecide(approvalId, approve, note.trim())) {
        setNote('');
        setDecidedHere((previous) => new Set([...previous, approvalId]));
      }
    } finally {
      setDeciding(false);
      tableArea.current?.focus();
    }
  }

  function handleKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    if (event.target !== event.currentTarget || event.ctrlKey || event.metaKey || event.altKey) return;
    const action = inboxKeyAction(event.key, selectedIndex, rows);
    if (action === null) return;
    event.preventDefault();
    if (action.kind === 'select') {
      setSelectedId(rows[action.index]?.id ?? null);
      setPage(Math.floor(action.index / pageSize) + 1);
    } else void decide(action.approvalId, action.approve);
  }

  const decisionColumn: TableColumnsType<ApprovalView>[number] = {
    key: 'actions',
    render: (_, item) =>
      item.status === 'pending' ? (
        <Space>
          <Button
            type="primary"
            size="small"
            disabled={deciding}
            onClick={() => void decide(item.id, true)}
            data-testid={`approval-approve-${item.id}`}
          >
            {translate('approvals.approve')}
          </Button>
          <Button danger size="small" disabled={deciding} onClick={() => void decide(item.id, false)} data-testid={`approval-deny-${item.id}`}>
            {translate('approvals.deny')}
          </Button>
        </Space>
      ) : null,
  };
  const pendingCount = filterInbox(inbox, 'pending').length;

  return (
    <Card
      title={
        <Space>
          {translate('approvals.inbox')}
          <Badge count={pendingCount} data-testid="approvals-pending-count" />
        </Space>
      }
      extra={
        <Button onClick={onRefresh} data-testid="approvals-refresh">
          {translate('common.refresh')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{translate('approvals.inboxHint')}</Typography.Paragraph>
      <Space direction="vertical" className="approvals-inbox-tools">
        <Segmented<InboxFilter>
          value={filter}
          onChange={(value) => {
            setFilter(value);
            setDecidedHere(new Set());
            setSelectedId(null);
            setPage(1);
          }}
          options={inboxFilters.map((value) => ({
            value,
            label: `${translate(`approvals.filter.${value}`)} (${filterInbox(inbox, value).length})`,
          }))}
          data-testid="approvals-filter"
        />
        <Input
          value={note}
          maxLength={200}
          onChange={(event) => setNote(event.target.value)}
          placeholder={translate('approvals.notePlaceholder')}
          data-testid="approvals-note"
        />
        <Typography.Text type="secondary">{translate('approvals.keyboardHint')}</Typography.Text>
      </Space>
      <div ref={tableArea} tabIndex={0} onKeyDown={handleKeyDown} className="approvals-inbox-keys" data-testid="approvals-inbox-keys">
        <Table
          rowKey="id"
          size="small"
          columns={[...columns, decisionColumn]}
          dataSource={rows}
          pagination={{ pageSize, current: page, onChange: setPage }}
          rowClassName={(item) => (item.id === selectedId ? 'approvals-row-selected' : '')}
          onRow={(item) => ({
            onClick: () => {
              setSelectedId(item.id);
              tableArea.current?.focus();
            },
          })}
          data-testid="approvals-inbox"
        />
      </div>
    </Card>
  );
}
