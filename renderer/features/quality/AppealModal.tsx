import { Alert, App, Button, Form, Input, Modal } from 'antd';
import type { ScorecardView } from '../../../common/ipc/quality';
import { appealReasonMaxLength } from '../../../common/quality/scorecard';
import { FailureAlert } from '../../components/FailureAlert';
import { failureOf, useFormSubmission } from '../../forms/useFormSubmission';
import { useT } from '../../i18n/translate';
import { ScorecardDetails } from './ScorecardDetails';
import { useQualityStore } from './useQualityStore';

const reasonFields = ['reason'] as const;

/** Appeals (申诉) a score of one's own call, with a reason; a score is appealed once only. */
export function AppealModal({ scorecard, onClose }: { scorecard: ScorecardView; onClose: () => void }) {
  const translate = useT();
  const { message } = App.useApp();
  const appeal = useQualityStore((state) => state.appeal);
  const [form] = Form.useForm<{ reason: string }>();
  const { submitting, failureCode, run } = useFormSubmission(form, reasonFields);

  async function handleAppeal(values: { reason: string }): Promise<void> {
    await run(async () => {
      const result = await appeal(scorecard.id, values.reason);
      if (result.ok) {
        void message.success(translate('quality.appeal.sent'));
        onClose();
      }
      return failureOf(result);
    });
  }

  return (
    <Modal
      open
      width={680}
      title={translate('quality.appeal.modalTitle')}
      onCancel={onClose}
      footer={[
        <Button key="cancel" onClick={onClose}>
          {translate('common.cancel')}
        </Button>,
        <Button key="send" type="primary" loading={submitting} onClick={() => form.submit()} data-testid="quality-appeal-submit">
          {translate('quality.appeal.submit')}
        </Button>,
      ]}
    >
      <ScorecardDetails scorecard={scorecard} />
      <Alert className="form-alert" style={{ marginTop: 12 }} type="info" showIcon title={translate('quality.appeal.once')} />
      <FailureAlert code={failureCode} testId="quality-appeal-error" />
      <Form form={form} name="quality_appeal" layout="vertical" onFinish={(values) => void handleAppeal(values)}>
        <Form.Item
          name="reason"
          label={translate('quality.appeal.reason')}
          rules={[{ required: true, whitespace: true, min: 2, message: translate('quality.appeal.reasonRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={appealReasonMaxLength} showCount placeholder={translate('quality.appeal.reasonPlaceholder')} data-testid="quality-appeal-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
