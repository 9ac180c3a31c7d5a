import { describe, expect, it } from 'vitest';
import { chinaHolidayCalendar } from './china-holidays';
import { computeDeadline, deadlineStatus, elapsedClock, type ClockPause, type ServiceTarget } from './deadline';
import { calendarYearProblems, calendarYearSchema, isWorkingDay, workingCalendarOf } from './working-calendar';
import { localDateOf, startOfLocalDay } from './zoned-time';

const calendar = workingCalendarOf(chinaHolidayCalendar);
const shanghai = 'Asia/Shanghai';
const at = (text: string) => Date.parse(text);
const iso = (instant: number | null) => (instant === null ? null : new Date(instant).toISOString());

function deadline(start: string, target: ServiceTarget, pauses: ClockPause[] = [], timeZone = shanghai): string | null {
  return iso(computeDeadline({ start: at(start), target, pauses, calendar, timeZone }));
}

const twoWorkingDays = { amount: 2, unit: 'workingDays' } as const;

describe('working days', () => {
  it('knows weekends, holidays and make-up working days (调休)', () => {
    expect(isWorkingDay(calendar, '2026-11-20')).toBe(true); // Friday
    expect(isWorkingDay(calendar, '2026-11-21')).toBe(false); // Saturday
    expect(isWorkingDay(calendar, '2026-02-17')).toBe(false); // 春节
    expect(isWorkingDay(calendar, '2026-02-14')).toBe(true); // Saturday worked for 春节
    expect(isWorkingDay(calendar, '2026-10-10')).toBe(true);
    // A year without data falls back to Monday–Friday.
    expect(isWorkingDay(calendar, '2027-01-01')).toBe(true);
    expect(isWorkingDay(calendar, '2027-01-02')).toBe(false);
  });

  it('keeps every seeded year consistent', () => {
    for (const year of chinaHolidayCalendar) expect(calendarYearSchema.safeParse(year).success, String(year.year)).toBe(true);
    expect(
      calendarYearProblems({
        year: 2027,
        holidays: [
          { date: '2027-02-08', name: '春节' },
          { date: '2026-12-31', name: '跨年' },
        ],
        makeUpWorkdays: [
          { date: '2027-02-08', name: '重复' },
          { date: '2027-02-13', name: '周六' },
        ],
      }),
    ).toEqual([
      '2026-12-31 (holiday) is not in 2027.',
      '2027-02-08 is listed twice.',
      '2027-02-08 is a weekday; only a Saturday or Sunday can be a make-up working day.',
    ]);
  });
});

describe('deadlines', () => {
  it('counts working days across a weekend, at the same time of day', () => {
    expect(deadline('2026-11-20T07:00:00Z', twoWorkingDays)).toBe('2026-11-24T07:00:00.000Z'); // Fri 15:00 → Tue 15:00
    // Opened on a Saturday: the clock starts Monday and ends when Tuesday ends.
    expect(deadline('2026-11-21T02:00:00Z', twoWorkingDays)).toBe('2026-11-24T16:00:00.000Z');
  });

  it('skips the Spring Festival and counts its make-up Saturday', () => {
    // Fri 2026-02-13 10:00: 14 h that day, Sat 02-14 is worked (24 h), then off until Tue 02-24.
    expect(deadline('2026-02-13T02:00:00Z', twoWorkingDays)).toBe('2026-02-24T02:00:00.000Z');
    // Calendar hours ignore holidays: a complaint's 48 h run through the festival.
    expect(deadline('2026-02-13T02:00:00Z', { amount: 48, unit: 'hours' })).toBe('2026-02-15T02:00:00.000Z');
  });

  it('crosses the year boundary into the next year’s holidays', () => {
    // Wed 2025-12-31 10:00: 14 h, then 元旦 (Jan 1–2), Sat off, Sun 01-04 worked, Mon 10 h.
    expect(deadline('2025-12-31T02:00:00Z', twoWorkingDays)).toBe('2026-01-05T02:00:00.000Z');
  });

  it('adds a pause back, in the target’s own clock, also when it spans a holiday', () => {
    const pause = { from: at('2026-10-01T01:00:00Z'), until: at('2026-10-08T01:00:00Z') };
    // 48 calendar hours from Sep 30 09:00, paused a whole week of 国庆: the week is added back.
    expect(deadline('2026-09-30T01:00:00Z', { amount: 48, unit: 'hours' }, [pause])).toBe('2026-10-09T01:00:00.000Z');

    // Two working days from Wed Sep 30 09:00 end Fri Oct 9 09:00 without a pause (the holiday is off anyway).
    expect(deadline('2026-09-30T01:00:00Z', twoWorkingDays)).toBe('2026-10-09T01:00:00.000Z');
    // Paused Sep 30 12:00 → Oct 9 12:00: only the working time in it (48 h) comes back. Clock: 3 h on
    // Sep 30, 12 h on Oct 9, 24 h on the make-up Saturday Oct 10, the last 9 h on Monday Oct 12.
    const overHoliday = { from: at('2026-09-30T04:00:00Z'), until: at('2026-10-09T04:00:00Z') };
    expect(deadline('2026-09-30T01:00:00Z', twoWorkingDays, [overHoliday])).toBe('2026-10-12T01:00:00.000Z');
  });

  it('has no deadline while the customer is still awaited, and tells how the clock stands', () => {
    const start = at('2026-11-23T01:00:00Z');
    const input = { start, target: { amount: 10, unit: 'hours' } as const, pauses: [{ from: start + 3_600_000, until: null }], calendar, timeZone: shanghai };
    expect(computeDeadline(input)).toBeNull();
    expect(elapsedClock(input, start + 5 * 3_600_000)).toBe(3_600_000);
    expect(deadlineStatus(input, start + 5 * 3_600_000)).toMatchObject({ state: 'paused', remainingClock: 9 * 3_600_000, deadline: null });

    const running = { ...input, pauses: [] };
    expect(deadlineStatus(running, start + 7 * 3_600_000).state).toBe('onTime');
    expect(deadlineStatus(running, start + 8 * 3_600_000).state).toBe('nearing');
    expect(deadlineStatus(running, start + 10 * 3_600_000)).toMatchObject({ state: 'overdue', remainingClock: 0 });
  });

  it('judges days in the desk’s zone, not the machine’s, with or without daylight saving', () => {
    // Shanghai has no DST: midnight is 16:00 UTC the day before, all year.
    expect(iso(startOfLocalDay('2026-03-08', shanghai))).toBe('2026-03-07T16:00:00.000Z');
    expect(iso(startOfLocalDay('2026-07-01', shanghai))).toBe('2026-06-30T16:00:00.000Z');
    expect(localDateOf(at('2026-03-07T16:30:00Z'), shanghai)).toBe('2026-03-08');
    // New York moves its clocks on 2026-03-08: one working day from Friday noon ends Monday noon local time.
    expect(iso(startOfLocalDay('2026-03-09', 'America/New_York'))).toBe('2026-03-09T04:00:00.000Z');
    expect(deadline('2026-03-06T17:00:00Z', { amount: 1, unit: 'workingDays' }, [], 'America/New_York')).toBe('2026-03-09T16:00:00.000Z');
    // Hours are hours: 48 of them across the change.
    expect(deadline('2026-03-07T17:00:00Z', { amount: 48, unit: 'hours' }, [], 'America/New_York')).toBe('2026-03-09T17:00:00.000Z');
  });
});
