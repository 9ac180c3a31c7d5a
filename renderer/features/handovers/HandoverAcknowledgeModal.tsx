import { App, Button, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { acknowledgmentNoteLimit, type HandoverView } from '../../../common/ipc/handovers';
import type { ErrorCode } from '../../../common/ipc/result';
import { FailureAlert } from '../../components/FailureAlert';
import { useSubmission } from '../../forms/useSubmission';
import { useT } from '../../i18n/translate';
import { useHandoversStore } from './useHandoversStore';

/** The incoming lead acknowledges an entry, with an optional short note; once done it cannot be undone. */
export function HandoverAcknowledgeModal({ entry, onClose }: { entry: HandoverView; onClose: () => void }) {
  const translate = useT();
  const { message } = App.useApp();
  const acknowledge = useHandoversStore((state) => state.acknowledge);
  const { submitting, submit } = useSubmission();
  const [note, setNote] = useState('');
  const [failureCode, setFailureCode] = useState<ErrorCode | null>(null);

  async function handleConfirm(): Promise<void> {
    await submit(async () => {
      setFailureCode(null);
      const failure = await acknowledge(entry.id, note.trim());
      if (failure !== null) {
        setFailureCode(failure.code);
        return;
      }
      void message.success(translate('handovers.acknowledge.done'));
      onClose();
    });
  }

  return (
    <Modal open width={560} title={translate('handovers.acknowledge.title')} onCancel={onClose} footer={null} mask={{ closable: false }}>
      <div data-testid="handover-acknowledge">
        <FailureAlert code={failureCode} testId="handover-acknowledge-error" />
        <Typography.Paragraph>
          {translate('handovers.acknowledge.summary', {
            date: entry.shiftDate,
            shift: translate(`handovers.shift.${entry.shift}`),
            author: `${entry.author.agentId} ${entry.author.displayName}`,
          })}
        </Typography.Paragraph>
        <Typography.Paragraph type="secondary">{translate('handovers.acknowledge.hint')}</Typography.Paragraph>
        <Form layout="vertical" component="div">
          <Form.Item label={translate('handovers.acknowledge.note')}>
            <Input.TextArea
              value={note}
              onChange={(event) => setNote(event.target.value)}
              autoSize={{ minRows: 2, maxRows: 4 }}
              maxLength={acknowledgmentNoteLimit}
              showCount
              data-testid="handover-acknowledge-note"
            />
          </Form.Item>
        </Form>
        <div className="modal-actions">
          <Button onClick={onClose} data-testid="handover-acknowledge-cancel">
            {translate('common.cancel')}
          </Button>
          <Button type="primary" loading={submitting} onClick={() => void handleConfirm()} data-testid="handover-acknowledge-confirm">
            {translate('handovers.acknowledge.confirm')}
          </Button>
        </div>
      </div>
    </Modal>
  );
}
