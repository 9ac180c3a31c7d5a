import { Alert, App, Button, Form, Modal, Radio, Typography } from 'antd';
import { useState } from 'react';
import { callScriptsFileMaxChars } from '../../../common/call-scripts/script-io';
import type { CallScriptImportMode } from '../../../common/ipc/call-scripts';
import type { ErrorCode } from '../../../common/ipc/result';
import { FailureAlert } from '../../components/FailureAlert';
import { ImportFileField } from '../../components/ImportFileField';
import { useSubmission } from '../../forms/useSubmission';
import { useT } from '../../i18n/translate';
import { useCallScriptsStore, type CallScriptsImportResponse } from './useCallScriptsStore';

type ChosenFile = Readonly<{ name: string; content: string }>;
type RefusedImport = Extract<CallScriptsImportResponse, { imported: false }>;

/** The largest file accepted, in MB (the importer's limit in characters; files are UTF-8). */
const megabytes = callScriptsFileMaxChars / (1024 * 1024);

/** Every problem of a refused file, "where：what", and that nothing was imported. */
function ImportProblemList({ refused }: { refused: RefusedImport }) {
  const translate = useT();
  const { problems, moreProblems } = refused;
  return (
    <Alert
      className="form-alert"
      type="error"
      showIcon
      role="alert"
      data-testid="call-scripts-import-problems"
      title={translate('callScripts.import.problemsTitle', { count: problems.length + moreProblems })}
      description={
        <>
          <ol style={{ margin: '4px 0 0', paddingInlineStart: 20, maxHeight: 240, overflowY: 'auto' }}>
            {problems.map((problem, index) => (
              <li key={index} className="break-anywhere" data-testid="call-scripts-import-problem" data-where={problem.where}>
                {problem.where === ''
                  ? translate('callScripts.import.problemFile', { message: problem.message })
                  : translate('callScripts.import.problem', { where: problem.where, message: problem.message })}
              </li>
            ))}
          </ol>
          {moreProblems > 0 ? <Typography.Text type="secondary">{translate('callScripts.import.problemsMore', { count: moreProblems })}</Typography.Text> : null}
        </>
      }
    />
  );
}

/**
 * Imports a JSON scripts file, merged into the scripts (default) or replacing them all. Main
 * checks the whole file first; a file with any problem imports nothing.
 */
export function CallScriptsImportModal({ onClose }: { onClose: () => void }) {
  const translate = useT();
  const { message } = App.useApp();
  const importScripts = useCallScriptsStore((state) => state.importScripts);
  const { submitting, submit } = useSubmission();
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [mode, setMode] = useState<CallScriptImportMode>('merge');
  const [fileError, setFileError] = useState<string | null>(null);
  const [refused, setRefused] = useState<RefusedImport | null>(null);
  const [failureCode, setFailureCode] = useState<ErrorCode | null>(null);

  async function handleChoose(chosen: File): Promise<void> {
    setRefused(null);
    setFailureCode(null);
    setFileError(null);
    setFile(null);
    if (chosen.size > callScriptsFileMaxChars * 4) {
      setFileError(translate('callScripts.import.tooLarge', { megabytes }));
      return;
    }
    let content: string;
    try {
      content = await chosen.text();
    } catch {
      setFileError(translate('callScripts.import.unreadable'));
      return;
    }
    if (content.length > callScriptsFileMaxChars) setFileError(translate('callScripts.import.tooLarge', { megabytes }));
    else setFile({ name: chosen.name, content });
  }

  async function handleImport(): Promise<void> {
    if (file === null) {
      setFileError(translate('callScripts.import.noFile'));
      return;
    }
    await submit(async () => {
      setRefused(null);
      setFailureCode(null);
      const result = await importScripts({ mode, content: file.content });
      if (!result.ok) {
        setFailureCode(result.code);
        return;
      }
      if (!result.value.imported) {
        setRefused(result.value);
        return;
      }
      const { added, updated, removed } = result.value;
      void message.success(translate('callScripts.import.done', { added, updated, removed }));
      onClose();
    });
  }

  return (
    <Modal open width={640} title={translate('callScripts.import.title')} onCancel={onClose} footer={null} mask={{ closable: false }} data-testid="call-scripts-import-modal">
      <FailureAlert code={failureCode} testId="call-scripts-import-error" />
      {refused === null ? null : <ImportProblemList refused={refused} />}
      <Form layout="vertical" name="callScriptsImport" component="div">
        <ImportFileField
          label={translate('callScripts.import.file')}
          hint={translate('callScripts.import.fileHint', { megabytes })}
          accept=".json,application/json"
          fileName={file?.name ?? null}
          error={fileError}
          onChoose={(chosen) => void handleChoose(chosen)}
          chooseLabel={translate('callScripts.import.choose')}
          chosenLabel={translate('callScripts.import.chosen', { name: file?.name ?? '' })}
          testIdPrefix="call-scripts-import"
        />
        <Form.Item label={translate('callScripts.import.mode')}>
          <Radio.Group
            value={mode}
            onChange={(event) => {
              setMode(event.target.value as CallScriptImportMode);
              setRefused(null);
            }}
            options={[
              { value: 'merge', label: translate('callScripts.import.merge') },
              { value: 'replace', label: translate('callScripts.import.replace') },
            ]}
            data-testid="call-scripts-import-mode"
          />
        </Form.Item>
        {mode === 'merge' ? (
          <Typography.Paragraph type="secondary">{translate('callScripts.import.mergeHint')}</Typography.Paragraph>
        ) : (
          <Alert className="form-alert" type="warning" showIcon title={translate('callScripts.import.replaceWarning')} data-testid="call-scripts-import-replace-warning" />
        )}
        <div className="modal-actions">
          <Button onClick={onClose} data-testid="call-scripts-import-cancel">
            {translate('common.cancel')}
          </Button>
          <Button
            type="primary"
            danger={mode === 'replace'}
            loading={submitting}
            disabled={file === null}
            onClick={() => void handleImport()}
            data-testid="call-scripts-import-submit"
          >
            {translate(mode === 'replace' ? 'callScripts.import.submitReplace' : 'callScripts.import.submit')}
          </Button>
        </div>
      </Form>
    </Modal>
  );
}
