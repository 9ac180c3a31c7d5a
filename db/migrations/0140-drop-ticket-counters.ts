import type { Db } from '../connection';

/**
 * Drops `ticket_counters`: a ticket's number now follows the day's highest number in the
 * tickets' number index (db/tickets.ts `nextTicketNumber`), so a new ticket no longer writes a
 * counter page as well. The numbers already given out stay in the tickets, so the sequence
 * continues where the counter left it.
 */
export function migrate(db: Db): void {
  db.exec('DROP TABLE ticket_counters;');
}
