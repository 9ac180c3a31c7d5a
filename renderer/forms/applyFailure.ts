import type { FormInstance } from 'antd';
import type { ErrorCode, IpcFailure } from '../../common/ipc/result';
import { errorMessage, t } from '../i18n/translate';

/** Which form field an error code belongs to, for the codes that name one. */
export type FieldsByCode = Partial<Record<ErrorCode, string>>;

/**
 * Shows a failure on the form fields it concerns: a code listed in `fieldsByCode`, or the
 * validation issues whose path names a field of `fieldNames`. Returns false when nothing
 * could be placed on a field, so the caller shows the failure as a whole instead.
 */
export function applyFailureToForm(
  form: FormInstance,
  failure: IpcFailure,
  fieldNames: readonly string[],
  fieldsByCode: FieldsByCode = {},
): boolean {
  const codeField = fieldsByCode[failure.code];
  if (codeField !== undefined) {
    form.setFields([{ name: codeField, errors: [errorMessage(failure.code)] }]);
    return true;
  }
  if (failure.code !== 'VALIDATION_FAILED' || failure.issues === undefined) return false;
  const issueFields = new Set(
    failure.issues
      .map((issue) => issue.path.split('.')[0] ?? '')
      .filter((name) => fieldNames.includes(name)),
  );
  if (issueFields.size === 0) return false;
  form.setFields([...issueFields].map((name) => ({ name, errors: [t('validation.serverIssue')] })));
  return true;
}
