import type { Db } from '../connection';

/**
 * The audit log: append-only (triggers refuse UPDATE and DELETE) and hash-chained (each entry
 * carries HMAC-SHA256 over the previous hash and its own canonical encoding, computed in
 * `db/audit-log.ts` with a key kept outside the database). `audit_anchors` records where the
 * chain resumes after an approved archive of entries older than 180 days; only those entries
 * may ever be deleted, and anchors themselves can be neither changed nor removed.
 */
export function migrate(db: Db): void {
  db.exec(`
    CREATE TABLE audit_log (
      seq INTEGER PRIMARY KEY,
      occurred_at TEXT NOT NULL,
      time_zone TEXT NOT NULL,
      utc_offset_minutes INTEGER NOT NULL,
      workstation_id TEXT NOT NULL,
      agent_id TEXT,
      role TEXT,
      action TEXT NOT NULL,
      object_type TEXT,
      object_id TEXT,
      outcome TEXT NOT NULL CHECK (outcome IN ('success', 'refused', 'failed')),
      code TEXT,
      details TEXT NOT NULL,
      previous_hash TEXT NOT NULL,
      hash TEXT NOT NULL
    ) STRICT;
    CREATE INDEX audit_log_by_agent_time ON audit_log (agent_id, occurred_at);
    CREATE INDEX audit_log_by_hash ON audit_log (hash);

    CREATE TABLE audit_anchors (
      id INTEGER PRIMARY KEY,
      up_to_seq INTEGER NOT NULL,
      head_hash TEXT NOT NULL,
      entry_count INTEGER NOT NULL,
      archive_digest TEXT NOT NULL,
      approval_id INTEGER,
      archived_at TEXT NOT NULL,
      signature TEXT NOT NULL
    ) STRICT;

    CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
    BEGIN
      SELECT RAISE(ABORT, 'audit_log is append-only');
    END;

    CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
    WHEN OLD.seq > (SELECT coalesce(max(up_to_seq), 0) FROM audit_anchors)
      OR OLD.occurred_at > strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-180 days')
    BEGIN
      SELECT RAISE(ABORT, 'audit_log keeps every entry that is not archived and older than 180 days');
    END;

    CREATE TRIGGER audit_anchors_no_update BEFORE UPDATE ON audit_anchors
    BEGIN
      SELECT RAISE(ABORT, 'audit_anchors is append-only');
    END;

    CREATE TRIGGER audit_anchors_no_delete BEFORE DELETE ON audit_anchors
    BEGIN
      SELECT RAISE(ABORT, 'audit_anchors is append-only');
    END;
  `);
}
