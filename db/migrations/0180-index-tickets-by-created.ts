import type { Db } from '../connection';

/**
 * Indexes tickets by creation time, for the SLA dashboard's date range (first-response
 * compliance of the tickets created in it): without it, a month of a store with a million
 * tickets is a scan of every ticket. Creation times only grow, so each new ticket appends to
 * the index's last leaf: one more encrypted page per ticket, the only index the dashboard adds.
 */
export function migrate(db: Db): void {
  db.exec('CREATE INDEX tickets_by_created ON tickets (created_at);');
}
