import { z } from 'zod';
import { isLocalDate, weekdayOf, type LocalDate } from './zoned-time';

const datedName = z.strictObject({
  date: z.string().refine(isLocalDate, 'a date as YYYY-MM-DD'),
  name: z.string().trim().min(1).max(20),
});

/**
 * One year of the working-day calendar: the public holidays (days off that are not already a
 * weekend) and the make-up working days (调休: a Saturday or Sunday worked instead). Every other
 * Monday–Friday is a working day, every other Saturday and Sunday is not.
 */
export const calendarYearSchema = z
  .strictObject({
    year: z.number().int().min(2000).max(2100),
    holidays: z.array(datedName).max(60),
    makeUpWorkdays: z.array(datedName).max(20),
    /** Where the data came from (the State Council's notice, a maintained data set). */
    source: z.string().trim().max(200),
  })
  .superRefine((year, context) => {
    for (const problem of calendarYearProblems(year)) context.addIssue({ code: 'custom', message: problem });
  });

/** One year of the calendar. */
export type CalendarYear = z.infer<typeof calendarYearSchema>;

/** The calendar's years, keyed by year. */
export type WorkingCalendar = ReadonlyMap<number, Readonly<{ holidays: ReadonlySet<LocalDate>; makeUpWorkdays: ReadonlySet<LocalDate> }>>;

/** What is wrong with a year's data beyond its shape: dates outside the year, twice, or both off and worked. */
export function calendarYearProblems(year: Pick<CalendarYear, 'year' | 'holidays' | 'makeUpWorkdays'>): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const [kind, days] of [
    ['holiday', year.holidays],
    ['make-up working day', year.makeUpWorkdays],
  ] as const) {
    for (const day of days) {
      if (!isLocalDate(day.date)) continue;
      if (!day.date.startsWith(`${year.year}-`)) problems.push(`${day.date} (${kind}) is not in ${year.year}.`);
      if (seen.has(day.date)) problems.push(`${day.date} is listed twice.`);
      seen.add(day.date);
      const weekday = weekdayOf(day.date);
      if (kind === 'make-up working day' && weekday !== 0 && weekday !== 6) {
        problems.push(`${day.date} is a weekday; only a Saturday or Sunday can be a make-up working day.`);
      }
    }
  }
  return problems;
}

/** Builds the lookup the deadline maths uses from stored years. */
export function workingCalendarOf(years: readonly Pick<CalendarYear, 'year' | 'holidays' | 'makeUpWorkdays'>[]): WorkingCalendar {
  return new Map(
    years.map((year) => [
      year.year,
      { holidays: new Set(year.holidays.map((day) => day.date)), makeUpWorkdays: new Set(year.makeUpWorkdays.map((day) => day.date)) },
    ]),
  );
}

/**
 * Whether a date is a working day. A year the calendar does not hold falls back to Monday–Friday
 * (the desk warns when the current or next year is missing).
 */
export function isWorkingDay(calendar: WorkingCalendar, date: LocalDate): boolean {
  const year = calendar.get(Number(date.slice(0, 4)));
  if (year?.makeUpWorkdays.has(date) === true) return true;
  if (year?.holidays.has(date) === true) return false;
  const weekday = weekdayOf(date);
  return weekday !== 0 && weekday !== 6;
}
