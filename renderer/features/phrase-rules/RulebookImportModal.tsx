import { Alert, App, Button, Form, Modal, Radio, Typography } from 'antd';
import { useState } from 'react';
import type { RulebookFormat } from '../../../common/ipc/phrase-rules';
import type { ErrorCode } from '../../../common/ipc/result';
import { rulebookFileMaxBytes } from '../../../common/phrase-engine/rulebook-io';
import { FailureAlert } from '../../components/FailureAlert';
import { ImportFileField } from '../../components/ImportFileField';
import { useSubmission } from '../../forms/useSubmission';
import { useT } from '../../i18n/translate';
import { usePhraseRulesStore, type RulebookImportResponse } from './usePhraseRulesStore';

type ImportMode = 'merge' | 'replace';
type ChosenFile = Readonly<{ name: string; content: string }>;
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

/** Every problem of a refused file, "第 N 行：…", and that nothing was imported. */
function ImportProblemList({ refused }: { refused: RefusedImport }) {
  const translate = useT();
  const { problems, moreProblems } = refused;
  return (
    <Alert
      className="form-alert"
      type="error"
      showIcon
      role="alert"
      data-testid="rulebook-import-problems"
      title={translate('phraseRules.import.problemsTitle', { count: problems.length + moreProblems })}
      description={
        <>
          <ol style={{ margin: '4px 0 0', paddingInlineStart: 20, maxHeight: 240, overflowY: 'auto' }}>
            {problems.map((problem, index) => (
              <li key={index} className="break-anywhere" data-testid="rulebook-import-problem" data-line={problem.line}>
                {translate('phraseRules.problem.line', { line: problem.line, message: problem.message })}
              </li>
            ))}
          </ol>
          {moreProblems > 0 ? (
            <Typography.Text type="secondary">{translate('phraseRules.import.problemsMore', { count: moreProblems })}</Typography.Text>
          ) : null}
        </>
      }
    />
  );
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
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [format, setFormat] = useState<RulebookFormat>('csv');
  const [mode, setMode] = useState<ImportMode>('merge');
  const [fileError, setFileError] = useState<string | null>(null);
  const [refused, setRefused] = useState<RefusedImport | null>(null);
  const [failureCode, setFailureCode] = useState<ErrorCode | null>(null);

  async function handleChoose(chosen: File): Promise<void> {
    setRefused(null);
    setFailureCode(null);
    setFileError(null);
    setFile(null);
    const inferred = formatOfFileName(chosen.name);
    if (inferred !== undefined) setFormat(inferred);
    // The importers' limit, in bytes (a file's characters never outnumber its UTF-8 bytes).
    if (chosen.size > rulebookFileMaxBytes) {
      setFileError(translate('phraseRules.import.tooLarge', { megabytes }));
      return;
    }
    let content: string;
    try {
      content = await chosen.text();
    } catch {
      setFileError(translate('phraseRules.import.unreadable'));
      return;
    }
    if (content.length > rulebookFileMaxBytes) setFileError(translate('phraseRules.import.tooLarge', { megabytes }));
    else setFile({ name: chosen.name, content });
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
      {refused === null ? null : <ImportProblemList refused={refused} />}
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
