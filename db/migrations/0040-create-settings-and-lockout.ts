import type { Db } from '../connection';

/**
 * Desk settings (name → JSON value; main validates them), this workstation's ID for the audit
 * log, failed-attempt counters for account lockout, and per-account stashes of unsent drafts
 * kept while a seat is locked or after another agent took the seat.
 */
export function migrate(db: Db): void {
  db.exec(`
    ALTER TABLE accounts ADD COLUMN failed_attempts INTEGER NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0);
    ALTER TABLE accounts ADD COLUMN locked_until TEXT;

    CREATE TABLE settings (
      name TEXT PRIMARY KEY,
      value TEXT NOT NULL CHECK (json_valid(value)),
      updated_at TEXT NOT NULL,
      updated_by TEXT
    ) STRICT;
    INSERT INTO settings (name, value, updated_at)
      VALUES ('workstationId', json_quote('WS-' || hex(randomblob(4))), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));

    CREATE TABLE session_stashes (
      account_id INTEGER PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
      payload TEXT NOT NULL CHECK (json_valid(payload)),
      saved_at TEXT NOT NULL
    ) STRICT;
  `);
}
