import type { Gender } from '../common/ipc/customers';
import { cachedStatement, type Db } from './connection';

/** A ticket as stored; JSON columns parsed. */
export type TicketRecord = Readonly<{
  id: number;
  number: string;
  channel: 'phone' | 'counter' | 'callback';
  callId: number | null;
  customerId: number | null;
  category: string;
  status: string;
  summary: string;
  preconditions: Record<string, boolean>;
  ownerAccountId: number;
  ownerTeam: string;
  department: string;
  /** The targets the ticket was created with, by kind (null: does not apply). */
  targets: Record<string, { amount: number; unit: string } | null>;
  /** Each target's deadline (ISO-8601 UTC), or null. */
  due: Record<string, string | null>;
  nextDueAt: string | null;
  nextDueKind: string | null;
  waitingSince: string | null;
  createdAt: string;
  firstRespondedAt: string | null;
  repliedAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  callbackFailures: number;
  callbackReached: boolean;
  /** The owner's agent ID. */
  ownerAgentId: string;
  /** The customer's name as stored (unmasked: main masks it before anything leaves) and gender, or null. */
  customerFullName: string | null;
  customerGender: Gender | null;
}>;

/** What a new ticket is stored with. */
export type NewTicket = Omit<TicketRecord, 'id' | 'ownerAgentId' | 'customerFullName' | 'customerGender' | 'firstRespondedAt' | 'repliedAt' | 'resolvedAt' | 'closedAt' | 'callbackFailures' | 'callbackReached' | 'waitingSince'>;

/** The fields the workflow changes. */
export type TicketChanges = Partial<
  Pick<
    TicketRecord,
    | 'status'
    | 'department'
    | 'due'
    | 'nextDueAt'
    | 'nextDueKind'
    | 'waitingSince'
    | 'firstRespondedAt'
    | 'repliedAt'
    | 'resolvedAt'
    | 'closedAt'
    | 'callbackFailures'
    | 'callbackReached'
    | 'category'
    | 'summary'
    | 'preconditions'
  >
>;

type TicketRow = Omit<TicketRecord, 'preconditions' | 'targets' | 'due' | 'callbackReached'> & {
  preconditions: string;
  targets: string;
  due: string;
  callbackReached: number;
};

const selectTicket = `SELECT id, number, channel, call_id AS callId, customer_id AS customerId, category, status, summary,
  preconditions, owner_account_id AS ownerAccountId, owner_team AS ownerTeam, department, targets, due,
  next_due_at AS nextDueAt, next_due_kind AS nextDueKind, waiting_since AS waitingSince, created_at AS createdAt,
  first_responded_at AS firstRespondedAt, replied_at AS repliedAt, resolved_at AS resolvedAt, closed_at AS closedAt,
  callback_failures AS callbackFailures, callback_reached AS callbackReached,
  (SELECT agent_id FROM accounts WHERE accounts.id = tickets.owner_account_id) AS ownerAgentId,
  (SELECT full_name FROM customers WHERE customers.id = tickets.customer_id) AS customerFullName,
  (SELECT gender FROM customers WHERE customers.id = tickets.customer_id) AS customerGender
  FROM tickets`;

function ticketOf(row: TicketRow): TicketRecord {
  return {
    ...row,
    preconditions: JSON.parse(row.preconditions) as Record<string, boolean>,
    targets: JSON.parse(row.targets) as TicketRecord['targets'],
    due: JSON.parse(row.due) as TicketRecord['due'],
    callbackReached: row.callbackReached === 1,
  };
}

/**
 * The next ticket number of a day (`GD20261122-0001`): short enough to read to a caller. It
 * follows the day's highest number, found through the number index that the new ticket's insert
 * writes anyway, so numbering costs no page write of its own. Past 9,999 a day the sequence
 * grows a digit (`-10000`), which is why the highest is taken as a number, not as text.
 */
