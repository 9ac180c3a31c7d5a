import type { AccountView } from '../common/ipc/accounts';
import { AppError } from '../common/ipc/result';
import { decideAccess, type ChannelAccess } from '../common/roles';
import { findAccountById } from '../db/accounts';
import type { AccountRecord } from '../db/accounts';
import type { ScryptCost } from './security/password-hashing';
import type { LiveTranscripts } from './calls/live-transcripts';
import type { DeskEventHub } from './events/desk-events';
import type { Session, SessionRegistry } from './session/session-registry';
import type { DeskStore } from './store/desk-store';
import type { DocumentPrinter } from './slips/document-printer';
import type { DesktopNotifier } from './tickets/desktop-notifier';

/** What every main-process feature works with; built once by `createDeskServices`. */
export type DeskContext = Readonly<{
  store: DeskStore;
  sessions: SessionRegistry;
  /** Tells a client's window to ask again (its seat locked, its session ended). */
  events: DeskEventHub;
  /** What callers and agents say during calls in progress (memory only). */
  liveTranscripts: LiveTranscripts;
  now: () => Date;
  /** The workstation's IANA time zone, recorded with every audit entry's UTC time. */
  timeZone: string;
  passwordCost: ScryptCost;
  /** Where printed slips go (Electron only; undefined in the preview and in tests). */
  documentPrinter: DocumentPrinter | undefined;
  /** Desktop notifications (Electron only). */
  desktopNotifier: DesktopNotifier | undefined;
  /** A hash of a random password, verified against when an agent ID is unknown so timing does not tell. */
  decoyPasswordHash: Promise<string>;
}>;

/** Who is calling: the client key (window or preview tab) and the signed-in account, if any. */
export type CallerContext = Readonly<{ clientKey: string; account: AccountRecord | undefined }>;

/** A caller known to be signed in. */
export type SignedInCaller = Readonly<{ clientKey: string; account: AccountRecord }>;

/** The caller's session; `NOT_SIGNED_IN` when it ended meanwhile. */
export function sessionOf(desk: DeskContext, caller: SignedInCaller): Session {
  const session = desk.sessions.get(caller.clientKey);
  if (session === undefined) throw new AppError('NOT_SIGNED_IN', 'Sign in first.');
  return session;
}

/** When and by whom a row is written: the `updated_at` / `updated_by` of edited settings tables. */
export function stampOf(desk: DeskContext, caller: SignedInCaller): { now: string; agentId: string } {
  return { now: desk.now().toISOString(), agentId: caller.account.agentId };
}

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
    lockedUntil: account.lockedUntil,
  };
}

/**
 * Checks the caller again after an `await`. Main's work between awaits is atomic, but while a
 * password hash is computed other calls run: an administrator may have disabled, demoted or
 * signed out the caller meanwhile. Returns the account as it is now.
 */
export function reconfirmCaller(desk: DeskContext, caller: SignedInCaller, access: ChannelAccess): AccountRecord {
  const stillSignedIn = desk.sessions.get(caller.clientKey)?.accountId === caller.account.id;
  const account = stillSignedIn ? findAccountById(desk.store.connection(), caller.account.id) : undefined;
  if (account === undefined || account.status !== 'active') {
    desk.sessions.end(caller.clientKey);
    throw new AppError('NOT_SIGNED_IN', 'The session ended while the request was running.');
  }
  const decision = decideAccess(access, account);
  if (!decision.allowed) throw new AppError(decision.code, 'Access changed while the request was running.');
  return account;
}
