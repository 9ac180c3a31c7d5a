import { Button, Card, Col, DatePicker, Descriptions, Empty, Flex, Row, Select, Space, Spin, Statistic, Table, Typography, type TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, type HTMLAttributes, type ReactNode } from 'react';
import type { AccountView } from '../../../common/ipc/accounts';
import type { DateRange, SlaDashboard } from '../../../common/ipc/sla-dashboard';
import { FailureAlert } from '../../components/FailureAlert';
import { fontFamilies } from '../../i18n/locales';
import { useT } from '../../i18n/translate';
import { useI18nStore } from '../../i18n/useI18nStore';
import { complianceByCategoryOption, handleTimeByAgentOption, overdueByCategoryOption } from './chartOptions';
import { DashboardChart } from './DashboardChart';
import { formatDuration, formatShare } from './dashboardFormat';
import { OverdueTicketsModal } from './OverdueTicketsModal';
import { useSlaDashboardStore, type DashboardRequest } from './useSlaDashboardStore';

type Open = SlaDashboard['open'];
type CategoryOpen = Open['byCategory'][number];
type AgentOpen = Open['byAgent'][number];
type CategoryResponse = SlaDashboard['firstResponse']['byCategory'][number];
type AgentHandleTime = SlaDashboard['handleTime']['byAgent'][number];

const allTeams = 'all';
const teamOption = (team: string) => `team:${team}`;
const dateFormat = 'YYYY-MM-DD';

/** Both days of a picked range, or null while one is missing. */
function rangeOf(dates: readonly (Dayjs | null)[] | null): DateRange | null {
  const [from, to] = dates ?? [];
  return from && to ? { from: from.format(dateFormat), to: to.format(dateFormat) } : null;
}

function rowProps(testId: string, data: Record<string, string>): HTMLAttributes<HTMLElement> {
  return { 'data-testid': testId, ...Object.fromEntries(Object.entries(data).map(([name, value]) => [`data-${name}`, value])) } as HTMLAttributes<HTMLElement>;
}

function Tile({ testId, children }: { testId: string; children: ReactNode }) {
  return (
    <Col flex="1 1 200px">
      <Card size="small" data-testid={testId} style={{ height: '100%' }}>
        {children}
      </Card>
    </Col>
  );
}

/** A chart, or a note that there is nothing to draw. */
function ChartOrEmpty({ rows, children }: { rows: number; children: ReactNode }) {
  const translate = useT();
  return rows === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={translate('slaDashboard.empty')} /> : children;
}

/**
 * The team lead's SLA dashboard (服务时限看板): open and overdue tickets now by category and
 * agent; for a range of days (default this month), first-response compliance, the call-back
 * rate and the mean handle time, as charts and as tables with the same figures. Administrators
 * see every team or pick one. Main computes every figure.
 */
