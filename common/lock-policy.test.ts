import { describe, expect, it } from 'vitest';
import {
  clampIdleMinutes,
  idleMinutesLimits,
  initialSeatLockState,
  lockReasonForOsEvent,
  lockReasons,
  millisecondsUntilIdleLock,
  nextSeatLockState,
  osLockEventFromElectron,
  type OsLockEvent,
  type SeatLockEvent,
  type SeatLockSettings,
  type SeatLockState,
} from './lock-policy';

const minute = 60_000;
const start = Date.UTC(2026, 2, 2, 9, 0, 0);

/** An event whose time defaults to the fake clock's (distributes over the union, unlike Omit). */
type EventAtClock = SeatLockEvent extends infer Event ? (Event extends SeatLockEvent ? Omit<Event, 'at'> & { at?: number } : never) : never;

/** A fake clock driving the state machine the way main does: events at the clock's current time. */
function fakeSeat(settings: SeatLockSettings = { idleMinutes: 5 }) {
  let now = start;
  let state: SeatLockState = initialSeatLockState(now);
  return {
    get state() {
      return state;
    },
    get now() {
      return now;
    },
    advance(milliseconds: number) {
      now += milliseconds;
    },
    send(event: EventAtClock) {
      state = nextSeatLockState(state, { at: now, ...event } as SeatLockEvent, settings);
      return state;
    },
    untilIdleLock() {
      return millisecondsUntilIdleLock(state, now, settings);
    },
  };
}

describe('clampIdleMinutes', () => {
  it.each([
    [5, 5],
    [1, 1],
    [15, 15],
    [60, 15],
    [16, 15],
    [0, 1],
    [-3, 1],
    [0.5, 1],
    [7.9, 7],
    [Number.NaN, idleMinutesLimits.default],
    [Number.POSITIVE_INFINITY, 15],
    [Number.NEGATIVE_INFINITY, 1],
  ])('%d → %d', (minutes, clamped) => {
    expect(clampIdleMinutes(minutes)).toBe(clamped);
  });
});

