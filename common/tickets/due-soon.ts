import { nearingShare } from '../deadline-calendar/deadline';
import type { SlaTargetKind } from './sla-policy';

/** The most warning the desk gives before a deadline: a quarter of an hour. */
export const dueSoonLeadMilliseconds = 15 * 60_000;

/** A ticket as the warning needs it: its targets as main last reported them. */
export type DueSoonTicket = Readonly<{
  id: number;
  number: string;
  targets: readonly Readonly<{ kind: SlaTargetKind; due: string | null; state: string; remainingClock: number; targetClock: number }>[];
}>;

/** One target about to be missed. */
export type DueSoonWarning = Readonly<{
  ticketId: number;
  number: string;
  kind: SlaTargetKind;
  /** Clock milliseconds left now. */
  remainingClock: number;
  /** Ticket, target and deadline: a deadline moved later warns again. */
  key: string;
}>;

/** How long before a target's deadline it warns: 15 minutes, or the amber share of a shorter target. */
export function dueSoonLead(targetClock: number): number {
  return Math.min(dueSoonLeadMilliseconds, targetClock * nearingShare);
}

/**
 * The running targets of `tickets` that are about to be missed and were not warned about yet.
 * `elapsed` is the time since main reported the targets (their clock ran meanwhile; a paused,
 * met or already overdue target is not warned about).
 */
export function dueSoonWarnings(tickets: readonly DueSoonTicket[], elapsed: number, warned: ReadonlySet<string>): DueSoonWarning[] {
  const warnings: DueSoonWarning[] = [];
  for (const ticket of tickets) {
    for (const target of ticket.targets) {
      if (target.state === 'met' || target.state === 'paused' || target.state === 'overdue' || target.due === null) continue;
      const remainingClock = target.remainingClock - elapsed;
      const key = `${ticket.id}:${target.kind}:${target.due}`;
      if (remainingClock <= 0 || remainingClock > dueSoonLead(target.targetClock) || warned.has(key)) continue;
      warnings.push({ ticketId: ticket.id, number: ticket.number, kind: target.kind, remainingClock, key });
    }
  }
  return warnings;
}
