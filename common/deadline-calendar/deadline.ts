import { isWorkingDay, type WorkingCalendar } from './working-calendar';
import { addDays, localDateOf, startOfLocalDay } from './zoned-time';

/** How a target is counted: wall-clock minutes or hours (holidays included), or working days. */
export const targetUnits = ['minutes', 'hours', 'workingDays'] as const;

/** One of {@link targetUnits}. */
export type TargetUnit = (typeof targetUnits)[number];

/** A service target, e.g. 48 hours or 2 working days. */
export type ServiceTarget = Readonly<{ amount: number; unit: TargetUnit }>;

/** A time the clock stood still (waiting for the customer); `until` null while it still does. */
export type ClockPause = Readonly<{ from: number; until: number | null }>;

/** Everything a deadline depends on. Instants are epoch milliseconds. */
export type DeadlineInput = Readonly<{
  start: number;
  target: ServiceTarget;
  pauses: readonly ClockPause[];
  calendar: WorkingCalendar;
  timeZone: string;
}>;

const millisecondsPerMinute = 60_000;
const millisecondsPerHour = 3_600_000;
const millisecondsPerDay = 86_400_000;
// A calendar that marks every day off would never end the walk; ten years is beyond any target.
const longestWalkDays = 3660;

/**
 * The target as clock time: minutes and hours as they are, a working day as 24 hours of a
 * working day. The clock runs all the time for minutes and hours, and only on working days
 * (in the desk's zone) for working days: "2 working days" from Friday 15:00 ends on Tuesday at
 * 15:00, and from a Saturday it ends when Tuesday does.
 */
export function targetMilliseconds(target: ServiceTarget): number {
  if (target.unit === 'minutes') return target.amount * millisecondsPerMinute;
  if (target.unit === 'hours') return target.amount * millisecondsPerHour;
  return target.amount * millisecondsPerDay;
}

/** The stretches from `from` on when the clock may run (before pauses), in order. */
function* runningStretches(from: number, input: DeadlineInput): Generator<[number, number]> {
  if (input.target.unit !== 'workingDays') {
    yield [from, Number.POSITIVE_INFINITY];
    return;
  }
  let date = localDateOf(from, input.timeZone);
  for (let day = 0; day < longestWalkDays; day += 1) {
    const next = addDays(date, 1);
    if (isWorkingDay(input.calendar, date)) {
      const end = startOfLocalDay(next, input.timeZone);
      const begin = Math.max(from, startOfLocalDay(date, input.timeZone));
      if (end > begin) yield [begin, end];
    }
    date = next;
  }
}

/** The stretches with the pauses cut out; a pause still going ends the clock there. */
function* clockStretches(input: DeadlineInput): Generator<[number, number]> {
  const pauses = [...input.pauses].sort((left, right) => left.from - right.from);
  for (const [begin, end] of runningStretches(input.start, input)) {
    let cursor = begin;
    for (const pause of pauses) {
      const pauseEnd = pause.until ?? Number.POSITIVE_INFINITY;
      if (pauseEnd <= cursor || pause.from >= end) continue;
      if (pause.from > cursor) yield [cursor, pause.from];
      cursor = Math.max(cursor, pauseEnd);
      if (cursor >= end) break;
    }
    if (cursor === Number.POSITIVE_INFINITY) return;
    if (cursor < end) yield [cursor, end];
  }
}

/**
 * When the target is reached: the start plus the target in clock time, the pauses added back
 * (in the same clock: a pause over a holiday adds back only the working time it stopped).
 * Null while a pause is still going on and the target is not reached before it.
 */
export function computeDeadline(input: DeadlineInput): number | null {
  let remaining = targetMilliseconds(input.target);
  for (const [begin, end] of clockStretches(input)) {
    if (end - begin >= remaining) return begin + remaining;
    remaining -= end - begin;
  }
  return null;
}

/** Clock time that has run from the start until `now`. */
export function elapsedClock(input: DeadlineInput, now: number): number {
  let elapsed = 0;
  for (const [begin, end] of clockStretches(input)) {
    if (begin >= now) break;
    elapsed += Math.min(end, now) - begin;
  }
  return elapsed;
}

/** How a target stands: on time, in its last 20 % (amber), overdue (red), or paused. */
export type DeadlineState = 'onTime' | 'nearing' | 'overdue' | 'paused';

/** The share of a target's clock time left at which a ticket turns amber. */
export const nearingShare = 0.2;

/** How a target stands at `now`, and the clock time left (negative when overdue). */
export function deadlineStatus(input: DeadlineInput, now: number): { state: DeadlineState; remainingClock: number; deadline: number | null } {
  const target = targetMilliseconds(input.target);
  const deadline = computeDeadline(input);
  // Past the deadline the clock has run the whole target plus at most the wall time since, so
  // the wall time is the overdue figure; not walking the days since keeps an old ticket cheap.
  if (deadline !== null && now >= deadline) return { state: 'overdue', remainingClock: deadline - now, deadline };
  const remainingClock = target - elapsedClock(input, now);
  const paused = input.pauses.some((pause) => pause.until === null && pause.from <= now);
  if (paused) return { state: 'paused', remainingClock, deadline };
  return { state: remainingClock <= target * nearingShare ? 'nearing' : 'onTime', remainingClock, deadline };
}
