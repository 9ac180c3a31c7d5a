import type { TicketView } from '../../../common/ipc/tickets';

type Standing = TicketView['targets'][number];

/** The target a ticket's countdown shows: the one `nextDue` names, else the first not met. */
export function shownTarget(ticket: Pick<TicketView, 'nextDue' | 'targets'>): Standing | undefined {
  return ticket.targets.find((target) => target.kind === ticket.nextDue?.kind) ?? ticket.targets.find((target) => !target.met);
}

/**
 * A target's standing `elapsedSinceAnswer` milliseconds after main answered: on time, amber in
 * the last 20 %, red when overdue. It counts down in wall time while `ticking` (the ticket is not
 * waiting for the customer); a met or paused target keeps main's figure. Main answers every 30 s,
 * so a working-day target that crosses midnight is off by that much at most.
 */
export function liveStanding(target: Standing, elapsedSinceAnswer: number, ticking: boolean): { state: Standing['state']; remaining: number } {
  if (target.state === 'met' || target.state === 'paused' || !ticking) return { state: target.state, remaining: target.remainingClock };
  const remaining = target.remainingClock - elapsedSinceAnswer;
  const state = remaining <= 0 ? 'overdue' : remaining <= target.targetClock * 0.2 ? 'nearing' : 'onTime';
  return { state, remaining };
}

/** `47:59:58` for time left, `-0:05:00` once overdue; days written out past 99 hours. */
export function formatCountdown(milliseconds: number): string {
  const sign = milliseconds < 0 ? '-' : '';
  const totalSeconds = Math.floor(Math.abs(milliseconds) / 1000);
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const two = (value: number) => String(value).padStart(2, '0');
  if (hours > 99) return `${sign}${Math.floor(hours / 24)}d ${hours % 24}:${two(minutes)}:${two(seconds)}`;
  return `${sign}${hours}:${two(minutes)}:${two(seconds)}`;
}
