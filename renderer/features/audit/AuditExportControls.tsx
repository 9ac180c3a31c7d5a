import { App, Button, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { auditExportRowLimit } from '../../../common/ipc/audit';
import { decodeBase64, saveFile } from '../../components/saveFile';
import { useErrorMessage, useT } from '../../i18n/translate';
import { useI18nStore } from '../../i18n/useI18nStore';
import { ApprovalRequestModal } from '../approvals/ApprovalRequestModal';
import { useApprovalsStore } from '../approvals/useApprovalsStore';
import { useAuditStore } from './useAuditStore';

/**
 * Export of the view being reviewed, as CSV or XLSX: like any export it needs another team
 * lead's approval, and each approval exports once.
 */
export function AuditExportControls({ disabled }: { disabled: boolean }) {
  const translate = useT();
  const locale = useI18nStore((state) => state.locale);
  const describeError = useErrorMessage();
  const { message } = App.useApp();
  const mine = useApprovalsStore((state) => state.mine);
  const loadMine = useApprovalsStore((state) => state.loadMine);
  const exportView = useAuditStore((state) => state.exportView);
  const [requesting, setRequesting] = useState(false);
  const [exporting, setExporting] = useState<'csv' | 'xlsx' | null>(null);
  const grant = mine.find((item) => item.purpose === 'audit_export' && item.status === 'approved');
  const waiting = mine.some((item) => item.purpose === 'audit_export' && item.status === 'pending');

  useEffect(() => {
    void loadMine();
  }, [loadMine]);

  // While a request waits for a lead, look for the decision now and then.
  useEffect(() => {
    if (!waiting) return undefined;
    const timer = window.setInterval(() => void loadMine(), 3_000);
    return () => window.clearInterval(timer);
  }, [waiting, loadMine]);

  async function handleExport(format: 'csv' | 'xlsx', approvalId: number): Promise<void> {
    setExporting(format);
    const result = await exportView(format, approvalId);
    setExporting(null);
    void loadMine();
    if (!result.ok) {
      void message.error(describeError(result.code));
      return;
    }
    saveFile(result.value.fileName, result.value.mimeType, decodeBase64(result.value.contentBase64));
    void message.success(translate('audit.export.done', { count: result.value.rowCount.toLocaleString(locale) }));
  }

  return (
    <Space wrap className="audit-export" data-testid="audit-export">
      <Typography.Text type="secondary">{translate('audit.export.hint', { limit: auditExportRowLimit.toLocaleString(locale) })}</Typography.Text>
      {grant === undefined ? (
        <>
          <Button onClick={() => setRequesting(true)} data-testid="audit-export-request">
            {translate('audit.export.request')}
          </Button>
          {waiting ? (
            <Tag color="processing" data-testid="audit-export-waiting">
              {translate('audit.export.waiting')}
            </Tag>
          ) : null}
        </>
      ) : (
        <>
          <Button
            type="primary"
            disabled={disabled || exporting !== null}
            loading={exporting === 'csv'}
            onClick={() => void handleExport('csv', grant.id)}
            data-testid="audit-export-csv"
          >
            {translate('audit.export.csv')}
          </Button>
          <Button
            disabled={disabled || exporting !== null}
            loading={exporting === 'xlsx'}
            onClick={() => void handleExport('xlsx', grant.id)}
            data-testid="audit-export-xlsx"
          >
            {translate('audit.export.xlsx')}
          </Button>
        </>
      )}
      {requesting ? <ApprovalRequestModal purpose="audit_export" customerId={null} onClose={() => setRequesting(false)} /> : null}
    </Space>
  );
}
