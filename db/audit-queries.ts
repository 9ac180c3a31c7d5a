import type { AuditDetails, AuditEntry, AuditOutcome } from './audit-log';
import { cachedStatement, type Db } from './connection';

/**
 * What a review narrows the log to. Every field is optional; given ones must all match.
 * Times are ISO-8601 UTC with milliseconds, as `Date#toISOString` writes them (the stored form).
 */
export type AuditFilter = Readonly<{
  /** The acting agent ID, exactly. */
  agentId?: string;
  /** An action exactly (`customer.reveal`), or a family ending in `.*` (`customer.*`: every action starting with `customer.`). */
  action?: string;
  objectType?: string;
  objectId?: string;
  outcome?: AuditOutcome;
  /** Entries at or after this time. */
  from?: string;
  /** Entries before this time. */
  to?: string;
}>;

/** Whose entries a reader may see: everything (administrators), or those of the listed agent IDs. */
export type AuditScope = Readonly<{ kind: 'all' }> | Readonly<{ kind: 'agents'; agentIds: readonly string[] }>;

/** Time ascending or descending; ties (same millisecond) go by seq the same way. */
export type AuditOrder = 'asc' | 'desc';

/** Where a page ended: the last entry's time and seq. The next page starts strictly after it. */
export type AuditCursor = Readonly<{ occurredAt: string; seq: number }>;

/** A filtered, scoped, ordered view of the log. */
export type AuditQuery = Readonly<{
  scope: AuditScope;
  filter: AuditFilter;
  order: AuditOrder;
  /** Only entries with seq at most this (an export's snapshot of the log as it started). */
  throughSeq?: number;
}>;

/** One page of keys in query order, and the cursor of the next page (null after the last). */
export type AuditKeyPage = Readonly<{ keys: readonly AuditCursor[]; nextCursor: AuditCursor | null }>;

/**
 * How many entries match: exact when `capped` is false; otherwise at least `count` (the cap was
 * reached, or the scan budget ran out before every entry was looked at).
 */
export type AuditCount = Readonly<{ count: number; capped: boolean }>;

/** The largest page {@link findAuditPage} returns. */
export const auditPageLimitMaximum = 5000;

/**
 * Index entries one call may look at when a filter needs the row itself (action, object,
 * outcome): each costs a row lookup, so a rare match among millions would otherwise hold the
 * connection for seconds. A call that spends it returns what it found and a cursor to go on from.
 */
export const auditScanBudget = 10_000;
/** The least a stream looks at per call, so every call moves every stream on. */
const windowMinimum = 64;

const isoTimestampPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
/** Sorts after every stored timestamp (`9999-…Z`): the open end of a time range. */
const endOfTime = '~';
const startOfTime = '';
/** A stream's first read: enough for a page when the page comes from few agents, small when from many. */
const firstReadMinimum = 8;
const readMaximum = 2048;

/** A bound on one side of the (occurred_at, seq) order, exclusive. */
type Bound = Readonly<{ time: string; seq: number }>;

/** One agent's entries (null: entries made before anyone signed in) in the query's order. */
type Stream = {
  agentId: string | null;
  buffer: AuditCursor[];
  position: number;
  /** Where the next read continues: the last key read. */
  after: Bound;
  exhausted: boolean;
  nextReadSize: number;
  /** Index entries it may still look at in this call (row filters only), and its next window's size. */
  budgetLeft: number;
  window: number;
  /** It ran out of budget: everything up to `after` was looked at, nothing beyond. */
  stalled: boolean;
};

function compareKeys(left: Bound, right: Bound): number {
  if (left.time !== right.time) return left.time < right.time ? -1 : 1;
  return left.seq - right.seq;
}

function assertTimestamp(value: string | undefined, name: string): void {
  if (value !== undefined && !isoTimestampPattern.test(value)) {
    throw new TypeError(`${name} must be an ISO-8601 UTC timestamp with milliseconds, as Date#toISOString writes it.`);
  }
}

function assertQuery(query: AuditQuery): void {
  assertTimestamp(query.filter.from, 'The filter start');
  assertTimestamp(query.filter.to, 'The filter end');
  if (query.throughSeq !== undefined && !Number.isSafeInteger(query.throughSeq)) {
    throw new TypeError('throughSeq must be a whole number.');
  }
}

/** The action filter split into an exact action or a family prefix (`customer.*` → `customer.`). */
function actionTerms(action: string | undefined): { action: string | null; actionPrefix: string | null } {
  if (action === undefined) return { action: null, actionPrefix: null };
  if (action.endsWith('.*')) return { action: null, actionPrefix: action.slice(0, -1) };
  return { action, actionPrefix: null };
}

