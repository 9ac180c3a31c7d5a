import { Empty, Modal, Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { HTMLAttributes } from 'react';
import { overdueTicketListLimit, type OverdueTicket } from '../../../common/ipc/sla-dashboard';
import { FailureAlert } from '../../components/FailureAlert';
import { useT } from '../../i18n/translate';
import { formatCountdown } from '../tickets/countdown';
import { useSlaDashboardStore } from './useSlaDashboardStore';

/** One agent's overdue tickets, the most overdue first: what their overdue count on the dashboard stands for. */
export function OverdueTicketsModal() {
  const translate = useT();
  const list = useSlaDashboardStore((state) => state.overdueList);
  const close = useSlaDashboardStore((state) => state.closeOverdueList);
  const now = list === null || list.now === '' ? 0 : Date.parse(list.now);

  const columns: TableColumnsType<OverdueTicket> = [
    { title: translate('tickets.column.number'), dataIndex: 'number', render: (number: string) => <Typography.Text strong copyable style={{ whiteSpace: 'nowrap' }}>{number}</Typography.Text> },
    { title: translate('tickets.column.category'), dataIndex: 'category', render: (category: OverdueTicket['category']) => translate(`tickets.category.${category}`) },
    { title: translate('tickets.column.status'), dataIndex: 'status', render: (status: OverdueTicket['status']) => <Tag>{translate(`tickets.status.${status}`)}</Tag> },
    {
      title: translate('slaDashboard.overdueList.target'),
      dataIndex: 'target',
      render: (target: OverdueTicket['target']) => (target === null ? translate('common.none') : translate(`tickets.target.${target}`)),
    },
    { title: translate('slaDashboard.overdueList.due'), dataIndex: 'dueAt', render: (dueAt: string) => new Date(dueAt).toLocaleString() },
    {
      title: translate('slaDashboard.overdueList.overdueBy'),
      key: 'overdueBy',
      render: (_value, ticket) => (
        <Tag color="red" data-testid="overdue-ticket-by">
          {formatCountdown(now - Date.parse(ticket.dueAt))}
        </Tag>
      ),
    },
  ];

  return (
    <Modal
      open={list !== null}
      title={list === null ? '' : translate('slaDashboard.overdueList.title', { agentId: list.agentId, name: list.displayName })}
      onCancel={close}
      footer={null}
      width={880}
      destroyOnHidden
    >
      {list === null ? null : (
        <>
          <FailureAlert code={list.errorCode} testId="sla-dashboard-overdue-error" />
          {list.tickets !== null && list.overdue > list.tickets.length ? (
            <Typography.Paragraph type="secondary">{translate('slaDashboard.overdueList.more', { count: list.overdue, limit: overdueTicketListLimit })}</Typography.Paragraph>
          ) : null}
          <Table<OverdueTicket>
            size="small"
            rowKey="id"
            columns={columns}
            dataSource={list.tickets ?? []}
            loading={list.loading}
            pagination={false}
            scroll={{ y: 480 }}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={translate('tickets.empty')} /> }}
            onRow={(ticket) => ({ 'data-testid': `overdue-ticket-row-${ticket.number}` }) as HTMLAttributes<HTMLElement>}
            data-testid="sla-dashboard-overdue-list"
          />
        </>
      )}
    </Modal>
  );
}
