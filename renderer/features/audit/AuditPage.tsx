import { Alert, App, Button, Card, Space, Table, Tag, Typography, Upload, type TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import { auditCheckpointSchema, type AuditEntryView } from '../../../common/ipc/audit';
import { saveFile } from '../../components/saveFile';
import { useErrorMessage, useT } from '../../i18n/translate';
import { AuditArchiveCard } from './AuditArchiveCard';
import { useAuditStore } from './useAuditStore';

/** The audit log: integrity check, signed checkpoints, and the newest entries. Reading it is audited. */
export function AuditPage({ canArchive }: { canArchive: boolean }) {
  const translate = useT();
  const describeError = useErrorMessage();
  const { message } = App.useApp();
  const { entries, total, verification, comparison, load, verify, exportCheckpoint, compare } = useAuditStore();
  const [verifying, setVerifying] = useState(false);

  useEffect(() => {
    void load();
  }, [load]);

  async function handleVerify(): Promise<void> {
    setVerifying(true);
    const failure = await verify();
    setVerifying(false);
    if (failure !== null) void message.error(describeError(failure.code));
  }

  async function handleExport(): Promise<void> {
    const result = await exportCheckpoint();
    if (!result.ok) void message.error(describeError(result.code));
    else saveFile(result.value.fileName, 'application/json', `${JSON.stringify(result.value.checkpoint, null, 2)}\n`);
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

  const columns: TableColumnsType<AuditEntryView> = [
    { title: '#', dataIndex: 'seq', width: 80 },
    { title: translate('audit.column.time'), key: 'time', render: (_, entry) => new Date(entry.occurredAt).toLocaleString() },
    { title: translate('audit.column.agent'), key: 'agent', render: (_, entry) => entry.agentId ?? '—' },
    { title: translate('audit.column.action'), dataIndex: 'action' },
    { title: translate('audit.column.object'), key: 'object', render: (_, entry) => (entry.objectType === null ? '—' : `${entry.objectType} ${entry.objectId ?? ''}`) },
    {
      title: translate('audit.column.outcome'),
      key: 'outcome',
      render: (_, entry) => (
        <Tag color={entry.outcome === 'success' ? 'success' : 'error'}>
          {translate(`outcome.${entry.outcome}`)}
          {entry.code === null ? '' : ` ${entry.code}`}
        </Tag>
      ),
    },
    { title: translate('audit.column.workstation'), dataIndex: 'workstationId' },
  ];

  return (
    <Space direction="vertical" size="large" className="audit-page" data-testid="audit-page">
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
        {verification === null ? null : verification.status === 'intact' ? (
          <Alert
            className="form-alert"
            type="success"
            showIcon
            data-testid="audit-verification"
            title={translate('audit.intact', { count: verification.checked, seq: verification.lastSeq ?? 0, hash: verification.headHash.slice(0, 16) })}
          />
        ) : (
          <Alert
            className="form-alert"
            type="error"
            showIcon
            data-testid="audit-verification"
            title={translate('audit.broken', {
              seq: verification.brokenAt,
              problem: translate(`audit.problem.${verification.problem}`),
              intact: verification.intactUpTo ?? 0,
            })}
            description={verification.message}
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
      <Card title={translate('audit.entries', { total })}>
        <Typography.Paragraph type="secondary">{translate('audit.readAudited')}</Typography.Paragraph>
        <Table rowKey="seq" size="small" columns={columns} dataSource={entries} pagination={false} data-testid="audit-entries" />
        <Button className="audit-older" onClick={() => void load(true)} disabled={entries.length === 0 || entries.at(-1)?.seq === 1}>
          {translate('audit.older')}
        </Button>
      </Card>
      {canArchive ? <AuditArchiveCard /> : null}
    </Space>
  );
}