/**
 * The WHERE clause of one stream, from fixed fragments for the filters present (values are
 * bound): `agent_id` by equality and `occurred_at` between two bounds keep the scan on
 * `audit_log_by_agent_time (agent_id, occurred_at)`, whose entries end with the rowid (seq), so
 * the index already holds the (occurred_at, seq) order and the page reads no more than it needs.
 */
function indexConditions(nullAgent: boolean, throughSeq: boolean): string[] {
  const terms = [
    nullAgent ? 'agent_id IS NULL' : 'agent_id = @agentId',
    // Both bounds are tuples on (occurred_at, seq); the plain comparisons give the index range.
    'occurred_at >= @lowerTime AND (occurred_at > @lowerTime OR seq > @lowerSeq)',
    'occurred_at <= @upperTime AND (occurred_at < @upperTime OR seq < @upperSeq)',
  ];
  // Unary plus: the snapshot bound is checked per entry and never turns the scan into a rowid range.
  if (throughSeq) terms.push('+seq <= @throughSeq');
  return terms;
}

/** The conditions the index cannot check: each needs the row. */
function rowConditions(filter: AuditFilter): string[] {
  const terms: string[] = [];
  const { action, actionPrefix } = actionTerms(filter.action);
  if (action !== null) terms.push('action = @action');
  if (actionPrefix !== null) terms.push('substr(action, 1, length(@actionPrefix)) = @actionPrefix');
  if (filter.objectType !== undefined) terms.push('object_type = @objectType');
  if (filter.objectId !== undefined) terms.push('object_id = @objectId');
  if (filter.outcome !== undefined) terms.push('outcome = @outcome');
  return terms;
}

function streamConditions(filter: AuditFilter, nullAgent: boolean, throughSeq: boolean): string {
  return [...indexConditions(nullAgent, throughSeq), ...rowConditions(filter)].join('\n  AND ');
}

/** Whether the filter needs rows as well as the agent/time index: then scans are budgeted. */
function needsRows(filter: AuditFilter): boolean {
  return rowConditions(filter).length > 0;
}

function streamParameters(query: AuditQuery, agentId: string | null, lower: Bound, upper: Bound): Record<string, string | number> {
  const { filter } = query;
  const { action, actionPrefix } = actionTerms(filter.action);
  const parameters: Record<string, string | number> = {
    lowerTime: lower.time,
    lowerSeq: lower.seq,
    upperTime: upper.time,
    upperSeq: upper.seq,
  };
  if (agentId !== null) parameters.agentId = agentId;
  if (action !== null) parameters.action = action;
  if (actionPrefix !== null) parameters.actionPrefix = actionPrefix;
  if (filter.objectType !== undefined) parameters.objectType = filter.objectType;
  if (filter.objectId !== undefined) parameters.objectId = filter.objectId;
  if (filter.outcome !== undefined) parameters.outcome = filter.outcome;
  if (query.throughSeq !== undefined) parameters.throughSeq = query.throughSeq;
  return parameters;
}

/** The SQL reading one stream's next keys, in the query's order. Exported for the plan test. */
export function streamKeySql(query: AuditQuery, nullAgent: boolean): string {
  const direction = query.order === 'asc' ? 'ASC' : 'DESC';
  return `SELECT occurred_at AS occurredAt, seq FROM audit_log
WHERE ${streamConditions(query.filter, nullAgent, query.throughSeq !== undefined)}
ORDER BY occurred_at ${direction}, seq ${direction}
LIMIT @limit`;
}

/** The last key of the next `@window` index entries of a stream, whatever the row filters say. */
function windowEndSql(query: AuditQuery, nullAgent: boolean): string {
  const direction = query.order === 'asc' ? 'ASC' : 'DESC';
  return `SELECT occurred_at AS occurredAt, seq FROM audit_log
WHERE ${indexConditions(nullAgent, query.throughSeq !== undefined).join('\n  AND ')}
ORDER BY occurred_at ${direction}, seq ${direction}
LIMIT 1 OFFSET @window - 1`;
}

/**
 * The time range as exclusive tuple bounds: `from` inclusive is (from, 0) exclusive, `to`
 * exclusive is (to, 0), because every seq is at least 1.
 */
function rangeBounds(filter: AuditFilter): { lower: Bound; upper: Bound } {
  return {
    lower: { time: filter.from ?? startOfTime, seq: 0 },
    upper: { time: filter.to ?? endOfTime, seq: 0 },
  };
}