export function nextTicketNumber(db: Db, day: string): string {
  const prefix = `GD${day}-`;
  const last = cachedStatement(
    db,
    'SELECT max(CAST(substr(number, ?) AS INTEGER)) FROM tickets WHERE number >= ? AND number < ?',
  )
    .pluck()
    // '.' is the character after '-': the range holds exactly the numbers of this day.
    .get(prefix.length + 1, prefix, `GD${day}.`) as number | null;
  return `${prefix}${String((last ?? 0) + 1).padStart(4, '0')}`;
}

/** Stores a new ticket; returns its ID. */
export function insertTicket(db: Db, ticket: NewTicket): number {
  const result = cachedStatement(db, 
      `INSERT INTO tickets (number, channel, call_id, customer_id, category, status, summary, preconditions,
         owner_account_id, owner_team, department, targets, due, next_due_at, next_due_kind, created_at)
       VALUES (@number, @channel, @callId, @customerId, @category, @status, @summary, @preconditions,
         @ownerAccountId, @ownerTeam, @department, @targets, @due, @nextDueAt, @nextDueKind, @createdAt)`,
    )
    .run({
      ...ticket,
      preconditions: JSON.stringify(ticket.preconditions),
      targets: JSON.stringify(ticket.targets),
      due: JSON.stringify(ticket.due),
    });
  return Number(result.lastInsertRowid);
}

/** The ticket with this ID, or undefined. */
export function findTicketById(db: Db, id: number): TicketRecord | undefined {
  const row = cachedStatement(db, `${selectTicket} WHERE id = ?`).get(id) as TicketRow | undefined;
  return row === undefined ? undefined : ticketOf(row);
}

const columnOf: Readonly<Record<keyof TicketChanges, string>> = {
  status: 'status',
  department: 'department',
  due: 'due',
  nextDueAt: 'next_due_at',
  nextDueKind: 'next_due_kind',
  waitingSince: 'waiting_since',
  firstRespondedAt: 'first_responded_at',
  repliedAt: 'replied_at',
  resolvedAt: 'resolved_at',
  closedAt: 'closed_at',
  callbackFailures: 'callback_failures',
  callbackReached: 'callback_reached',
  category: 'category',
  summary: 'summary',
  preconditions: 'preconditions',
};

/** Changes some fields of a ticket (column names from a fixed map; values bound). */
export function updateTicket(db: Db, id: number, changes: TicketChanges): void {
  const names = Object.keys(changes) as (keyof TicketChanges)[];
  if (names.length === 0) return;
  const values: Record<string, unknown> = { id };
  for (const name of names) {
    const value = changes[name];
    values[name] =
      name === 'due' || name === 'preconditions' ? JSON.stringify(value) : name === 'callbackReached' ? (value === true ? 1 : 0) : value;
  }
  cachedStatement(db, `UPDATE tickets SET ${names.map((name) => `${columnOf[name]} = @${name}`).join(', ')} WHERE id = @id`).run(values);
}

/** A search of one owner's open tickets. */
export type OwnerQueueQuery = Readonly<{ ownerAccountId: number; statuses?: readonly string[]; categories?: readonly string[]; limit: number }>;

/**
 * An owner's tickets not closed, the nearest deadline first (those without one, e.g. waiting
 * for the customer, last); optionally only some statuses or categories.
 */
export function listOwnerQueue(db: Db, query: OwnerQueueQuery): TicketRecord[] {
  const rows = cachedStatement(db, 
      `${selectTicket}
       WHERE owner_account_id = @owner AND closed_at IS NULL
         AND (@statuses IS NULL OR status IN (SELECT value FROM json_each(@statuses)))
         AND (@categories IS NULL OR category IN (SELECT value FROM json_each(@categories)))
       ORDER BY next_due_at IS NULL, next_due_at, id LIMIT @limit`,
    )
    .all({
      owner: query.ownerAccountId,
      statuses: query.statuses === undefined || query.statuses.length === 0 ? null : JSON.stringify(query.statuses),
      categories: query.categories === undefined || query.categories.length === 0 ? null : JSON.stringify(query.categories),
      limit: query.limit,
    }) as TicketRow[];
  return rows.map(ticketOf);
}

