import { App, Button, Card, InputNumber, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { getApi } from '../../api/api';
import { saveFile } from '../../components/saveFile';
import { useErrorMessage, useT } from '../../i18n/translate';
import { ApprovalRequestModal } from '../approvals/ApprovalRequestModal';
import { useApprovalsStore } from '../approvals/useApprovalsStore';

/**
 * Archiving entries older than 180 days (administrators): ask a team lead first; with the
 * approval, main exports the entries, removes them and keeps the rest verifiable.
 */
export function AuditArchiveCard() {
  const translate = useT();
  const describeError = useErrorMessage();
  const { message } = App.useApp();
  const mine = useApprovalsStore((state) => state.mine);
  const loadMine = useApprovalsStore((state) => state.loadMine);
  const [upToSeq, setUpToSeq] = useState<number | null>(null);
  const [requesting, setRequesting] = useState(false);
  const [archiving, setArchiving] = useState(false);
  const grant = mine.find((item) => item.purpose === 'audit_archive' && item.status === 'approved');

  useEffect(() => {
    void loadMine();
  }, [loadMine]);

  async function handleArchive(approvalId: number, through: number): Promise<void> {
    setArchiving(true);
    const result = await getApi().audit.archive({ upToSeq: through, approvalId });
    setArchiving(false);
    if (!result.ok) {
      void message.error(describeError(result.code));
      return;
    }
    saveFile(result.value.fileName, 'application/x-ndjson', result.value.content);
    void message.success(translate('audit.archived', { count: result.value.entryCount }));
    void loadMine();
  }

  return (
    <Card title={translate('audit.archiveTitle')} data-testid="audit-archive">
      <Typography.Paragraph type="secondary">{translate('audit.archiveHint')}</Typography.Paragraph>
      <Space wrap>
        <InputNumber
          min={1}
          precision={0}
          value={upToSeq}
          onChange={(value) => setUpToSeq(value)}
          placeholder={translate('audit.archiveUpTo')}
          aria-label={translate('audit.archiveUpTo')}
          className="audit-archive-seq"
        />
        {grant === undefined ? (
          <Button onClick={() => setRequesting(true)} data-testid="audit-archive-request">
            {translate('customers.requestApproval')}
          </Button>
        ) : (
          <Button
            type="primary"
            danger
            disabled={upToSeq === null}
            loading={archiving}
            onClick={() => upToSeq !== null && void handleArchive(grant.id, upToSeq)}
            data-testid="audit-archive-run"
          >
            {translate('audit.archiveRun')}
          </Button>
        )}
      </Space>
      {requesting ? <ApprovalRequestModal purpose="audit_archive" customerId={null} onClose={() => setRequesting(false)} /> : null}
    </Card>
  );
}