/** The agent IDs in the log, NULL included when entries were made before a sign-in, by index seeks. */
function agentIdsInLog(db: Db): (string | null)[] {
  const agentIds: (string | null)[] = [];
  const next = cachedStatement(db, 'SELECT min(agent_id) FROM audit_log WHERE agent_id > ?').pluck();
  let current = cachedStatement(db, 'SELECT min(agent_id) FROM audit_log').pluck().get() as string | null;
  while (current !== null) {
    agentIds.push(current);
    current = next.get(current) as string | null;
  }
  if (cachedStatement(db, 'SELECT 1 FROM audit_log WHERE agent_id IS NULL LIMIT 1').pluck().get() !== undefined) {
    agentIds.push(null);
  }
  return agentIds;
}

/** The agents whose entries the query can return: the filter's agent if in scope, else the scope. */
function streamAgents(db: Db, query: AuditQuery): (string | null)[] {
  const { scope, filter } = query;
  if (filter.agentId !== undefined) {
    const visible = scope.kind === 'all' || scope.agentIds.includes(filter.agentId);
    return visible ? [filter.agentId] : [];
  }
  return scope.kind === 'all' ? agentIdsInLog(db) : [...new Set(scope.agentIds)];
}

/**
 * Reads a stream's next keys. With row filters it first fixes a window of as many index
 * entries as its budget allows and reads the matches inside it only; a window without enough
 * matches is passed over whole, so the stream still moves on.
 */
function readStream(db: Db, query: AuditQuery, stream: Stream, range: { lower: Bound; upper: Bound }): void {
  const ascending = query.order === 'asc';
  let lower = ascending ? stream.after : range.lower;
  let upper = ascending ? range.upper : stream.after;
  stream.buffer = [];
  stream.position = 0;
  let windowEnd: Bound | undefined;
  if (needsRows(query.filter)) {
    if (stream.budgetLeft <= 0) {
      stream.stalled = true;
      return;
    }
    const window = Math.min(stream.budgetLeft, stream.window);
    stream.budgetLeft -= window;
    stream.window *= 2;
    const end = cachedStatement(db, windowEndSql(query, stream.agentId === null)).get({
      ...streamParameters({ ...query, filter: {} }, stream.agentId, lower, upper),
      window,
    }) as AuditCursor | undefined;
    if (end !== undefined) {
      windowEnd = { time: end.occurredAt, seq: end.seq };
      // The window's last entry is inside it: exclusive bounds one seq beyond.
      if (ascending) upper = { time: end.occurredAt, seq: end.seq + 1 };
      else lower = { time: end.occurredAt, seq: end.seq - 1 };
    }
  }
  const statement = cachedStatement(db, streamKeySql(query, stream.agentId === null));
  const keys = statement.all({ ...streamParameters(query, stream.agentId, lower, upper), limit: stream.nextReadSize }) as AuditCursor[];
  stream.buffer = keys;
  const last = keys.at(-1);
  if (last !== undefined && keys.length === stream.nextReadSize) stream.after = { time: last.occurredAt, seq: last.seq };
  else if (windowEnd !== undefined) stream.after = windowEnd;
  else {
    stream.exhausted = true;
    if (last !== undefined) stream.after = { time: last.occurredAt, seq: last.seq };
  }
  stream.nextReadSize = Math.min(readMaximum, stream.nextReadSize * 2);
}

/** The stream's current key, reading more when its buffer ran out; undefined once it has none (or stalled). */
function headOf(db: Db, query: AuditQuery, stream: Stream, range: { lower: Bound; upper: Bound }): AuditCursor | undefined {
  while (stream.position >= stream.buffer.length && !stream.exhausted && !stream.stalled) readStream(db, query, stream, range);
  return stream.buffer[stream.position];
}

