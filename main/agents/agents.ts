import type { AccountView } from '../../common/ipc/accounts';
import { AppError } from '../../common/ipc/result';
import type { AccountStatus, Role } from '../../common/roles';
import {
  countActiveAdministrators,
  findAccountByAgentId,
  findAccountById,
  insertAccount,
  listAccounts,
  setAccountLockout,
  setAccountPassword,
  setAccountStatus,
  updateAccountProfile,
  type AccountRecord,
} from '../../db/accounts';
import type { Db } from '../../db/connection';
import { recordAudit } from '../audit/audit-trail';
import { reconfirmCaller, toAccountView, type DeskContext, type SignedInCaller } from '../desk-context';
import { liftedLockout } from '../security/lockout-policy';
import { hashPassword } from '../security/password-hashing';
import { assertAcceptablePassword } from '../security/password-rules';

function requireAccount(db: Db, agentId: string): AccountRecord {
  const account = findAccountByAgentId(db, agentId);
  if (account === undefined) throw new AppError('ACCOUNT_NOT_FOUND', `No account has agent ID ${agentId}.`);
  return account;
}

function reread(db: Db, id: number): AccountView {
  const account = findAccountById(db, id);
  if (account === undefined) throw new AppError('ACCOUNT_NOT_FOUND', 'The account no longer exists.');
  return toAccountView(account);
}

/** True when taking `account` out of the active administrators would leave none. */
function isLastActiveAdministrator(db: Db, account: AccountRecord): boolean {
  return account.role === 'admin' && account.status === 'active' && countActiveAdministrators(db) <= 1;
}

/** Every account, for the administrator's list. */
export function listAgents(desk: DeskContext): { accounts: AccountView[] } {
  return { accounts: listAccounts(desk.store.connection()).map(toAccountView) };
}

/** Creates an account with a temporary password that must be changed at first sign-in. */
export async function createAgent(
  desk: DeskContext,
  caller: SignedInCaller,
  request: Readonly<{ agentId: string; displayName: string; role: Role; team: string; temporaryPassword: string }>,
): Promise<{ account: AccountView }> {
  assertAcceptablePassword(request.temporaryPassword, request.agentId);
  const takenBefore = findAccountByAgentId(desk.store.connection(), request.agentId);
  if (takenBefore !== undefined) throw new AppError('AGENT_ID_TAKEN', `Agent ID ${request.agentId} is taken.`);
  const passwordHash = await hashPassword(request.temporaryPassword, desk.passwordCost);
  reconfirmCaller(desk, caller, ['admin']);
  const db = desk.store.connection();
  // Checked again after the slow hash: another call may have taken the ID meanwhile.
  if (findAccountByAgentId(db, request.agentId) !== undefined) {
    throw new AppError('AGENT_ID_TAKEN', `Agent ID ${request.agentId} is taken.`);
  }
  const account = db.transaction(() => {
    const created = insertAccount(db, {
      agentId: request.agentId,
      displayName: request.displayName,
      role: request.role,
      team: request.team,
      passwordHash,
      mustChangePassword: true,
      now: desk.now().toISOString(),
    });
    recordAudit(desk, caller.account, {
      action: 'account.create',
      objectType: 'account',
      objectId: created.agentId,
      details: { role: created.role, team: created.team },
    });
    return created;
  })();
  return { account: toAccountView(account) };
}

/** Changes name, role and team; an administrator cannot change their own role, nor remove the last administrator. */
export function updateAgent(
  desk: DeskContext,
  caller: SignedInCaller,
  request: Readonly<{ agentId: string; displayName: string; role: Role; team: string }>,
): { account: AccountView } {
  const db = desk.store.connection();
  const target = requireAccount(db, request.agentId);
  if (target.id === caller.account.id && request.role !== target.role) {
    throw new AppError('CANNOT_CHANGE_OWN_ACCOUNT', 'You cannot change your own role.');
  }
  if (request.role !== 'admin' && isLastActiveAdministrator(db, target)) {
    throw new AppError('LAST_ADMIN', 'At least one active administrator must remain.');
  }
  db.transaction(() => {
    updateAccountProfile(db, target.id, {
      displayName: request.displayName,
      role: request.role,
      team: request.team,
      now: desk.now().toISOString(),
    });
    recordAudit(desk, caller.account, {
      action: request.role === target.role ? 'account.update' : 'account.roleChange',
      objectType: 'account',
      objectId: target.agentId,
      details: { fromRole: target.role, toRole: request.role, fromTeam: target.team, toTeam: request.team },
    });
  })();
  return { account: reread(db, target.id) };
}

/** Disables an account (ending its sessions at once) or re-enables it. */
export function setAgentStatus(
  desk: DeskContext,
  caller: SignedInCaller,
  request: Readonly<{ agentId: string; status: AccountStatus }>,
): { account: AccountView } {
  const db = desk.store.connection();
  const target = requireAccount(db, request.agentId);
  if (request.status === 'disabled') {
    if (target.id === caller.account.id) {
      throw new AppError('CANNOT_CHANGE_OWN_ACCOUNT', 'You cannot disable your own account.');
    }
    if (isLastActiveAdministrator(db, target)) {
      throw new AppError('LAST_ADMIN', 'At least one active administrator must remain.');
    }
  }
  db.transaction(() => {
    setAccountStatus(db, target.id, request.status, desk.now().toISOString());
    recordAudit(desk, caller.account, {
      action: request.status === 'disabled' ? 'account.disable' : 'account.enable',
      objectType: 'account',
      objectId: target.agentId,
    });
  })();
  if (request.status === 'disabled') desk.sessions.endForAccount(target.id);
  return { account: reread(db, target.id) };
}

/** Sets a temporary password, ends the person's sessions, and forces a change at next sign-in. */
export async function resetAgentPassword(
  desk: DeskContext,
  caller: SignedInCaller,
  request: Readonly<{ agentId: string; temporaryPassword: string }>,
): Promise<{ account: AccountView }> {
  const target = requireAccount(desk.store.connection(), request.agentId);
  if (target.id === caller.account.id) {
    throw new AppError('CANNOT_CHANGE_OWN_ACCOUNT', 'Change your own password from your session instead.');
  }
  assertAcceptablePassword(request.temporaryPassword, target.agentId);
  const passwordHash = await hashPassword(request.temporaryPassword, desk.passwordCost);
  reconfirmCaller(desk, caller, ['admin']);
  const db = desk.store.connection();
  db.transaction(() => {
    setAccountPassword(db, target.id, { passwordHash, mustChangePassword: true, now: desk.now().toISOString() });
    recordAudit(desk, caller.account, { action: 'account.resetPassword', objectType: 'account', objectId: target.agentId });
  })();
  desk.sessions.endForAccount(target.id);
  return { account: reread(db, target.id) };
}

/** Lifts a lockout (and clears the failure count) before it runs out. */
export function liftAgentLockout(desk: DeskContext, caller: SignedInCaller, request: Readonly<{ agentId: string }>): { account: AccountView } {
  const db = desk.store.connection();
  const target = requireAccount(db, request.agentId);
  db.transaction(() => {
    setAccountLockout(db, target.id, liftedLockout());
    recordAudit(desk, caller.account, {
      action: 'account.liftLockout',
      objectType: 'account',
      objectId: target.agentId,
      details: { lockedUntil: target.lockedUntil, failedAttempts: target.failedAttempts },
    });
  })();
  return { account: reread(db, target.id) };
}
