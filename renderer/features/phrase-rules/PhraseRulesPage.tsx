import { Alert, App, Button, Flex, Input, Select, Space, Table, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { RulebookFormat } from '../../../common/ipc/phrase-rules';
import type { PhraseCategory, PhraseRule, PhraseSeverity } from '../../../common/phrase-engine/rulebook';
import { FailureAlert } from '../../components/FailureAlert';
import { saveFile } from '../../components/saveFile';
import { useErrorMessage, useT } from '../../i18n/translate';
import { filterRules, type RuleFilters } from './filterRules';
import { phraseRuleColumns } from './phraseRuleColumns';
import { PhraseRuleEditor } from './PhraseRuleEditor';
import { PhraseTestPanel } from './PhraseTestPanel';
import { categoryOptions, severityOptions } from './ruleLabels';
import { RulebookImportModal } from './RulebookImportModal';
import { usePhraseRulesStore } from './usePhraseRulesStore';

type OpenDialog = { kind: 'none' } | { kind: 'create' } | { kind: 'edit'; rule: PhraseRule } | { kind: 'import' };

/**
 * The banned-phrase rulebook: administrators create, edit, switch off, delete, import and
 * export rules; team leads (`canEdit` false) read, test and export. Main enforces the same.
 */
export function PhraseRulesPage({ canEdit }: { canEdit: boolean }) {
  const translate = useT();
  const describeError = useErrorMessage();
  const { message } = App.useApp();
  const rules = usePhraseRulesStore((state) => state.rules);
  const loading = usePhraseRulesStore((state) => state.loading);
  const loaded = usePhraseRulesStore((state) => state.loaded);
  const loadErrorCode = usePhraseRulesStore((state) => state.loadErrorCode);
  const load = usePhraseRulesStore((state) => state.load);
  const reset = usePhraseRulesStore((state) => state.reset);
  const exportRulebook = usePhraseRulesStore((state) => state.exportRulebook);
  const [dialog, setDialog] = useState<OpenDialog>({ kind: 'none' });
  const [filters, setFilters] = useState<RuleFilters>({ search: '', category: 'all', severity: 'all' });
  const [exporting, setExporting] = useState<RulebookFormat | null>(null);
  const [paging, setPaging] = useState({ current: 1, pageSize: 50 });

  useEffect(() => {
    void load();
    // Nothing stays behind once the page closes (a lock or sign-out closes it too).
    return reset;
  }, [load, reset]);

  const shown = useMemo(() => filterRules(rules, filters), [rules, filters]);
  const enabledCount = useMemo(() => rules.filter((rule) => rule.enabled).length, [rules]);
  const filtered = filters.search.trim() !== '' || filters.category !== 'all' || filters.severity !== 'all';
  const closeDialog = (): void => setDialog({ kind: 'none' });
  const lastPage = Math.max(1, Math.ceil(shown.length / paging.pageSize));

  function changeFilters(next: RuleFilters): void {
    setFilters(next);
    setPaging({ ...paging, current: 1 });
  }

  /** Brings a new rule into view: filters cleared, the page that holds it shown. */
  function showRule(id: string): void {
    const index = usePhraseRulesStore.getState().rules.findIndex((rule) => rule.id === id);
    setFilters({ search: '', category: 'all', severity: 'all' });
    if (index >= 0) setPaging({ ...paging, current: Math.floor(index / paging.pageSize) + 1 });
  }

  async function handleExport(format: RulebookFormat): Promise<void> {
    setExporting(format);
    const result = await exportRulebook(format);
    setExporting(null);
    if (!result.ok) {
      void message.error(describeError(result.code));
      return;
    }
    saveFile(result.value.fileName, result.value.mimeType, result.value.content);
    void message.success(translate('phraseRules.exported', { fileName: result.value.fileName }));
  }

  const columns = phraseRuleColumns(translate, { canEdit, onEdit: (rule) => setDialog({ kind: 'edit', rule }) });
  // Fixed layout keeps each column at its width (long phrases wrap, long notes are cut short).
  const tableWidth = columns.reduce((total, column) => total + (typeof column.width === 'number' ? column.width : 0), 0);

  return (
    <Flex vertical gap={16} data-testid="phrase-rules-page">
      <PhraseTestPanel />
      <section className="agents-page">
        <div className="agents-page-toolbar">
          <div>
            <Typography.Title level={4} className="agents-page-title">
              {translate('phraseRules.title')}
            </Typography.Title>
            {loaded ? (
              <Typography.Text type="secondary" data-testid="phrase-rules-count">
                {translate('phraseRules.count', { total: rules.length, enabled: enabledCount })}
                {filtered ? translate('phraseRules.shown', { shown: shown.length }) : ''}
              </Typography.Text>
            ) : null}
          </div>
          <Space wrap>
            <Button onClick={() => void load()} loading={loading} data-testid="phrase-rules-refresh">
              {translate('common.refresh')}
            </Button>
            <Button onClick={() => void handleExport('json')} loading={exporting === 'json'} data-testid="phrase-rules-export-json">
              {translate('phraseRules.exportJson')}
            </Button>
            <Button onClick={() => void handleExport('csv')} loading={exporting === 'csv'} data-testid="phrase-rules-export-csv">
              {translate('phraseRules.exportCsv')}
            </Button>
            {canEdit ? (
              <>
                <Button onClick={() => setDialog({ kind: 'import' })} data-testid="phrase-rules-import">
                  {translate('phraseRules.importButton')}
                </Button>
                <Button type="primary" onClick={() => setDialog({ kind: 'create' })} data-testid="phrase-rule-create">
                  {translate('phraseRules.create')}
                </Button>
              </>
            ) : null}
          </Space>
        </div>
        <Typography.Paragraph type="secondary">{translate('phraseRules.subtitle')}</Typography.Paragraph>
        {canEdit ? null : (
          <Alert className="form-alert" type="info" showIcon title={translate('phraseRules.readOnly')} data-testid="phrase-rules-read-only" />
        )}
        <FailureAlert code={loadErrorCode} heading={translate('phraseRules.loadFailed')} testId="phrase-rules-load-error" />
        <Flex wrap gap={8} style={{ marginBottom: 12 }}>
          <Input.Search
            allowClear
            value={filters.search}
            onChange={(event) => changeFilters({ ...filters, search: event.target.value })}
            placeholder={translate('phraseRules.searchPlaceholder')}
            aria-label={translate('phraseRules.searchPlaceholder')}
            style={{ width: 280 }}
            data-testid="phrase-rules-search"
          />
          <Select<PhraseCategory | 'all'>
            value={filters.category}
            onChange={(category) => changeFilters({ ...filters, category })}
            options={[{ value: 'all', label: translate('phraseRules.allCategories') }, ...categoryOptions(translate)]}
            aria-label={translate('phraseRules.column.category')}
            style={{ width: 160 }}
            data-testid="phrase-rules-category-filter"
          />
          <Select<PhraseSeverity | 'all'>
            value={filters.severity}
            onChange={(severity) => changeFilters({ ...filters, severity })}
            options={[{ value: 'all', label: translate('phraseRules.allSeverities') }, ...severityOptions(translate)]}
            aria-label={translate('phraseRules.column.severity')}
            style={{ width: 160 }}
            data-testid="phrase-rules-severity-filter"
          />
        </Flex>
        <Table<PhraseRule>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={shown}
          loading={loading && !loaded}
          locale={{ emptyText: loaded ? translate('phraseRules.empty') : undefined }}
          pagination={{
            current: Math.min(paging.current, lastPage),
            pageSize: paging.pageSize,
            pageSizeOptions: [20, 50, 100, 200],
            showSizeChanger: true,
            hideOnSinglePage: true,
            onChange: (current, pageSize) => setPaging({ current, pageSize }),
          }}
          tableLayout="fixed"
          scroll={{ x: tableWidth }}
          data-testid="phrase-rules-table"
        />
      </section>
      {dialog.kind === 'create' ? <PhraseRuleEditor rule={null} onClose={closeDialog} onSaved={showRule} /> : null}
      {dialog.kind === 'edit' ? <PhraseRuleEditor rule={dialog.rule} onClose={closeDialog} /> : null}
      {dialog.kind === 'import' ? <RulebookImportModal onClose={closeDialog} /> : null}
    </Flex>
  );
}
