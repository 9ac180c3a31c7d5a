import { Button, Card, Empty, Flex, Space, Typography } from 'antd';
import { useEffect } from 'react';
import { FailureAlert } from '../../components/FailureAlert';
import { RoleTag } from '../../components/RoleTag';
import { useT } from '../../i18n/translate';
import { MonthSummaryTable } from './MonthSummaryTable';
import { useQualityStore } from './useQualityStore';

/** The team's monthly summary: per person, the last six months with trends and training needs. */
export function TeamSummaryPanel() {
  const translate = useT();
  const summary = useQualityStore((state) => state.summary);
  const errorCode = useQualityStore((state) => state.summaryErrorCode);
  const loadSummary = useQualityStore((state) => state.loadSummary);

  useEffect(() => {
    void loadSummary();
  }, [loadSummary]);

  return (
    <div data-testid="quality-summary">
      <Flex justify="space-between" align="center" style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">{translate('quality.summary.hint')}</Typography.Text>
        <Button onClick={() => void loadSummary()} data-testid="quality-summary-refresh">
          {translate('common.refresh')}
        </Button>
      </Flex>
      <FailureAlert code={errorCode} heading={translate('quality.loadFailed')} testId="quality-summary-error" />
      {summary !== null && summary.members.length === 0 ? <Empty description={translate('quality.sampling.noMembers')} /> : null}
      <Flex vertical gap={16}>
        {summary?.members.map((member) => (
          <Card
            key={member.agentId}
            size="small"
            data-testid={`quality-summary-${member.agentId}`}
            title={
              <Space>
                <Typography.Text strong>{member.agentId}</Typography.Text>
                <span>{member.displayName}</span>
                <RoleTag role={member.role} />
              </Space>
            }
          >
            <MonthSummaryTable months={member.months} testId={`quality-summary-table-${member.agentId}`} />
          </Card>
        ))}
      </Flex>
    </div>
  );
}