describe('nextSeatLockState', () => {
  it('starts unlocked with the activity at the start', () => {
    expect(initialSeatLockState(start)).toEqual({ locked: false, lastActivityAt: start });
  });

  it.each(['hotkey', 'button'] as const)('locks on the %s at once', (reason) => {
    const seat = fakeSeat();
    seat.advance(1_000);
    expect(seat.send({ type: 'manual', reason })).toEqual({ locked: true, reason, lockedAt: start + 1_000 });
  });

  it('locks for idle at the limit, not just before', () => {
    const seat = fakeSeat({ idleMinutes: 5 });
    seat.advance(5 * minute - 1);
    expect(seat.send({ type: 'tick' })).toEqual({ locked: false, lastActivityAt: start });
    expect(seat.untilIdleLock()).toBe(1);
    seat.advance(1);
    expect(seat.send({ type: 'tick' })).toEqual({ locked: true, reason: 'idle', lockedAt: start + 5 * minute });
  });

  it('is postponed by activity', () => {
    const seat = fakeSeat({ idleMinutes: 5 });
    seat.advance(4 * minute);
    seat.send({ type: 'activity' });
    seat.advance(4 * minute);
    expect(seat.send({ type: 'tick' }).locked).toBe(false);
    expect(seat.untilIdleLock()).toBe(minute);
    seat.advance(minute);
    expect(seat.send({ type: 'tick' })).toEqual({ locked: true, reason: 'idle', lockedAt: start + 9 * minute });
  });

  it('locks when activity arrives only after the limit has passed (a late tick)', () => {
    const seat = fakeSeat({ idleMinutes: 5 });
    seat.advance(6 * minute);
    expect(seat.send({ type: 'activity' })).toEqual({ locked: true, reason: 'idle', lockedAt: start + 6 * minute });
  });

  it.each<[OsLockEvent, string]>([
    ['lock-screen', 'os-lock-screen'],
    ['suspend', 'os-suspend'],
    ['user-switch', 'os-user-switch'],
    ['lid-close', 'os-lid-close'],
  ])('locks on the OS event %s with reason %s', (event, reason) => {
    const seat = fakeSeat();
    seat.advance(10_000);
    expect(seat.send({ type: 'os', event })).toEqual({ locked: true, reason, lockedAt: start + 10_000 });
    expect(lockReasonForOsEvent(event)).toBe(reason);
  });

  it('never waits longer than 15 minutes, whatever the setting says', () => {
    const seat = fakeSeat({ idleMinutes: 60 });
    expect(seat.untilIdleLock()).toBe(15 * minute);
    seat.advance(15 * minute - 1);
    expect(seat.send({ type: 'tick' }).locked).toBe(false);
    seat.advance(1);
    expect(seat.send({ type: 'tick' })).toEqual({ locked: true, reason: 'idle', lockedAt: start + 15 * minute });
  });

  it.each([0, -5, 0.2])('takes a setting of %d as 1 minute', (idleMinutes) => {
    const seat = fakeSeat({ idleMinutes });
    seat.advance(minute - 1);
    expect(seat.send({ type: 'tick' }).locked).toBe(false);
    seat.advance(1);
    expect(seat.send({ type: 'tick' })).toMatchObject({ locked: true, reason: 'idle' });
  });

  it('takes an unreadable setting as the default', () => {
    const seat = fakeSeat({ idleMinutes: Number.NaN });
    expect(seat.untilIdleLock()).toBe(idleMinutesLimits.default * minute);
  });

  it('stays locked through activity, ticks and further lock events, keeping the first reason and time', () => {
    const seat = fakeSeat();
    seat.advance(minute);
    const lockedState = seat.send({ type: 'manual', reason: 'hotkey' });
    seat.advance(minute);
    expect(seat.send({ type: 'activity' })).toBe(lockedState);
    seat.advance(30 * minute);
    expect(seat.send({ type: 'tick' })).toBe(lockedState);
    expect(seat.send({ type: 'os', event: 'suspend' })).toBe(lockedState);
    expect(seat.send({ type: 'manual', reason: 'button' })).toBe(lockedState);
    expect(seat.untilIdleLock()).toBeNull();
    expect(seat.state).toEqual({ locked: true, reason: 'hotkey', lockedAt: start + minute });
  });

  it('unlocks only with the password, counting it as activity', () => {
    const seat = fakeSeat({ idleMinutes: 5 });
    seat.advance(5 * minute);
    seat.send({ type: 'tick' });
    seat.advance(20 * minute);
    expect(seat.send({ type: 'unlocked' })).toEqual({ locked: false, lastActivityAt: start + 25 * minute });
    expect(seat.untilIdleLock()).toBe(5 * minute);
    seat.advance(5 * minute);
    expect(seat.send({ type: 'tick' })).toMatchObject({ locked: true, reason: 'idle' });
  });

  it('takes an unlock while unlocked as activity', () => {
    const seat = fakeSeat({ idleMinutes: 5 });
    seat.advance(3 * minute);
    expect(seat.send({ type: 'unlocked' })).toEqual({ locked: false, lastActivityAt: start + 3 * minute });
  });

  it('ignores an activity older than the last one', () => {
    const seat = fakeSeat({ idleMinutes: 5 });
    seat.advance(4 * minute);
    seat.send({ type: 'activity' });
    expect(seat.send({ type: 'activity', at: start + 3 * minute + 30_000 })).toEqual({ locked: false, lastActivityAt: start + 4 * minute });
    expect(seat.send({ type: 'tick', at: start + 4 * minute - 1_000 })).toEqual({ locked: false, lastActivityAt: start + 4 * minute });
  });

  it('does not let a clock set back postpone the lock by the size of the jump', () => {
    const seat = fakeSeat({ idleMinutes: 5 });
    seat.advance(-2 * 60 * minute);
    // Idleness restarts from the new clock: at most one idle limit more.
    expect(seat.send({ type: 'tick' })).toEqual({ locked: false, lastActivityAt: seat.now });
    seat.advance(5 * minute);
    expect(seat.send({ type: 'tick' })).toMatchObject({ locked: true, reason: 'idle' });
  });

  it('computes the wait after a clock set back the same way', () => {
    const seat = fakeSeat({ idleMinutes: 5 });
    expect(millisecondsUntilIdleLock(seat.state, start - 60 * minute, { idleMinutes: 5 })).toBe(5 * minute);
  });

  it('reports 0 when the idle lock is overdue', () => {
    const seat = fakeSeat({ idleMinutes: 5 });
    seat.advance(7 * minute);
    expect(seat.untilIdleLock()).toBe(0);
  });

  it('only ever records known reasons', () => {
    const seat = fakeSeat();
    for (const event of ['lock-screen', 'suspend', 'user-switch', 'lid-close'] as const) {
      expect(lockReasons).toContain(lockReasonForOsEvent(event));
    }
    seat.advance(10 * minute);
    const state = seat.send({ type: 'tick' });
    expect(state.locked && lockReasons.includes(state.reason)).toBe(true);
  });
});

describe('osLockEventFromElectron', () => {
  it.each<[string, OsLockEvent | undefined]>([
    ['lock-screen', 'lock-screen'],
    ['suspend', 'suspend'],
    ['user-did-resign-active', 'user-switch'],
    ['locked', 'lock-screen'],
    ['lid-close', undefined],
    ['resume', undefined],
    ['unlock-screen', undefined],
    ['user-did-become-active', undefined],
    ['idle', undefined],
    ['active', undefined],
    ['', undefined],
  ])('%j → %j', (name, event) => {
    expect(osLockEventFromElectron(name)).toBe(event);
  });
});
