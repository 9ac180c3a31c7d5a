import { Alert, App, Button, Flex, Popconfirm, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useEffect, useState, type HTMLAttributes } from 'react';
import type { CallScript } from '../../../common/call-scripts/script';
import { FailureAlert } from '../../components/FailureAlert';
import { saveFile } from '../../components/saveFile';
import { testIdProps } from '../../components/testIdProps';
import { useErrorMessage, useT } from '../../i18n/translate';
import { CallScriptEditor, kindLabel } from './CallScriptEditor';
import { CallScriptsImportModal } from './CallScriptsImportModal';
import { useCallScriptsStore } from './useCallScriptsStore';

type Editing = { kind: 'none' } | { kind: 'create' } | { kind: 'edit'; script: CallScript };

const kindColors = { phone: 'blue', counter: 'green', callback: 'purple' } as const;

/**
 * The call scripts (话术脚本): administrators create, edit (with a live preview), delete, import
 * and export scripts; team leads (`canEdit` false) read them and export. Main enforces the same.
 */
export function CallScriptsPage({ canEdit }: { canEdit: boolean }) {
  const translate = useT();
  const describeError = useErrorMessage();
  const { message } = App.useApp();
  const scripts = useCallScriptsStore((state) => state.scripts);
  const loading = useCallScriptsStore((state) => state.loading);
  const loaded = useCallScriptsStore((state) => state.loaded);
  const loadErrorCode = useCallScriptsStore((state) => state.loadErrorCode);
  const load = useCallScriptsStore((state) => state.load);
  const reset = useCallScriptsStore((state) => state.reset);
  const remove = useCallScriptsStore((state) => state.remove);
  const exportScripts = useCallScriptsStore((state) => state.exportScripts);
  const [editing, setEditing] = useState<Editing>({ kind: 'none' });
  const [importing, setImporting] = useState(false);
  const [exporting, setExporting] = useState(false);

  useEffect(() => {
    void load();
    // Nothing stays behind once the page closes (a lock or sign-out closes it too).
    return reset;
  }, [load, reset]);

  async function handleExport(): Promise<void> {
    setExporting(true);
    const result = await exportScripts();
    setExporting(false);
    if (!result.ok) {
      void message.error(describeError(result.code));
      return;
    }
    saveFile(result.value.fileName, 'application/json', result.value.content);
    void message.success(translate('callScripts.exported', { fileName: result.value.fileName }));
  }

  async function handleDelete(script: CallScript): Promise<void> {
    const failure = await remove(script.id);
    if (failure !== null) {
      void message.error(describeError(failure.code));
      return;
    }
    if (editing.kind === 'edit' && editing.script.id === script.id) setEditing({ kind: 'none' });
    void message.success(translate('callScripts.deleted', { name: script.name }));
  }

  const editingId = editing.kind === 'edit' ? editing.script.id : null;
  const columns: TableColumnsType<CallScript> = [
    {
      title: translate('callScripts.column.name'),
      key: 'name',
      render: (_value, script) => (
        <Flex vertical>
          <Typography.Text strong data-testid="call-script-name">
            {script.name}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {script.id}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: translate('callScripts.column.kind'),
      key: 'kind',
      width: 140,
      render: (_value, script) => (
        <Tag color={kindColors[script.kind]} data-testid="call-script-kind">
          {kindLabel(script.kind, translate)}
        </Tag>
      ),
    },
    {
      title: translate('callScripts.column.steps'),
      key: 'steps',
      width: 120,
      render: (_value, script) => <span data-testid="call-script-step-count">{translate('callScripts.stepCount', { count: script.steps.length })}</span>,
    },
    {
      title: translate('callScripts.column.actions'),
      key: 'actions',
      width: 180,
      render: (_value, script) => (
        <Space size={4}>
          <Button type="link" size="small" onClick={() => setEditing({ kind: 'edit', script })} data-testid={`call-script-open-${script.id}`}>
            {translate(canEdit ? 'callScripts.edit' : 'callScripts.view')}
          </Button>
          {canEdit ? (
            <Popconfirm
              title={translate('callScripts.deleteConfirmTitle', { name: script.name })}
              description={translate('callScripts.deleteConfirm')}
              okText={translate('callScripts.delete')}
              cancelText={translate('common.cancel')}
              okButtonProps={{ danger: true, ...testIdProps('call-script-delete-confirm') }}
              onConfirm={() => handleDelete(script)}
            >
              <Button type="link" size="small" danger data-testid={`call-script-delete-${script.id}`}>
                {translate('callScripts.delete')}
              </Button>
            </Popconfirm>
          ) : null}
        </Space>
      ),
    },
  ];

  return (
    <section className="agents-page" data-testid="call-scripts-page">
      <div className="agents-page-toolbar">
        <div>
          <Typography.Title level={4} className="agents-page-title">
            {translate('callScripts.title')}
          </Typography.Title>
          {loaded ? (
            <Typography.Text type="secondary" data-testid="call-scripts-count">
              {translate('callScripts.count', { count: scripts.length })}
            </Typography.Text>
          ) : null}
        </div>
        <Space wrap>
          <Button onClick={() => void load()} loading={loading} data-testid="call-scripts-refresh">
            {translate('common.refresh')}
          </Button>
          <Button onClick={() => void handleExport()} loading={exporting} data-testid="call-scripts-export">
            {translate('callScripts.exportJson')}
          </Button>
          {canEdit ? (
            <>
              <Button onClick={() => setImporting(true)} data-testid="call-scripts-import">
                {translate('callScripts.importButton')}
              </Button>
              <Button type="primary" onClick={() => setEditing({ kind: 'create' })} data-testid="call-script-create">
                {translate('callScripts.create')}
              </Button>
            </>
          ) : null}
        </Space>
      </div>
      <Typography.Paragraph type="secondary">{translate('callScripts.subtitle')}</Typography.Paragraph>
      {canEdit ? null : <Alert className="form-alert" type="info" showIcon title={translate('callScripts.readOnly')} data-testid="call-scripts-read-only" />}
      <FailureAlert code={loadErrorCode} heading={translate('callScripts.loadFailed')} testId="call-scripts-load-error" />
      <Table<CallScript>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={scripts}
        loading={loading && !loaded}
        pagination={false}
        rowClassName={(script) => (script.id === editingId ? 'call-script-row-selected' : '')}
        onRow={(script) => ({ 'data-testid': 'call-script-row', 'data-script-id': script.id }) as HTMLAttributes<HTMLElement>}
        locale={{ emptyText: translate('callScripts.empty') }}
        style={{ marginBottom: 16 }}
        data-testid="call-scripts-table"
      />
      {editing.kind === 'none' ? null : (
        <CallScriptEditor
          key={editing.kind === 'edit' ? `edit-${editing.script.id}` : 'create'}
          script={editing.kind === 'edit' ? editing.script : null}
          canEdit={canEdit}
          takenIds={scripts.map((script) => script.id).filter((id) => id !== editingId)}
          onClose={() => setEditing({ kind: 'none' })}
        />
      )}
      {importing ? <CallScriptsImportModal onClose={() => setImporting(false)} /> : null}
    </section>
  );
}
