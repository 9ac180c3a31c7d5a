import { afterEach, describe, expect, it } from 'vitest';
import { insertCall, markCallAnswered, markCallEnded } from './calls';
import type { Db } from './connection';
import {
  countCallbacks,
  countFirstResponses,
  countOpenTickets,
  listDashboardPeople,
  listOverdueTicketsOf,
  listTeams,
  sumHandleTimes,
} from './sla-dashboard';
import { createTestDatabase, insertAccountRow, type TestDatabase } from './test-support';
import { insertTicket, updateTicket, type TicketChanges } from './tickets';

let current: TestDatabase | undefined;
afterEach(() => {
  current?.cleanup();
  current = undefined;
});

const now = '2026-11-22T02:00:00.000Z';
const november = { from: '2026-10-31T16:00:00.000Z', to: '2026-11-30T16:00:00.000Z' };
const callbackTarget = { amount: 72, unit: 'hours' };

type Seed = Readonly<{
  owner: number;
  team?: string;
  category?: string;
  createdAt?: string;
  firstResponseDue?: string | null;
  nextDueAt?: string | null;
  callback?: boolean;
  changes?: TicketChanges;
}>;

let sequence = 0;

/** A ticket row as main stores one, with the fields a test sets. */
function seedTicket(db: Db, seed: Seed): number {
  sequence += 1;
  const firstResponseDue = seed.firstResponseDue === undefined ? '2026-11-23T02:00:00.000Z' : seed.firstResponseDue;
  const id = insertTicket(db, {
    number: `GD20261122-${String(sequence).padStart(4, '0')}`,
    channel: 'phone',
    callId: null,
    customerId: null,
    category: seed.category ?? 'complaint',
    status: 'new',
    summary: '测试',
    preconditions: {},
    ownerAccountId: seed.owner,
    ownerTeam: seed.team ?? '一组',
    department: '',
    targets: { firstResponse: firstResponseDue === null ? null : { amount: 24, unit: 'hours' }, reply: null, resolve: null, callback: seed.callback === false ? null : callbackTarget },
    due: { firstResponse: firstResponseDue, reply: null, resolve: null, callback: null },
    nextDueAt: seed.nextDueAt === undefined ? firstResponseDue : seed.nextDueAt,
    nextDueKind: 'firstResponse',
    createdAt: seed.createdAt ?? '2026-11-20T02:00:00.000Z',
  });
  if (seed.changes !== undefined) updateTicket(db, id, seed.changes);
  return id;
}

function database(): { db: Db; agent: number; lead: number; other: number } {
  current = createTestDatabase();
  const { db } = current;
  return {
    db,
    agent: insertAccountRow(db, { agentId: '1001', displayName: '李坐席', team: '一组' }),
    lead: insertAccountRow(db, { agentId: '2001', displayName: '周班长', role: 'team_lead', team: '一组' }),
    other: insertAccountRow(db, { agentId: '1002', displayName: '王坐席', team: '二组' }),
  };
}

function planOf(db: Db, sql: string, parameters: Record<string, unknown>): string {
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(parameters) as { detail: string }[]).map((step) => step.detail).join('; ');
}

describe('open and overdue tickets', () => {
  it('counts open tickets by owner and category, overdue at or before now, closed and other teams left out', () => {
    const { db, agent, lead, other } = database();
    seedTicket(db, { owner: agent, nextDueAt: '2026-11-22T01:00:00.000Z' });
    seedTicket(db, { owner: agent, nextDueAt: now });
    seedTicket(db, { owner: agent, nextDueAt: '2026-11-22T03:00:00.000Z' });
    // Waiting for the customer: open, no running deadline.
    seedTicket(db, { owner: agent, category: 'repair', nextDueAt: null });
    seedTicket(db, { owner: agent, nextDueAt: '2026-11-20T00:00:00.000Z', changes: { status: 'closed', closedAt: '2026-11-21T00:00:00.000Z' } });
    seedTicket(db, { owner: lead, category: 'repair', nextDueAt: '2026-11-21T00:00:00.000Z' });
    seedTicket(db, { owner: other, team: '二组', nextDueAt: '2026-11-21T00:00:00.000Z' });
    const sorted = (rows: ReturnType<typeof countOpenTickets>) => [...rows].sort((first, second) => first.ownerAccountId - second.ownerAccountId || first.category.localeCompare(second.category));
    expect(sorted(countOpenTickets(db, '一组', now))).toEqual([
      { ownerAccountId: agent, category: 'complaint', open: 3, overdue: 2 },
      { ownerAccountId: agent, category: 'repair', open: 1, overdue: 0 },
      { ownerAccountId: lead, category: 'repair', open: 1, overdue: 1 },
    ]);
    expect(countOpenTickets(db, '二组', now)).toEqual([{ ownerAccountId: other, category: 'complaint', open: 1, overdue: 1 }]);
    expect(sorted(countOpenTickets(db, null, now))).toHaveLength(4);
    expect(countOpenTickets(db, '三组', now)).toEqual([]);

    expect(listOverdueTicketsOf(db, agent, '一组', now, 10).map((ticket) => ticket.nextDueAt)).toEqual(['2026-11-22T01:00:00.000Z', now]);
    expect(listOverdueTicketsOf(db, agent, '一组', now, 1)).toHaveLength(1);
    expect(listOverdueTicketsOf(db, other, '一组', now, 10)).toEqual([]);
    expect(listOverdueTicketsOf(db, other, null, now, 10)[0]).toMatchObject({ category: 'complaint', status: 'new', nextDueKind: 'firstResponse' });
  });

  it('walks the owner queue index for open tickets and the overdue list', () => {
    const { db } = database();
    const open = `SELECT owner_account_id, category, count(*) FROM tickets
      WHERE owner_account_id IN (SELECT id FROM accounts) AND closed_at IS NULL AND (@team IS NULL OR owner_team = @team) GROUP BY owner_account_id, category`;
    expect(planOf(db, open, { team: '一组' })).toContain('tickets_queue');
    countOpenTickets(db, '一组', now);
    const overdue = 'SELECT id FROM tickets WHERE owner_account_id = @owner AND closed_at IS NULL AND next_due_at <= @now ORDER BY next_due_at, id';
    expect(planOf(db, overdue, { owner: 1, now })).toContain('tickets_queue');
  });
});

