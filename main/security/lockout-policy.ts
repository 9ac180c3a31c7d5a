/**
 * Account lockout after repeated failed sign-ins or seat unlocks. Pure: the caller stores the
 * state with the account and passes the current time.
 */

import { lockoutLimits } from '../../common/settings';

/** Bounds and defaults of the lockout settings: at most 10 tries, at least 30 minutes locked out. */
export { lockoutLimits };

/** How many failures in a row lock the account, and for how long. */
export type LockoutSettings = Readonly<{ maximumAttempts: number; lockoutMinutes: number }>;

/** Failures since the last success or lockout, and the end of the current lockout (ISO-8601 UTC) if any. */
export type LockoutState = Readonly<{ failedAttempts: number; lockedUntil: string | null }>;

/** Whether an attempt may be checked at all, or until when the account is locked out. */
export type AttemptDecision = Readonly<{ allowed: true }> | Readonly<{ allowed: false; lockedUntil: string }>;

const millisecondsPerMinute = 60_000;

type Limits = Readonly<{ minimum: number; maximum: number; default: number }>;

function clampWhole(value: number, limits: Limits, round: (value: number) => number): number {
  if (Number.isNaN(value)) return limits.default;
  return Math.min(limits.maximum, Math.max(limits.minimum, round(value)));
}

/**
 * The settings within {@link lockoutLimits}, rounded to whole numbers in the strict direction
 * (attempts down, minutes up); `NaN` gives the default.
 */
export function clampLockoutSettings(settings: LockoutSettings): LockoutSettings {
  return {
    maximumAttempts: clampWhole(settings.maximumAttempts, lockoutLimits.maximumAttempts, Math.floor),
    lockoutMinutes: clampWhole(settings.lockoutMinutes, lockoutLimits.lockoutMinutes, Math.ceil),
  };
}

/**
 * True while `lockedUntil` lies after `now`. An unreadable time counts as locked (fail closed):
 * only an administrator's {@link liftedLockout} or a success clears it.
 */
function isLockedOut(state: LockoutState, now: Date): state is LockoutState & { lockedUntil: string } {
  if (state.lockedUntil === null) return false;
  const until = Date.parse(state.lockedUntil);
  return Number.isNaN(until) || now.getTime() < until;
}

/** Whether an attempt at `now` may be checked: refused while `now` is before `lockedUntil`. */
export function decideAttempt(state: LockoutState, now: Date): AttemptDecision {
  return isLockedOut(state, now) ? { allowed: false, lockedUntil: state.lockedUntil } : { allowed: true };
}

/**
 * The state after a failed attempt at `now`. An expired lockout is forgotten and counting
 * starts again from 0; the failure that reaches `maximumAttempts` (settings clamped here) locks
 * the account until `now` + `lockoutMinutes` and resets the count. A failure during a lockout
 * (which {@link decideAttempt} should have refused) changes nothing, so it cannot extend it.
 */
export function afterFailedAttempt(state: LockoutState, now: Date, settings: LockoutSettings): LockoutState {
  if (isLockedOut(state, now)) return state;
  const { maximumAttempts, lockoutMinutes } = clampLockoutSettings(settings);
  const storedFailures = Number.isFinite(state.failedAttempts) ? Math.max(0, Math.floor(state.failedAttempts)) : 0;
  const previousFailures = state.lockedUntil === null ? storedFailures : 0;
  const failedAttempts = previousFailures + 1;
  if (failedAttempts >= maximumAttempts) {
    return { failedAttempts: 0, lockedUntil: new Date(now.getTime() + lockoutMinutes * millisecondsPerMinute).toISOString() };
  }
  return { failedAttempts, lockedUntil: null };
}

/** The state after a successful attempt: no failures, no lockout. */
export function afterSuccessfulAttempt(): LockoutState {
  return { failedAttempts: 0, lockedUntil: null };
}

/** The state after an administrator lifts a lockout: no failures, no lockout. */
export function liftedLockout(): LockoutState {
  return { failedAttempts: 0, lockedUntil: null };
}
