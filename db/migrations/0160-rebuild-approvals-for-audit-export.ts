import type { Db } from '../connection';

/**
 * Adds the approval purpose `audit_export` (a team lead or administrator exports a filtered view
 * of the audit log; like `audit_archive` it names no customer). SQLite cannot change a CHECK, so
 * `approvals` is rebuilt: a new table with the wider CHECKs, every row copied with its id, the
 * old table dropped and the new one renamed, and its indexes made again. No table refers to
 * `approvals`, and the copy keeps its references to `accounts` and `customers`.
 */
export function migrate(db: Db): void {
  db.exec(`
    CREATE TABLE approvals_rebuilt (
      id INTEGER PRIMARY KEY,
      requester_id INTEGER NOT NULL REFERENCES accounts (id),
      purpose TEXT NOT NULL CHECK (purpose IN ('full_file', 'export', 'print', 'audit_archive', 'audit_export')),
      customer_id INTEGER REFERENCES customers (id),
      reason_code TEXT NOT NULL,
      reason_text TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'denied', 'used', 'withdrawn')),
      requested_at TEXT NOT NULL,
      decided_by INTEGER REFERENCES accounts (id),
      decided_at TEXT,
      decision_note TEXT NOT NULL DEFAULT '',
      expires_at TEXT,
      used_at TEXT,
      CHECK (decided_by IS NULL OR decided_by <> requester_id),
      CHECK ((purpose IN ('audit_archive', 'audit_export')) = (customer_id IS NULL))
    ) STRICT;
    INSERT INTO approvals_rebuilt (id, requester_id, purpose, customer_id, reason_code, reason_text, status,
      requested_at, decided_by, decided_at, decision_note, expires_at, used_at)
    SELECT id, requester_id, purpose, customer_id, reason_code, reason_text, status,
      requested_at, decided_by, decided_at, decision_note, expires_at, used_at
    FROM approvals ORDER BY id;
    DROP TABLE approvals;
    ALTER TABLE approvals_rebuilt RENAME TO approvals;
    CREATE INDEX approvals_by_requester ON approvals (requester_id, requested_at);
    CREATE INDEX approvals_by_status ON approvals (status, requested_at);
  `);
}
