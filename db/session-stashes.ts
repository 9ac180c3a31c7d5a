import type { Db } from './connection';

/**
 * Keeps an account's unsent drafts (a JSON payload main validated) while its seat is locked, or
 * after another agent took the seat, until the owner is back. One stash per account: the newest wins.
 */
export function saveSessionStash(db: Db, accountId: number, payload: string, now: string): void {
  db.prepare(
    `INSERT INTO session_stashes (account_id, payload, saved_at) VALUES (?, ?, ?)
     ON CONFLICT (account_id) DO UPDATE SET payload = excluded.payload, saved_at = excluded.saved_at`,
  ).run(accountId, payload, now);
}

/** The account's stash (its JSON text), left in place. */
export function readSessionStash(db: Db, accountId: number): string | undefined {
  return db.prepare('SELECT payload FROM session_stashes WHERE account_id = ?').pluck().get(accountId) as string | undefined;
}

/** Returns the account's stash (its JSON text) and removes it: drafts go back to their owner once. */
export function takeSessionStash(db: Db, accountId: number): string | undefined {
  const payload = db.prepare('SELECT payload FROM session_stashes WHERE account_id = ?').pluck().get(accountId) as
    | string
    | undefined;
  if (payload !== undefined) db.prepare('DELETE FROM session_stashes WHERE account_id = ?').run(accountId);
  return payload;
}
