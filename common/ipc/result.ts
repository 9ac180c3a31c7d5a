import { z } from 'zod';

/**
 * Stable error codes that cross process boundaries. The renderer maps each code to a
 * localized message; audit entries (later) record the code. Never rename a code: add one.
 */
export const errorCodes = [
  'VALIDATION_FAILED',
  'UNKNOWN_CHANNEL',
  'FORBIDDEN_SENDER',
  'NOT_SIGNED_IN',
  'FORBIDDEN_ROLE',
  'PASSWORD_CHANGE_REQUIRED',
  'INVALID_CREDENTIALS',
  'ACCOUNT_DISABLED',
  'SETUP_ALREADY_DONE',
  'SETUP_REQUIRED',
  'STORE_LOCKED',
  'STORE_ALREADY_OPEN',
  'STORE_UNAVAILABLE',
  'WRONG_PASSPHRASE',
  'PASSPHRASE_REQUIRED',
  'PASSPHRASE_TOO_WEAK',
  'AGENT_ID_TAKEN',
  'ACCOUNT_NOT_FOUND',
  'PASSWORD_TOO_SHORT',
  'PASSWORD_TOO_LONG',
  'PASSWORD_TOO_COMMON',
  'PASSWORD_CONTAINS_AGENT_ID',
  'PASSWORD_UNCHANGED',
  'CANNOT_CHANGE_OWN_ACCOUNT',
  'LAST_ADMIN',
  'LOCKED',
  'ACCOUNT_LOCKED_OUT',
  'CUSTOMER_NOT_FOUND',
  'CUSTOMER_NOT_ACCESSIBLE',
  'NO_OPEN_VIEW',
  'APPROVAL_REQUIRED',
  'APPROVAL_NOT_FOUND',
  'APPROVAL_ALREADY_DECIDED',
  'SELF_APPROVAL',
  'AUDIT_TOO_YOUNG',
  'AUDIT_CHAIN_BROKEN',
  'AUDIT_NOTHING_TO_ARCHIVE',
  'AUDIT_EXPORT_TOO_LARGE',
  'VERIFICATION_NOT_FOUND',
  'PHRASE_RULE_EXISTS',
  'PHRASE_RULE_NOT_FOUND',
  'PHRASE_BLOCKED',
  'KNOWLEDGE_ANSWER_NOT_FOUND',
  'CALL_SCRIPT_NOT_FOUND',
  'CALL_SCRIPT_EXISTS',
  'CALL_SCRIPT_LAST_OF_KIND',
  'CALL_NOT_FOUND',
  'CALL_IN_PROGRESS',
  'TICKET_NOT_FOUND',
  'TICKET_ILLEGAL_TRANSITION',
  'TICKET_CALLBACK_REQUIRED',
  'TICKET_CALLBACK_ATTEMPTS_NEEDED',
  'TICKET_DETAILS_MISSING',
  'CALENDAR_YEAR_INVALID',
  'CALENDAR_YEAR_NOT_FOUND',
  'QUALITY_OWN_CALL',
  'QUALITY_ALREADY_SCORED',
  'QUALITY_SCORECARD_NOT_FOUND',
  'QUALITY_ALREADY_APPEALED',
  'QUALITY_APPEAL_NOT_PENDING',
  'QUALITY_SCORE_UNCHANGED',
  'QUALITY_NO_UNSCORED_CALL',
  'HANDOVER_NO_TEAM',
  'HANDOVER_SHIFT_IN_FUTURE',
  'HANDOVER_TICKET_NOT_FOUND',
  'HANDOVER_TICKET_OTHER_TEAM',
  'HANDOVER_NOT_FOUND',
  'HANDOVER_OWN_ENTRY',
  'HANDOVER_ALREADY_ACKNOWLEDGED',
  'DATE_RANGE_INVALID',
  'INTERNAL_ERROR',
] as const;

/** One of the stable error codes in {@link errorCodes}. */
export type ErrorCode = (typeof errorCodes)[number];

/** One problem found while validating a request: where (field path) and what. */
export type ValidationIssue = Readonly<{ path: string; message: string }>;

/** A failed call: a stable code, an English technical message, and field issues for validation. */
export type IpcFailure = Readonly<{
  ok: false;
  code: ErrorCode;
  message: string;
  issues?: readonly ValidationIssue[];
}>;

/** A successful call carrying the channel's response value. */
export type IpcSuccess<T> = Readonly<{ ok: true; value: T }>;

/** What every channel returns: errors travel as data, never as thrown exceptions. */
export type IpcResult<T> = IpcSuccess<T> | IpcFailure;

/** zod schema for a failure envelope, used by the loopback bridge client to check responses. */
export const ipcFailureSchema = z.object({
  ok: z.literal(false),
  code: z.enum(errorCodes),
  message: z.string(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});

/** Builds a failure envelope. */
export function failure(
  code: ErrorCode,
  message: string,
  issues?: readonly ValidationIssue[],
): IpcFailure {
  return issues === undefined ? { ok: false, code, message } : { ok: false, code, message, issues };
}

/** Builds a success envelope. */
export function success<T>(value: T): IpcSuccess<T> {
  return { ok: true, value };
}

/**
 * An error with a stable code, thrown inside main-process services and turned into an
 * {@link IpcFailure} at the IPC boundary.
 */
export class AppError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'AppError';
    this.code = code;
  }
}

/** Converts zod issues into path/message pairs that are safe to send to the renderer. */
export function toValidationIssues(error: z.ZodError): ValidationIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
}
