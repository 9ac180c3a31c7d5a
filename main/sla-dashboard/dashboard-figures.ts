import { addDays, isLocalDate, localDateOf, startOfLocalDay } from '../../common/deadline-calendar/zoned-time';
import { dashboardRangeDaysLimit, type DateRange, type SlaDashboard } from '../../common/ipc/sla-dashboard';
import { ticketCategories, type TicketCategory } from '../../common/tickets/categories';
import type { CallbackCounts, DashboardPerson, FirstResponseCountRow, HandleTimeRow, OpenTicketCountRow } from '../../db/sla-dashboard';

const millisecondsPerDay = 86_400_000;

/** The month of `now` in `timeZone`: its first and last day. */
export function monthOf(now: number, timeZone: string): DateRange {
  const today = localDateOf(now, timeZone);
  const from = `${today.slice(0, 8)}01`;
  const nextMonth = addDays(from, 32);
  return { from, to: addDays(`${nextMonth.slice(0, 8)}01`, -1) };
}

/** A range of days as instants: from the first day's start to the start of the day after the last. */
export type RangeInstants = Readonly<{ from: string; to: string; ringFrom: string }>;

/**
 * The instants of a range of days in `timeZone`, or why it cannot be summed: it ends before it
 * starts, or spans more than {@link dashboardRangeDaysLimit} days. `ringFrom` is a day before
 * the start: how far back the calls answered in the range may have rung.
 */
export function rangeInstants(range: DateRange, timeZone: string): { ok: true; instants: RangeInstants } | { ok: false; problem: string } {
  if (!isLocalDate(range.from) || !isLocalDate(range.to)) return { ok: false, problem: 'Dates are YYYY-MM-DD.' };
  if (range.to < range.from) return { ok: false, problem: `The range ends (${range.to}) before it starts (${range.from}).` };
  const days = Math.round((Date.parse(range.to) - Date.parse(range.from)) / millisecondsPerDay) + 1;
  if (days > dashboardRangeDaysLimit) return { ok: false, problem: `The range spans ${days} days; at most ${dashboardRangeDaysLimit}.` };
  const from = startOfLocalDay(range.from, timeZone);
  return {
    ok: true,
    instants: {
      from: new Date(from).toISOString(),
      to: new Date(startOfLocalDay(addDays(range.to, 1), timeZone)).toISOString(),
      ringFrom: new Date(from - millisecondsPerDay).toISOString(),
    },
  };
}

/** `part / whole`, or null when there is no whole. */
export function shareOf(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

const categoryOrder = new Map<string, number>(ticketCategories.map((category, index) => [category, index]));

/** Categories in the order of `ticketCategories`; a category the desk no longer knows is dropped. */
function knownCategories<Row extends { category: string }>(rows: readonly Row[]): (Row & { category: TicketCategory })[] {
  return rows
    .filter((row): row is Row & { category: TicketCategory } => categoryOrder.has(row.category))
    .sort((first, second) => categoryOrder.get(first.category)! - categoryOrder.get(second.category)!);
}

function personOf(people: ReadonlyMap<number, DashboardPerson>, accountId: number): { agentId: string; displayName: string; team: string } {
  const person = people.get(accountId);
  return { agentId: person?.agentId ?? `#${accountId}`, displayName: person?.displayName ?? '', team: person?.team ?? '' };
}

/**
 * Open and overdue tickets in all, by category (in the desk's category order) and by agent
 * (the most overdue first, then the most open, then by agent ID).
 */
export function openFigures(rows: readonly OpenTicketCountRow[], people: ReadonlyMap<number, DashboardPerson>): SlaDashboard['open'] {
  const byCategory = new Map<string, { category: string; open: number; overdue: number }>();
  const byAgent = new Map<number, { open: number; overdue: number }>();
  let open = 0;
  let overdue = 0;
  for (const row of rows) {
    open += row.open;
    overdue += row.overdue;
    const category = byCategory.get(row.category) ?? { category: row.category, open: 0, overdue: 0 };
    category.open += row.open;
    category.overdue += row.overdue;
    byCategory.set(row.category, category);
    const agent = byAgent.get(row.ownerAccountId) ?? { open: 0, overdue: 0 };
    agent.open += row.open;
    agent.overdue += row.overdue;
    byAgent.set(row.ownerAccountId, agent);
  }
  return {
    open,
    overdue,
    byCategory: knownCategories([...byCategory.values()]),
    byAgent: [...byAgent.entries()]
      .map(([accountId, counts]) => ({ ...personOf(people, accountId), ...counts }))
      .sort((first, second) => second.overdue - first.overdue || second.open - first.open || first.agentId.localeCompare(second.agentId)),
  };
}

type FirstResponseCounts = Pick<FirstResponseCountRow, 'onTime' | 'late' | 'missed' | 'pending'>;

/**
 * The counts with their compliance: on time out of the decided ones (on time, late, missed). A
 * ticket not responded to and not due yet could still go either way, so it waits outside the share.
 */
export function withCompliance<Counts extends FirstResponseCounts>(counts: Counts): Counts & { compliance: number | null } {
  return { ...counts, compliance: shareOf(counts.onTime, counts.onTime + counts.late + counts.missed) };
}

/** First-response compliance in all and by category. */
export function firstResponseFigures(rows: readonly FirstResponseCountRow[]): SlaDashboard['firstResponse'] {
  const total = { onTime: 0, late: 0, missed: 0, pending: 0 };
  for (const row of rows) {
    total.onTime += row.onTime;
    total.late += row.late;
    total.missed += row.missed;
    total.pending += row.pending;
  }
  return {
    ...withCompliance(total),
    byCategory: knownCategories(rows).map(({ category, onTime, late, missed, pending }) => withCompliance({ category, onTime, late, missed, pending })),
  };
}

/** The call-back rate (reached out of those needed) and, apart, the share closed unreachable. */
export function callbackFigures(counts: CallbackCounts): SlaDashboard['callback'] {
  return { ...counts, rate: shareOf(counts.reached, counts.needed), unreachableShare: shareOf(counts.closedUnreachable, counts.needed) };
}

/** The mean handle time over all calls and per agent (by agent ID), with the calls within the target. */
export function handleTimeFigures(rows: readonly HandleTimeRow[], people: ReadonlyMap<number, DashboardPerson>, targetSeconds: number): SlaDashboard['handleTime'] {
  let calls = 0;
  let totalSeconds = 0;
  let withinTarget = 0;
  for (const row of rows) {
    calls += row.calls;
    totalSeconds += row.totalSeconds;
    withinTarget += row.withinTarget;
  }
  return {
    targetSeconds,
    calls,
    averageSeconds: calls === 0 ? null : totalSeconds / calls,
    withinTarget,
    byAgent: rows
      .filter((row) => row.calls > 0)
      .map((row) => ({ ...personOf(people, row.agentAccountId), calls: row.calls, averageSeconds: row.totalSeconds / row.calls, withinTarget: row.withinTarget }))
      .sort((first, second) => first.agentId.localeCompare(second.agentId)),
  };
}
