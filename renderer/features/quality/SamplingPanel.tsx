import { App, Button, Card, Empty, Flex, Select, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { QualityCallView, SampledMember } from '../../../common/ipc/quality';
import { monthlySampleStandard } from '../../../common/quality/scorecard';
import { FailureAlert } from '../../components/FailureAlert';
import { RoleTag } from '../../components/RoleTag';
import { useErrorMessage, useT } from '../../i18n/translate';
import { CallQualityModal } from './CallQualityModal';
import { monthLabel } from './qualityLabels';
import { QualityCallsTable } from './QualityCallsTable';
import { useQualityStore } from './useQualityStore';

const standingColors: Readonly<Record<SampledMember['standing'], string>> = { below: 'warning', met: 'success', above: 'default' };

/**
 * The lead's sampling of a month: each person of the team with the month's answered calls, their
 * automatic checks and scores, how many are scored against the standard (1–5 a month), and a
 * button that draws a random unscored call to score.
 */
export function SamplingPanel() {
  const translate = useT();
  const describeError = useErrorMessage();
  const { message } = App.useApp();
  const month = useQualityStore((state) => state.month);
  const months = useQualityStore((state) => state.months);
  const members = useQualityStore((state) => state.members);
  const loading = useQualityStore((state) => state.teamLoading);
  const errorCode = useQualityStore((state) => state.teamErrorCode);
  const loadTeam = useQualityStore((state) => state.loadTeam);
  const pickUnscored = useQualityStore((state) => state.pickUnscored);
  const [opened, setOpened] = useState<QualityCallView | null>(null);
  const [picking, setPicking] = useState<string | null>(null);

  useEffect(() => {
    void loadTeam();
  }, [loadTeam]);

  async function handlePick(agentId: string): Promise<void> {
    setPicking(agentId);
    const result = await pickUnscored(agentId);
    setPicking(null);
    if (result.ok) setOpened(result.value.call);
    else void message.error(describeError(result.code));
  }

  return (
    <div data-testid="quality-sampling">
      <Flex justify="space-between" align="center" gap={12} wrap style={{ marginBottom: 12 }}>
        <Space>
          <Typography.Text>{translate('quality.sampling.month')}</Typography.Text>
          <Select
            value={month === '' ? undefined : month}
            style={{ width: 160 }}
            options={[...months].reverse().map((value) => ({ value, label: monthLabel(value, translate) }))}
            onChange={(value: string) => void loadTeam(value)}
            data-testid="quality-month"
          />
        </Space>
        <Button onClick={() => void loadTeam()} loading={loading} data-testid="quality-refresh">
          {translate('common.refresh')}
        </Button>
      </Flex>
      <Typography.Paragraph type="secondary">
        {translate('quality.sampling.hint', { min: monthlySampleStandard.minimum, max: monthlySampleStandard.maximum })}
      </Typography.Paragraph>
      <FailureAlert code={errorCode} heading={translate('quality.loadFailed')} testId="quality-team-error" />
      {members.length === 0 && !loading && month !== '' ? <Empty description={translate('quality.sampling.noMembers')} /> : null}
      <Flex vertical gap={16}>
        {members.map((member) => (
          <Card
            key={member.agentId}
            size="small"
            data-testid={`quality-member-${member.agentId}`}
            title={
              <Space wrap>
                <Typography.Text strong>{member.agentId}</Typography.Text>
                <span>{member.displayName}</span>
                <RoleTag role={member.role} />
                {member.status === 'active' ? null : <Tag>{translate('quality.sampling.disabled')}</Tag>}
                <Tag color={standingColors[member.standing]} data-testid="quality-member-standing" data-standing={member.standing}>
                  {translate(`quality.standing.${member.standing}`, { scored: member.scoredCount, min: monthlySampleStandard.minimum, max: monthlySampleStandard.maximum })}
                </Tag>
                <Typography.Text type="secondary" data-testid="quality-member-counts">
                  {translate('quality.sampling.counts', { calls: member.callCount, scored: member.scoredCount })}
                </Typography.Text>
              </Space>
            }
            extra={
              <Button
                onClick={() => void handlePick(member.agentId)}
                loading={picking === member.agentId}
                disabled={member.scoredCount >= member.callCount}
                data-testid={`quality-pick-${member.agentId}`}
              >
                {translate('quality.sampling.pick')}
              </Button>
            }
          >
            {member.callCount > member.calls.length ? (
              <Typography.Paragraph type="secondary">{translate('quality.sampling.newestOnly', { shown: member.calls.length, total: member.callCount })}</Typography.Paragraph>
            ) : null}
            <QualityCallsTable
              calls={member.calls}
              testId={`quality-calls-${member.agentId}`}
              actions={(call) => (
                <Button
                  type="link"
                  size="small"
                  onClick={() => setOpened(call)}
                  data-testid={call.scorecard === null ? `quality-score-${call.id}` : `quality-view-${call.id}`}
                >
                  {translate(call.scorecard === null ? 'quality.score' : 'quality.view')}
                </Button>
              )}
            />
          </Card>
        ))}
      </Flex>
      {opened === null ? null : <CallQualityModal key={opened.id} call={opened} canScore onClose={() => setOpened(null)} />}
    </div>
  );
}
