import { App, Button, Form, Modal, Typography } from 'antd';
import { useState } from 'react';
import { calendarFileMaxChars, calendarFileYearLimit } from '../../../common/deadline-calendar/calendar-file';
import type { ErrorCode } from '../../../common/ipc/result';
import { FailureAlert } from '../../components/FailureAlert';
import { ImportFileField } from '../../components/ImportFileField';
import { ImportProblemList } from '../../components/ImportProblemList';
import { useImportFile } from '../../forms/useImportFile';
import { useSubmission } from '../../forms/useSubmission';
import { useT } from '../../i18n/translate';
import { describeCalendarProblem } from './slaLabels';
import { useSlaSettingsStore, type CalendarImportResponse } from './useSlaSettingsStore';

type RefusedImport = Extract<CalendarImportResponse, { imported: false }>;

/** The largest file accepted, in KB (the importer's limit in characters; files are UTF-8). */
const kilobytes = calendarFileMaxChars / 1024;

/**
 * Imports calendar years from a JSON file (one year or a list). Each replaces the same year in
 * the calendar; main checks the whole file first and a file with any problem imports nothing.
 */
export function CalendarImportModal({ onClose }: { onClose: () => void }) {
  const translate = useT();
  const { message } = App.useApp();
  const importCalendarYears = useSlaSettingsStore((state) => state.importCalendarYears);
  const { submitting, submit } = useSubmission();
  const { file, fileError, setFileError, choose } = useImportFile({
    maxBytes: calendarFileMaxChars * 4,
    maxChars: calendarFileMaxChars,
    tooLarge: () => translate('slaSettings.import.tooLarge', { kilobytes }),
    unreadable: () => translate('slaSettings.import.unreadable'),
  });
  const [refused, setRefused] = useState<RefusedImport | null>(null);
  const [failureCode, setFailureCode] = useState<ErrorCode | null>(null);

  async function handleChoose(chosen: File): Promise<void> {
    setRefused(null);
    setFailureCode(null);
    await choose(chosen);
  }

  async function handleImport(): Promise<void> {
    if (file === null) {
      setFileError(translate('slaSettings.import.noFile'));
      return;
    }
    await submit(async () => {
      setRefused(null);
      setFailureCode(null);
      const result = await importCalendarYears(file.content);
      if (!result.ok) {
        setFailureCode(result.code);
        return;
      }
      if (!result.value.imported) {
        setRefused(result.value);
        return;
      }
      void message.success(translate('slaSettings.import.done', { added: result.value.added, updated: result.value.updated }));
      onClose();
    });
  }

  return (
    <Modal open width={640} title={translate('slaSettings.import.title')} onCancel={onClose} footer={null} mask={{ closable: false }}>
      <div data-testid="calendar-import-modal">
        <FailureAlert code={failureCode} testId="calendar-import-error" />
        {refused === null ? null : (
          <ImportProblemList
            testIdPrefix="calendar-import"
            title={translate('slaSettings.import.problemsTitle', { count: refused.problems.length + refused.moreProblems })}
            items={refused.problems.map((problem) => {
              const text = describeCalendarProblem(problem.message, translate);
              return {
                where: { 'data-where': problem.where },
                text:
                  problem.where === ''
                    ? translate('slaSettings.import.problemFile', { message: text })
                    : translate('slaSettings.import.problem', { where: problem.where, message: text }),
              };
            })}
            more={refused.moreProblems > 0 ? translate('slaSettings.import.problemsMore', { count: refused.moreProblems }) : null}
          />
        )}
        <Form layout="vertical" name="calendarImport" component="div">
          <ImportFileField
            label={translate('slaSettings.import.file')}
            hint={translate('slaSettings.import.fileHint', { kilobytes, limit: calendarFileYearLimit })}
            accept=".json,application/json"
            fileName={file?.name ?? null}
            error={fileError}
            onChoose={(chosen) => void handleChoose(chosen)}
            chooseLabel={translate('slaSettings.import.choose')}
            chosenLabel={translate('slaSettings.import.chosen', { name: file?.name ?? '' })}
            testIdPrefix="calendar-import"
          />
        </Form>
        <Typography.Paragraph type="secondary">{translate('slaSettings.import.hint')}</Typography.Paragraph>
        <div className="modal-actions">
          <Button onClick={onClose} data-testid="calendar-import-cancel">
            {translate('common.cancel')}
          </Button>
          <Button type="primary" loading={submitting} disabled={file === null} onClick={() => void handleImport()} data-testid="calendar-import-submit">
            {translate('slaSettings.import.submit')}
          </Button>
        </div>
      </div>
    </Modal>
  );
}
