import { describe, expect, it } from 'vitest';
import {
  afterFailedAttempt,
  afterSuccessfulAttempt,
  clampLockoutSettings,
  decideAttempt,
  liftedLockout,
  lockoutLimits,
  type LockoutSettings,
  type LockoutState,
} from './lockout-policy';

const minute = 60_000;
const defaults: LockoutSettings = { maximumAttempts: 5, lockoutMinutes: 30 };

/** A fake clock and an account's lockout state, driven the way the sign-in handler does. */
function fakeAccount(settings: LockoutSettings = defaults) {
  let now = new Date('2026-03-02T09:00:00.000Z');
  let state: LockoutState = afterSuccessfulAttempt();
  return {
    get state() {
      return state;
    },
    get now() {
      return now;
    },
    advance(milliseconds: number) {
      now = new Date(now.getTime() + milliseconds);
    },
    fail(times = 1) {
      for (let index = 0; index < times; index += 1) state = afterFailedAttempt(state, now, settings);
      return state;
    },
    succeed() {
      state = afterSuccessfulAttempt();
    },
    lift() {
      state = liftedLockout();
    },
    decide() {
      return decideAttempt(state, now);
    },
  };
}

describe('lockout policy', () => {
  it('does not lock after 4 failures', () => {
    const account = fakeAccount();
    expect(account.fail(4)).toEqual({ failedAttempts: 4, lockedUntil: null });
    expect(account.decide()).toEqual({ allowed: true });
  });

  it('locks for 30 minutes at the 5th failure and resets the count', () => {
    const account = fakeAccount();
    account.fail(4);
    account.advance(minute);
    expect(account.fail()).toEqual({ failedAttempts: 0, lockedUntil: '2026-03-02T09:31:00.000Z' });
  });

  it('refuses attempts during the lockout, up to its last millisecond', () => {
    const account = fakeAccount();
    account.fail(5);
    expect(account.decide()).toEqual({ allowed: false, lockedUntil: '2026-03-02T09:30:00.000Z' });
    account.advance(30 * minute - 1);
    expect(account.decide()).toEqual({ allowed: false, lockedUntil: '2026-03-02T09:30:00.000Z' });
  });

  it('does not extend a lockout with failures during it', () => {
    const account = fakeAccount();
    const lockedState = account.fail(5);
    account.advance(10 * minute);
    expect(account.fail(3)).toBe(lockedState);
  });

  it('allows attempts again once the lockout expires, counting from 0', () => {
    const account = fakeAccount();
    account.fail(5);
    account.advance(30 * minute);
    expect(account.decide()).toEqual({ allowed: true });
    expect(account.fail()).toEqual({ failedAttempts: 1, lockedUntil: null });
    expect(account.fail(3)).toEqual({ failedAttempts: 4, lockedUntil: null });
    expect(account.fail().lockedUntil).toBe('2026-03-02T10:00:00.000Z');
  });

  it('forgets failures after a success', () => {
    const account = fakeAccount();
    account.fail(4);
    account.succeed();
    expect(account.state).toEqual({ failedAttempts: 0, lockedUntil: null });
    expect(account.fail(4).lockedUntil).toBeNull();
  });

  it('lets an administrator lift a lockout', () => {
    const account = fakeAccount();
    account.fail(5);
    account.lift();
    expect(account.state).toEqual({ failedAttempts: 0, lockedUntil: null });
    expect(account.decide()).toEqual({ allowed: true });
  });

  it('applies clamped settings: 11 tries lock at 10, 10 minutes last 30', () => {
    const account = fakeAccount({ maximumAttempts: 11, lockoutMinutes: 10 });
    expect(account.fail(9).lockedUntil).toBeNull();
    expect(account.fail()).toEqual({ failedAttempts: 0, lockedUntil: '2026-03-02T09:30:00.000Z' });
  });

  it('locks at the first failure when one attempt is allowed', () => {
    const account = fakeAccount({ maximumAttempts: 1, lockoutMinutes: 1440 });
    expect(account.fail()).toEqual({ failedAttempts: 0, lockedUntil: '2026-03-03T09:00:00.000Z' });
  });

  it('counts a stored count above a lowered maximum as reaching it', () => {
    const now = new Date('2026-03-02T09:00:00.000Z');
    expect(afterFailedAttempt({ failedAttempts: 7, lockedUntil: null }, now, defaults).lockedUntil).toBe('2026-03-02T09:30:00.000Z');
  });

  it('fails closed on an unreadable lockout time', () => {
    const state: LockoutState = { failedAttempts: 0, lockedUntil: 'not a date' };
    const now = new Date('2026-03-02T09:00:00.000Z');
    expect(decideAttempt(state, now)).toEqual({ allowed: false, lockedUntil: 'not a date' });
    expect(afterFailedAttempt(state, now, defaults)).toBe(state);
  });
});

describe('clampLockoutSettings', () => {
  it.each<[LockoutSettings, LockoutSettings]>([
    [{ maximumAttempts: 5, lockoutMinutes: 30 }, { maximumAttempts: 5, lockoutMinutes: 30 }],
    [{ maximumAttempts: 11, lockoutMinutes: 10 }, { maximumAttempts: 10, lockoutMinutes: 30 }],
    [{ maximumAttempts: 0, lockoutMinutes: 5000 }, { maximumAttempts: 1, lockoutMinutes: 1440 }],
    [{ maximumAttempts: 3.7, lockoutMinutes: 45.2 }, { maximumAttempts: 3, lockoutMinutes: 46 }],
    [
      { maximumAttempts: Number.NaN, lockoutMinutes: Number.NaN },
      { maximumAttempts: lockoutLimits.maximumAttempts.default, lockoutMinutes: lockoutLimits.lockoutMinutes.default },
    ],
    [{ maximumAttempts: Number.POSITIVE_INFINITY, lockoutMinutes: Number.NEGATIVE_INFINITY }, { maximumAttempts: 10, lockoutMinutes: 30 }],
  ])('%j → %j', (settings, clamped) => {
    expect(clampLockoutSettings(settings)).toEqual(clamped);
  });
});
