import { Alert, App, Button, Flex, Popconfirm, Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useEffect, useState, type HTMLAttributes } from 'react';
import type { CalendarYearView, SlaPolicyView } from '../../../common/ipc/sla-settings';
import { slaTargetKinds } from '../../../common/tickets/sla-policy';
import { FailureAlert } from '../../components/FailureAlert';
import { testIdProps } from '../../components/testIdProps';
import { useErrorMessage, useT } from '../../i18n/translate';
import { CalendarImportModal } from './CalendarImportModal';
import { CalendarYearEditor } from './CalendarYearEditor';
import { SlaPolicyEditor } from './SlaPolicyEditor';
import { categoryLabel, describeCalendarProblem, targetLabel, weekdayLabel } from './slaLabels';
import { useSlaSettingsStore } from './useSlaSettingsStore';

type YearEditing = { kind: 'none' } | { kind: 'create' } | { kind: 'edit'; calendarYear: CalendarYearView };

/** A year's days, "2026-10-01 周四 国庆节", one to a line. */
function DayList({ title, days, testId }: { title: string; days: readonly { date: string; name: string }[]; testId: string }) {
  const translate = useT();
  return (
    <div style={{ flex: 1, minWidth: 260 }} data-testid={testId}>
      <Typography.Text strong>{title}</Typography.Text>
      {days.length === 0 ? (
        <div>
          <Typography.Text type="secondary">{translate('slaSettings.calendar.noDays')}</Typography.Text>
        </div>
      ) : (
        <ul className="calendar-day-list" style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
          {days.map((day) => (
            <li key={`${day.date}-${day.name}`} data-testid="calendar-day" data-date={day.date}>
              <Typography.Text code>{day.date}</Typography.Text> <Typography.Text type="secondary">{weekdayLabel(day.date, translate)}</Typography.Text> {day.name}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/**
 * The SLA policies and the working-day calendar (服务时限): administrators change each
 * category's targets (for tickets created afterwards), reset them to the default, and edit,
 * remove and import calendar years; team leads (`canEdit` false) read them. Main enforces the same.
 */
export function SlaSettingsPage({ canEdit }: { canEdit: boolean }) {
  const translate = useT();
  const describeError = useErrorMessage();
  const { message } = App.useApp();
  const policies = useSlaSettingsStore((state) => state.policies);
  const years = useSlaSettingsStore((state) => state.years);
  const timeZone = useSlaSettingsStore((state) => state.timeZone);
  const today = useSlaSettingsStore((state) => state.today);
  const loading = useSlaSettingsStore((state) => state.loading);
  const loaded = useSlaSettingsStore((state) => state.loaded);
  const loadErrorCode = useSlaSettingsStore((state) => state.loadErrorCode);
  const load = useSlaSettingsStore((state) => state.load);
  const reset = useSlaSettingsStore((state) => state.reset);
  const resetPolicy = useSlaSettingsStore((state) => state.resetPolicy);
  const removeCalendarYear = useSlaSettingsStore((state) => state.removeCalendarYear);
  const [editingPolicy, setEditingPolicy] = useState<SlaPolicyView | null>(null);
  const [editingYear, setEditingYear] = useState<YearEditing>({ kind: 'none' });
  const [importing, setImporting] = useState(false);

  useEffect(() => {
    void load();
    // Nothing stays behind once the page closes (a lock or sign-out closes it too).
    return reset;
  }, [load, reset]);

  async function handleReset(policy: SlaPolicyView): Promise<void> {
    const failure = await resetPolicy(policy.category);
    if (failure !== null) {
      void message.error(describeError(failure.code));
      return;
    }
    void message.success(translate('slaSettings.policy.resetDone', { category: categoryLabel(policy.category, translate) }));
  }

  async function handleRemoveYear(year: number): Promise<void> {
    const failure = await removeCalendarYear(year);
    if (failure !== null) {
      void message.error(describeError(failure.code));
      return;
    }
    void message.success(translate('slaSettings.calendar.removed', { year }));
  }

  const policyColumns: TableColumnsType<SlaPolicyView> = [
    {
      title: translate('slaSettings.column.category'),
      key: 'category',
      render: (_value, policy) => <span data-testid="sla-policy-category">{categoryLabel(policy.category, translate)}</span>,
    },
    ...slaTargetKinds.map((kind) => ({
      title: translate(`tickets.target.${kind}`),
      key: kind,
      width: 130,
      render: (_value: unknown, policy: SlaPolicyView) => <span data-testid={`sla-policy-target-${kind}`}>{targetLabel(policy[kind], translate)}</span>,
    })),
    {
      title: translate('slaSettings.column.state'),
      key: 'state',
      width: 120,
      render: (_value, policy) =>
        policy.problems.length > 0 ? (
          <Tooltip title={policy.problems.join(' ')}>
            <Tag color="error" data-testid="sla-policy-state" data-state="unreadable">
              {translate('slaSettings.policy.unreadable')}
            </Tag>
          </Tooltip>
        ) : (
          <Tag color={policy.isDefault ? 'default' : 'blue'} data-testid="sla-policy-state" data-state={policy.isDefault ? 'default' : 'changed'}>
            {translate(policy.isDefault ? 'slaSettings.policy.default' : 'slaSettings.policy.changed')}
          </Tag>
        ),
    },
    {
      title: translate('slaSettings.column.actions'),
      key: 'actions',
      width: 170,
      render: (_value, policy) => (
        <Space size={4}>
          <Button type="link" size="small" onClick={() => setEditingPolicy(policy)} data-testid={`sla-policy-edit-${policy.category}`}>
            {translate(canEdit ? 'slaSettings.policy.edit' : 'slaSettings.policy.view')}
          </Button>
          {canEdit ? (
            <Popconfirm
              title={translate('slaSettings.policy.resetConfirmTitle', { category: categoryLabel(policy.category, translate) })}
              description={translate('slaSettings.policy.resetConfirm')}
              okText={translate('slaSettings.policy.reset')}
              cancelText={translate('common.cancel')}
              okButtonProps={testIdProps('sla-policy-reset-confirm')}
              onConfirm={() => handleReset(policy)}
            >
              <Button type="link" size="small" disabled={policy.isDefault && policy.problems.length === 0} data-testid={`sla-policy-reset-${policy.category}`}>
                {translate('slaSettings.policy.reset')}
              </Button>
            </Popconfirm>
          ) : null}
        </Space>
      ),
    },
  ];

  const yearColumns: TableColumnsType<CalendarYearView> = [
    {
      title: translate('slaSettings.calendar.column.year'),
      key: 'year',
      width: 110,
      render: (_value, year) => (
        <Flex vertical gap={4} align="start">
          <Typography.Text strong data-testid="calendar-year">
            {year.year}
          </Typography.Text>
          {year.problems.length > 0 ? (
            <Tag color="error" data-testid="calendar-year-invalid">
              {translate('slaSettings.calendar.invalid')}
            </Tag>
          ) : null}
        </Flex>
      ),
    },
    {
      title: translate('slaSettings.calendar.column.holidays'),
      key: 'holidays',
      width: 110,
      render: (_value, year) => <span data-testid="calendar-year-holiday-count">{translate('slaSettings.calendar.dayCount', { count: year.holidays.length })}</span>,
    },
    {
      title: translate('slaSettings.calendar.column.makeUpWorkdays'),
      key: 'makeUpWorkdays',
      width: 130,
      render: (_value, year) => (
        <span data-testid="calendar-year-make-up-count">{translate('slaSettings.calendar.dayCount', { count: year.makeUpWorkdays.length })}</span>
      ),
    },
    {
      title: translate('slaSettings.calendar.column.source'),
      key: 'source',
      render: (_value, year) => (
        <Typography.Text className="break-anywhere" type={year.source === '' ? 'secondary' : undefined} data-testid="calendar-year-source">
          {year.source === '' ? translate('slaSettings.calendar.noSource') : year.source}
        </Typography.Text>
      ),
    },
    {
      title: translate('slaSettings.column.actions'),
      key: 'actions',
      width: 150,
      render: (_value, year) => (
        <Space size={4}>
          <Button type="link" size="small" onClick={() => setEditingYear({ kind: 'edit', calendarYear: year })} data-testid={`calendar-year-edit-${year.year}`}>
            {translate(canEdit ? 'slaSettings.calendar.edit' : 'slaSettings.calendar.view')}
          </Button>
          {canEdit ? (
            <Popconfirm
              title={translate('slaSettings.calendar.removeConfirmTitle', { year: year.year })}
              description={translate('slaSettings.calendar.removeConfirm')}
              okText={translate('slaSettings.calendar.remove')}
              cancelText={translate('common.cancel')}
              okButtonProps={{ danger: true, ...testIdProps('calendar-year-remove-confirm') }}
              onConfirm={() => handleRemoveYear(year.year)}
            >
              <Button type="link" size="small" danger data-testid={`calendar-year-remove-${year.year}`}>
                {translate('slaSettings.calendar.remove')}
              </Button>
            </Popconfirm>
          ) : null}
        </Space>
      ),
    },
  ];

  // The desk warns when this year or the next has no usable calendar: deadlines then count Monday–Friday.
  const thisYear = Number(today.slice(0, 4));
  const missingYears = loaded && Number.isInteger(thisYear) ? [thisYear, thisYear + 1].filter((year) => !years.some((stored) => stored.year === year && stored.problems.length === 0)) : [];
  const newYear = Math.max(thisYear || 0, ...years.map((year) => year.year + 1));

  return (
    <section className="agents-page" data-testid="sla-settings-page">
      <div className="agents-page-toolbar">
        <div>
          <Typography.Title level={4} className="agents-page-title">
            {translate('slaSettings.title')}
          </Typography.Title>
        </div>
        <Button onClick={() => void load()} loading={loading} data-testid="sla-settings-refresh">
          {translate('common.refresh')}
        </Button>
      </div>
      <Typography.Paragraph type="secondary">{translate('slaSettings.subtitle')}</Typography.Paragraph>
      {canEdit ? null : <Alert className="form-alert" type="info" showIcon title={translate('slaSettings.readOnly')} data-testid="sla-settings-read-only" />}
      <FailureAlert code={loadErrorCode} heading={translate('slaSettings.loadFailed')} testId="sla-settings-load-error" />

      <Typography.Title level={5}>{translate('slaSettings.policies.title')}</Typography.Title>
      <Alert className="form-alert" type="info" showIcon title={translate('slaSettings.newTicketsOnly')} data-testid="sla-settings-new-tickets-only" />
      <Table<SlaPolicyView>
        rowKey="category"
        size="small"
        columns={policyColumns}
        dataSource={policies}
        loading={loading && !loaded}
        pagination={false}
        onRow={(policy) => ({ 'data-testid': 'sla-policy-row', 'data-category': policy.category }) as HTMLAttributes<HTMLElement>}
        style={{ marginBottom: 24 }}
        data-testid="sla-policies-table"
      />

      <div className="agents-page-toolbar">
        <Typography.Title level={5} style={{ margin: 0 }}>
          {translate('slaSettings.calendar.title')}
        </Typography.Title>
        {canEdit ? (
          <Space wrap>
            <Button onClick={() => setImporting(true)} data-testid="calendar-import">
              {translate('slaSettings.calendar.import')}
            </Button>
            <Button type="primary" onClick={() => setEditingYear({ kind: 'create' })} data-testid="calendar-year-create">
              {translate('slaSettings.calendar.add')}
            </Button>
          </Space>
        ) : null}
      </div>
      {timeZone === '' ? null : (
        <Typography.Paragraph data-testid="sla-settings-time-zone">{translate('slaSettings.calendar.timeZone', { timeZone })}</Typography.Paragraph>
      )}
      <Typography.Paragraph type="secondary">{translate('slaSettings.calendar.hint')}</Typography.Paragraph>
      {missingYears.map((year) => (
        <Alert key={year} className="form-alert" type="warning" showIcon title={translate('slaSettings.calendar.missingYear', { year })} data-testid="calendar-missing-year" data-year={year} />
      ))}
      <Table<CalendarYearView>
        rowKey="year"
        size="small"
        columns={yearColumns}
        dataSource={years}
        loading={loading && !loaded}
        pagination={false}
        expandable={{
          expandedRowRender: (year) => (
            <Flex vertical gap={12}>
              {year.problems.length > 0 ? (
                <Alert
                  type="warning"
                  showIcon
                  title={translate('slaSettings.calendar.problemsTitle', { year: year.year })}
                  description={
                    <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                      {year.problems.map((problem, index) => (
                        <li key={index} className="break-anywhere">
                          {describeCalendarProblem(problem, translate)}
                        </li>
                      ))}
                    </ul>
                  }
                />
              ) : null}
              <Flex gap={24} wrap>
                <DayList title={translate('slaSettings.calendar.holidays')} days={year.holidays} testId="calendar-year-holidays" />
                <DayList title={translate('slaSettings.calendar.makeUpWorkdays')} days={year.makeUpWorkdays} testId="calendar-year-make-up-workdays" />
              </Flex>
            </Flex>
          ),
        }}
        onRow={(year) => ({ 'data-testid': 'calendar-year-row', 'data-year': year.year }) as HTMLAttributes<HTMLElement>}
        locale={{ emptyText: translate('slaSettings.calendar.empty') }}
        data-testid="calendar-years-table"
      />

      {editingPolicy === null ? null : (
        <SlaPolicyEditor key={editingPolicy.category} policy={editingPolicy} canEdit={canEdit} onClose={() => setEditingPolicy(null)} />
      )}
      {editingYear.kind === 'none' ? null : (
        <CalendarYearEditor
          key={editingYear.kind === 'edit' ? `edit-${editingYear.calendarYear.year}` : 'create'}
          calendarYear={editingYear.kind === 'edit' ? editingYear.calendarYear : null}
          newYear={newYear}
          takenYears={years.map((year) => year.year)}
          canEdit={canEdit}
          onClose={() => setEditingYear({ kind: 'none' })}
        />
      )}
      {importing ? <CalendarImportModal onClose={() => setImporting(false)} /> : null}
    </section>
  );
}
