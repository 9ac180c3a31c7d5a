import { findAccountById, setAccountLockout, type AccountRecord } from '../../db/accounts';
import { AuditedError, recordAudit, refuseAudited } from '../audit/audit-trail';
import type { DeskContext } from '../desk-context';
import { verifyPassword } from '../security/password-hashing';
import { afterFailedAttempt, afterSuccessfulAttempt, clampLockoutSettings, decideAttempt } from '../security/lockout-policy';
import { loadDeskSettings } from '../settings/desk-settings';

/** Sign-in, unlock and a password change's current password: all count towards the same lockout, all are audited. */
export type PasswordAttemptAction = 'session.signIn' | 'session.unlock' | 'account.changeOwnPassword';

/**
 * Checks `password` for `account` under the lockout rules. A locked-out account is refused
 * before any hashing (`ACCOUNT_LOCKED_OUT`); a wrong password counts a failure and may start a
 * lockout; the decision is taken again after the slow hash, so attempts running in parallel
 * cannot slip past the limit, and a right password during a lockout never succeeds. Every
 * attempt leaves an audit entry. Returns the account as it is after the check.
 */
export async function checkPasswordAttempt(
  desk: DeskContext,
  account: AccountRecord,
  password: string,
  action: PasswordAttemptAction,
): Promise<AccountRecord> {
  const actor = { agentId: account.agentId, role: account.role };
  const target = { objectType: 'account', objectId: account.agentId };
  const refuseLockedOut = (lockedUntil: string) =>
    refuseAudited(
      desk,
      actor,
      { action, ...target, code: 'ACCOUNT_LOCKED_OUT', details: { lockedUntil } },
      `Too many failed attempts: locked until ${lockedUntil}.`,
    );
  const before = decideAttempt(account, desk.now());
  if (!before.allowed) throw refuseLockedOut(before.lockedUntil);
  const matches = await verifyPassword(password, account.passwordHash);
  const db = desk.store.connection();
  const fresh = findAccountById(db, account.id);
  if (fresh === undefined) throw new AuditedError('INVALID_CREDENTIALS', 'The account no longer exists.');
  const now = desk.now();
  const after = decideAttempt(fresh, now);
  if (!after.allowed) throw refuseLockedOut(after.lockedUntil);
  if (!matches || fresh.passwordHash !== account.passwordHash) {
    const settings = clampLockoutSettings(loadDeskSettings(db));
    const next = afterFailedAttempt(fresh, now, settings);
    db.transaction(() => {
      setAccountLockout(db, fresh.id, next);
      recordAudit(desk, actor, {
        action,
        ...target,
        outcome: 'failed',
        code: 'INVALID_CREDENTIALS',
        details: { failedAttempts: next.lockedUntil === null ? next.failedAttempts : settings.maximumAttempts },
      });
      if (next.lockedUntil !== null) {
        recordAudit(desk, actor, {
          action: 'account.lockout',
          ...target,
          details: { lockedUntil: next.lockedUntil, maximumAttempts: settings.maximumAttempts },
        });
      }
    })();
    if (next.lockedUntil !== null) {
      throw new AuditedError('ACCOUNT_LOCKED_OUT', `Too many failed attempts: locked until ${next.lockedUntil}.`);
    }
    throw new AuditedError('INVALID_CREDENTIALS', 'Agent ID or password is wrong.');
  }
  if (fresh.failedAttempts !== 0 || fresh.lockedUntil !== null) setAccountLockout(db, fresh.id, afterSuccessfulAttempt());
  return findAccountById(db, fresh.id) ?? fresh;
}
