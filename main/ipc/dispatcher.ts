import type { FeatureName, HandlerResultOf, ParsedRequestOf, VerbName } from '../../common/ipc/contract';
import { findChannel } from '../../common/ipc/contract';
import { AppError, failure, success, toValidationIssues, type ErrorCode, type IpcResult } from '../../common/ipc/result';
import { decideAccess } from '../../common/roles';
import { findAccountById } from '../../db/accounts';
import { AuditedError, recordAudit } from '../audit/audit-trail';
import { tickSeat } from '../session/seat-lock';
import type { CallerContext, DeskContext } from '../desk-context';

/** One handler per channel, typed from the contract; it returns the response (before output parsing). */
export type Handlers = {
  [Feature in FeatureName]: {
    [Verb in VerbName<Feature>]: (
      request: ParsedRequestOf<Feature, Verb>,
      caller: CallerContext,
    ) => Promise<HandlerResultOf<Feature, Verb>> | HandlerResultOf<Feature, Verb>;
  };
};

/** Reports unexpected errors; the caller only ever sees `INTERNAL_ERROR`. */
export type ErrorReporter = (channel: string, error: unknown) => void;

/** Dispatches one call: `(channel, payload as unknown, client key) → IpcResult`. Never throws. */
export type Dispatch = (channel: string, payload: unknown, clientKey: string) => Promise<IpcResult<unknown>>;

/** Finds the signed-in account of a client, ending the session when the account was disabled or removed. */
function resolveCaller(desk: DeskContext, clientKey: string): CallerContext {
  const session = desk.sessions.get(clientKey);
  const db = desk.store.connectionIfOpen();
  if (session === undefined || db === undefined) return { clientKey, account: undefined };
  const account = findAccountById(db, session.accountId);
  if (account === undefined || account.status !== 'active') {
    desk.sessions.end(clientKey);
    return { clientKey, account: undefined };
  }
  return { clientKey, account };
}

/** Codes that mean the request was refused (as opposed to failing while it ran). */
const refusalCodes = new Set<ErrorCode>([
  'UNKNOWN_CHANNEL',
  'VALIDATION_FAILED',
  'NOT_SIGNED_IN',
  'FORBIDDEN_ROLE',
  'PASSWORD_CHANGE_REQUIRED',
  'LOCKED',
  'CUSTOMER_NOT_ACCESSIBLE',
  'APPROVAL_REQUIRED',
  'SELF_APPROVAL',
]);

/**
 * Records a failed call in the audit log (when the store is open): the channel, the code and,
 * for validation failures, the paths of the bad fields — never the payload itself.
 */
function auditFailure(
  desk: DeskContext,
  caller: CallerContext,
  channel: string,
  payload: unknown,
  result: IpcResult<unknown>,
): void {
  if (result.ok || desk.store.connectionIfOpen() === undefined) return;
  const issuePaths = result.issues?.slice(0, 5).map((issue) => issue.path || '(root)').join(',');
  recordAudit(desk, caller.account, {
    action: channel.slice(0, 80),
    ...targetOf(payload),
    outcome: refusalCodes.has(result.code) ? 'refused' : 'failed',
    code: result.code,
    details: issuePaths === undefined ? {} : { fields: issuePaths },
  });
}

/** The customer or approval a refused call aimed at (ids only), so probing can be traced. */
function targetOf(payload: unknown): { objectType?: string; objectId?: number } {
  if (typeof payload !== 'object' || payload === null) return {};
  const { customerId, approvalId } = payload as Record<string, unknown>;
  if (typeof customerId === 'number' && Number.isSafeInteger(customerId)) return { objectType: 'customer', objectId: customerId };
  if (typeof approvalId === 'number' && Number.isSafeInteger(approvalId)) return { objectType: 'approval', objectId: approvalId };
  return {};
}

/**
 * Builds the one dispatcher that Electron's ipcMain and the loopback bridge both call.
 * In order: refuse channels outside the contract (`UNKNOWN_CHANNEL`); refuse everything but
 * the lock screen's channels on a locked seat (`LOCKED`); parse the payload with the request
 * schema (`VALIDATION_FAILED`, nothing touched); check the caller's session and role
 * (`NOT_SIGNED_IN`, `FORBIDDEN_ROLE`, `PASSWORD_CHANGE_REQUIRED`); run the handler; parse its
 * answer with the response schema, so no unnamed field leaves main. Thrown `AppError`s become
 * their code; anything else becomes `INTERNAL_ERROR` and is reported. Every failure is audited
 * (unless the feature audited it itself).
 */
export function createDispatcher(desk: DeskContext, handlers: Handlers, reportError: ErrorReporter): Dispatch {
  async function run(channel: string, payload: unknown, caller: CallerContext): Promise<IpcResult<unknown>> {
    const entry = findChannel(channel);
    if (entry === undefined) return failure('UNKNOWN_CHANNEL', `Unknown channel: ${channel.slice(0, 80)}`);
    // A locked seat answers nothing but the lock screen's channels, whatever the payload. The
    // clock is applied first: an idle limit that passed since the last tick counts now.
    const session = caller.account === undefined ? undefined : desk.sessions.get(caller.clientKey);
    if (session !== undefined) tickSeat(desk, session);
    if (session?.seat.locked === true && entry.definition.allowedWhileLocked !== true) {
      return failure('LOCKED', 'The seat is locked: unlock it first.');
    }
    const parsed = entry.definition.request.safeParse(payload);
    if (!parsed.success) {
      return failure('VALIDATION_FAILED', `Invalid request for ${channel}.`, toValidationIssues(parsed.error));
    }
    const decision = decideAccess(entry.definition.access, caller.account);
    if (!decision.allowed) {
      return failure(decision.code, `Refused ${channel}: ${decision.code}.`);
    }
    const featureHandlers = handlers[entry.feature as FeatureName] as Record<
      string,
      (request: unknown, caller: CallerContext) => unknown
    >;
    const handler = featureHandlers[entry.verb];
    if (handler === undefined) return failure('UNKNOWN_CHANNEL', `No handler for ${channel}.`);
    const value = await handler(parsed.data, caller);
    const response = entry.definition.response.safeParse(value);
    if (!response.success) {
      reportError(channel, response.error);
      return failure('INTERNAL_ERROR', 'The desk produced an invalid answer.');
    }
    return success(response.data);
  }

  return async (channel, payload, clientKey) => {
    let caller: CallerContext = { clientKey, account: undefined };
    try {
      caller = resolveCaller(desk, clientKey);
      const result = await run(channel, payload, caller);
      auditFailure(desk, caller, channel, payload, result);
      return result;
    } catch (error) {
      const result =
        error instanceof AppError
          ? failure(error.code, error.message)
          : failure('INTERNAL_ERROR', 'Something went wrong inside the desk.');
      if (!(error instanceof AppError)) reportError(channel, error);
      try {
        if (!(error instanceof AuditedError)) auditFailure(desk, caller, channel, payload, result);
      } catch (auditError) {
        reportError(channel, auditError);
      }
      return result;
    }
  };
}
