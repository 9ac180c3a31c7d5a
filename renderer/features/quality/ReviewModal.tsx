import { App, Button, Form, Input, Modal, Radio, Typography } from 'antd';
import type { ScorecardView } from '../../../common/ipc/quality';
import { scorecardCommentMaxLength } from '../../../common/quality/scorecard';
import { FailureAlert } from '../../components/FailureAlert';
import { failureOf, useFormSubmission } from '../../forms/useFormSubmission';
import { useT } from '../../i18n/translate';
import { ScorecardDetails } from './ScorecardDetails';
import { ScoringFields, type ScoringValues } from './ScoringFields';
import { useQualityStore } from './useQualityStore';

type ReviewValues = Partial<ScoringValues> & { decision: 'upheld' | 'rejected'; note: string };

const noteFields = ['note'] as const;

/**
 * Reviews an appeal of a team member's score: upheld with the score changed (the revised points
 * then count), or rejected, always with a note for the agent.
 */
export function ReviewModal({ scorecard, onClose }: { scorecard: ScorecardView; onClose: () => void }) {
  const translate = useT();
  const { message } = App.useApp();
  const review = useQualityStore((state) => state.review);
  const [form] = Form.useForm<ReviewValues>();
  const decision = Form.useWatch('decision', form) as ReviewValues['decision'] | undefined;
  const { submitting, failureCode, run } = useFormSubmission(form, noteFields);

  async function handleReview(values: ReviewValues): Promise<void> {
    await run(async () => {
      const result = await review(
        values.decision === 'upheld'
          ? { scorecardId: scorecard.id, decision: 'upheld', points: values.points!, fatalItems: values.fatalItems ?? [], note: values.note }
          : { scorecardId: scorecard.id, decision: 'rejected', note: values.note },
      );
      if (result.ok) {
        void message.success(translate(values.decision === 'upheld' ? 'quality.review.upheldDone' : 'quality.review.rejectedDone'));
        onClose();
      }
      return failureOf(result);
    });
  }

  return (
    <Modal
      open
      width={760}
      title={translate('quality.review.modalTitle', { agentId: scorecard.agentId, name: scorecard.agentName })}
      onCancel={onClose}
      footer={[
        <Button key="cancel" onClick={onClose}>
          {translate('common.cancel')}
        </Button>,
        <Button key="save" type="primary" loading={submitting} onClick={() => form.submit()} data-testid="quality-review-submit">
          {translate('quality.review.submit')}
        </Button>,
      ]}
    >
      <ScorecardDetails scorecard={scorecard} />
      <FailureAlert code={failureCode} testId="quality-review-error" />
      <Form
        form={form}
        name="quality_review"
        layout="vertical"
        style={{ marginTop: 16 }}
        initialValues={{ decision: 'rejected', points: scorecard.scoring.points, fatalItems: scorecard.scoring.fatalItems, note: '' }}
        onFinish={(values) => void handleReview(values)}
      >
        <Form.Item name="decision" label={translate('quality.review.decision')}>
          <Radio.Group
            options={[
              { value: 'rejected', label: <span data-testid="quality-review-rejected">{translate('quality.review.reject')}</span> },
              { value: 'upheld', label: <span data-testid="quality-review-upheld">{translate('quality.review.uphold')}</span> },
            ]}
          />
        </Form.Item>
        {decision === 'upheld' ? (
          <>
            <Typography.Paragraph type="secondary">{translate('quality.review.revisedHint')}</Typography.Paragraph>
            <ScoringFields form={form} />
          </>
        ) : null}
        <Form.Item
          name="note"
          label={translate('quality.review.note')}
          rules={[{ required: true, whitespace: true, min: 2, message: translate('quality.review.noteRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={scorecardCommentMaxLength} showCount data-testid="quality-review-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