/** A binary min-heap of streams by their current key (in the query's direction). */
function createStreamHeap(before: (left: Stream, right: Stream) => boolean) {
  const items: Stream[] = [];
  function swap(first: number, second: number): void {
    const held = items[first] as Stream;
    items[first] = items[second] as Stream;
    items[second] = held;
  }
  function up(index: number): void {
    let child = index;
    while (child > 0) {
      const parent = (child - 1) >> 1;
      if (!before(items[child] as Stream, items[parent] as Stream)) return;
      swap(child, parent);
      child = parent;
    }
  }
  function down(index: number): void {
    let parent = index;
    for (;;) {
      const left = parent * 2 + 1;
      const right = left + 1;
      let first = parent;
      if (left < items.length && before(items[left] as Stream, items[first] as Stream)) first = left;
      if (right < items.length && before(items[right] as Stream, items[first] as Stream)) first = right;
      if (first === parent) return;
      swap(parent, first);
      parent = first;
    }
  }
  return {
    push(stream: Stream): void {
      items.push(stream);
      up(items.length - 1);
    },
    peek(): Stream | undefined {
      return items[0];
    },
    /** Restores the order after the top stream moved on; drops it when `keep` is false. */
    settleTop(keep: boolean): void {
      if (keep) {
        down(0);
        return;
      }
      const last = items.pop();
      if (last !== undefined && items.length > 0) {
        items[0] = last;
        down(0);
      }
    },
  };
}

/**
 * The next `limit` keys (time and seq) after `cursor` in the query's order, and the cursor that
 * continues after them. Each agent in scope is one index range of `audit_log_by_agent_time`,
 * read in growing slices and merged: never an OFFSET over the log, never a sort of the whole
 * match. With an agent filter it is a single range scan. Row filters (action, object, outcome)
 * look at no more than `scanBudget` index entries (default {@link auditScanBudget}) shared by
 * the agents: when it runs out the page may be short, even empty, with a cursor to go on from
 * (past everything looked at); `nextCursor` is null only when nothing is left.
 */
export function findAuditKeys(
  db: Db,
  query: AuditQuery,
  page: Readonly<{ cursor?: AuditCursor; limit: number; scanBudget?: number }>,
): AuditKeyPage {
  assertQuery(query);
  if (page.cursor !== undefined) {
    assertTimestamp(page.cursor.occurredAt, 'The cursor time');
    if (!Number.isSafeInteger(page.cursor.seq)) throw new TypeError('The cursor seq must be a whole number.');
  }
  const limit = Number.isFinite(page.limit) ? Math.min(auditPageLimitMaximum, Math.max(1, Math.trunc(page.limit))) : 1;
  const ascending = query.order === 'asc';
  const range = rangeBounds(query.filter);
  const cursor: Bound | undefined = page.cursor === undefined ? undefined : { time: page.cursor.occurredAt, seq: page.cursor.seq };
  // The cursor narrows the side the pages move towards, unless the range is already narrower.
  if (cursor !== undefined) {
    if (ascending && compareKeys(cursor, range.lower) > 0) range.lower = cursor;
    if (!ascending && compareKeys(cursor, range.upper) < 0) range.upper = cursor;
  }
  if (compareKeys(range.lower, range.upper) >= 0) return { keys: [], nextCursor: null };
  const agents = streamAgents(db, query);
  const firstRead = Math.max(firstReadMinimum, Math.min(limit + 1, Math.ceil(((limit + 1) * 2) / Math.max(1, agents.length))));
  const budget = page.scanBudget ?? auditScanBudget;
  const streamBudget = Math.max(windowMinimum, Math.floor(budget / Math.max(1, agents.length)));
  const precedes = (left: Bound, right: Bound) => (ascending ? compareKeys(left, right) < 0 : compareKeys(left, right) > 0);
  const heap = createStreamHeap((left, right) => precedes(keyBound(left), keyBound(right)));
  // The nearest point a stalled stream reached: nothing beyond it can be given out in this call.
  let frontier: Bound | undefined;
  const settle = (stream: Stream): boolean => {
    if (headOf(db, query, stream, range) !== undefined) return true;
    if (stream.stalled && (frontier === undefined || precedes(stream.after, frontier))) frontier = stream.after;
    return false;
  };
  for (const agentId of agents) {
    const stream: Stream = {
      agentId,
      buffer: [],
      position: 0,
      after: ascending ? range.lower : range.upper,
      exhausted: false,
      nextReadSize: agents.length === 1 ? limit + 1 : firstRead,
      budgetLeft: streamBudget,
      window: Math.min(streamBudget, Math.max(windowMinimum, limit + 1)),
      stalled: false,
    };
    if (settle(stream)) heap.push(stream);
  }
  const keys: AuditCursor[] = [];
  for (;;) {
    const top = heap.peek();
    if (top === undefined || keys.length === limit) break;
    if (frontier !== undefined && !precedes(keyBound(top), frontier)) break;
    keys.push(top.buffer[top.position] as AuditCursor);
    top.position += 1;
    heap.settleTop(settle(top));
  }
  const last = keys.at(-1);
  if (keys.length === limit && last !== undefined && (heap.peek() !== undefined || frontier !== undefined)) {
    return { keys, nextCursor: { occurredAt: last.occurredAt, seq: last.seq } };
  }
  return { keys, nextCursor: frontier === undefined ? null : { occurredAt: frontier.time, seq: frontier.seq } };
}

