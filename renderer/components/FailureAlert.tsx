import { Alert } from 'antd';
import type { ErrorCode } from '../../common/ipc/result';
import { useErrorMessage } from '../i18n/translate';

type FailureAlertProps = {
  code: ErrorCode | null;
  testId: string;
  /** A heading above the explanation, saying what could not be done. */
  heading?: string;
  type?: 'error' | 'warning' | 'info';
};

/** A failed call explained in the current language; renders nothing without a code. */
export function FailureAlert({ code, testId, heading, type = 'error' }: FailureAlertProps) {
  const describeError = useErrorMessage();
  if (code === null) return null;
  return (
    <Alert
      className="form-alert"
      type={type}
      showIcon
      role="alert"
      title={heading ?? describeError(code)}
      description={heading === undefined ? undefined : describeError(code)}
      data-testid={testId}
      data-error-code={code}
    />
  );
}
