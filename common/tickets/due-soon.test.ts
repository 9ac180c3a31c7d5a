import { describe, expect, it } from 'vitest';
import { dueSoonLead, dueSoonWarnings, type DueSoonTicket } from './due-soon';

const minute = 60_000;
const hour = 60 * minute;

function ticket(id: number, targets: DueSoonTicket['targets']): DueSoonTicket {
  return { id, number: `GD20261122-000${id}`, targets };
}

const running = (remainingClock: number, targetClock = 48 * hour, state = 'nearing') => ({
  kind: 'firstResponse' as const,
  due: '2026-11-24T02:00:00.000Z',
  state,
  remainingClock,
  targetClock,
});

describe('due-soon warnings', () => {
  it('warns a quarter of an hour before a long target, and a fifth of a short one', () => {
    expect(dueSoonLead(48 * hour)).toBe(15 * minute);
    expect(dueSoonLead(15 * minute)).toBe(3 * minute);
  });

  it('warns once per ticket, target and deadline, counting the time since main answered', () => {
    const tickets = [ticket(1, [running(20 * minute)]), ticket(2, [running(10 * minute)]), ticket(3, [running(5 * minute, 15 * minute, 'nearing')])];
    expect(dueSoonWarnings(tickets, 0, new Set()).map((warning) => warning.ticketId)).toEqual([2]);
    const later = dueSoonWarnings(tickets, 6 * minute, new Set(['2:firstResponse:2026-11-24T02:00:00.000Z']));
    expect(later.map((warning) => [warning.ticketId, warning.remainingClock])).toEqual([[1, 14 * minute]]);
    // The 15-minute target is warned 3 minutes before its end.
    expect(dueSoonWarnings(tickets, 3 * minute, new Set()).map((warning) => [warning.ticketId, warning.remainingClock])).toEqual([
      [2, 7 * minute],
      [3, 2 * minute],
    ]);
    // The short target ran out meanwhile: overdue is red in the queue, not a warning.
    expect(dueSoonWarnings(tickets, 6 * minute, new Set()).map((warning) => warning.ticketId)).toEqual([1, 2]);
  });

  it('does not warn for met, paused or overdue targets, nor one without a deadline', () => {
    const quiet = [
      ticket(1, [running(5 * minute, 48 * hour, 'met')]),
      ticket(2, [running(5 * minute, 48 * hour, 'paused')]),
      ticket(3, [running(-5 * minute, 48 * hour, 'overdue')]),
      ticket(4, [{ ...running(5 * minute), due: null }]),
    ];
    expect(dueSoonWarnings(quiet, 0, new Set())).toEqual([]);
  });

  it('warns again when the deadline was moved', () => {
    const moved = [ticket(1, [{ ...running(10 * minute), due: '2026-11-25T02:00:00.000Z' }])];
    expect(dueSoonWarnings(moved, 0, new Set(['1:firstResponse:2026-11-24T02:00:00.000Z']))).toHaveLength(1);
  });
});
