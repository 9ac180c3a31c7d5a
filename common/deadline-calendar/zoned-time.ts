/**
 * Calendar dates and instants in an IANA time zone, without the machine's own zone: the desk's
 * deadlines are judged in the desk's zone (Asia/Shanghai by default) wherever the code runs.
 */

/** A calendar date, `YYYY-MM-DD`. */
export type LocalDate = string;

const millisecondsPerDay = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

/** The wall-clock fields of an instant in a zone. */
function wallClock(instant: number, zone: string): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
  const fields: Record<string, number> = {};
  for (const part of formatterFor(zone).formatToParts(new Date(instant))) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  return { year: fields.year!, month: fields.month!, day: fields.day!, hour: fields.hour!, minute: fields.minute!, second: fields.second! };
}

// Formatting through Intl is the slow part of every date question; an offset holds for a
// quarter of an hour at least (zones change offset on quarter-hour instants), so it is kept.
const offsets = new Map<string, number>();
const offsetsKept = 20_000;
const quarterHour = 900_000;

/** How far the zone's wall clock is ahead of UTC at an instant, in milliseconds (28,800,000 for Asia/Shanghai). */
export function zoneOffsetAt(instant: number, zone: string): number {
  const key = `${zone} ${Math.floor(instant / quarterHour)}`;
  const known = offsets.get(key);
  if (known !== undefined) return known;
  const clock = wallClock(instant, zone);
  const asUtc = Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second);
  const offset = asUtc - Math.floor(instant / 1000) * 1000;
  if (offsets.size >= offsetsKept) offsets.clear();
  offsets.set(key, offset);
  return offset;
}

/** The calendar date of an instant in a zone. */
export function localDateOf(instant: number, zone: string): LocalDate {
  return new Date(instant + zoneOffsetAt(instant, zone)).toISOString().slice(0, 10);
}

function dateParts(date: LocalDate): [number, number, number] {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (match === null) throw new Error(`Not a date: ${date}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

// A working-day walk asks for the start of every day it passes, and each lookup formats dates
// through Intl twice; the answer for a zone and a date never changes.
const dayStarts = new Map<string, number>();
const dayStartsKept = 20_000;

/**
 * The instant a calendar day starts in a zone. The offset is looked up at that instant (twice,
 * so a zone whose offset changes that day still lands on its midnight).
 */
export function startOfLocalDay(date: LocalDate, zone: string): number {
  const key = `${zone} ${date}`;
  const known = dayStarts.get(key);
  if (known !== undefined) return known;
  const [year, month, day] = dateParts(date);
  const wallMidnight = Date.UTC(year, month - 1, day);
  let instant = wallMidnight - zoneOffsetAt(wallMidnight, zone);
  instant = wallMidnight - zoneOffsetAt(instant, zone);
  if (dayStarts.size >= dayStartsKept) dayStarts.clear();
  dayStarts.set(key, instant);
  return instant;
}

/** The date `days` after (or before, when negative) a date. */
export function addDays(date: LocalDate, days: number): LocalDate {
  const [year, month, day] = dateParts(date);
  return new Date(Date.UTC(year, month - 1, day) + days * millisecondsPerDay).toISOString().slice(0, 10);
}

/** The weekday of a date: 0 Sunday … 6 Saturday. */
export function weekdayOf(date: LocalDate): number {
  const [year, month, day] = dateParts(date);
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

/** Whether a string is a real calendar date `YYYY-MM-DD` (2026-02-30 is not). */
export function isLocalDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (match === null) return false;
  const probe = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return probe.toISOString().slice(0, 10) === text;
}
