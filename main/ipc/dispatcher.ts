import type { FeatureName, HandlerResultOf, ParsedRequestOf, VerbName } from '../../common/ipc/contract';
import { findChannel } from '../../common/ipc/contract';
import { AppError, failure, success, toValidationIssues, type IpcResult } from '../../common/ipc/result';
import { decideAccess } from '../../common/roles';
import { findAccountById } from '../../db/accounts';
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

/**
 * Builds the one dispatcher that Electron's ipcMain and the loopback bridge both call.
 * In order: refuse channels outside the contract (`UNKNOWN_CHANNEL`); parse the payload with
 * the request schema (`VALIDATION_FAILED`, nothing touched); check the caller's session and
 * role (`NOT_SIGNED_IN`, `FORBIDDEN_ROLE`, `PASSWORD_CHANGE_REQUIRED`); run the handler; parse
 * its answer with the response schema, so no unnamed field leaves main. Thrown `AppError`s
 * become their code; anything else becomes `INTERNAL_ERROR` and is reported.
 */
export function createDispatcher(desk: DeskContext, handlers: Handlers, reportError: ErrorReporter): Dispatch {
  return async (channel, payload, clientKey) => {
    const entry = findChannel(channel);
    if (entry === undefined) return failure('UNKNOWN_CHANNEL', `Unknown channel: ${channel.slice(0, 80)}`);
    const parsed = entry.definition.request.safeParse(payload);
    if (!parsed.success) {
      return failure('VALIDATION_FAILED', `Invalid request for ${channel}.`, toValidationIssues(parsed.error));
    }
    try {
      const caller = resolveCaller(desk, clientKey);
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
    } catch (error) {
      if (error instanceof AppError) return failure(error.code, error.message);
      reportError(channel, error);
      return failure('INTERNAL_ERROR', 'Something went wrong inside the desk.');
    }
  };
}
