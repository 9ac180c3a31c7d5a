import { Badge, Tabs, Typography } from 'antd';
import { useEffect } from 'react';
import type { AccountView } from '../../../common/ipc/accounts';
import { useT } from '../../i18n/translate';
import { AppealsPanel } from './AppealsPanel';
import { MyQualityPanel } from './MyQualityPanel';
import { SamplingPanel } from './SamplingPanel';
import { TeamSummaryPanel } from './TeamSummaryPanel';
import { useQualityStore } from './useQualityStore';

/**
 * Quality inspection (质检). A team lead samples and scores the team's calls, reviews appeals,
 * reads the monthly summary, and sees their own scores; an agent sees their own (我的质检).
 * Main enforces who may do what.
 */
export function QualityPage({ account }: { account: AccountView }) {
  const translate = useT();
  const reset = useQualityStore((state) => state.reset);
  const pendingAppeals = useQualityStore((state) => state.pendingAppeals.length);

  // Nothing stays behind once the page closes (a lock or sign-out closes it too).
  useEffect(() => reset, [reset]);

  if (account.role !== 'team_lead') {
    return (
      <section className="agents-page" data-testid="quality-page">
        <Typography.Title level={4} className="agents-page-title">
          {translate('quality.mine.title')}
        </Typography.Title>
        <MyQualityPanel />
      </section>
    );
  }
  return (
    <section className="agents-page" data-testid="quality-page">
      <Typography.Title level={4} className="agents-page-title">
        {translate('quality.title')}
      </Typography.Title>
      <Tabs
        items={[
          { key: 'sampling', label: <span data-testid="quality-tab-sampling">{translate('quality.tab.sampling')}</span>, children: <SamplingPanel /> },
          {
            key: 'appeals',
            label: (
              <Badge count={pendingAppeals} size="small" offset={[8, 0]}>
                <span data-testid="quality-tab-appeals">{translate('quality.tab.appeals')}</span>
              </Badge>
            ),
            children: <AppealsPanel />,
          },
          { key: 'summary', label: <span data-testid="quality-tab-summary">{translate('quality.tab.summary')}</span>, children: <TeamSummaryPanel /> },
          { key: 'mine', label: <span data-testid="quality-tab-mine">{translate('quality.tab.mine')}</span>, children: <MyQualityPanel /> },
        ]}
      />
    </section>
  );
}
