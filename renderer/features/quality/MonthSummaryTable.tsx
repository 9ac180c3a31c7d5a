import { Descriptions, Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { HTMLAttributes } from 'react';
import { callCheckNames } from '../../../common/quality/call-checks';
import type { MonthSummary } from '../../../common/quality/monthly-summary';
import { scorecardItemMaxPoints, scorecardItems } from '../../../common/quality/scorecard';
import { useT, type Translate } from '../../i18n/translate';
import { monthLabel, trendLabel } from './qualityLabels';

function Trend({ change, testId }: { change: number | null; testId: string }) {
  if (change === null || change === 0) return null;
  return (
    <Typography.Text type={change > 0 ? 'success' : 'danger'} style={{ marginInlineStart: 6 }} data-testid={testId}>
      {change > 0 ? '↑' : '↓'}
      {trendLabel(change)}
    </Typography.Text>
  );
}

function weakestLabel(weakest: MonthSummary['weakest'], translate: Translate): string {
  if (weakest === null) return translate('common.none');
  const name = weakest.kind === 'item' ? translate(`quality.item.${weakest.item}`) : translate(`quality.check.${weakest.check}`);
  return translate('quality.summary.weakestValue', { name, percent: weakest.percent });
}

/** The month's figures per item and check, shown when a month is opened. */
function MonthDetails({ month }: { month: MonthSummary }) {
  const translate = useT();
  const percent = (value: number | null) => (value === null ? translate('common.none') : `${value}%`);
  return (
    <Descriptions size="small" column={4} data-testid="quality-summary-details">
      {scorecardItems.map((item) => (
        <Descriptions.Item key={item} label={translate(`quality.item.${item}`)}>
          {month.itemAverages[item] === null ? translate('common.none') : `${month.itemAverages[item]} / ${scorecardItemMaxPoints[item]}`}
        </Descriptions.Item>
      ))}
      {callCheckNames.map((check) => (
        <Descriptions.Item key={check} label={translate(`quality.check.${check}`)}>
          {percent(month.passRates[check].rate)}
          <Typography.Text type="secondary"> ({month.passRates[check].passed}/{month.passRates[check].applicable})</Typography.Text>
        </Descriptions.Item>
      ))}
    </Descriptions>
  );
}

/**
 * One person's months, newest first: calls, scored calls, average score and automatic pass rate
 * with the change against the month before, fatal items, and the weakest item (training need).
 */
export function MonthSummaryTable({ months, testId }: { months: readonly MonthSummary[]; testId: string }) {
  const translate = useT();
  const columns: TableColumnsType<MonthSummary> = [
    { title: translate('quality.summary.month'), key: 'month', render: (_value, month) => monthLabel(month.month, translate) },
    { title: translate('quality.summary.calls'), dataIndex: 'calls', width: 80 },
    { title: translate('quality.summary.scored'), dataIndex: 'scored', width: 80 },
    {
      title: translate('quality.summary.averageScore'),
      key: 'averageScore',
      render: (_value, month) => (
        <span data-testid="quality-summary-average">
          {month.averageScore ?? translate('common.none')}
          <Trend change={month.trend.averageScore} testId="quality-summary-average-trend" />
        </span>
      ),
    },
    {
      title: translate('quality.summary.passRate'),
      key: 'passRate',
      render: (_value, month) => (
        <span data-testid="quality-summary-pass-rate">
          {month.overallPassRate === null ? translate('common.none') : `${month.overallPassRate}%`}
          <Trend change={month.trend.overallPassRate} testId="quality-summary-pass-rate-trend" />
        </span>
      ),
    },
    {
      title: translate('quality.summary.fatal'),
      key: 'fatal',
      width: 90,
      render: (_value, month) => (month.fatalScorecards > 0 ? <Tag color="error">{month.fatalScorecards}</Tag> : '0'),
    },
    {
      title: translate('quality.summary.weakest'),
      key: 'weakest',
      render: (_value, month) => <span data-testid="quality-summary-weakest">{weakestLabel(month.weakest, translate)}</span>,
    },
  ];
  return (
    <Table<MonthSummary>
      rowKey="month"
      size="small"
      columns={columns}
      dataSource={[...months].reverse()}
      pagination={false}
      expandable={{ expandedRowRender: (month) => <MonthDetails month={month} />, rowExpandable: (month) => month.calls > 0 || month.scored > 0 }}
      onRow={(month) => ({ 'data-testid': 'quality-summary-row', 'data-month': month.month }) as HTMLAttributes<HTMLElement>}
      data-testid={testId}
    />
  );
}
