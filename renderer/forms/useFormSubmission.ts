import type { FormInstance } from 'antd';
import { useCallback, useState } from 'react';
import type { ErrorCode, IpcFailure, IpcResult } from '../../common/ipc/result';
import { applyFailureToForm, type FieldsByCode } from './applyFailure';
import { useSubmission } from './useSubmission';

/** The policy codes that belong on a new-password field named `field`. */
export function passwordProblemsOn(field: string): FieldsByCode {
  return {
    PASSWORD_TOO_SHORT: field,
    PASSWORD_TOO_LONG: field,
    PASSWORD_TOO_COMMON: field,
    PASSWORD_CONTAINS_AGENT_ID: field,
  };
}

/** The failure of a call's result, or `null` when it succeeded. */
export function failureOf(result: IpcResult<unknown>): IpcFailure | null {
  return result.ok ? null : result;
}

/**
 * One form's submissions: one at a time, and the failure shown where it belongs — on the fields
 * it concerns (by `fieldsByCode`, or validation issues naming one of `fieldNames`), otherwise as
 * `failureCode` for the form's alert. The task answers its failure, or `null` on success.
 */
export function useFormSubmission(
  form: FormInstance,
  fieldNames: readonly string[],
  fieldsByCode: FieldsByCode = {},
): {
  submitting: boolean;
  failureCode: ErrorCode | null;
  run: (task: () => Promise<IpcFailure | null>) => Promise<IpcFailure | null>;
} {
  const { submitting, submit } = useSubmission();
  const [failureCode, setFailureCode] = useState<ErrorCode | null>(null);
  const run = useCallback(
    async (task: () => Promise<IpcFailure | null>) => {
      let failure: IpcFailure | null = null;
      await submit(async () => {
        setFailureCode(null);
        failure = await task();
        if (failure !== null && !applyFailureToForm(form, failure, fieldNames, fieldsByCode)) {
          setFailureCode(failure.code);
        }
      });
      return failure;
    },
    [submit, form, fieldNames, fieldsByCode],
  );
  return { submitting, failureCode, run };
}
