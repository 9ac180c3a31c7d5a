import { cachedStatement, type Db } from './connection';

/**
 * The tickets a dashboard counts: those created in one team (`owner_team`, the owner's team when
 * the ticket was made, so a later move of the agent takes no tickets along), or every team (null).
 */
export type DashboardTeam = string | null;

/** Open tickets of one owner in one category, and how many of them are past their nearest deadline. */
export type OpenTicketCountRow = Readonly<{ ownerAccountId: number; category: string; open: number; overdue: number }>;

/**
 * The tickets not closed, counted by owner and category, with those whose nearest running
 * deadline (`next_due_at`) is at or before `now`. A ticket waiting for the customer has no
 * running deadline and is open but not overdue. Walks the owner queue index (`tickets_queue`)
 * per account, as the team overdue list does.
 */
export function countOpenTickets(db: Db, team: DashboardTeam, now: string): OpenTicketCountRow[] {
  return cachedStatement(
    db,
    `SELECT owner_account_id AS ownerAccountId, category, count(*) AS open, coalesce(sum(next_due_at <= @now), 0) AS overdue
     FROM tickets
     WHERE owner_account_id IN (SELECT id FROM accounts) AND closed_at IS NULL AND (@team IS NULL OR owner_team = @team)
     GROUP BY owner_account_id, category`,
  ).all({ team, now }) as OpenTicketCountRow[];
}

/** An instant range, ISO-8601 UTC: `from` included, `to` not. */
export type InstantRange = Readonly<{ from: string; to: string }>;

/**
 * First responses of the tickets of a category created in a range whose first-response target
 * applied (a deadline in `due`): on time (before the deadline), late (at or after it), missed
 * (no response and the deadline passed by `now`), pending (no response, not due yet).
 */
export type FirstResponseCountRow = Readonly<{ category: string; onTime: number; late: number; missed: number; pending: number }>;

/** Counts first responses by category of the tickets created in `range` (the `tickets_by_created` index). */
export function countFirstResponses(db: Db, team: DashboardTeam, range: InstantRange, now: string): FirstResponseCountRow[] {
  return cachedStatement(
    db,
    `SELECT category,
       coalesce(sum(responded IS NOT NULL AND responded < deadline), 0) AS onTime,
       coalesce(sum(responded IS NOT NULL AND responded >= deadline), 0) AS late,
       coalesce(sum(responded IS NULL AND deadline <= @now), 0) AS missed,
       coalesce(sum(responded IS NULL AND deadline > @now), 0) AS pending
     FROM (
       SELECT category, first_responded_at AS responded, json_extract(due, '$.firstResponse') AS deadline
       FROM tickets
       WHERE created_at >= @from AND created_at < @to AND (@team IS NULL OR owner_team = @team)
     )
     WHERE deadline IS NOT NULL
     GROUP BY category`,
  ).all({ team, from: range.from, to: range.to, now }) as FirstResponseCountRow[];
}

/**
 * Call-backs of the tickets resolved in a range whose category calls back: reached the
 * customer, closed after `unreachableAfter` failed attempts without reaching them, or neither yet.
 */
export type CallbackCounts = Readonly<{ needed: number; reached: number; closedUnreachable: number; outstanding: number }>;

/**
 * Counts the call-backs of the tickets resolved in `range`. A ticket is closed after it is
 * resolved (a reopen clears both), so those resolved in the range are open or closed since its
 * start: two walks of the owner queue index per account, no scan of older closed tickets.
 */
export function countCallbacks(db: Db, team: DashboardTeam, range: InstantRange, unreachableAfter: number): CallbackCounts {
  const resolvedInRange = `resolved_at >= @from AND resolved_at < @to AND json_extract(targets, '$.callback') IS NOT NULL
    AND (@team IS NULL OR owner_team = @team)`;
  const columns = 'callback_reached AS reached, callback_failures AS failures, closed_at AS closedAt';
  return cachedStatement(
    db,
    `SELECT count(*) AS needed,
       coalesce(sum(reached = 1), 0) AS reached,
       coalesce(sum(reached = 0 AND closedAt IS NOT NULL AND failures >= @unreachableAfter), 0) AS closedUnreachable,
       coalesce(sum(reached = 0 AND NOT (closedAt IS NOT NULL AND failures >= @unreachableAfter)), 0) AS outstanding
     FROM (
       SELECT ${columns} FROM tickets
       WHERE owner_account_id IN (SELECT id FROM accounts) AND closed_at IS NULL AND ${resolvedInRange}
       UNION ALL
       SELECT ${columns} FROM tickets
       WHERE owner_account_id IN (SELECT id FROM accounts) AND closed_at >= @from AND ${resolvedInRange}
     )`,
  ).get({ team, from: range.from, to: range.to, unreachableAfter }) as CallbackCounts;
}