describe('first-response compliance', () => {
  it('sorts the tickets created in the range into on time, late, missed and pending; edges and teams count right', () => {
    const { db, agent, other } = database();
    const due = '2026-11-21T02:00:00.000Z';
    // On time: responded a moment before the deadline; late: at the deadline or after.
    seedTicket(db, { owner: agent, firstResponseDue: due, changes: { firstRespondedAt: '2026-11-21T01:59:59.999Z' } });
    seedTicket(db, { owner: agent, firstResponseDue: due, changes: { firstRespondedAt: due } });
    seedTicket(db, { owner: agent, firstResponseDue: due, changes: { firstRespondedAt: '2026-11-21T05:00:00.000Z' } });
    // Not responded: missed once the deadline passed (at now counts), pending before.
    seedTicket(db, { owner: agent, firstResponseDue: now });
    seedTicket(db, { owner: agent, category: 'repair', firstResponseDue: '2026-11-22T02:00:00.001Z' });
    // No first-response target: not counted.
    seedTicket(db, { owner: agent, category: 'repair', firstResponseDue: null });
    // The range's edges: its first instant is in, its end is not.
    seedTicket(db, { owner: agent, category: 'repair', createdAt: november.from, firstResponseDue: '2026-11-01T16:00:00.000Z', changes: { firstRespondedAt: '2026-11-01T00:00:00.000Z' } });
    seedTicket(db, { owner: agent, category: 'repair', createdAt: november.to });
    seedTicket(db, { owner: agent, category: 'repair', createdAt: '2026-10-31T15:59:59.999Z' });
    seedTicket(db, { owner: other, team: '二组', firstResponseDue: due, changes: { firstRespondedAt: '2026-11-20T03:00:00.000Z' } });

    const rows = countFirstResponses(db, '一组', november, now).sort((first, second) => first.category.localeCompare(second.category));
    expect(rows).toEqual([
      { category: 'complaint', onTime: 1, late: 2, missed: 1, pending: 0 },
      { category: 'repair', onTime: 1, late: 0, missed: 0, pending: 1 },
    ]);
    expect(countFirstResponses(db, '二组', november, now)).toEqual([{ category: 'complaint', onTime: 1, late: 0, missed: 0, pending: 0 }]);
    expect(countFirstResponses(db, null, november, now).reduce((sum, row) => sum + row.onTime, 0)).toBe(3);
    expect(countFirstResponses(db, '一组', { from: november.to, to: '2026-12-31T16:00:00.000Z' }, now)).toEqual([
      { category: 'repair', onTime: 0, late: 0, missed: 0, pending: 1 },
    ]);
    const sql = 'SELECT category FROM tickets WHERE created_at >= @from AND created_at < @to AND (@team IS NULL OR owner_team = @team)';
    expect(planOf(db, sql, { ...november, team: null })).toContain('tickets_by_created');
  });
});

