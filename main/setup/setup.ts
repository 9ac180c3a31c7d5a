import type { AccountView } from '../../common/ipc/accounts';
import { AppError } from '../../common/ipc/result';
import { findPasswordProblem } from '../../common/password-policy';
import { countAccounts, findAccountById, insertAccount, recordSignIn } from '../../db/accounts';
import { toAccountView, type DeskContext } from '../desk-context';
import { recordAudit } from '../audit/audit-trail';
import { hashPassword } from '../security/password-hashing';
import { assertAcceptablePassword } from '../security/password-rules';

/** What the setup screen sends. */
export type AdministratorSetup = Readonly<{
  agentId: string;
  displayName: string;
  team: string;
  password: string;
  databasePassphrase?: string | undefined;
}>;

/**
 * First run: creates the encrypted store (unless it exists without accounts) and the first
 * administrator, then signs them in on this client. Every input is checked before anything is
 * written, so a refused setup leaves no file behind.
 */
export async function createAdministrator(
  desk: DeskContext,
  clientKey: string,
  request: AdministratorSetup,
): Promise<{ account: AccountView }> {
  const status = desk.store.status();
  if (status.state === 'locked') throw new AppError('STORE_LOCKED', 'Enter the database passphrase first.');
  if (status.state === 'failed') throw new AppError('STORE_UNAVAILABLE', status.failure?.reason ?? 'The store failed.');
  if (status.state === 'ready' && status.hasAccounts) {
    throw new AppError('SETUP_ALREADY_DONE', 'Seatdesk is set up already; sign in instead.');
  }
  assertAcceptablePassword(request.password, request.agentId);
  const passphrase = request.databasePassphrase ?? '';
  if (status.state === 'uninitialized') {
    if (passphrase.length === 0 && !status.keychainAvailable) {
      throw new AppError('PASSPHRASE_REQUIRED', 'This machine has no usable keychain: choose a database passphrase.');
    }
    if (passphrase.length > 0) {
      const problem = findPasswordProblem(passphrase, '');
      if (problem !== undefined) {
        throw new AppError('PASSPHRASE_TOO_WEAK', `The database passphrase follows the password rules (${problem}).`);
      }
    }
  }
  const passwordHash = await hashPassword(request.password, desk.passwordCost);
  if (status.state === 'uninitialized') await desk.store.initialize(passphrase.length > 0 ? passphrase : undefined);
  const db = desk.store.connection();
  const now = desk.now().toISOString();
  const account = db.transaction(() => {
    if (countAccounts(db) > 0) throw new AppError('SETUP_ALREADY_DONE', 'Another setup finished first.');
    const created = insertAccount(db, {
      agentId: request.agentId,
      displayName: request.displayName,
      role: 'admin',
      team: request.team,
      passwordHash,
      mustChangePassword: false,
      now,
    });
    recordAudit(desk, created, { action: 'setup.createAdministrator', objectType: 'account', objectId: created.agentId });
    return created;
  })();
  recordSignIn(db, account.id, now);
  desk.sessions.start(clientKey, account.id, desk.now());
  return { account: toAccountView(findAccountById(db, account.id) ?? account) };
}
