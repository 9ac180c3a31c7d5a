import type { Db } from '../connection';

/**
 * Drops the audit log's index on `hash`. Every audit entry wrote a leaf of it at a random place
 * (hashes are random), one encrypted page per click, while only the diagnosis of a broken chain
 * reads it, and that scans the table once instead.
 */
export function migrate(db: Db): void {
  db.exec('DROP INDEX audit_log_by_hash');
}