describe('call-backs', () => {
  it('counts the resolved tickets that call back: reached, closed after 3 failures, outstanding; edges and teams count right', () => {
    const { db, agent, lead, other } = database();
    const resolved = '2026-11-10T02:00:00.000Z';
    seedTicket(db, { owner: agent, changes: { status: 'closed', resolvedAt: resolved, callbackReached: true, closedAt: '2026-11-11T02:00:00.000Z' } });
    seedTicket(db, { owner: lead, changes: { status: 'callback', resolvedAt: resolved, callbackReached: true } });
    seedTicket(db, { owner: agent, changes: { status: 'closed', resolvedAt: resolved, callbackFailures: 3, closedAt: '2026-11-12T02:00:00.000Z' } });
    seedTicket(db, { owner: agent, changes: { status: 'callback', resolvedAt: resolved, callbackFailures: 2 } });
    seedTicket(db, { owner: agent, changes: { status: 'resolved', resolvedAt: november.from } });
    // No call-back in its category, resolved outside the range, another team: not counted.
    seedTicket(db, { owner: agent, callback: false, changes: { status: 'closed', resolvedAt: resolved, closedAt: resolved } });
    seedTicket(db, { owner: agent, changes: { status: 'resolved', resolvedAt: november.to } });
    seedTicket(db, { owner: agent, changes: { status: 'closed', resolvedAt: '2026-10-31T15:59:59.999Z', callbackReached: true, closedAt: '2026-11-02T00:00:00.000Z' } });
    seedTicket(db, { owner: other, team: '二组', changes: { status: 'closed', resolvedAt: resolved, callbackReached: true, closedAt: resolved } });

    expect(countCallbacks(db, '一组', november, 3)).toEqual({ needed: 5, reached: 2, closedUnreachable: 1, outstanding: 2 });
    expect(countCallbacks(db, '二组', november, 3)).toEqual({ needed: 1, reached: 1, closedUnreachable: 0, outstanding: 0 });
    expect(countCallbacks(db, null, november, 3)).toEqual({ needed: 6, reached: 3, closedUnreachable: 1, outstanding: 2 });
    expect(countCallbacks(db, '三组', november, 3)).toEqual({ needed: 0, reached: 0, closedUnreachable: 0, outstanding: 0 });
    // Open tickets, then those closed since the range began: both walks of the owner queue index.
    const walks = `SELECT id FROM tickets WHERE owner_account_id IN (SELECT id FROM accounts) AND closed_at IS NULL AND resolved_at >= @from
      UNION ALL SELECT id FROM tickets WHERE owner_account_id IN (SELECT id FROM accounts) AND closed_at >= @from AND resolved_at >= @from`;
    const plan = planOf(db, walks, { from: november.from });
    expect(plan).toContain('USING INDEX tickets_queue (owner_account_id=? AND closed_at=?)');
    expect(plan).toContain('USING INDEX tickets_queue (owner_account_id=? AND closed_at>?)');
  });
});

describe('handle time', () => {
  it('sums the talk time of the calls answered in the range per agent, with those within the target', () => {
    const { db, agent, other } = database();
    const call = (key: string, agentAccountId: number | null, answeredAt: string, seconds: number | null) => {
      const id = insertCall(db, { callKey: key, direction: 'inbound', callerNumber: '13812345678', calledNumber: '96777', queue: '', customerId: null, rangAt: answeredAt, agentAccountId });
      markCallAnswered(db, id, answeredAt);
      if (seconds !== null) markCallEnded(db, id, new Date(Date.parse(answeredAt) + seconds * 1000).toISOString(), 'answered', seconds);
    };
    call('C-1', agent, '2026-11-10T02:00:00.000Z', 120);
    call('C-2', agent, '2026-11-10T03:00:00.000Z', 180);
    call('C-3', agent, november.from, 300);
    call('C-4', agent, november.to, 60);
    call('C-5', agent, '2026-11-10T04:00:00.000Z', null);
    call('C-6', null, '2026-11-10T05:00:00.000Z', 60);
    call('C-7', other, '2026-11-10T06:00:00.000Z', 90);
    const missed = insertCall(db, { callKey: 'C-8', direction: 'inbound', callerNumber: '1', calledNumber: '2', queue: '', customerId: null, rangAt: '2026-11-10T07:00:00.000Z', agentAccountId: agent });
    markCallEnded(db, missed, '2026-11-10T07:01:00.000Z', 'missed', 0);

    const range = { ...november, ringFrom: '2026-10-30T16:00:00.000Z' };
    expect(sumHandleTimes(db, '一组', range, 180)).toEqual([{ agentAccountId: agent, calls: 3, totalSeconds: 600, withinTarget: 2 }]);
    expect(sumHandleTimes(db, '二组', range, 180)).toEqual([{ agentAccountId: other, calls: 1, totalSeconds: 90, withinTarget: 1 }]);
    expect(sumHandleTimes(db, null, range, 180)).toHaveLength(2);
    const sql = 'SELECT id FROM calls WHERE rang_at >= @ringFrom AND rang_at < @to AND answered_at >= @from';
    expect(planOf(db, sql, range)).toContain('calls_by_rang_at');
  });
});

describe('people', () => {
  it('names every account and lists the teams', () => {
    const { db } = database();
    insertAccountRow(db, { agentId: '8001', team: '' });
    expect(listDashboardPeople(db).map((person) => [person.agentId, person.displayName, person.team])).toEqual([
      ['1001', '李坐席', '一组'],
      ['1002', '王坐席', '二组'],
      ['2001', '周班长', '一组'],
      ['8001', '张三', ''],
    ]);
    expect(listTeams(db)).toEqual(['一组', '二组']);
  });
});