function keyBound(stream: Stream): Bound {
  const key = stream.buffer[stream.position] as AuditCursor;
  return { time: key.occurredAt, seq: key.seq };
}

/** A stored row as selected by {@link entryRowsSql}: the entry with its details still as JSON text. */
type EntryRow = Omit<AuditEntry, 'details'> & { details: string };

const entryRowsSql = `SELECT audit_log.seq AS seq, occurred_at AS occurredAt, time_zone AS timeZone,
  utc_offset_minutes AS utcOffsetMinutes, workstation_id AS workstationId, agent_id AS agentId, role,
  action, object_type AS objectType, object_id AS objectId, outcome, code, details,
  previous_hash AS previousHash, hash
FROM json_each(@seqs) AS wanted
JOIN audit_log ON audit_log.seq = wanted.value
ORDER BY wanted.key`;

/**
 * The entries with these keys, in the keys' order, read one by one from an iterating statement
 * (one primary-key lookup each): a caller writing a file holds one entry at a time. The
 * iterator must be used up before the connection runs another statement.
 */
export function* iterateAuditEntries(db: Db, keys: readonly AuditCursor[]): Generator<AuditEntry, void, undefined> {
  if (keys.length === 0) return;
  const rows = cachedStatement(db, entryRowsSql).iterate({ seqs: JSON.stringify(keys.map((key) => key.seq)) }) as IterableIterator<EntryRow>;
  for (const row of rows) yield { ...row, details: JSON.parse(row.details) as AuditDetails };
}

/** One page of whole entries in the query's order, and the cursor of the next page (null after the last). */
export function findAuditPage(
  db: Db,
  query: AuditQuery,
  page: Readonly<{ cursor?: AuditCursor; limit: number }>,
): Readonly<{ entries: AuditEntry[]; nextCursor: AuditCursor | null }> {
  const { keys, nextCursor } = findAuditKeys(db, query, page);
  return { entries: [...iterateAuditEntries(db, keys)], nextCursor };
}

/**
 * How many entries match, stopping at `cap`: exact below it, else `{ count: cap, capped: true }`.
 * Each agent in scope counts its index range with a LIMIT, so the cost is bounded by the cap.
 * Row filters look at no more than `scanBudget` index entries (default
 * {@link auditScanBudget}); when an agent has more, the count is a lower bound (`capped`).
 */
export function countAuditMatches(db: Db, query: AuditQuery, cap: number, scanBudget = auditScanBudget): AuditCount {
  assertQuery(query);
  if (!Number.isSafeInteger(cap) || cap < 1) throw new RangeError('The count cap must be a positive whole number.');
  const range = rangeBounds(query.filter);
  const agents = streamAgents(db, query);
  const throughSeq = query.throughSeq !== undefined;
  const rowTerms = rowConditions(query.filter);
  const examine = Math.max(windowMinimum, Math.floor(scanBudget / Math.max(1, agents.length)));
  let count = 0;
  let complete = true;
  for (const agentId of agents) {
    const parameters = streamParameters(query, agentId, range.lower, range.upper);
    if (rowTerms.length === 0) {
      const statement = cachedStatement(
        db,
        `SELECT count(*) FROM (SELECT 1 FROM audit_log WHERE ${streamConditions(query.filter, agentId === null, throughSeq)} LIMIT @limit)`,
      ).pluck();
      count += statement.get({ ...parameters, limit: cap + 1 - count }) as number;
    } else {
      const statement = cachedStatement(
        db,
        `SELECT count(*) AS examined, coalesce(sum(${rowTerms.join(' AND ')}), 0) AS matched FROM (
           SELECT action, object_type, object_id, outcome FROM audit_log
           WHERE ${indexConditions(agentId === null, throughSeq).join(' AND ')} LIMIT @examine)`,
      );
      const { examined, matched } = statement.get({ ...parameters, examine }) as { examined: number; matched: number };
      count += matched;
      if (examined === examine) complete = false;
    }
    if (count > cap) return { count: cap, capped: true };
  }
  return { count, capped: !complete };
}

/** The newest seq in the log, or 0 when it is empty: an export's snapshot bound. */
export function newestAuditSeq(db: Db): number {
  return (cachedStatement(db, 'SELECT max(seq) FROM audit_log').pluck().get() as number | null) ?? 0;
}
