import { describe, expect, it } from 'vitest';
import { formatCountdown, liveStanding, shownTarget } from './countdown';

const hour = 3_600_000;
const target = (kind: 'firstResponse' | 'reply', remainingClock: number, state: 'onTime' | 'met' = 'onTime') => ({
  kind,
  due: null,
  met: state === 'met',
  state,
  remainingClock,
  targetClock: 48 * hour,
});

describe('ticket countdown', () => {
  it('shows the next target and counts it down: amber in the last 20 %, red when overdue', () => {
    const ticket = { nextDue: { kind: 'reply' as const, at: '' }, targets: [target('firstResponse', 0, 'met'), target('reply', 10 * hour)] };
    expect(shownTarget(ticket)?.kind).toBe('reply');
    expect(liveStanding(target('reply', 10 * hour), 0, true)).toEqual({ state: 'onTime', remaining: 10 * hour });
    expect(liveStanding(target('reply', 10 * hour), 1 * hour, true).state).toBe('nearing');
    expect(liveStanding(target('reply', 10 * hour), 11 * hour, true)).toEqual({ state: 'overdue', remaining: -hour });
    // Working days do not tick in the page: main's figure stands until it answers again.
    expect(liveStanding(target('reply', 10 * hour), 11 * hour, false)).toEqual({ state: 'onTime', remaining: 10 * hour });
  });

  it('formats hours, days and overdue time', () => {
    expect(formatCountdown(48 * hour - 2000)).toBe('47:59:58');
    expect(formatCountdown(-5 * 60_000)).toBe('-0:05:00');
    expect(formatCountdown(5 * 24 * hour + 90_000)).toBe('5d 0:01:30');
  });
});
