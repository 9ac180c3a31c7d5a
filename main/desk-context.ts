import type { AccountView } from '../common/ipc/accounts';
import type { AccountRecord } from '../db/accounts';
import type { ScryptCost } from './security/password-hashing';
import type { SessionRegistry } from './session/session-registry';
import type { DeskStore } from './store/desk-store';

/** What every main-process feature works with; built once by `createDeskServices`. */
export type DeskContext = Readonly<{
  store: DeskStore;
  sessions: SessionRegistry;
  now: () => Date;
  passwordCost: ScryptCost;
  /** A hash of a random password, verified against when an agent ID is unknown so timing does not tell. */
  decoyPasswordHash: Promise<string>;
}>;

/** Who is calling: the client key (window or preview tab) and the signed-in account, if any. */
export type CallerContext = Readonly<{ clientKey: string; account: AccountRecord | undefined }>;

/** A caller known to be signed in. */
export type SignedInCaller = Readonly<{ clientKey: string; account: AccountRecord }>;

/** The account as it may cross IPC: everything but the password hash. */
export function toAccountView(account: AccountRecord): AccountView {
  return {
    agentId: account.agentId,
    displayName: account.displayName,
    role: account.role,
    team: account.team,
    status: account.status,
    mustChangePassword: account.mustChangePassword,
    createdAt: account.createdAt,
    lastSignInAt: account.lastSignInAt,
  };
}
