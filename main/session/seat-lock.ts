import type { AccountView } from '../../common/ipc/accounts';
import { sessionStashSchema, type SessionStash } from '../../common/ipc/session';
import { AppError } from '../../common/ipc/result';
import { nextSeatLockState, type OsLockEvent, type SeatLockEvent } from '../../common/lock-policy';
import { findAccountById } from '../../db/accounts';
import { readSessionStash, saveSessionStash, takeSessionStash } from '../../db/session-stashes';
import { recordAudit } from '../audit/audit-trail';
import { sessionOf, toAccountView, type DeskContext, type SignedInCaller } from '../desk-context';
import { loadDeskSettings } from '../settings/desk-settings';
import { checkPasswordAttempt } from './password-attempts';
import type { Session } from './session-registry';

/** The lock screen's view of a session's seat: null when unlocked. */
export function seatLockView(session: Session | undefined): { reason: Extract<Session['seat'], { locked: true }>['reason']; lockedAt: string } | null {
  if (session === undefined || !session.seat.locked) return null;
  return { reason: session.seat.reason, lockedAt: new Date(session.seat.lockedAt).toISOString() };
}

/**
 * Feeds one event to a session's seat-lock policy. When it locks the seat, the open customer
 * view (and its reveals) ends at once and the lock is audited. Returns whether it locked now.
 */
function applySeatEvent(desk: DeskContext, session: Session, event: SeatLockEvent): boolean {
  const db = desk.store.connectionIfOpen();
  if (db === undefined) return false;
  const wasLocked = session.seat.locked;
  const next = nextSeatLockState(session.seat, event, loadDeskSettings(db));
  session.seat = next;
  if (wasLocked || !next.locked) return false;
  session.openView = null;
  const account = findAccountById(db, session.accountId);
  recordAudit(desk, account, { action: 'session.lock', details: { reason: next.reason } });
  desk.events.emit(session.clientKey, 'sessionChanged');
  return true;
}

/** Brings one seat up to date with the clock (a call may come between two ticks). */
export function tickSeat(desk: DeskContext, session: Session): void {
  applySeatEvent(desk, session, { type: 'tick', at: desk.now().getTime() });
}

/** A clock tick: locks every seat idle for longer than the setting allows. */
export function tickSeatLocks(desk: DeskContext): void {
  const at = desk.now().getTime();
  for (const session of desk.sessions.all()) applySeatEvent(desk, session, { type: 'tick', at });
}

/** The operating system locked the screen, suspended, switched user or closed the lid: every seat locks. */
export function lockSeatsForOsEvent(desk: DeskContext, event: OsLockEvent): void {
  const at = desk.now().getTime();
  for (const session of desk.sessions.all()) applySeatEvent(desk, session, { type: 'os', event, at });
}

/** Input seen at `at` (the renderer's report, or the system's last input time in Electron). */
export function recordSeatActivity(desk: DeskContext, clientKey: string | undefined, at = desk.now().getTime()): void {
  const sessions = clientKey === undefined ? desk.sessions.all() : [desk.sessions.get(clientKey)];
  for (const session of sessions) if (session !== undefined) applySeatEvent(desk, session, { type: 'activity', at });
}

function parseStash(text: string | undefined): SessionStash | null {
  if (text === undefined) return null;
  const parsed = sessionStashSchema.safeParse(JSON.parse(text));
  return parsed.success ? parsed.data : null;
}

function readStash(desk: DeskContext, accountId: number): SessionStash | null {
  return parseStash(readSessionStash(desk.store.connection(), accountId));
}

/** Hands back (and removes) an account's stashed drafts. */
export function takeStash(desk: DeskContext, accountId: number): SessionStash | null {
  return parseStash(takeSessionStash(desk.store.connection(), accountId));
}

/**
 * Locks the caller's seat (hotkey or button) and keeps the renderer's unsent drafts for the
 * owner. On a seat main locked already, only the drafts are kept: the renderer stashes them as
 * soon as it learns of the lock.
 */
export function lockSeat(
  desk: DeskContext,
  caller: SignedInCaller,
  request: Readonly<{ reason: 'hotkey' | 'button'; stash: SessionStash }>,
): Record<string, never> {
  const session = sessionOf(desk, caller);
  const db = desk.store.connection();
  db.transaction(() => {
    // Merged with what is kept already: a late or repeated stash (the page learning of a lock
    // after it cleared itself) must never replace drafts with nothing.
    const kept = readStash(desk, caller.account.id);
    const stash: SessionStash = {
      drafts: { ...kept?.drafts, ...request.stash.drafts },
      openCustomerId: request.stash.openCustomerId ?? kept?.openCustomerId ?? null,
    };
    const bounded = sessionStashSchema.safeParse(stash);
    saveSessionStash(db, caller.account.id, JSON.stringify(bounded.success ? bounded.data : request.stash), desk.now().toISOString());
    applySeatEvent(desk, session, { type: 'manual', reason: request.reason, at: desk.now().getTime() });
  })();
  return {};
}

/** A clock tick's interval, and a ceiling on how late a lock may come after its idle limit. */
export const seatLockTickMilliseconds = 5_000;

/**
 * Unlocks the caller's seat with the same agent's password. Failures count towards the
 * account lockout; every attempt is audited. Returns the drafts kept at the lock.
 */
export async function unlockSeat(
  desk: DeskContext,
  caller: SignedInCaller,
  request: Readonly<{ password: string }>,
): Promise<{ account: AccountView; stash: SessionStash | null }> {
  const account = await checkPasswordAttempt(desk, caller.account, request.password, 'session.unlock');
  const session = desk.sessions.get(caller.clientKey);
  if (session?.accountId !== account.id) throw new AppError('NOT_SIGNED_IN', 'The session ended while unlocking.');
  const db = desk.store.connection();
  const stash = db.transaction(() => {
    if (session.seat.locked) {
      recordAudit(desk, account, { action: 'session.unlock', details: { lockedFor: session.seat.reason } });
    }
    session.seat = nextSeatLockState(session.seat, { type: 'unlocked', at: desk.now().getTime() }, loadDeskSettings(db));
    return takeStash(desk, account.id);
  })();
  return { account: toAccountView(account), stash };
}

