import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAuditEntry, type AuditEntry, type AuditOutcome, type NewAuditEntry } from './audit-log';
import {
  countAuditMatches,
  findAuditKeys,
  findAuditPage,
  iterateAuditEntries,
  newestAuditSeq,
  streamKeySql,
  type AuditCursor,
  type AuditFilter,
  type AuditQuery,
  type AuditScope,
} from './audit-queries';
import type { Db } from './connection';
import { createTestDatabase, type TestDatabase } from './test-support';

const auditKey = randomBytes(32);
const entryCount = 3000;
const clockStart = Date.parse('2026-11-01T00:00:00.000Z');
const agents = ['1001', '1002', '2001', '2003', null] as const;
const actions = ['customer.reveal', 'customer.view', 'customer.openFullFile', 'ticket.create', 'session.signIn', 'app:customers.find', 'customerx.other'];
const outcomes: readonly AuditOutcome[] = ['success', 'success', 'refused', 'failed'];

/**
 * Entry `index` of the seeded log: five actors (one nobody), seven actions, objects on every
 * other entry. Times step by a second, every seventh entry repeats the previous millisecond,
 * and entries 1500–1599 were written while the clock was set back two hours, so time order and
 * seq order differ there.
 */
function seededEntry(index: number): NewAuditEntry {
  const step = index - Math.floor(index / 7);
  const setBack = index >= 1500 && index < 1600 ? 2 * 3_600_000 : 0;
  const agentId = agents[index % agents.length] ?? null;
  const outcome = outcomes[index % outcomes.length] ?? 'success';
  return {
    occurredAt: new Date(clockStart + step * 1000 - setBack).toISOString(),
    timeZone: 'Asia/Shanghai',
    utcOffsetMinutes: 480,
    workstationId: 'WS-AUDIT',
    agentId,
    role: agentId === null ? null : agentId.startsWith('2') ? 'team_lead' : 'agent',
    action: actions[index % actions.length] ?? 'customer.view',
    objectType: index % 2 === 0 ? (index % 4 === 0 ? 'customer' : 'ticket') : null,
    objectId: index % 2 === 0 ? String(index % 40) : null,
    outcome,
    code: outcome === 'success' ? null : 'FORBIDDEN_ROLE',
    details: { reason: `客户要求回拨核实 #${index}`, index },
  };
}

let test: TestDatabase;
let db: Db;
let everything: AuditEntry[];

beforeAll(() => {
  test = createTestDatabase();
  db = test.db;
  everything = db.transaction(() => Array.from({ length: entryCount }, (_, index) => appendAuditEntry(db, auditKey, seededEntry(index))))();
});

afterAll(() => {
  test.cleanup();
});

const all: AuditScope = { kind: 'all' };

/** What a query must return, worked out the slow way: every entry, filtered and sorted here. */
function expected(query: AuditQuery): AuditEntry[] {
  const { filter, scope } = query;
  const matches = everything.filter((entry) => {
    if (scope.kind === 'agents' && (entry.agentId === null || !scope.agentIds.includes(entry.agentId))) return false;
    if (filter.agentId !== undefined && entry.agentId !== filter.agentId) return false;
    if (filter.action !== undefined) {
      const family = filter.action.endsWith('.*') ? filter.action.slice(0, -1) : undefined;
      if (family === undefined ? entry.action !== filter.action : !entry.action.startsWith(family)) return false;
    }
    if (filter.objectType !== undefined && entry.objectType !== filter.objectType) return false;
    if (filter.objectId !== undefined && entry.objectId !== filter.objectId) return false;
    if (filter.outcome !== undefined && entry.outcome !== filter.outcome) return false;
    if (filter.from !== undefined && entry.occurredAt < filter.from) return false;
    if (filter.to !== undefined && entry.occurredAt >= filter.to) return false;
    if (query.throughSeq !== undefined && entry.seq > query.throughSeq) return false;
    return true;
  });
  matches.sort((left, right) => (left.occurredAt === right.occurredAt ? left.seq - right.seq : left.occurredAt < right.occurredAt ? -1 : 1));
  return query.order === 'desc' ? matches.reverse() : matches;
}

