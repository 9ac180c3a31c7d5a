import { Button, Table, Typography, type TableColumnsType } from 'antd';
import { useEffect, useState, type HTMLAttributes } from 'react';
import type { ScorecardView } from '../../../common/ipc/quality';
import { useT } from '../../i18n/translate';
import { formatTime } from './qualityLabels';
import { ReviewModal } from './ReviewModal';
import { useQualityStore } from './useQualityStore';

/** The appeals of the team's scores waiting for the lead's review, the oldest first. */
export function AppealsPanel() {
  const translate = useT();
  const month = useQualityStore((state) => state.month);
  const pendingAppeals = useQualityStore((state) => state.pendingAppeals);
  const loadTeam = useQualityStore((state) => state.loadTeam);
  const [reviewing, setReviewing] = useState<ScorecardView | null>(null);

  useEffect(() => {
    // The appeals come with the sampling view; read it when this tab opens first.
    if (month === '') void loadTeam();
  }, [month, loadTeam]);

  const columns: TableColumnsType<ScorecardView> = [
    { title: translate('quality.column.agent'), key: 'agent', render: (_value, card) => `${card.agentId} ${card.agentName}` },
    { title: translate('quality.column.time'), key: 'time', width: 150, render: (_value, card) => formatTime(card.callRangAt) },
    { title: translate('quality.appeal.scoreAppealed'), key: 'total', width: 110, render: (_value, card) => card.scoring.total },
    {
      title: translate('quality.appeal.reason'),
      key: 'reason',
      render: (_value, card) => <span className="break-anywhere">{card.appeal?.reason}</span>,
    },
    { title: translate('quality.appeal.appealedAt'), key: 'appealedAt', width: 150, render: (_value, card) => (card.appeal === null ? '' : formatTime(card.appeal.appealedAt)) },
    {
      title: translate('quality.column.actions'),
      key: 'actions',
      width: 110,
      render: (_value, card) => (
        <Button type="primary" size="small" onClick={() => setReviewing(card)} data-testid={`quality-review-${card.id}`}>
          {translate('quality.review.open')}
        </Button>
      ),
    },
  ];

  return (
    <div data-testid="quality-appeals">
      <Typography.Paragraph type="secondary">{translate('quality.appeal.leadHint')}</Typography.Paragraph>
      <Table<ScorecardView>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={pendingAppeals}
        pagination={false}
        locale={{ emptyText: translate('quality.appeal.none') }}
        onRow={(card) => ({ 'data-testid': 'quality-appeal-row', 'data-scorecard-id': card.id }) as HTMLAttributes<HTMLElement>}
      />
      {reviewing === null ? null : <ReviewModal key={reviewing.id} scorecard={reviewing} onClose={() => setReviewing(null)} />}
    </div>
  );
}
