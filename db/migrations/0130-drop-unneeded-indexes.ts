import type { Db } from '../connection';

/**
 * Drops two indexes that every click paid for and little read; each wrote one more encrypted
 * page per ticket or audit entry:
 * - `audit_log_by_hash`: hashes are random, so each entry wrote a leaf at a random place, while
 *   only the diagnosis of a broken chain reads it (and scans the table once instead);
 * - `tickets_team_due`: a team's overdue list walks the owner queue index per account instead.
 */
export function migrate(db: Db): void {
  db.exec('DROP INDEX audit_log_by_hash; DROP INDEX tickets_team_due;');
}
