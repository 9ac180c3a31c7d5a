import { Button, Card, Flex, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { QualityCallView, ScorecardView } from '../../../common/ipc/quality';
import { FailureAlert } from '../../components/FailureAlert';
import { useT } from '../../i18n/translate';
import { AppealModal } from './AppealModal';
import { CallQualityModal } from './CallQualityModal';
import { MonthSummaryTable } from './MonthSummaryTable';
import { monthLabel } from './qualityLabels';
import { QualityCallsTable } from './QualityCallsTable';
import { useQualityStore } from './useQualityStore';

type Opened = { kind: 'call'; call: QualityCallView } | { kind: 'appeal'; scorecard: ScorecardView } | null;

/**
 * The person's own quality (我的质检): the scores of their calls, with the appeal each allows once;
 * this month's calls with their automatic checks; and their last six months.
 */
export function MyQualityPanel() {
  const translate = useT();
  const mine = useQualityStore((state) => state.mine);
  const errorCode = useQualityStore((state) => state.mineErrorCode);
  const loadMine = useQualityStore((state) => state.loadMine);
  const [opened, setOpened] = useState<Opened>(null);

  useEffect(() => {
    void loadMine();
  }, [loadMine]);

  return (
    <Flex vertical gap={16} data-testid="quality-mine">
      <FailureAlert code={errorCode} heading={translate('quality.loadFailed')} testId="quality-mine-error" />
      <Card
        size="small"
        title={translate('quality.mine.scored')}
        extra={
          <Button onClick={() => void loadMine()} data-testid="quality-mine-refresh">
            {translate('common.refresh')}
          </Button>
        }
      >
        <Typography.Paragraph type="secondary">{translate('quality.mine.scoredHint')}</Typography.Paragraph>
        <QualityCallsTable
          calls={mine?.scored ?? []}
          testId="quality-mine-scored"
          actions={(call) => (
            <>
              <Button type="link" size="small" onClick={() => setOpened({ kind: 'call', call })} data-testid={`quality-view-${call.id}`}>
                {translate('quality.view')}
              </Button>
              {call.scorecard !== null && call.scorecard.appeal === null ? (
                <Button type="link" size="small" onClick={() => setOpened({ kind: 'appeal', scorecard: call.scorecard! })} data-testid={`quality-appeal-${call.scorecard.id}`}>
                  {translate('quality.appeal.open')}
                </Button>
              ) : null}
            </>
          )}
        />
      </Card>
      <Card size="small" title={translate('quality.mine.calls', { month: mine === null ? '' : monthLabel(mine.month, translate) })}>
        {mine !== null && mine.callCount > mine.calls.length ? (
          <Typography.Paragraph type="secondary">{translate('quality.sampling.newestOnly', { shown: mine.calls.length, total: mine.callCount })}</Typography.Paragraph>
        ) : null}
        <QualityCallsTable
          calls={mine?.calls ?? []}
          testId="quality-mine-calls"
          actions={(call) => (
            <Button type="link" size="small" onClick={() => setOpened({ kind: 'call', call })} data-testid={`quality-view-month-${call.id}`}>
              {translate('quality.view')}
            </Button>
          )}
        />
      </Card>
      <Card size="small" title={translate('quality.mine.summary')}>
        <MonthSummaryTable months={mine?.summary ?? []} testId="quality-mine-summary" />
      </Card>
      {opened?.kind === 'call' ? <CallQualityModal key={opened.call.id} call={opened.call} canScore={false} onClose={() => setOpened(null)} /> : null}
      {opened?.kind === 'appeal' ? <AppealModal key={opened.scorecard.id} scorecard={opened.scorecard} onClose={() => setOpened(null)} /> : null}
    </Flex>
  );
}
