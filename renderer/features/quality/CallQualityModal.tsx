import { App, Button, Descriptions, Form, Input, Modal, Typography } from 'antd';
import type { QualityCallView } from '../../../common/ipc/quality';
import { scorecardCommentMaxLength, scorecardItemMaxPoints, scorecardItems } from '../../../common/quality/scorecard';
import { FailureAlert } from '../../components/FailureAlert';
import { failureOf, useFormSubmission } from '../../forms/useFormSubmission';
import { useT } from '../../i18n/translate';
import { formatDuration } from '../calls/callScriptValues';
import { CallChecksList } from './CallChecksList';
import { formatTime } from './qualityLabels';
import { ScorecardDetails } from './ScorecardDetails';
import { ScoringFields, type ScoringValues } from './ScoringFields';
import { useQualityStore } from './useQualityStore';

const commentFields = ['comment'] as const;

/** The facts of a call QA looks at: who took it, when, how, how long, what about. Never the customer. */
export function CallFacts({ call }: { call: QualityCallView }) {
  const translate = useT();
  return (
    <Descriptions size="small" column={2} data-testid="quality-call-facts">
      <Descriptions.Item label={translate('quality.column.agent')}>{call.agentId}</Descriptions.Item>
      <Descriptions.Item label={translate('quality.column.time')}>{formatTime(call.rangAt)}</Descriptions.Item>
      <Descriptions.Item label={translate('quality.column.direction')}>{translate(`calls.direction.${call.direction}`)}</Descriptions.Item>
      <Descriptions.Item label={translate('quality.column.duration')}>{call.durationSeconds === null ? translate('common.none') : formatDuration(call.durationSeconds)}</Descriptions.Item>
      <Descriptions.Item label={translate('quality.column.intent')}>{call.intent === null ? translate('quality.intentNone') : translate(`calls.intent.${call.intent}`)}</Descriptions.Item>
    </Descriptions>
  );
}

/**
 * One call in quality inspection: its facts and automatic checks, then its scorecard; a lead
 * scores an unscored call of the team here (`canScore`), everyone else sees it read-only.
 */
export function CallQualityModal({ call, canScore, onClose }: { call: QualityCallView; canScore: boolean; onClose: () => void }) {
  const translate = useT();
  const { message } = App.useApp();
  const score = useQualityStore((state) => state.score);
  const [form] = Form.useForm<ScoringValues & { comment: string }>();
  const { submitting, failureCode, run } = useFormSubmission(form, commentFields);
  const scoring = canScore && call.scorecard === null;

  async function handleScore(values: ScoringValues & { comment: string }): Promise<void> {
    await run(async () => {
      const result = await score({ callId: call.id, points: values.points, fatalItems: values.fatalItems ?? [], comment: values.comment ?? '' });
      if (result.ok) {
        void message.success(translate('quality.scored', { total: result.value.scorecard.final.total }));
        onClose();
      }
      return failureOf(result);
    });
  }

  return (
    <Modal
      open
      width={760}
      title={translate(scoring ? 'quality.scoreTitle' : 'quality.callTitle', { agentId: call.agentId })}
      onCancel={onClose}
      footer={
        scoring
          ? [
              <Button key="cancel" onClick={onClose}>
                {translate('common.cancel')}
              </Button>,
              <Button key="save" type="primary" loading={submitting} onClick={() => form.submit()} data-testid="quality-score-submit">
                {translate('quality.scoreSubmit')}
              </Button>,
            ]
          : [
              <Button key="close" onClick={onClose} data-testid="quality-call-close">
                {translate('quality.close')}
              </Button>,
            ]
      }
    >
      <CallFacts call={call} />
      <Typography.Title level={5}>{translate('quality.checksTitle')}</Typography.Title>
      <CallChecksList checks={call.checks} />
      {call.scorecard !== null ? (
        <>
          <Typography.Title level={5}>{translate('quality.scorecardTitle')}</Typography.Title>
          <ScorecardDetails scorecard={call.scorecard} />
        </>
      ) : scoring ? (
        <>
          <Typography.Title level={5}>{translate('quality.scorecardTitle')}</Typography.Title>
          <FailureAlert code={failureCode} testId="quality-score-error" />
          <Form
            form={form}
            name="quality_score"
            layout="vertical"
            initialValues={{ points: Object.fromEntries(scorecardItems.map((item) => [item, scorecardItemMaxPoints[item]])), fatalItems: [], comment: '' }}
            onFinish={(values) => void handleScore(values)}
          >
            <ScoringFields form={form} />
            <Form.Item name="comment" label={translate('quality.comment')}>
              <Input.TextArea rows={3} maxLength={scorecardCommentMaxLength} showCount data-testid="quality-score-comment" />
            </Form.Item>
          </Form>
        </>
      ) : (
        <Typography.Paragraph type="secondary">{translate('quality.notScored')}</Typography.Paragraph>
      )}
    </Modal>
  );
}
