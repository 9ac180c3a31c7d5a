import type { Db } from '../connection';

/**
 * Approval requests: an agent asks, a team lead (never the requester) approves or denies; an
 * approved grant is single-purpose (one customer's full file, one export, one print, or one
 * audit archive) and expires. `status` records decisions; expiry is computed from the times.
 */
export function migrate(db: Db): void {
  db.exec(`
    CREATE TABLE approvals (
      id INTEGER PRIMARY KEY,
      requester_id INTEGER NOT NULL REFERENCES accounts (id),
      purpose TEXT NOT NULL CHECK (purpose IN ('full_file', 'export', 'print', 'audit_archive')),
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
      CHECK ((purpose = 'audit_archive') = (customer_id IS NULL))
    ) STRICT;
    CREATE INDEX approvals_by_requester ON approvals (requester_id, requested_at);
    CREATE INDEX approvals_by_status ON approvals (status, requested_at);
  `);
}