/** Every page of a query, following the cursors to the end. */
function readAllPages(query: AuditQuery, limit: number): { seqs: number[]; pages: number } {
  const seqs: number[] = [];
  let cursor: AuditCursor | undefined;
  let pages = 0;
  for (;;) {
    const page = findAuditPage(db, query, cursor === undefined ? { limit } : { limit, cursor });
    pages += 1;
    expect(page.entries.length).toBeLessThanOrEqual(limit);
    seqs.push(...page.entries.map((entry) => entry.seq));
    if (page.nextCursor === null) break;
    expect(page.entries).toHaveLength(limit);
    const last = page.entries.at(-1)!;
    expect(page.nextCursor).toEqual({ occurredAt: last.occurredAt, seq: last.seq });
    cursor = page.nextCursor;
    expect(pages).toBeLessThan(entryCount);
  }
  return { seqs, pages };
}

const at = (offsetSeconds: number) => new Date(clockStart + offsetSeconds * 1000).toISOString();

const filters: readonly (readonly [string, AuditFilter])[] = [
  ['nothing', {}],
  ['one agent', { agentId: '1001' }],
  ['an exact action', { action: 'customer.reveal' }],
  ['an action family (customer.* but not customerx.*)', { action: 'customer.*' }],
  ['a channel family', { action: 'app:customers.*' }],
  ['an object type', { objectType: 'ticket' }],
  ['an object', { objectType: 'customer', objectId: '8' }],
  ['an outcome', { outcome: 'refused' }],
  ['a time range across the clock change', { from: at(1200), to: at(1350) }],
  ['agent, time range and action', { agentId: '2001', from: at(100), to: at(2000), action: 'customer.*' }],
  ['an agent with nothing in range', { agentId: '1002', from: at(900_000) }],
];

