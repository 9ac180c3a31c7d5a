import { Alert, App, Button, Form, Modal, Radio, Typography } from 'antd';
import { useState } from 'react';
import type { RulebookFormat } from '../../../common/ipc/phrase-rules';
import type { ErrorCode } from '../../../common/ipc/result';
import { rulebookFileMaxBytes } from '../../../common/phrase-engine/rulebook-io';
import { FailureAlert } from '../../components/FailureAlert';
import { ImportFileField } from '../../components/ImportFileField';
import { ImportProblemList } from '../../components/ImportProblemList';
import { useImportFile } from '../../forms/useImportFile';
import { useSubmission } from '../../forms/useSubmission';
import { useT } from '../../i18n/translate';
import { usePhraseRulesStore, type RulebookImportResponse } from './usePhraseRulesStore';

type ImportMode = 'merge' | 'replace';
type RefusedImport = Extract<RulebookImportResponse, { imported: false }>;

/** The largest file accepted, in MB (the importers' limit). */
const megabytes = rulebookFileMaxBytes / (1024 * 1024);

/** The format a file's name says, if it says one. */
export function formatOfFileName(name: string): RulebookFormat | undefined {
  const lower = name.toLowerCase();
  if (lower.endsWith('.json')) return 'json';
  if (lower.endsWith('.csv')) return 'csv';
  return undefined;
}

/**
 * Imports a JSON or CSV rulebook: merged into the rules (default) or replacing them all.
 * Main checks the whole file first; a file with any problem imports nothing.
 */
export function RulebookImportModal({ onClose }: { onClose: () => void }) {
  const translate = useT();
  const { message } = App.useApp();
  const importRulebook = usePhraseRulesStore((state) => state.importRulebook);
  const { submitting, submit } = useSubmission();
  // The importers' limit, in bytes (a file's characters never outnumber its UTF-8 bytes).
  const { file, fileError, setFileError, choose } = useImportFile({
    maxBytes: rulebookFileMaxBytes,
    maxChars: rulebookFileMaxBytes,
    tooLarge: () => translate('phraseRules.import.tooLarge', { megabytes }),
    unreadable: () => translate('phraseRules.import.unreadable'),
  });
  const [format, setFormat] = useState<RulebookFormat>('csv');
  const [mode, setMode] = useState<ImportMode>('merge');
  const [refused, setRefused] = useState<RefusedImport | null>(null);
  const [failureCode, setFailureCode] = useState<ErrorCode | null>(null);

  async function handleChoose(chosen: File): Promise<void> {
    setRefused(null);
    setFailureCode(null);
    const inferred = formatOfFileName(chosen.name);
    if (inferred !== undefined) setFormat(inferred);
    await choose(chosen);
  }

  async function handleImport(): Promise<void> {
    if (file === null) {
      setFileError(translate('phraseRules.import.noFile'));
      return;
    }
    await submit(async () => {
      setRefused(null);
      setFailureCode(null);
      const result = await importRulebook({ format, mode, content: file.content });
      if (!result.ok) {
        setFailureCode(result.code);
        return;
      }
      if (!result.value.imported) {
        setRefused(result.value);
        return;
      }
      const { added, updated, removed } = result.value;
      void message.success(translate('phraseRules.import.done', { added, updated, removed }));
      onClose();
    });
  }

  return (
    <Modal
      open
      width={640}
      title={translate('phraseRules.import.title')}
      onCancel={onClose}
      footer={null}
      mask={{ closable: false }}
      data-testid="rulebook-import-modal"
    >
      <FailureAlert code={failureCode} testId="rulebook-import-error" />
      {refused === null ? null : (
        <ImportProblemList
          testIdPrefix="rulebook-import"
          title={translate('phraseRules.import.problemsTitle', { count: refused.problems.length + refused.moreProblems })}
          items={refused.problems.map((problem) => ({
            where: { 'data-line': problem.line },
            text: translate('phraseRules.problem.line', { line: problem.line, message: problem.message }),
          }))}
          more={refused.moreProblems > 0 ? translate('phraseRules.import.problemsMore', { count: refused.moreProblems }) : null}
        />
      )}
      <Form layout="vertical" name="rulebookImport" component="div">
        <ImportFileField
          label={translate('phraseRules.import.file')}
          hint={translate('phraseRules.import.fileHint', { megabytes })}
          accept=".csv,.json,text/csv,application/json"
          fileName={file?.name ?? null}
          error={fileError}
          onChoose={(chosen) => void handleChoose(chosen)}
          chooseLabel={translate('phraseRules.import.choose')}
          chosenLabel={translate('phraseRules.import.chosen', { name: file?.name ?? '' })}
          testIdPrefix="rulebook-import"
        />
        <Form.Item label={translate('phraseRules.import.format')}>
          <Radio.Group
            optionType="button"
            value={format}
            onChange={(event) => {
              setFormat(event.target.value as RulebookFormat);
              setRefused(null);
            }}
            options={[
              { value: 'csv', label: 'CSV' },
              { value: 'json', label: 'JSON' },
            ]}
            data-testid="rulebook-import-format"
          />
        </Form.Item>
        <Form.Item label={translate('phraseRules.import.mode')}>
          <Radio.Group
            value={mode}
            onChange={(event) => setMode(event.target.value as ImportMode)}
            options={[
              { value: 'merge', label: translate('phraseRules.import.merge') },
              { value: 'replace', label: translate('phraseRules.import.replace') },
            ]}
            data-testid="rulebook-import-mode"
          />
        </Form.Item>
        {mode === 'merge' ? (
          <Typography.Paragraph type="secondary">{translate('phraseRules.import.mergeHint')}</Typography.Paragraph>
        ) : (
          <Alert className="form-alert" type="warning" showIcon title={translate('phraseRules.import.replaceWarning')} data-testid="rulebook-import-replace-warning" />
        )}
        <div className="modal-actions">
          <Button onClick={onClose}>{translate('common.cancel')}</Button>
          <Button
            type="primary"
            danger={mode === 'replace'}
            loading={submitting}
            disabled={file === null}
            onClick={() => void handleImport()}
            data-testid="rulebook-import-submit"
          >
            {translate(mode === 'replace' ? 'phraseRules.import.submitReplace' : 'phraseRules.import.submit')}
          </Button>
        </div>
      </Form>
    </Modal>
  );
}
