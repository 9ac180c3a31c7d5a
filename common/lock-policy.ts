/**
 * The seat-leave lock as a pure state machine. Main feeds it Electron `powerMonitor` events and
 * the renderer's input activity; tests feed it a fake clock. Times are epoch milliseconds.
 */

/** Bounds of the idle-lock setting, in whole minutes. The 15-minute ceiling is a rule, not a default. */
export const idleMinutesLimits = { minimum: 1, maximum: 15, default: 5 } as const;

const millisecondsPerMinute = 60_000;

/**
 * How far backwards an event time may lie behind the last activity and still be taken as a
 * late (stale) event rather than as the clock having been set back.
 */
const clockSetBackTolerance = millisecondsPerMinute;

/**
 * The idle-lock setting within {@link idleMinutesLimits}: whole minutes, rounded down (so a
 * fractional value never lengthens the wait), at least 1 and at most 15; `NaN` gives the default.
 */
export function clampIdleMinutes(minutes: number): number {
  if (Number.isNaN(minutes)) return idleMinutesLimits.default;
  const whole = Math.floor(minutes);
  return Math.min(idleMinutesLimits.maximum, Math.max(idleMinutesLimits.minimum, whole));
}

/** Why the seat was locked. */
export const lockReasons = ['hotkey', 'button', 'idle', 'os-lock-screen', 'os-suspend', 'os-user-switch', 'os-lid-close'] as const;

/** A reason from {@link lockReasons}. */
export type LockReason = (typeof lockReasons)[number];

/** An operating-system event that locks the seat at once. */
export type OsLockEvent = 'lock-screen' | 'suspend' | 'user-switch' | 'lid-close';

/** Unlocked since the last activity, or locked for a reason since a time. */
export type SeatLockState =
  | Readonly<{ locked: false; lastActivityAt: number }>
  | Readonly<{ locked: true; reason: LockReason; lockedAt: number }>;

/** What can happen to the seat lock. */
export type SeatLockEvent =
  /** User input seen (renderer), or the last input time derived from the system idle time (Electron). */
  | Readonly<{ type: 'activity'; at: number }>
  /** A periodic clock check. */
  | Readonly<{ type: 'tick'; at: number }>
  /** The agent locked the seat with the hotkey or the button. */
  | Readonly<{ type: 'manual'; reason: 'hotkey' | 'button'; at: number }>
  /** The operating system locked the screen, suspended, switched user or closed the lid. */
  | Readonly<{ type: 'os'; event: OsLockEvent; at: number }>
  /** The right password was given. */
  | Readonly<{ type: 'unlocked'; at: number }>;

/** The lock settings the state machine reads. */
export type SeatLockSettings = Readonly<{ idleMinutes: number }>;

const lockReasonOfOsEvent: Readonly<Record<OsLockEvent, LockReason>> = {
  'lock-screen': 'os-lock-screen',
  suspend: 'os-suspend',
  'user-switch': 'os-user-switch',
  'lid-close': 'os-lid-close',
};

/** The lock reason recorded for an operating-system event (`'suspend'` → `'os-suspend'`). */
export function lockReasonForOsEvent(event: OsLockEvent): LockReason {
  return lockReasonOfOsEvent[event];
}

/**
 * The {@link OsLockEvent} for an Electron name: the `powerMonitor` events `'lock-screen'`,
 * `'suspend'` and `'user-did-resign-active'` (macOS fast user switching), and `'locked'` as
 * returned by `powerMonitor.getSystemIdleState`. Electron has no lid event: `'lid-close'` is fed
 * explicitly by whoever detects it. Anything else (`'resume'`, `'unlock-screen'`, `'idle'`, …) is
 * `undefined`: nothing the OS does unlocks the seat.
 */
export function osLockEventFromElectron(name: string): OsLockEvent | undefined {
  switch (name) {
    case 'lock-screen':
    case 'locked':
      return 'lock-screen';
    case 'suspend':
      return 'suspend';
    case 'user-did-resign-active':
      return 'user-switch';
    default:
      return undefined;
  }
}

/** The state of a seat that has just been unlocked or signed in to at `at`. */
export function initialSeatLockState(at: number): SeatLockState {
  return { locked: false, lastActivityAt: at };
}

function idleLimitMilliseconds(settings: SeatLockSettings): number {
  return clampIdleMinutes(settings.idleMinutes) * millisecondsPerMinute;
}

/**
 * The last activity time to count idleness from at `now`. A `now` more than a minute before
 * the last activity means the clock was set back (NTP correction, manual change); counting
 * from the old, future activity time would postpone the idle lock by the size of the jump,
 * possibly for ever, so idleness is counted from `now` instead: the full idle limit starts
 * again. Smaller differences are late events and change nothing.
 */
function effectiveLastActivityAt(lastActivityAt: number, now: number): number {
  return now < lastActivityAt - clockSetBackTolerance ? now : lastActivityAt;
}

function locked(reason: LockReason, at: number): SeatLockState {
  return { locked: true, reason, lockedAt: at };
}

/**
 * The state after `event`, under `settings` (the idle minutes are clamped here, whatever the
 * caller passes). Rules:
 * - `manual` and `os` events lock at once;
 * - `tick` and `activity` lock for `idle` when at least the idle limit has passed since the
 *   last activity; an activity arriving after the limit (a late tick, throttled timers) locks
 *   rather than rescuing the seat, which was unattended for the whole limit;
 * - otherwise `activity` moves the last activity forward, never backwards: an activity older
 *   than the last one is ignored, unless the clock was set back by more than a minute (see
 *   below);
 * - a clock set back by more than a minute (an event more than a minute before the last
 *   activity) restarts idleness from that event's time, so a backward jump delays the lock by
 *   at most one idle limit instead of by the size of the jump;
 * - while locked, every event but `unlocked` leaves the state as it is (the first reason and
 *   time are kept); `unlocked` unlocks with the last activity at its time (while already
 *   unlocked it counts as activity, without the idle check).
 */
export function nextSeatLockState(state: SeatLockState, event: SeatLockEvent, settings: SeatLockSettings): SeatLockState {
  if (state.locked) {
    return event.type === 'unlocked' ? initialSeatLockState(event.at) : state;
  }
  switch (event.type) {
    case 'manual':
      return locked(event.reason, event.at);
    case 'os':
      return locked(lockReasonForOsEvent(event.event), event.at);
    case 'unlocked':
      // The password proves someone is at the seat, so no idle check; still never backwards.
      return initialSeatLockState(Math.max(effectiveLastActivityAt(state.lastActivityAt, event.at), event.at));
    case 'tick':
    case 'activity': {
      const lastActivityAt = effectiveLastActivityAt(state.lastActivityAt, event.at);
      if (event.at - lastActivityAt >= idleLimitMilliseconds(settings)) return locked('idle', event.at);
      if (event.type === 'tick') {
        return lastActivityAt === state.lastActivityAt ? state : initialSeatLockState(lastActivityAt);
      }
      return initialSeatLockState(Math.max(lastActivityAt, event.at));
    }
  }
}

/**
 * Milliseconds from `now` until the idle lock is due (0 when it is due already), for scheduling
 * the next tick; `null` while locked. Follows {@link nextSeatLockState}: a clock set back by more
 * than a minute counts as activity at `now`.
 */
export function millisecondsUntilIdleLock(state: SeatLockState, now: number, settings: SeatLockSettings): number | null {
  if (state.locked) return null;
  const lastActivityAt = effectiveLastActivityAt(state.lastActivityAt, now);
  return Math.max(0, lastActivityAt + idleLimitMilliseconds(settings) - now);
}
