import { Alert, App, Button, Card, Progress, Space, Typography, Upload } from 'antd';
import { auditCheckpointSchema } from '../../../common/ipc/audit';
import { saveFile } from '../../components/saveFile';
import { useErrorMessage, useT } from '../../i18n/translate';
import { useAuditIntegrityStore } from './useAuditIntegrityStore';

/**
 * Verify integrity (a background walk of the whole hash chain, with its progress, then "intact up
 * to entry N" or the first broken entry and why), and signed checkpoints exported and compared.
 */
export function AuditIntegrityCard() {
  const translate = useT();
  const describeError = useErrorMessage();
  const { message } = App.useApp();
  const { verification, verifying, comparison, verify, exportCheckpoint, compare } = useAuditIntegrityStore();
  const result = verification?.result ?? null;

  async function handleVerify(): Promise<void> {
    const failure = await verify();
    if (failure !== null) void message.error(describeError(failure.code));
  }

  async function handleExport(): Promise<void> {
    const answer = await exportCheckpoint();
    if (!answer.ok) void message.error(describeError(answer.code));
    else saveFile(answer.value.fileName, 'application/json', `${JSON.stringify(answer.value.checkpoint, null, 2)}\n`);
  }

  async function handleCompare(file: File): Promise<void> {
    let parsed: unknown;
    try {
      parsed = JSON.parse(await file.text());
    } catch {
      parsed = undefined;
    }
    const checkpoint = auditCheckpointSchema.safeParse(parsed);
    if (!checkpoint.success) {
      void message.error(translate('audit.checkpointInvalid'));
      return;
    }
    const failure = await compare(checkpoint.data);
    if (failure !== null) void message.error(describeError(failure.code));
  }

  return (
    <Card title={translate('audit.integrity')}>
      <Space wrap>
        <Button type="primary" loading={verifying} onClick={() => void handleVerify()} data-testid="audit-verify">
          {translate('audit.verify')}
        </Button>
        <Button onClick={() => void handleExport()} data-testid="audit-export-checkpoint">
          {translate('audit.exportCheckpoint')}
        </Button>
        <Upload accept="application/json,.json" showUploadList={false} beforeUpload={(file) => (void handleCompare(file), false)}>
          <Button data-testid="audit-compare-checkpoint">{translate('audit.compareCheckpoint')}</Button>
        </Upload>
      </Space>
      {verifying && verification !== null ? (
        <div className="form-alert" data-testid="audit-verification-progress">
          <Progress percent={verification.total === 0 ? 100 : Math.floor((verification.checked / verification.total) * 100)} status="active" />
          <Typography.Text type="secondary">
            {translate('audit.verifyProgress', { checked: verification.checked.toLocaleString(), total: verification.total.toLocaleString() })}
            {' · '}
            {translate('audit.verifyRunning')}
          </Typography.Text>
        </div>
      ) : null}
      {result === null ? null : result.status === 'intact' ? (
        <Alert
          className="form-alert"
          type="success"
          showIcon
          data-testid="audit-verification"
          title={translate('audit.intact', { count: result.checked, seq: result.lastSeq ?? 0, hash: result.headHash.slice(0, 16) })}
        />
      ) : (
        <Alert
          className="form-alert"
          type="error"
          showIcon
          data-testid="audit-verification"
          title={translate('audit.broken', {
            seq: result.brokenAt,
            problem: translate(`audit.problem.${result.problem}`),
            intact: result.intactUpTo ?? 0,
          })}
          description={result.message}
        />
      )}
      {comparison === null ? null : (
        <Alert
          className="form-alert"
          type={comparison.status === 'match' ? 'success' : 'error'}
          showIcon
          data-testid="audit-comparison"
          title={
            comparison.status === 'match'
              ? translate('audit.checkpointMatch', { seq: comparison.seq, count: comparison.newerEntries })
              : translate('audit.checkpointMismatch', { problem: translate(`audit.checkpointProblem.${comparison.problem}`) })
          }
          description={comparison.message}
        />
      )}
    </Card>
  );
}
