import { Descriptions, Tag, Typography } from 'antd';
import type { AppealView, ScorecardView, ScoringView } from '../../../common/ipc/quality';
import { scorecardItemMaxPoints, scorecardItems } from '../../../common/quality/scorecard';
import { useT, type Translate } from '../../i18n/translate';
import { formatTime } from './qualityLabels';

/** The tag colour of an appeal's state. */
export const appealStatusColors: Readonly<Record<AppealView['status'], string>> = { pending: 'processing', upheld: 'success', rejected: 'default' };

function scoringText(scoring: ScoringView, translate: Translate): string {
  const separator = translate('quality.listSeparator');
  const items = scorecardItems.map((item) => `${translate(`quality.item.${item}`)} ${scoring.points[item]}/${scorecardItemMaxPoints[item]}`).join(separator);
  if (scoring.fatalItems.length === 0) return items;
  const fatal = translate('quality.fatal.found', { items: scoring.fatalItems.map((item) => translate(`quality.fatal.${item}`)).join(separator) });
  return `${items}${translate('quality.figure.separator')}${fatal}`;
}

/** A scorecard: the points, fatal items and total, the comment, and the appeal with its review. */
export function ScorecardDetails({ scorecard }: { scorecard: ScorecardView }) {
  const translate = useT();
  const { appeal } = scorecard;
  return (
    <Descriptions size="small" column={1} bordered data-testid="quality-scorecard">
      <Descriptions.Item label={translate('quality.finalTotal')}>
        <Typography.Text strong data-testid="quality-final-total">
          {scorecard.final.total}
        </Typography.Text>{' '}
        / 100
        {appeal?.status === 'upheld' ? (
          <Tag color="success" style={{ marginInlineStart: 8 }}>
            {translate('quality.revisedOnAppeal', { total: scorecard.scoring.total })}
          </Tag>
        ) : null}
      </Descriptions.Item>
      <Descriptions.Item label={translate('quality.scoring')}>{scoringText(scorecard.scoring, translate)}</Descriptions.Item>
      <Descriptions.Item label={translate('quality.scoredBy')}>{translate('quality.scoredByText', { agentId: scorecard.scorerAgentId, time: formatTime(scorecard.scoredAt) })}</Descriptions.Item>
      <Descriptions.Item label={translate('quality.comment')}>
        <span className="break-anywhere" data-testid="quality-comment">
          {scorecard.comment === '' ? translate('common.none') : scorecard.comment}
        </span>
      </Descriptions.Item>
      {appeal === null ? null : (
        <>
          <Descriptions.Item label={translate('quality.appeal.title')}>
            <Tag color={appealStatusColors[appeal.status]} data-testid="quality-appeal-state" data-status={appeal.status}>
              {translate(`quality.appeal.status.${appeal.status}`)}
            </Tag>
            <span className="break-anywhere">{appeal.reason}</span>
            <div>
              <Typography.Text type="secondary">{formatTime(appeal.appealedAt)}</Typography.Text>
            </div>
          </Descriptions.Item>
          {appeal.status === 'pending' ? null : (
            <Descriptions.Item label={translate('quality.review.title')}>
              <div data-testid="quality-review-result">
                <span className="break-anywhere">{appeal.reviewNote}</span>
                <div>
                  <Typography.Text type="secondary">
                    {translate('quality.scoredByText', { agentId: appeal.reviewerAgentId ?? '', time: appeal.reviewedAt === null ? '' : formatTime(appeal.reviewedAt) })}
                  </Typography.Text>
                </div>
                {appeal.revised === null ? null : <div>{scoringText(appeal.revised, translate)}</div>}
              </div>
            </Descriptions.Item>
          )}
        </>
      )}
    </Descriptions>
  );
}
