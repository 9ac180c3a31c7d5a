import { Descriptions, Drawer, Empty, Tag, Typography } from 'antd';
import type { AuditEntryView } from '../../../common/ipc/audit';
import { useT } from '../../i18n/translate';
import { workstationTime } from './auditReview';

// Hashes are 64 characters without spaces: let them wrap inside the drawer.
const hashStyle = { wordBreak: 'break-all' } as const;

function detailValue(value: string | number | boolean | null): string {
  return value === null ? 'null' : String(value);
}

/** Every field of one audit entry, its details and its place in the hash chain. */
export function AuditEntryDrawer({ entry, onClose }: { entry: AuditEntryView | null; onClose: () => void }) {
  const translate = useT();
  const details = entry === null ? [] : Object.entries(entry.details).sort(([left], [right]) => (left < right ? -1 : left > right ? 1 : 0));

  return (
    <Drawer
      open={entry !== null}
      onClose={onClose}
      size="large"
      title={entry === null ? '' : translate('audit.detail.title', { seq: entry.seq })}
      destroyOnHidden
    >
      {entry === null ? null : (
        <div data-testid="audit-entry-detail">
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={translate('audit.detail.seq')}>
              <span data-testid="audit-detail-seq">{entry.seq}</span>
            </Descriptions.Item>
            <Descriptions.Item label={translate('audit.detail.occurredAt')}>
              <span data-testid="audit-detail-occurredAt">{entry.occurredAt}</span>
            </Descriptions.Item>
            <Descriptions.Item label={translate('audit.detail.localTime')}>
              {workstationTime(entry.occurredAt, entry.utcOffsetMinutes)} ({entry.timeZone})
            </Descriptions.Item>
            <Descriptions.Item label={translate('audit.detail.workstation')}>{entry.workstationId}</Descriptions.Item>
            <Descriptions.Item label={translate('audit.detail.agent')}>
              <span data-testid="audit-detail-agent">{entry.agentId ?? '—'}</span>
              {entry.role === null ? null : <Typography.Text type="secondary"> ({entry.role})</Typography.Text>}
            </Descriptions.Item>
            <Descriptions.Item label={translate('audit.detail.action')}>
              <span data-testid="audit-detail-action">{entry.action}</span>
            </Descriptions.Item>
            <Descriptions.Item label={translate('audit.detail.object')}>
              <span data-testid="audit-detail-object">{entry.objectType === null ? '—' : `${entry.objectType} ${entry.objectId ?? ''}`.trim()}</span>
            </Descriptions.Item>
            <Descriptions.Item label={translate('audit.detail.outcome')}>
              <Tag color={entry.outcome === 'success' ? 'success' : 'error'}>{translate(`outcome.${entry.outcome}`)}</Tag>
              {entry.code === null ? null : <Typography.Text code>{entry.code}</Typography.Text>}
            </Descriptions.Item>
            <Descriptions.Item label={translate('audit.detail.details')}>
              {details.length === 0 ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={translate('audit.detail.noDetails')} />
              ) : (
                <Descriptions column={1} size="small" data-testid="audit-detail-details">
                  {details.map(([key, value]) => (
                    <Descriptions.Item key={key} label={key}>
                      <span data-testid={`audit-detail-field-${key}`}>{detailValue(value)}</span>
                    </Descriptions.Item>
                  ))}
                </Descriptions>
              )}
            </Descriptions.Item>
            <Descriptions.Item label={translate('audit.detail.previousHash')}>
              <Typography.Text code copyable style={hashStyle}>
                {entry.previousHash}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={translate('audit.detail.hash')}>
              <Typography.Text code copyable style={hashStyle} data-testid="audit-detail-hash">
                {entry.hash}
              </Typography.Text>
            </Descriptions.Item>
          </Descriptions>
        </div>
      )}
    </Drawer>
  );
}