describe('audit queries: filters, order and keyset paging', () => {
  it('seeded a log whose time order differs from its seq order', () => {
    const byTime = expected({ scope: all, filter: {}, order: 'asc' }).map((entry) => entry.seq);
    expect(byTime).toHaveLength(entryCount);
    expect(byTime).not.toEqual([...byTime].sort((left, right) => left - right));
    expect(new Set(everything.map((entry) => entry.occurredAt)).size).toBeLessThan(entryCount);
  });

  it('shows an administrator the entries made before anyone signed in as well', () => {
    const { seqs } = readAllPages({ scope: all, filter: { outcome: 'failed' }, order: 'desc' }, 500);
    expect(seqs.some((seq) => everything[seq - 1]?.agentId === null)).toBe(true);
  });

  for (const [name, filter] of filters) {
    for (const order of ['desc', 'asc'] as const) {
      it(`${name}, ${order}: pages in order, no duplicates, no gaps`, () => {
        const query: AuditQuery = { scope: all, filter, order };
        const want = expected(query).map((entry) => entry.seq);
        const { seqs } = readAllPages(query, 97);
        expect(seqs).toEqual(want);
        expect(countAuditMatches(db, query, 10_000)).toEqual({ count: want.length, capped: false });
      });
    }
  }

  it('returns every field of an entry, details parsed', () => {
    const [newest] = findAuditPage(db, { scope: all, filter: { agentId: '2003' }, order: 'desc' }, { limit: 1 }).entries;
    const stored = expected({ scope: all, filter: { agentId: '2003' }, order: 'desc' })[0];
    expect(newest).toEqual(stored);
    expect(newest?.details.reason).toMatch(/^客户要求回拨核实 #/);
  });

  it('gives the same entries whatever the page size', () => {
    const query: AuditQuery = { scope: all, filter: { action: 'customer.*' }, order: 'desc' };
    const once = readAllPages(query, 1000).seqs;
    expect(readAllPages(query, 1).seqs).toEqual(once);
    expect(readAllPages(query, 7).seqs).toEqual(once);
  });

  it('keeps a team lead to the team: other agents and nobody are left out, even when asked for by agent', () => {
    const team: AuditScope = { kind: 'agents', agentIds: ['1001', '2001'] };
    for (const order of ['desc', 'asc'] as const) {
      const query: AuditQuery = { scope: team, filter: {}, order };
      const { seqs } = readAllPages(query, 250);
      expect(seqs).toEqual(expected(query).map((entry) => entry.seq));
      const agentsSeen = new Set(seqs.map((seq) => everything[seq - 1]?.agentId));
      expect([...agentsSeen].sort()).toEqual(['1001', '2001']);
    }
    expect(findAuditPage(db, { scope: team, filter: { agentId: '1002' }, order: 'desc' }, { limit: 50 }).entries).toEqual([]);
    expect(countAuditMatches(db, { scope: team, filter: { agentId: '1002' }, order: 'desc' }, 10_000)).toEqual({ count: 0, capped: false });
    expect(findAuditPage(db, { scope: { kind: 'agents', agentIds: [] }, filter: {}, order: 'desc' }, { limit: 50 }).entries).toEqual([]);
  });

  it('caps the count cheaply and says so', () => {
    const query: AuditQuery = { scope: all, filter: {}, order: 'desc' };
    expect(countAuditMatches(db, query, 1000)).toEqual({ count: 1000, capped: true });
    expect(countAuditMatches(db, query, entryCount)).toEqual({ count: entryCount, capped: false });
    expect(countAuditMatches(db, query, entryCount - 1)).toEqual({ count: entryCount - 1, capped: true });
  });

  it('stops at a snapshot seq, so entries added while an export runs stay out of it', () => {
    const throughSeq = 2500;
    const query: AuditQuery = { scope: all, filter: { action: 'customer.*' }, order: 'asc', throughSeq };
    expect(readAllPages(query, 300).seqs).toEqual(expected(query).map((entry) => entry.seq));
    expect(newestAuditSeq(db)).toBe(entryCount);
  });

  it('starts a page strictly after the cursor, also between entries of the same millisecond', () => {
    const query: AuditQuery = { scope: all, filter: {}, order: 'asc' };
    const ordered = expected(query);
    const tieIndex = ordered.findIndex((entry, index) => ordered[index + 1]?.occurredAt === entry.occurredAt);
    expect(tieIndex).toBeGreaterThanOrEqual(0);
    const cursor = { occurredAt: ordered[tieIndex]!.occurredAt, seq: ordered[tieIndex]!.seq };
    const page = findAuditKeys(db, query, { cursor, limit: 3 });
    expect(page.keys.map((key) => key.seq)).toEqual(ordered.slice(tieIndex + 1, tieIndex + 4).map((entry) => entry.seq));
  });

  it('reads entries by key in the order given, one row at a time', () => {
    const keys = [everything[10]!, everything[3]!, everything[2000]!].map((entry) => ({ occurredAt: entry.occurredAt, seq: entry.seq }));
    const iterator = iterateAuditEntries(db, keys);
    expect(iterator.next().value).toEqual(everything[10]);
    expect([...iterator].map((entry) => entry.seq)).toEqual([everything[3]!.seq, everything[2000]!.seq]);
  });

  it('spends a bounded scan on row filters, going on from where it stopped, without losing or repeating entries', () => {
    for (const [filter, scope] of [
      [{ objectType: 'customer', objectId: '8' }, all],
      [{ action: 'customer.reveal', outcome: 'refused' }, { kind: 'agents', agentIds: ['1001', '1002', '2001'] }],
      [{ agentId: '2003', action: 'customer.*' }, all],
      [{ action: 'no.such.action' }, all],
    ] as const) {
      for (const order of ['desc', 'asc'] as const) {
        const query: AuditQuery = { scope, filter, order };
        const want = expected(query).map((entry) => entry.seq);
        const seqs: number[] = [];
        let cursor: AuditCursor | undefined;
        let calls = 0;
        for (;;) {
          const page = findAuditKeys(db, query, cursor === undefined ? { limit: 10, scanBudget: 200 } : { limit: 10, scanBudget: 200, cursor });
          calls += 1;
          seqs.push(...page.keys.map((key) => key.seq));
          if (page.nextCursor === null) break;
          // Every call moves on, even one that found nothing.
          if (cursor !== undefined) expect(page.nextCursor).not.toEqual(cursor);
          cursor = page.nextCursor;
          expect(calls).toBeLessThan(entryCount);
        }
        expect(seqs).toEqual(want);
        // Nothing matches: each of the five agents' 600 entries is looked at 64 a call (the least per agent).
        if (want.length === 0) expect(calls).toBe(Math.ceil(600 / 64));
      }
    }
    const rare: AuditQuery = { scope: all, filter: { action: 'no.such.action' }, order: 'desc' };
    const first = findAuditKeys(db, rare, { limit: 10, scanBudget: 200 });
    expect(first.keys).toEqual([]);
    expect(first.nextCursor).not.toBeNull();
    expect(findAuditKeys(db, rare, { limit: 10 })).toEqual({ keys: [], nextCursor: null });
  });

  it('counts row filters within the scan budget, saying when the count is only a lower bound', () => {
    const query: AuditQuery = { scope: all, filter: { action: 'customer.*' }, order: 'desc' };
    const exact = expected(query).length;
    expect(countAuditMatches(db, query, 10_000)).toEqual({ count: exact, capped: false });
    const partial = countAuditMatches(db, query, 10_000, 500);
    expect(partial.capped).toBe(true);
    expect(partial.count).toBeLessThan(exact);
    expect(partial.count).toBeGreaterThan(0);
    expect(countAuditMatches(db, { scope: all, filter: { agentId: '1001', outcome: 'failed' }, order: 'asc' }, 10_000)).toEqual({
      count: expected({ scope: all, filter: { agentId: '1001', outcome: 'failed' }, order: 'asc' }).length,
      capped: false,
    });
  });

  it('refuses malformed times and cursors', () => {
    expect(() => findAuditPage(db, { scope: all, filter: { from: '2026-11-01' }, order: 'asc' }, { limit: 5 })).toThrow(TypeError);
    expect(() => findAuditPage(db, { scope: all, filter: {}, order: 'asc' }, { limit: 5, cursor: { occurredAt: 'x', seq: 1 } })).toThrow(TypeError);
    expect(() => countAuditMatches(db, { scope: all, filter: {}, order: 'asc' }, 0)).toThrow(RangeError);
  });
});

describe('audit queries: plans', () => {
  function plan(sql: string, parameters: Record<string, unknown>): string {
    return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(parameters) as { detail: string }[]).map((row) => row.detail).join('\n');
  }
  const bounds = { lowerTime: at(100), lowerSeq: 0, upperTime: at(2000), upperSeq: 0, limit: 101 };

  it('agent and time range: one range of audit_log_by_agent_time, in index order, no sort', () => {
    for (const order of ['desc', 'asc'] as const) {
      const query: AuditQuery = { scope: all, filter: { agentId: '1001', from: at(100), to: at(2000) }, order };
      const detail = plan(streamKeySql(query, false), { ...bounds, agentId: '1001' });
      expect(detail).toMatch(/SEARCH audit_log USING COVERING INDEX audit_log_by_agent_time \(agent_id=\? AND occurred_at>\? AND occurred_at<\?\)/);
      expect(detail).not.toMatch(/TEMP B-TREE/);
    }
  });

  it('other filters and the snapshot bound keep the same index range, and entries before sign-in use it too', () => {
    const query: AuditQuery = {
      scope: all,
      filter: { action: 'customer.*', objectType: 'customer', objectId: '8', outcome: 'success' },
      order: 'desc',
      throughSeq: 10,
    };
    const parameters = { ...bounds, actionPrefix: 'customer.', objectType: 'customer', objectId: '8', outcome: 'success', throughSeq: 10 };
    const withAgent = plan(streamKeySql(query, false), { ...parameters, agentId: '1001' });
    expect(withAgent).toMatch(/SEARCH audit_log USING INDEX audit_log_by_agent_time \(agent_id=\? AND occurred_at>\? AND occurred_at<\?\)/);
    expect(withAgent).not.toMatch(/TEMP B-TREE/);
    const nobody = plan(streamKeySql(query, true), parameters);
    expect(nobody).toMatch(/USING INDEX audit_log_by_agent_time \(agent_id=\? AND occurred_at>\? AND occurred_at<\?\)/);
    expect(nobody).not.toMatch(/TEMP B-TREE/);
  });
});
