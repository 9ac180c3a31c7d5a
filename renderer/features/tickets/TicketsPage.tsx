import { Button, Card, Empty, Flex, Input, Popconfirm, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { AccountView } from '../../../common/ipc/accounts';
import type { TicketView } from '../../../common/ipc/tickets';
import { ticketCategories } from '../../../common/tickets/categories';
import { availableActions, canWaitForCustomer, ticketStatuses, type TicketAction } from '../../../common/tickets/workflow';
import { FailureAlert } from '../../components/FailureAlert';
import { useNow } from '../../components/useNow';
import { useT } from '../../i18n/translate';
import { formatCountdown, liveStanding, shownTarget } from './countdown';
import { SlipPrintButton } from './SlipPrintButton';
import { useTicketsStore } from './useTicketsStore';

type Failure = Parameters<typeof FailureAlert>[0]['code'];

/** How often the queue asks main again (deadlines are computed there). */
const refreshMilliseconds = 30_000;
const stateColors = { onTime: 'green', nearing: 'orange', overdue: 'red', paused: 'default', met: 'blue' } as const;

function Countdown({ ticket, answeredAt, now }: { ticket: TicketView; answeredAt: number; now: number }) {
  const translate = useT();
  const target = shownTarget(ticket);
  if (target === undefined) return <Typography.Text type="secondary">{translate('common.none')}</Typography.Text>;
  const live = liveStanding(target, now - answeredAt, !ticket.waiting);
  return (
    <Tooltip title={target.due === null ? translate('tickets.state.paused') : new Date(target.due).toLocaleString()}>
      <Tag color={stateColors[live.state]} className="ticket-countdown" data-testid="ticket-countdown" data-state={live.state} data-target={target.kind}>
        {translate(`tickets.target.${target.kind}`)} {live.state === 'paused' ? translate('tickets.state.paused') : formatCountdown(live.remaining)}
      </Tag>
    </Tooltip>
  );
}

/** The buttons of the workflow steps main would accept now (it decides again on each). */
function TicketActions({ ticket, account, onFailure }: { ticket: TicketView; account: AccountView; onFailure: (code: Failure) => void }) {
  const translate = useT();
  const transition = useTicketsStore((state) => state.transition);
  const setWaiting = useTicketsStore((state) => state.setWaiting);
  const [department, setDepartment] = useState('');
  const actions = availableActions({
    status: ticket.status,
    callbackRequired: ticket.callbackRequired,
    callbackReached: ticket.callbackReached,
    callbackFailures: ticket.callbackFailures,
    actorRole: account.role,
  });
  const run = async (action: TicketAction, extra: { department?: string; reached?: boolean } = {}) =>
    onFailure((await transition({ ticketId: ticket.id, action, ...extra }))?.code ?? null);

  return (
    <Space wrap size={4}>
      {actions.map((action) =>
        action === 'dispatch' ? (
          <Popconfirm
            key={action}
            title={translate('tickets.dispatch.title')}
            description={
              <Input value={department} onChange={(event) => setDepartment(event.target.value)} placeholder={translate('tickets.dispatch.department')} data-testid={`ticket-department-${ticket.id}`} />
            }
            okButtonProps={{ disabled: department.trim() === '' }}
            onConfirm={() => void run('dispatch', { department: department.trim() })}
          >
            <Button size="small" data-testid={`ticket-action-${ticket.id}-dispatch`}>
              {translate('tickets.action.dispatch')}
            </Button>
          </Popconfirm>
        ) : action === 'recordCallbackAttempt' ? (
          <Space key={action} size={4}>
            <Button size="small" onClick={() => void run(action, { reached: true })} data-testid={`ticket-action-${ticket.id}-reached`}>
              {translate('tickets.action.reached')}
            </Button>
            <Button size="small" onClick={() => void run(action, { reached: false })} data-testid={`ticket-action-${ticket.id}-unreached`}>
              {translate('tickets.action.unreached')}
            </Button>
          </Space>
        ) : (
          <Button key={action} size="small" onClick={() => void run(action)} data-testid={`ticket-action-${ticket.id}-${action}`}>
            {translate(`tickets.action.${action}`)}
          </Button>
        ),
      )}
      {ticket.customerId !== null ? <SlipPrintButton ticket={ticket} onFailure={onFailure} /> : null}
      {canWaitForCustomer(ticket.status) ? (
        <Button size="small" type="dashed" onClick={() => void setWaiting(ticket.id, !ticket.waiting).then((failure) => onFailure(failure?.code ?? null))} data-testid={`ticket-wait-${ticket.id}`}>
          {translate(ticket.waiting ? 'tickets.action.resume' : 'tickets.action.wait')}
        </Button>
      ) : null}
    </Space>
  );
}

function TicketTable({ tickets, account, answeredAt, now, onFailure, testId }: { tickets: TicketView[]; account: AccountView; answeredAt: number; now: number; onFailure: (code: Failure) => void; testId: string }) {
  const translate = useT();
  return (
    <Table<TicketView>
      size="small"
      rowKey="id"
      dataSource={tickets}
      pagination={false}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={translate('tickets.empty')} /> }}
      data-testid={testId}
      onRow={(ticket) => ({ 'data-testid': `ticket-row-${ticket.number}` }) as object}
      columns={[
        { title: translate('tickets.column.number'), dataIndex: 'number', render: (number: string) => <Typography.Text strong copyable>{number}</Typography.Text> },
        { title: translate('tickets.column.category'), dataIndex: 'category', render: (category: TicketView['category']) => translate(`tickets.category.${category}`) },
        { title: translate('tickets.column.status'), dataIndex: 'status', render: (status: TicketView['status'], ticket) => <Tag data-testid="ticket-status">{translate(`tickets.status.${status}`)}{ticket.waiting ? ` · ${translate('tickets.state.paused')}` : ''}</Tag> },
        { title: translate('tickets.column.customer'), dataIndex: 'customerName', render: (name: string) => name || translate('common.none') },
        { title: translate('tickets.column.timeLeft'), key: 'countdown', render: (_value, ticket) => <Countdown ticket={ticket} answeredAt={answeredAt} now={now} /> },
        { title: translate('tickets.column.summary'), dataIndex: 'summary', ellipsis: true },
        { title: translate('tickets.column.actions'), key: 'actions', render: (_value, ticket) => <TicketActions ticket={ticket} account={account} onFailure={onFailure} /> },
      ]}
    />
  );
}

