import { Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { HTMLAttributes, ReactNode } from 'react';
import type { QualityCallView } from '../../../common/ipc/quality';
import { useT } from '../../i18n/translate';
import { formatDuration } from '../calls/callScriptValues';
import { CallChecksList } from './CallChecksList';
import { formatTime } from './qualityLabels';
import { appealStatusColors } from './ScorecardDetails';

/** Calls with their automatic checks and score; `actions` adds the buttons of each row. */
export function QualityCallsTable({ calls, actions, testId }: { calls: readonly QualityCallView[]; actions: (call: QualityCallView) => ReactNode; testId: string }) {
  const translate = useT();
  const columns: TableColumnsType<QualityCallView> = [
    { title: translate('quality.column.time'), key: 'time', width: 150, render: (_value, call) => formatTime(call.rangAt) },
    { title: translate('quality.column.direction'), key: 'direction', width: 90, render: (_value, call) => translate(`calls.direction.${call.direction}`) },
    {
      title: translate('quality.column.duration'),
      key: 'duration',
      width: 80,
      render: (_value, call) => (call.durationSeconds === null ? translate('common.none') : formatDuration(call.durationSeconds)),
    },
    {
      title: translate('quality.column.intent'),
      key: 'intent',
      width: 100,
      render: (_value, call) => (call.intent === null ? <Typography.Text type="secondary">{translate('quality.intentNone')}</Typography.Text> : translate(`calls.intent.${call.intent}`)),
    },
    { title: translate('quality.column.checks'), key: 'checks', render: (_value, call) => <CallChecksList checks={call.checks} compact /> },
    {
      title: translate('quality.column.score'),
      key: 'score',
      width: 150,
      render: (_value, call) =>
        call.scorecard === null ? (
          <Typography.Text type="secondary">{translate('quality.notScoredShort')}</Typography.Text>
        ) : (
          <Space size={4} wrap>
            <Typography.Text strong data-testid="quality-call-total">
              {call.scorecard.final.total}
            </Typography.Text>
            {call.scorecard.appeal === null ? null : (
              <Tag color={appealStatusColors[call.scorecard.appeal.status]} data-testid="quality-call-appeal" data-status={call.scorecard.appeal.status}>
                {translate(`quality.appeal.status.${call.scorecard.appeal.status}`)}
              </Tag>
            )}
          </Space>
        ),
    },
    { title: translate('quality.column.actions'), key: 'actions', width: 150, render: (_value, call) => <Space size={4}>{actions(call)}</Space> },
  ];
  return (
    <Table<QualityCallView>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={calls}
      pagination={{ pageSize: 10, hideOnSinglePage: true }}
      locale={{ emptyText: translate('quality.noCalls') }}
      onRow={(call) => ({ 'data-testid': 'quality-call-row', 'data-call-id': call.id }) as HTMLAttributes<HTMLElement>}
      data-testid={testId}
    />
  );
}
