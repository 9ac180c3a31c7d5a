import type { AccountView } from '../../common/ipc/accounts';
import type { SessionStash } from '../../common/ipc/session';
import { AppError } from '../../common/ipc/result';
import { findAccountByAgentId, findAccountById, recordSignIn, setAccountPassword } from '../../db/accounts';
import { AuditedError, recordAudit } from '../audit/audit-trail';
import { reconfirmCaller, toAccountView, type CallerContext, type DeskContext, type SignedInCaller } from '../desk-context';
import { hashPassword, verifyPassword } from '../security/password-hashing';
import { assertAcceptablePassword } from '../security/password-rules';
import { checkPasswordAttempt } from './password-attempts';
import { seatLockView, takeStash } from './seat-lock';

/** The caller's account and seat lock, or nulls when nobody is signed in on this client. */
export function currentSession(desk: DeskContext, caller: CallerContext): { account: AccountView | null; locked: ReturnType<typeof seatLockView> } {
  if (caller.account === undefined) return { account: null, locked: null };
  return { account: toAccountView(caller.account), locked: seatLockView(desk.sessions.get(caller.clientKey)) };
}

/**
 * Signs an agent in on this client. Wrong agent ID and wrong password give the same
 * `INVALID_CREDENTIALS` after the same work; a disabled account is only revealed to someone
 * who knows its password (`ACCOUNT_DISABLED`); too many failures lock the account
 * (`ACCOUNT_LOCKED_OUT`). Every attempt is audited. Returns the drafts the person left behind.
 */
export async function signIn(
  desk: DeskContext,
  clientKey: string,
  request: Readonly<{ agentId: string; password: string }>,
): Promise<{ account: AccountView; stash: SessionStash | null }> {
  const candidate = findAccountByAgentId(desk.store.connection(), request.agentId);
  if (candidate === undefined) {
    await verifyPassword(request.password, await desk.decoyPasswordHash);
    recordAudit(desk, undefined, {
      action: 'session.signIn',
      objectType: 'account',
      objectId: request.agentId,
      outcome: 'failed',
      code: 'INVALID_CREDENTIALS',
      details: { knownAccount: false },
    });
    throw new AuditedError('INVALID_CREDENTIALS', 'Agent ID or password is wrong.');
  }
  const account = await checkPasswordAttempt(desk, candidate, request.password, 'session.signIn');
  const actor = { agentId: account.agentId, role: account.role };
  if (account.status !== 'active') {
    recordAudit(desk, actor, { action: 'session.signIn', outcome: 'refused', code: 'ACCOUNT_DISABLED' });
    throw new AuditedError('ACCOUNT_DISABLED', 'This account is disabled.');
  }
  const db = desk.store.connection();
  const now = desk.now().toISOString();
  const stash = db.transaction(() => {
    recordSignIn(db, account.id, now);
    recordAudit(desk, actor, { action: 'session.signIn', details: { client: clientKey.slice(0, 40) } });
    return takeStash(desk, account.id);
  })();
  desk.sessions.start(clientKey, account.id, desk.now());
  return { account: toAccountView(findAccountById(db, account.id) ?? account), stash };
}

/** Ends the caller's session; on a locked seat this is "switch agent" and the stash stays with its owner. */
export function signOut(desk: DeskContext, caller: SignedInCaller): Record<string, never> {
  const session = desk.sessions.get(caller.clientKey);
  recordAudit(desk, caller.account, {
    action: session?.seat.locked === true ? 'session.switchAgent' : 'session.signOut',
  });
  desk.sessions.end(caller.clientKey);
  return {};
}

/** Changes the caller's own password after checking the current one; clears a pending forced change. */
export async function changePassword(
  desk: DeskContext,
  caller: SignedInCaller,
  request: Readonly<{ currentPassword: string; newPassword: string }>,
): Promise<{ account: AccountView }> {
  // Guessing the current password at an unlocked seat counts towards the lockout like sign-in.
  const account = await checkPasswordAttempt(desk, caller.account, request.currentPassword, 'account.changeOwnPassword');
  assertAcceptablePassword(request.newPassword, account.agentId);
  if (request.newPassword.normalize('NFKC') === request.currentPassword.normalize('NFKC')) {
    throw new AppError('PASSWORD_UNCHANGED', 'The new password must differ from the current one.');
  }
  const passwordHash = await hashPassword(request.newPassword, desk.passwordCost);
  reconfirmCaller(desk, caller, 'signedIn');
  const db = desk.store.connection();
  const written = db.transaction(() => {
    const changed = setAccountPassword(db, account.id, {
      passwordHash,
      mustChangePassword: false,
      now: desk.now().toISOString(),
      replacingHash: account.passwordHash,
    });
    if (changed) recordAudit(desk, account, { action: 'account.changeOwnPassword', objectType: 'account', objectId: account.agentId });
    return changed;
  })();
  if (!written) throw new AppError('INVALID_CREDENTIALS', 'The password was changed meanwhile; sign in again.');
  // Whoever knew the old password must not stay signed in elsewhere.
  desk.sessions.endForAccount(account.id, caller.clientKey);
  const updated = findAccountById(db, account.id);
  if (updated === undefined) throw new AppError('ACCOUNT_NOT_FOUND', 'The account no longer exists.');
  return { account: toAccountView(updated) };
}