/** My tickets by time left, with live countdowns; team leads also see their team's overdue tickets. */
export function TicketsPage({ account }: { account: AccountView }) {
  const translate = useT();
  const mine = useTicketsStore((state) => state.mine);
  const teamOverdue = useTicketsStore((state) => state.teamOverdue);
  const answeredAt = useTicketsStore((state) => state.answeredAt);
  const filters = useTicketsStore((state) => state.filters);
  const setFilters = useTicketsStore((state) => state.setFilters);
  const [failure, setFailure] = useState<Failure>(null);
  const now = useNow();
  const lead = account.role === 'team_lead';

  useEffect(() => {
    const refresh = () => {
      void useTicketsStore.getState().refresh();
      if (lead) void useTicketsStore.getState().refreshTeamOverdue();
    };
    refresh();
    const timer = window.setInterval(refresh, refreshMilliseconds);
    return () => window.clearInterval(timer);
  }, [lead]);

  return (
    <Flex vertical gap={16} data-testid="tickets-page">
      <Card
        title={translate('tickets.mine.title')}
        extra={
          <Space wrap>
            <Select
              mode="multiple"
              allowClear
              className="ticket-filter"
              placeholder={translate('tickets.filter.status')}
              value={filters.statuses}
              onChange={(statuses) => setFilters({ ...filters, statuses })}
              options={ticketStatuses.filter((status) => status !== 'closed').map((status) => ({ value: status, label: translate(`tickets.status.${status}`) }))}
            />
            <Select
              mode="multiple"
              allowClear
              className="ticket-filter"
              placeholder={translate('tickets.filter.category')}
              value={filters.categories}
              onChange={(categories) => setFilters({ ...filters, categories })}
              options={ticketCategories.map((category) => ({ value: category, label: translate(`tickets.category.${category}`) }))}
            />
          </Space>
        }
      >
        <FailureAlert code={failure} testId="tickets-error" />
        <TicketTable tickets={mine ?? []} account={account} answeredAt={answeredAt} now={now} onFailure={setFailure} testId="tickets-mine" />
      </Card>
      {lead ? (
        <Card title={translate('tickets.teamOverdue.title')}>
          <TicketTable tickets={teamOverdue ?? []} account={account} answeredAt={answeredAt} now={now} onFailure={setFailure} testId="tickets-team-overdue" />
        </Card>
      ) : null}
    </Flex>
  );
}