/**
 * A team's open tickets whose nearest deadline has passed, the most overdue first. It walks the
 * owner queue index once per account (a team's tickets have no index of their own: every ticket
 * would write one more page for a list a team lead opens now and then).
 */
export function listTeamOverdue(db: Db, team: string, now: string, limit: number): TicketRecord[] {
  const rows = cachedStatement(
    db,
    `${selectTicket} WHERE owner_account_id IN (SELECT id FROM accounts) AND closed_at IS NULL AND next_due_at < @now
       AND owner_team = @team ORDER BY next_due_at, id LIMIT @limit`,
  ).all({ team, now, limit }) as TicketRow[];
  return rows.map(ticketOf);
}

/** A clock pause of a ticket. */
export type TicketPause = Readonly<{ fromAt: string; untilAt: string | null }>;

/** Starts a pause (waiting for the customer). */
export function openTicketPause(db: Db, ticketId: number, at: string): void {
  cachedStatement(db, 'INSERT INTO ticket_pauses (ticket_id, from_at) VALUES (?, ?)').run(ticketId, at);
}

/** Ends the ticket's open pause. */
export function closeTicketPause(db: Db, ticketId: number, at: string): void {
  cachedStatement(db, 'UPDATE ticket_pauses SET until_at = ? WHERE ticket_id = ? AND until_at IS NULL').run(at, ticketId);
}

/** A deadline set by hand, with its reason. */
export type TicketDeadlineChange = Readonly<{ target: string; dueAt: string; reason: string; changedBy: number; changedAt: string }>;

/** Records a deadline set by hand. */
export function insertTicketDeadlineChange(db: Db, ticketId: number, change: TicketDeadlineChange): void {
  cachedStatement(db, 
    'INSERT INTO ticket_deadline_changes (ticket_id, target, due_at, reason, changed_by, changed_at) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(ticketId, change.target, change.dueAt, change.reason, change.changedBy, change.changedAt);
}

/**
 * The pauses and hand-set deadlines (each oldest first; the last of a target counts) of several
 * tickets, by ticket ID: two queries for a whole queue.
 */
export function listTicketClockChanges(
  db: Db,
  ticketIds: readonly number[],
): Map<number, { pauses: TicketPause[]; changes: TicketDeadlineChange[] }> {
  const clocks = new Map<number, { pauses: TicketPause[]; changes: TicketDeadlineChange[] }>(
    ticketIds.map((id) => [id, { pauses: [], changes: [] }]),
  );
  if (ticketIds.length === 0) return clocks;
  const ids = JSON.stringify(ticketIds);
  const pauses = cachedStatement(db, 
      `SELECT ticket_id AS ticketId, from_at AS fromAt, until_at AS untilAt FROM ticket_pauses
       WHERE ticket_id IN (SELECT value FROM json_each(?)) ORDER BY id`,
    )
    .all(ids) as (TicketPause & { ticketId: number })[];
  for (const { ticketId, ...pause } of pauses) clocks.get(ticketId)?.pauses.push(pause);
  const changes = cachedStatement(db, 
      `SELECT ticket_id AS ticketId, target, due_at AS dueAt, reason, changed_by AS changedBy, changed_at AS changedAt
       FROM ticket_deadline_changes WHERE ticket_id IN (SELECT value FROM json_each(?)) ORDER BY id`,
    )
    .all(ids) as (TicketDeadlineChange & { ticketId: number })[];
  for (const { ticketId, ...change } of changes) clocks.get(ticketId)?.changes.push(change);
  return clocks;
}

/** A workflow step of a ticket. */
export type TicketEvent = Readonly<{ action: string; fromStatus: string; toStatus: string; accountId: number; at: string; details: Record<string, unknown> }>;

/** Records a workflow step. */
export function insertTicketEvent(db: Db, ticketId: number, event: TicketEvent): void {
  cachedStatement(db, 'INSERT INTO ticket_events (ticket_id, action, from_status, to_status, account_id, at, details) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    ticketId,
    event.action,
    event.fromStatus,
    event.toStatus,
    event.accountId,
    event.at,
    JSON.stringify(event.details),
  );
}
