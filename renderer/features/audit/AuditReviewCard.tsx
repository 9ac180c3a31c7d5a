import { App, AutoComplete, Button, Card, DatePicker, Form, Input, Segmented, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState, type HTMLAttributes, type UIEvent } from 'react';
import type { AuditEntryView } from '../../../common/ipc/audit';
import { errorMessage, useErrorMessage, useT } from '../../i18n/translate';
import { useI18nStore } from '../../i18n/useI18nStore';
import { AuditEntryDrawer } from './AuditEntryDrawer';
import { AuditExportControls } from './AuditExportControls';
import { auditActionSuggestions, auditObjectTypes, nearListEnd, toAuditFilter, workstationTime, type AuditFilterValues, type AuditOrder } from './auditReview';
import { useAuditStore } from './useAuditStore';

/** The table's own scroll height: rows beyond it are not rendered (antd's virtual list). */
const tableHeight = 480;
const rowHeight = 39;

/**
 * Review of the audit log: filters (agent, action or family, object, outcome, time), newest or
 * oldest first, a virtual table that fetches the next page by cursor as it scrolls, each
 * entry's detail in a drawer, and the approved export of the view. Every page read is audited.
 */
export function AuditReviewCard() {
  const translate = useT();
  const describeError = useErrorMessage();
  const { message } = App.useApp();
  const locale = useI18nStore((state) => state.locale);
  const entries = useAuditStore((state) => state.entries);
  const total = useAuditStore((state) => state.total);
  const loading = useAuditStore((state) => state.loading);
  const nextCursor = useAuditStore((state) => state.nextCursor);
  const search = useAuditStore((state) => state.search);
  const loadMore = useAuditStore((state) => state.loadMore);
  const [form] = Form.useForm<AuditFilterValues>();
  const [order, setOrder] = useState<AuditOrder>('desc');
  const [selected, setSelected] = useState<AuditEntryView | null>(null);

  // The first page of the whole (scoped) log; later searches come from the form.
  useEffect(() => {
    void search({}, 'desc').then((failure) => {
      if (failure !== null) void message.error(errorMessage(failure.code));
    });
  }, [search, message]);

  async function apply(values: AuditFilterValues, nextOrder: AuditOrder): Promise<void> {
    setSelected(null);
    const failure = await search(toAuditFilter(values), nextOrder);
    if (failure !== null) void message.error(describeError(failure.code));
  }

  function handleOrder(nextOrder: AuditOrder): void {
    setOrder(nextOrder);
    void apply(form.getFieldsValue(), nextOrder);
  }

  function handleReset(): void {
    form.resetFields();
    setOrder('desc');
    void apply({}, 'desc');
  }

  function handleScroll(event: UIEvent<HTMLDivElement>): void {
    if (nextCursor === null || loading || !nearListEnd(event.currentTarget, rowHeight * 15)) return;
    void loadMore().then((failure) => {
      if (failure !== null) void message.error(describeError(failure.code));
    });
  }

  const columns: TableColumnsType<AuditEntryView> = [
    { title: '#', dataIndex: 'seq', width: 80 },
    {
      title: translate('audit.column.time'),
      key: 'time',
      width: 200,
      render: (_, entry) => workstationTime(entry.occurredAt, entry.utcOffsetMinutes),
    },
    { title: translate('audit.column.agent'), key: 'agent', width: 90, render: (_, entry) => entry.agentId ?? '—' },
    { title: translate('audit.column.action'), dataIndex: 'action', width: 200 },
    {
      title: translate('audit.column.object'),
      key: 'object',
      width: 140,
      render: (_, entry) => (entry.objectType === null ? '—' : `${entry.objectType} ${entry.objectId ?? ''}`),
    },
    {
      title: translate('audit.column.outcome'),
      key: 'outcome',
      width: 170,
      render: (_, entry) => (
        <Tag color={entry.outcome === 'success' ? 'success' : 'error'}>
          {translate(`outcome.${entry.outcome}`)}
          {entry.code === null ? '' : ` ${entry.code}`}
        </Tag>
      ),
    },
  ];
  const tableWidth = columns.reduce((sum, column) => sum + (typeof column.width === 'number' ? column.width : 0), 0);

  const totalText =
    total === null
      ? '…'
      : total.capped
        ? translate('audit.totalCapped', { count: total.count.toLocaleString(locale) })
        : translate('audit.total', { count: total.count.toLocaleString(locale) });

  return (
    <Card title={translate('audit.review')} extra={<span data-testid="audit-total">{totalText}</span>} data-testid="audit-review">
      <Typography.Paragraph type="secondary">{translate('audit.readAudited')}</Typography.Paragraph>
      <Form<AuditFilterValues> form={form} name="auditFilter" layout="inline" className="audit-filter" onFinish={(values) => void apply(values, order)}>
        <Form.Item name="agentId" label={translate('audit.filter.agent')}>
          <Input allowClear style={{ width: 110 }} data-testid="audit-filter-agent" />
        </Form.Item>
        <Form.Item name="action" label={translate('audit.filter.action')}>
          <AutoComplete
            allowClear
            style={{ width: 230 }}
            placeholder={translate('audit.filter.actionPlaceholder')}
            options={auditActionSuggestions.map((action) => ({
              value: action,
              label: action.endsWith('.*') ? `${action}（${translate('audit.filter.actionFamily')}）` : action,
            }))}
            filterOption={(input, option) => (option?.value ?? '').toLowerCase().includes(input.toLowerCase())}
            data-testid="audit-filter-action"
          />
        </Form.Item>
        <Form.Item name="objectType" label={translate('audit.filter.objectType')}>
          <AutoComplete
            allowClear
            style={{ width: 170 }}
            options={auditObjectTypes.map((type) => ({ value: type, label: `${type}（${translate(`audit.objectType.${type}`)}）` }))}
            filterOption={(input, option) => (option?.value ?? '').toLowerCase().includes(input.toLowerCase())}
            data-testid="audit-filter-object-type"
          />
        </Form.Item>
        <Form.Item name="objectId" label={translate('audit.filter.objectId')}>
          <Input allowClear style={{ width: 110 }} data-testid="audit-filter-object-id" />
        </Form.Item>
        <Form.Item name="outcome" label={translate('audit.filter.outcome')}>
          <Select
            allowClear
            style={{ width: 110 }}
            options={(['success', 'refused', 'failed'] as const).map((outcome) => ({ value: outcome, label: translate(`outcome.${outcome}`) }))}
            data-testid="audit-filter-outcome"
          />
        </Form.Item>
        <Form.Item name="time" label={translate('audit.filter.time')}>
          <DatePicker.RangePicker showTime allowEmpty={[true, true]} data-testid="audit-filter-time" />
        </Form.Item>
        <Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" data-testid="audit-filter-apply">
              {translate('audit.filter.apply')}
            </Button>
            <Button onClick={handleReset} data-testid="audit-filter-reset">
              {translate('audit.filter.reset')}
            </Button>
          </Space>
        </Form.Item>
      </Form>
      <Space wrap className="audit-toolbar" style={{ margin: '12px 0' }}>
        <Segmented<AuditOrder>
          value={order}
          onChange={handleOrder}
          options={[
            { value: 'desc', label: translate('audit.order.desc') },
            { value: 'asc', label: translate('audit.order.asc') },
          ]}
          data-testid="audit-order"
        />
        <AuditExportControls disabled={total === null || (!total.capped && total.count === 0)} />
      </Space>
      <Table<AuditEntryView>
        rowKey="seq"
        size="small"
        virtual
        scroll={{ x: tableWidth, y: tableHeight }}
        columns={columns}
        dataSource={entries}
        pagination={false}
        loading={loading && entries.length === 0}
        onScroll={handleScroll}
        onRow={(entry) =>
          ({
            onClick: () => setSelected(entry),
            style: { cursor: 'pointer' },
            'data-testid': `audit-row-${entry.seq}`,
          }) as HTMLAttributes<HTMLElement>
        }
        data-testid="audit-entries"
      />
      <Typography.Text type="secondary" data-testid="audit-loaded">
        {loading && nextCursor !== null
          ? translate('audit.searching', { time: dayjs(nextCursor.occurredAt).format('YYYY-MM-DD HH:mm') })
          : loading
            ? translate('audit.loadingMore')
            : translate(nextCursor === null ? 'audit.allLoaded' : 'audit.loaded', { count: entries.length.toLocaleString(locale) })}
      </Typography.Text>
      <AuditEntryDrawer entry={selected} onClose={() => setSelected(null)} />
    </Card>
  );
}