export function SlaDashboardPage({ account }: { account: AccountView }) {
  const translate = useT();
  const locale = useI18nStore((state) => state.locale);
  const dashboard = useSlaDashboardStore((state) => state.dashboard);
  const request = useSlaDashboardStore((state) => state.request);
  const loading = useSlaDashboardStore((state) => state.loading);
  const errorCode = useSlaDashboardStore((state) => state.errorCode);
  const load = useSlaDashboardStore((state) => state.load);
  const reset = useSlaDashboardStore((state) => state.reset);
  const openOverdueList = useSlaDashboardStore((state) => state.openOverdueList);
  const month = useSlaDashboardStore((state) => state.thisMonth);
  const admin = account.role === 'admin';
  const none = translate('common.none');
  const fontFamily = fontFamilies[locale];

  useEffect(() => {
    void load({});
    // Nothing stays behind once the page closes (a lock or sign-out closes it too).
    return reset;
  }, [load, reset]);

  const options = useMemo(
    () =>
      dashboard === null
        ? null
        : {
            overdue: overdueByCategoryOption(dashboard.open, translate, fontFamily),
            compliance: complianceByCategoryOption(dashboard.firstResponse, translate, fontFamily),
            handleTime: handleTimeByAgentOption(dashboard.handleTime, translate, fontFamily),
          },
    [dashboard, translate, fontFamily],
  );

  function ask(change: Partial<{ range: DateRange | undefined; team: string | undefined }>): void {
    const next = { ...request, ...change };
    const asked: { range?: DateRange; team?: string } = {};
    if (next.range !== undefined) asked.range = next.range;
    if (next.team !== undefined) asked.team = next.team;
    void load(asked satisfies DashboardRequest);
  }

  const shownRange = request.range ?? dashboard?.range;
  // The same dates keep the same values: the workspace re-renders every second, and a new value
  // would make the picker drop what is being typed into it.
  const shownFrom = shownRange?.from;
  const shownTo = shownRange?.to;
  const rangeValue = useMemo<[Dayjs, Dayjs] | null>(
    () => (shownFrom === undefined || shownTo === undefined ? null : [dayjs(shownFrom), dayjs(shownTo)]),
    [shownFrom, shownTo],
  );
  const presets = useMemo(
    () => (month === null ? [] : [{ label: translate('slaDashboard.thisMonth'), value: [dayjs(month.from), dayjs(month.to)] as [Dayjs, Dayjs] }]),
    [month, translate],
  );

  const categoryColumns: TableColumnsType<CategoryOpen> = [
    { title: translate('slaDashboard.column.category'), dataIndex: 'category', render: (category: CategoryOpen['category']) => translate(`tickets.category.${category}`) },
    { title: translate('slaDashboard.column.open'), dataIndex: 'open', align: 'right', render: (open: number) => <span data-testid="sla-dashboard-open">{open}</span> },
    {
      title: translate('slaDashboard.column.overdue'),
      dataIndex: 'overdue',
      align: 'right',
      render: (overdue: number) => (
        <Typography.Text type={overdue > 0 ? 'danger' : undefined} data-testid="sla-dashboard-overdue">
          {overdue}
        </Typography.Text>
      ),
    },
  ];

  const agentColumns: TableColumnsType<AgentOpen> = [
    { title: translate('slaDashboard.column.agent'), dataIndex: 'agentId' },
    { title: translate('slaDashboard.column.name'), dataIndex: 'displayName' },
    { title: translate('slaDashboard.column.open'), dataIndex: 'open', align: 'right', render: (open: number) => <span data-testid="sla-dashboard-open">{open}</span> },
    {
      title: translate('slaDashboard.column.overdue'),
      key: 'overdue',
      align: 'right',
      render: (_value, agent) =>
        agent.overdue === 0 ? (
          <span data-testid="sla-dashboard-overdue">0</span>
        ) : (
          <Button
            type="link"
            danger
            size="small"
            onClick={() => void openOverdueList(agent)}
            aria-label={translate('slaDashboard.byAgent.showOverdue', { count: agent.overdue, agentId: agent.agentId })}
            data-testid={`sla-dashboard-agent-overdue-${agent.agentId}`}
          >
            <span data-testid="sla-dashboard-overdue">{agent.overdue}</span>
          </Button>
        ),
    },
  ];

  const complianceColumns: TableColumnsType<CategoryResponse> = [
    { title: translate('slaDashboard.column.category'), dataIndex: 'category', render: (category: CategoryResponse['category']) => translate(`tickets.category.${category}`) },
    { title: translate('slaDashboard.column.onTime'), dataIndex: 'onTime', align: 'right' },
    { title: translate('slaDashboard.column.late'), dataIndex: 'late', align: 'right' },
    { title: translate('slaDashboard.column.missed'), dataIndex: 'missed', align: 'right' },
    { title: translate('slaDashboard.column.pending'), dataIndex: 'pending', align: 'right' },
    {
      title: translate('slaDashboard.column.compliance'),
      dataIndex: 'compliance',
      align: 'right',
      render: (compliance: number | null) => <span data-testid="sla-dashboard-compliance">{formatShare(compliance, none)}</span>,
    },
  ];

  const handleTimeColumns: TableColumnsType<AgentHandleTime> = [
    { title: translate('slaDashboard.column.agent'), dataIndex: 'agentId' },
    { title: translate('slaDashboard.column.name'), dataIndex: 'displayName' },
    { title: translate('slaDashboard.column.calls'), dataIndex: 'calls', align: 'right' },
    {
      title: translate('slaDashboard.column.average'),
      dataIndex: 'averageSeconds',
      align: 'right',
      render: (seconds: number) => (
        <Typography.Text type={dashboard !== null && seconds > dashboard.handleTime.targetSeconds ? 'danger' : undefined} data-testid="sla-dashboard-average">
          {formatDuration(seconds, none)}
        </Typography.Text>
      ),
    },
    { title: translate('slaDashboard.column.withinTarget', { target: formatDuration(dashboard?.handleTime.targetSeconds ?? null, none) }), dataIndex: 'withinTarget', align: 'right' },
  ];

  return (
    <section className="agents-page" data-testid="sla-dashboard-page">
      <div className="agents-page-toolbar">
        <Typography.Title level={4} className="agents-page-title">
          {translate('slaDashboard.title')}
        </Typography.Title>
        <Space wrap>
          <span data-testid="sla-dashboard-range">
            <DatePicker.RangePicker
              value={rangeValue}
              allowClear={false}
              aria-label={translate('slaDashboard.range')}
              presets={presets}
              onChange={(dates) => {
                const range = rangeOf(dates);
                if (range !== null) ask({ range });
              }}
            />
          </span>
          {admin ? (
            <Select
              className="sla-dashboard-team"
              style={{ minWidth: 160 }}
              aria-label={translate('slaDashboard.team')}
              value={request.team === undefined ? allTeams : teamOption(request.team)}
              onChange={(value: string) => ask({ team: value === allTeams ? undefined : value.slice(teamOption('').length) })}
              options={[
                { value: allTeams, label: translate('slaDashboard.allTeams') },
                ...(dashboard?.teams ?? []).map((team) => ({ value: teamOption(team), label: team })),
              ]}
              data-testid="sla-dashboard-team"
            />
          ) : null}
          <Button onClick={() => void load()} loading={loading} data-testid="sla-dashboard-refresh">
            {translate('common.refresh')}
          </Button>
        </Space>
      </div>
      {dashboard === null ? null : (
        <Typography.Paragraph type="secondary" data-testid="sla-dashboard-scope">
          {translate('slaDashboard.scope', {
            team: dashboard.team === null ? translate('slaDashboard.allTeams') : dashboard.team === '' ? translate('slaDashboard.noTeam') : dashboard.team,
            from: dashboard.range.from,
            to: dashboard.range.to,
            timeZone: dashboard.timeZone,
          })}
        </Typography.Paragraph>
      )}
      <FailureAlert code={errorCode} heading={translate('slaDashboard.loadFailed')} testId="sla-dashboard-error" />
      <Spin spinning={loading && dashboard !== null}>
        {dashboard === null || options === null ? (
          <Flex justify="center" style={{ padding: 48 }}>
            {loading ? <Spin /> : null}
          </Flex>
        ) : (
          <Flex vertical gap={16}>
            <Row gutter={[16, 16]}>
              <Tile testId="sla-dashboard-stat-open">
                <Statistic title={translate('slaDashboard.stat.open')} value={dashboard.open.open} />
              </Tile>
              <Tile testId="sla-dashboard-stat-overdue">
                <Statistic title={translate('slaDashboard.stat.overdue')} value={dashboard.open.overdue} styles={{ content: { color: dashboard.open.overdue > 0 ? '#cf1322' : undefined } }} />
              </Tile>
              <Tile testId="sla-dashboard-stat-compliance">
                <Statistic title={translate('slaDashboard.stat.compliance')} value={formatShare(dashboard.firstResponse.compliance, none)} />
                <Typography.Text type="secondary">
                  {translate('slaDashboard.stat.complianceDetail', {
                    onTime: dashboard.firstResponse.onTime,
                    decided: dashboard.firstResponse.onTime + dashboard.firstResponse.late + dashboard.firstResponse.missed,
                    pending: dashboard.firstResponse.pending,
                  })}
                </Typography.Text>
              </Tile>
              <Tile testId="sla-dashboard-stat-callback">
                <Statistic title={translate('slaDashboard.stat.callbackRate')} value={formatShare(dashboard.callback.rate, none)} />
                <Typography.Text type="secondary">
                  {translate('slaDashboard.stat.callbackDetail', { reached: dashboard.callback.reached, needed: dashboard.callback.needed, unreachable: dashboard.callback.closedUnreachable })}
                </Typography.Text>
              </Tile>
              <Tile testId="sla-dashboard-stat-handle-time">
                <Statistic title={translate('slaDashboard.stat.handleTime')} value={formatDuration(dashboard.handleTime.averageSeconds, none)} />
                <Typography.Text type="secondary">
                  {translate('slaDashboard.stat.handleTimeDetail', { calls: dashboard.handleTime.calls, target: formatDuration(dashboard.handleTime.targetSeconds, none) })}
                </Typography.Text>
              </Tile>
            </Row>
            <Typography.Text type="secondary">{translate('slaDashboard.openNow')}</Typography.Text>

            <Row gutter={[16, 16]}>
              <Col xs={24} xl={12}>
                <Card title={translate('slaDashboard.byCategory.title')} size="small" style={{ height: '100%' }}>
                  <ChartOrEmpty rows={dashboard.open.byCategory.length}>
                    <DashboardChart option={options.overdue} label={translate('slaDashboard.chart.overdueLabel')} testId="sla-chart-overdue-by-category" />
                  </ChartOrEmpty>
                  <Table<CategoryOpen>
                    size="small"
                    rowKey="category"
                    columns={categoryColumns}
                    dataSource={dashboard.open.byCategory}
                    pagination={false}
                    locale={{ emptyText: translate('slaDashboard.empty') }}
                    onRow={(row) => rowProps('sla-dashboard-category-row', { category: row.category })}
                    data-testid="sla-dashboard-by-category"
                  />
                </Card>
              </Col>
              <Col xs={24} xl={12}>
                <Card title={translate('slaDashboard.byAgent.title')} extra={<Typography.Text type="secondary">{translate('slaDashboard.byAgent.hint')}</Typography.Text>} size="small" style={{ height: '100%' }}>
                  <Table<AgentOpen>
                    size="small"
                    rowKey="agentId"
                    columns={agentColumns}
                    dataSource={dashboard.open.byAgent}
                    pagination={false}
                    locale={{ emptyText: translate('slaDashboard.empty') }}
                    onRow={(row) => rowProps('sla-dashboard-agent-row', { 'agent-id': row.agentId })}
                    data-testid="sla-dashboard-by-agent"
                  />
                </Card>
              </Col>
              <Col xs={24} xl={12}>
                <Card title={translate('slaDashboard.compliance.title')} size="small" style={{ height: '100%' }}>
                  <Typography.Paragraph type="secondary">{translate('slaDashboard.compliance.hint')}</Typography.Paragraph>
                  <ChartOrEmpty rows={dashboard.firstResponse.byCategory.length}>
                    <DashboardChart option={options.compliance} label={translate('slaDashboard.chart.complianceLabel')} testId="sla-chart-compliance-by-category" />
                  </ChartOrEmpty>
                  <Table<CategoryResponse>
                    size="small"
                    rowKey="category"
                    columns={complianceColumns}
                    dataSource={dashboard.firstResponse.byCategory}
                    pagination={false}
                    locale={{ emptyText: translate('slaDashboard.empty') }}
                    onRow={(row) => rowProps('sla-dashboard-compliance-row', { category: row.category })}
                    data-testid="sla-dashboard-compliance-table"
                  />
                </Card>
              </Col>
              <Col xs={24} xl={12}>
                <Card title={translate('slaDashboard.handleTime.title')} size="small" style={{ height: '100%' }}>
                  <Typography.Paragraph type="secondary">
                    {translate('slaDashboard.handleTime.hint', { target: formatDuration(dashboard.handleTime.targetSeconds, none) })}
                  </Typography.Paragraph>
                  <ChartOrEmpty rows={dashboard.handleTime.byAgent.length}>
                    <DashboardChart option={options.handleTime} label={translate('slaDashboard.chart.handleTimeLabel')} testId="sla-chart-handle-time" />
                  </ChartOrEmpty>
                  <Table<AgentHandleTime>
                    size="small"
                    rowKey="agentId"
                    columns={handleTimeColumns}
                    dataSource={dashboard.handleTime.byAgent}
                    pagination={false}
                    locale={{ emptyText: translate('slaDashboard.empty') }}
                    onRow={(row) => rowProps('sla-dashboard-handle-time-row', { 'agent-id': row.agentId })}
                    data-testid="sla-dashboard-handle-time-table"
                  />
                </Card>
              </Col>
              <Col xs={24} xl={12}>
                <Card title={translate('slaDashboard.callback.title')} size="small" style={{ height: '100%' }}>
                  <Descriptions
                    size="small"
                    column={1}
                    bordered
                    data-testid="sla-dashboard-callback"
                    items={[
                      { key: 'needed', label: translate('slaDashboard.callback.needed'), children: <span data-testid="sla-dashboard-callback-needed">{dashboard.callback.needed}</span> },
                      { key: 'reached', label: translate('slaDashboard.callback.reached'), children: <span data-testid="sla-dashboard-callback-reached">{dashboard.callback.reached}</span> },
                      { key: 'rate', label: translate('slaDashboard.callback.rate'), children: <span data-testid="sla-dashboard-callback-rate">{formatShare(dashboard.callback.rate, none)}</span> },
                      {
                        key: 'unreachable',
                        label: translate('slaDashboard.callback.unreachable'),
                        children: (
                          <span data-testid="sla-dashboard-callback-unreachable">
                            {dashboard.callback.unreachableShare === null
                              ? dashboard.callback.closedUnreachable
                              : translate('slaDashboard.callback.unreachableValue', {
                                  count: dashboard.callback.closedUnreachable,
                                  share: formatShare(dashboard.callback.unreachableShare, none),
                                })}
                          </span>
                        ),
                      },
                      { key: 'outstanding', label: translate('slaDashboard.callback.outstanding'), children: <span data-testid="sla-dashboard-callback-outstanding">{dashboard.callback.outstanding}</span> },
                    ]}
                  />
                </Card>
              </Col>
            </Row>
          </Flex>
        )}
      </Spin>
      <OverdueTicketsModal />
    </section>
  );
}
