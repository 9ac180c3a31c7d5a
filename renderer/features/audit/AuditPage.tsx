import { Space } from 'antd';
import { AuditArchiveCard } from './AuditArchiveCard';
import { AuditIntegrityCard } from './AuditIntegrityCard';
import { AuditReviewCard } from './AuditReviewCard';

/** The audit log: integrity check, signed checkpoints, and the review of the entries. Reading it is audited. */
export function AuditPage({ canArchive }: { canArchive: boolean }) {
  return (
    <Space direction="vertical" size="large" className="audit-page" data-testid="audit-page">
      <AuditIntegrityCard />
      <AuditReviewCard />
      {canArchive ? <AuditArchiveCard /> : null}
    </Space>
  );
}
