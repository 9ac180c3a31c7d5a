import { Alert, App, Button, Form, Modal, Radio, Typography } from 'antd';
import { useState } from 'react';
import { callScriptsFileMaxChars } from '../../../common/call-scripts/script-io';
import type { CallScriptImportMode } from '../../../common/ipc/call-scripts';
import type { ErrorCode } from '../../../common/ipc/result';
import { FailureAlert } from '../../components/FailureAlert';
import { ImportFileField } from '../../components/ImportFileField';
import { ImportProblemList } from '../../components/ImportProblemList';
import { useImportFile } from '../../forms/useImportFile';
import { useSubmission } from '../../forms/useSubmission';
import { useT } from '../../i18n/translate';
import { useCallScriptsStore, type CallScriptsImportResponse } from './useCallScriptsStore';

type RefusedImport = Extract<CallScriptsImportResponse, { imported: false }>;

/** The largest file accepted, in MB (the importer's limit in characters; files are UTF-8). */
const megabytes = callScriptsFileMaxChars / (1024 * 1024);

/**
 * Imports a JSON scripts file, merged into the scripts (default) or replacing them all. Main
 * checks the whole file first; a file with any problem imports nothing.
 */
export function CallScriptsImportModal({ onClose }: { onClose: () => void }) {
  const translate = useT();
  const { message } = App.useApp();
  const importScripts = useCallScriptsStore((state) => state.importScripts);
  const { submitting, submit } = useSubmission();
  const { file, fileError, setFileError, choose } = useImportFile({
    maxBytes: callScriptsFileMaxChars * 4,
    maxChars: callScriptsFileMaxChars,
    tooLarge: () => translate('callScripts.import.tooLarge', { megabytes }),
    unreadable: () => translate('callScripts.import.unreadable'),
  });
  const [mode, setMode] = useState<CallScriptImportMode>('merge');
  const [refused, setRefused] = useState<RefusedImport | null>(null);
  const [failureCode, setFailureCode] = useState<ErrorCode | null>(null);

  async function handleChoose(chosen: File): Promise<void> {
    setRefused(null);
    setFailureCode(null);
    await choose(chosen);
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
      {refused === null ? null : (
        <ImportProblemList
          testIdPrefix="call-scripts-import"
          title={translate('callScripts.import.problemsTitle', { count: refused.problems.length + refused.moreProblems })}
          items={refused.problems.map((problem) => ({
            where: { 'data-where': problem.where },
            text:
              problem.where === ''
                ? translate('callScripts.import.problemFile', { message: problem.message })
                : translate('callScripts.import.problem', { where: problem.where, message: problem.message }),
          }))}
          more={refused.moreProblems > 0 ? translate('callScripts.import.problemsMore', { count: refused.moreProblems }) : null}
        />
      )}
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