/** The answered calls of one agent: how many, their talk time in all, and how many within the target. */
export type HandleTimeRow = Readonly<{ agentAccountId: number; calls: number; totalSeconds: number; withinTarget: number }>;

/**
 * Sums the handle time (answer to end, `duration_seconds`) of the calls answered in `range`
 * by agents of `team` (their team now: a call records no team), per agent. Calls nobody took
 * are left out. The ring-time index (`calls_by_rang_at`) bounds the walk: a call rings before
 * it is answered, and no phone rings for a day, so `ringFrom` is a day before the range.
 */
export function sumHandleTimes(db: Db, team: DashboardTeam, range: InstantRange & { ringFrom: string }, targetSeconds: number): HandleTimeRow[] {
  return cachedStatement(
    db,
    `SELECT agent_account_id AS agentAccountId, count(*) AS calls, sum(duration_seconds) AS totalSeconds,
       sum(duration_seconds <= @targetSeconds) AS withinTarget
     FROM calls
     WHERE rang_at >= @ringFrom AND rang_at < @to AND answered_at >= @from AND answered_at < @to
       AND outcome = 'answered' AND duration_seconds IS NOT NULL AND agent_account_id IS NOT NULL
       AND (@team IS NULL OR agent_account_id IN (SELECT id FROM accounts WHERE team = @team))
     GROUP BY agent_account_id`,
  ).all({ team, from: range.from, to: range.to, ringFrom: range.ringFrom, targetSeconds }) as HandleTimeRow[];
}

/** An overdue ticket as the dashboard lists it: no customer, no request text. */
export type OverdueTicketRow = Readonly<{
  id: number;
  number: string;
  category: string;
  status: string;
  createdAt: string;
  nextDueKind: string | null;
  nextDueAt: string;
}>;

/** One owner's open tickets of `team` past their nearest deadline, the most overdue first (the owner queue index). */
export function listOverdueTicketsOf(db: Db, ownerAccountId: number, team: DashboardTeam, now: string, limit: number): OverdueTicketRow[] {
  return cachedStatement(
    db,
    `SELECT id, number, category, status, created_at AS createdAt, next_due_kind AS nextDueKind, next_due_at AS nextDueAt
     FROM tickets
     WHERE owner_account_id = @owner AND closed_at IS NULL AND next_due_at <= @now AND (@team IS NULL OR owner_team = @team)
     ORDER BY next_due_at, id LIMIT @limit`,
  ).all({ owner: ownerAccountId, team, now, limit }) as OverdueTicketRow[];
}

/** How many of one owner's open tickets of `team` are past their nearest deadline (the owner queue index). */
export function countOverdueTicketsOf(db: Db, ownerAccountId: number, team: DashboardTeam, now: string): number {
  return cachedStatement(
    db,
    `SELECT count(*) FROM tickets
     WHERE owner_account_id = @owner AND closed_at IS NULL AND next_due_at <= @now AND (@team IS NULL OR owner_team = @team)`,
  )
    .pluck()
    .get({ owner: ownerAccountId, team, now }) as number;
}

/** A person the dashboard names: agent ID, name and team now. */
export type DashboardPerson = Readonly<{ id: number; agentId: string; displayName: string; team: string }>;

/** Every account, for naming the owners and agents counted. */
export function listDashboardPeople(db: Db): DashboardPerson[] {
  return cachedStatement(db, 'SELECT id, agent_id AS agentId, display_name AS displayName, team FROM accounts ORDER BY agent_id').all() as DashboardPerson[];
}

/** The teams accounts belong to, by name. */
export function listTeams(db: Db): string[] {
  return cachedStatement(db, "SELECT DISTINCT team FROM accounts WHERE team <> '' ORDER BY team").pluck().all() as string[];
}
