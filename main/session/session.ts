import type { AccountView } from '../../common/ipc/accounts';
import { AppError } from '../../common/ipc/result';
import { findAccountByAgentId, findAccountById, recordSignIn, setAccountPassword } from '../../db/accounts';
import { reconfirmCaller, toAccountView, type CallerContext, type DeskContext, type SignedInCaller } from '../desk-context';
import { hashPassword, verifyPassword } from '../security/password-hashing';
import { assertAcceptablePassword } from '../security/password-rules';

/** The caller's account, or null when nobody is signed in on this client. */
export function currentAccount(caller: CallerContext): { account: AccountView | null } {
  return { account: caller.account === undefined ? null : toAccountView(caller.account) };
}

/**
 * Signs an agent in on this client. Wrong agent ID and wrong password give the same
 * `INVALID_CREDENTIALS` after the same work; a disabled account is only revealed to someone
 * who knows its password (`ACCOUNT_DISABLED`).
 */
export async function signIn(
  desk: DeskContext,
  clientKey: string,
  request: Readonly<{ agentId: string; password: string }>,
): Promise<{ account: AccountView }> {
  const candidate = findAccountByAgentId(desk.store.connection(), request.agentId);
  const matches = await verifyPassword(request.password, candidate?.passwordHash ?? (await desk.decoyPasswordHash));
  // Read again after the wait: the password may have been reset, or the account disabled.
  const db = desk.store.connection();
  const account = candidate === undefined ? undefined : findAccountById(db, candidate.id);
  if (account === undefined || !matches || account.passwordHash !== candidate?.passwordHash) {
    throw new AppError('INVALID_CREDENTIALS', 'Agent ID or password is wrong.');
  }
  if (account.status !== 'active') throw new AppError('ACCOUNT_DISABLED', 'This account is disabled.');
  const now = desk.now().toISOString();
  recordSignIn(db, account.id, now);
  desk.sessions.start(clientKey, account.id, now);
  return { account: toAccountView(findAccountById(db, account.id) ?? account) };
}

/** Ends the caller's session. */
export function signOut(desk: DeskContext, caller: SignedInCaller): Record<string, never> {
  desk.sessions.end(caller.clientKey);
  return {};
}

/** Changes the caller's own password after checking the current one; clears a pending forced change. */
export async function changePassword(
  desk: DeskContext,
  caller: SignedInCaller,
  request: Readonly<{ currentPassword: string; newPassword: string }>,
): Promise<{ account: AccountView }> {
  const { account } = caller;
  if (!(await verifyPassword(request.currentPassword, account.passwordHash))) {
    throw new AppError('INVALID_CREDENTIALS', 'The current password is wrong.');
  }
  assertAcceptablePassword(request.newPassword, account.agentId);
  if (request.newPassword.normalize('NFKC') === request.currentPassword.normalize('NFKC')) {
    throw new AppError('PASSWORD_UNCHANGED', 'The new password must differ from the current one.');
  }
  const passwordHash = await hashPassword(request.newPassword, desk.passwordCost);
  reconfirmCaller(desk, caller, 'signedIn');
  const db = desk.store.connection();
  const written = setAccountPassword(db, account.id, {
    passwordHash,
    mustChangePassword: false,
    now: desk.now().toISOString(),
    replacingHash: account.passwordHash,
  });
  if (!written) throw new AppError('INVALID_CREDENTIALS', 'The password was changed meanwhile; sign in again.');
  // Whoever knew the old password must not stay signed in elsewhere.
  desk.sessions.endForAccount(account.id, caller.clientKey);
  const updated = findAccountById(db, account.id);
  if (updated === undefined) throw new AppError('ACCOUNT_NOT_FOUND', 'The account no longer exists.');
  return { account: toAccountView(updated) };
}
