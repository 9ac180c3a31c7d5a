import { computeDeadline, deadlineStatus, nearingShare, targetMilliseconds, type ClockPause, type DeadlineState, type ServiceTarget } from '../deadline-calendar/deadline';
import type { WorkingCalendar } from '../deadline-calendar/working-calendar';
import { slaTargetKinds, type SlaTargetKind } from './sla-policy';

/** What a ticket's deadlines depend on. Instants are ISO-8601 UTC strings, as stored. */
export type TicketClock = Readonly<{
  targets: Readonly<Partial<Record<SlaTargetKind, ServiceTarget | null>>>;
  createdAt: string;
  resolvedAt: string | null;
  /** When each target was met: first response, reply, resolution, a call-back that reached the customer (or the close). */
  metAt: Readonly<Partial<Record<SlaTargetKind, string | null>>>;
  pauses: readonly Readonly<{ fromAt: string; untilAt: string | null }>[];
  /** Deadlines set by hand, oldest first; the last one of a target wins. */
  changes: readonly Readonly<{ target: string; dueAt: string }>[];
}>;

/** One target of a ticket as the queue shows it. */
export type TargetStanding = Readonly<{
  kind: SlaTargetKind;
  due: string | null;
  met: boolean;
  state: DeadlineState | 'met';
  /** Clock milliseconds left (negative when overdue), for a countdown. */
  remainingClock: number;
  /** The target's clock length, for the share left. */
  targetClock: number;
}>;

const toInstant = (text: string) => Date.parse(text);

function pausesOf(clock: TicketClock): ClockPause[] {
  return clock.pauses.map((pause) => ({ from: toInstant(pause.fromAt), until: pause.untilAt === null ? null : toInstant(pause.untilAt) }));
}

function startOf(clock: TicketClock, kind: SlaTargetKind): string | null {
  // A call-back is due a set time after the resolution; the other targets count from creation.
  return kind === 'callback' ? clock.resolvedAt : clock.createdAt;
}

/** Each target's deadline: computed from the policy, the calendar and the pauses, or as set by hand. */
export function ticketDeadlines(clock: TicketClock, calendar: WorkingCalendar, timeZone: string): Record<SlaTargetKind, string | null> {
  const due = {} as Record<SlaTargetKind, string | null>;
  for (const kind of slaTargetKinds) {
    const target = clock.targets[kind] ?? null;
    const start = startOf(clock, kind);
    const changed = clock.changes.filter((change) => change.target === kind).at(-1);
    if (changed !== undefined) due[kind] = changed.dueAt;
    else if (target === null || start === null) due[kind] = null;
    else {
      // A target met before a pause keeps its deadline: a later wait (still open) does not undo it.
      const metAt = clock.metAt[kind] ?? null;
      const pauses = pausesOf(clock).filter((pause) => metAt === null || pause.from < toInstant(metAt));
      const instant = computeDeadline({ start: toInstant(start), target, pauses, calendar, timeZone });
      due[kind] = instant === null ? null : new Date(instant).toISOString();
    }
  }
  return due;
}

/** The nearest deadline not met yet, which orders the queue; null when none is running. */
export function nextDue(clock: TicketClock, due: Readonly<Record<SlaTargetKind, string | null>>): { kind: SlaTargetKind; at: string } | null {
  let next: { kind: SlaTargetKind; at: string } | null = null;
  for (const kind of slaTargetKinds) {
    const at = due[kind];
    if (at === null || (clock.metAt[kind] ?? null) !== null) continue;
    if (next === null || at < next.at) next = { kind, at };
  }
  return next;
}

/**
 * How each applicable target stands at `now`: met, on time, nearing (its last 20 %), overdue or
 * paused. A deadline set by hand replaces the computed one; its countdown is then wall-clock time.
 */
export function targetStandings(clock: TicketClock, calendar: WorkingCalendar, timeZone: string, now: number): TargetStanding[] {
  const due = ticketDeadlines(clock, calendar, timeZone);
  const standings: TargetStanding[] = [];
  for (const kind of slaTargetKinds) {
    const target = clock.targets[kind] ?? null;
    const start = startOf(clock, kind);
    if (target === null || start === null) continue;
    const metAt = clock.metAt[kind] ?? null;
    const targetClock = targetMilliseconds(target);
    const status = deadlineStatus({ start: toInstant(start), target, pauses: pausesOf(clock), calendar, timeZone }, metAt === null ? now : toInstant(metAt));
    let state: TargetStanding['state'] = metAt === null ? status.state : 'met';
    let remainingClock = status.remainingClock;
    const changed = clock.changes.some((change) => change.target === kind);
    if (changed && metAt === null && due[kind] !== null) {
      remainingClock = toInstant(due[kind]) - now;
      state = remainingClock <= 0 ? 'overdue' : status.state === 'paused' ? 'paused' : remainingClock <= targetClock * nearingShare ? 'nearing' : 'onTime';
    }
    standings.push({ kind, due: due[kind], met: metAt !== null, state, remainingClock, targetClock });
  }
  return standings;
}
