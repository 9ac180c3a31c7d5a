import { afterEach, describe, expect, it } from 'vitest';
import { listAuditEntries } from '../../db/audit-log';
import { createCtiCallHandler } from '../calls/cti-calls';
import { createScenario, personalPassword, type Scenario } from '../test-support';

let scenario: Scenario | undefined;
afterEach(() => {
  scenario?.desk.cleanup();
  scenario = undefined;
});

const people = ['8001', '2001', '2003', '1001', '1002'] as const;

/** Sets the desk clock and brings everyone back to their seat (a jump of days locks every seat). */
async function at(current: Scenario, iso: string): Promise<void> {
  current.clock.set(iso);
  for (const agentId of people) await current.value('app:session.unlock', { password: personalPassword(agentId) }, agentId);
}

/** A visit at the counter that lasts `seconds` (answer to end), with input every few minutes so the seat stays unlocked. */
async function visit(current: Scenario, agentId: string, seconds: number): Promise<void> {
  const { call } = await current.value('app:calls.start', { direction: 'walk_in' }, agentId);
  for (let left = seconds; left > 0; left -= 240) {
    current.clock.advance(Math.min(240, left) * 1000);
    await current.value('app:session.activity', {}, agentId);
  }
  await current.value('app:calls.finish', { callId: call.id }, agentId);
}

async function create(current: Scenario, agentId: string, category: string): Promise<{ id: number; number: string }> {
  return (await current.value('app:tickets.create', { channel: 'phone', category, summary: `${category} 测试工单` }, agentId)).ticket;
}

async function step(current: Scenario, ticket: { id: number }, action: string, agentId: string, extra: object = {}): Promise<void> {
  await current.value('app:tickets.transition', { ticketId: ticket.id, action, ...extra }, agentId);
}

/**
 * The desk of 一组 (agent 1001, lead 2001) and 二组 (agent 1002, lead 2003) through November
 * 2026 (Shanghai), ending Sunday 2026-11-22 10:00 (02:00Z). Every ticket and call goes through
 * the real services at these times:
 *
 * | ticket | who, category | created (UTC) | first response (deadline) | later | now |
 * | A | 1001 complaint | 10-31 15:59:59 (Oct 31, 23:59:59 local) | none (11-02 15:59:59) | | open, overdue |
 * | B | 1001 repair | 10-31 16:00 (Nov 1, 00:00 local) | 20:00 (22:00) on time | resolved 21:00, reached, closed | closed |
 * | C | 1001 complaint | 11-10 02:00 | 11-13 02:00 (11-12 02:00) late | resolved, 3 failures, closed unreachable | closed |
 * | H | 1001 emergency | 11-14 15:59:59 | 16:10 (16:14:59) on time | | open, resolve overdue |
 * | I | 1001 emergency | 11-14 16:00 | 16:20 (16:15) late | | open, resolve overdue |
 * | D | 2001 suggestion | 11-15 02:00 | none (11-16 02:00) missed | | open, overdue |
 * | J | 1001 repair | 11-16 02:00 | 02:30 (08:00) on time | resolved 03:00, call-back pending | open, call-back overdue |
 * | F | 1002 complaint (二组) | 11-20 02:00 | 03:00 (11-22 02:00) on time | resolved 04:00, call-back pending | open |
 * | E | 1001 complaint | 11-21 02:00 | none (11-23 02:00) pending | | open |
 *
 * Calls answered (handle time, answer to end): 1001 60 s on 10-31 15:58 (October), 120 s and
 * 300 s on 11-10, 180 s on 11-16 (rang 20 s before the answer); 2001 150 s on 11-12; 1002 400 s on 11-12.
 */
async function november() {
  const current = (scenario = await createScenario());
  const tickets: Record<string, { id: number; number: string }> = {};
  await at(current, '2026-10-31T15:58:00.000Z');
  await visit(current, '1001', 60);
  await at(current, '2026-10-31T15:59:59.000Z');
  tickets.A = await create(current, '1001', 'complaint');
  await at(current, '2026-10-31T16:00:00.000Z');
  tickets.B = await create(current, '1001', 'repair');
  await at(current, '2026-10-31T20:00:00.000Z');
  await step(current, tickets.B, 'start', '1001');
  await at(current, '2026-10-31T21:00:00.000Z');
  await step(current, tickets.B, 'resolve', '1001');
  await step(current, tickets.B, 'startCallback', '1001');
  await step(current, tickets.B, 'recordCallbackAttempt', '1001', { reached: true });
  await step(current, tickets.B, 'close', '1001');

  await at(current, '2026-11-10T02:00:00.000Z');
  tickets.C = await create(current, '1001', 'complaint');
  await at(current, '2026-11-10T03:00:00.000Z');
  await visit(current, '1001', 120);
  await at(current, '2026-11-10T04:00:00.000Z');
  await visit(current, '1001', 300);
  await at(current, '2026-11-12T02:00:00.000Z');
  await visit(current, '2001', 150);
  await at(current, '2026-11-12T03:00:00.000Z');
  await visit(current, '1002', 400);
  await at(current, '2026-11-13T02:00:00.000Z');
  await step(current, tickets.C, 'start', '1001');
  await at(current, '2026-11-13T03:00:00.000Z');
  await step(current, tickets.C, 'resolve', '1001');
  await step(current, tickets.C, 'startCallback', '1001');
  for (let attempt = 0; attempt < 3; attempt += 1) await step(current, tickets.C, 'recordCallbackAttempt', '1001', { reached: false });
  await at(current, '2026-11-14T01:00:00.000Z');
  await step(current, tickets.C, 'closeUnreachable', '2001');

  await at(current, '2026-11-14T15:59:59.000Z');
  tickets.H = await create(current, '1001', 'emergency');
  await at(current, '2026-11-14T16:00:00.000Z');
  tickets.I = await create(current, '1001', 'emergency');
  await at(current, '2026-11-14T16:10:00.000Z');
  await step(current, tickets.H, 'start', '1001');
  await at(current, '2026-11-14T16:20:00.000Z');
  await step(current, tickets.I, 'start', '1001');

  await at(current, '2026-11-15T02:00:00.000Z');
  tickets.D = await create(current, '2001', 'suggestion');
  await at(current, '2026-11-16T02:00:00.000Z');
  tickets.J = await create(current, '1001', 'repair');
  await at(current, '2026-11-16T02:30:00.000Z');
  await step(current, tickets.J, 'start', '1001');
  await at(current, '2026-11-16T03:00:00.000Z');
  await step(current, tickets.J, 'resolve', '1001');
  await at(current, '2026-11-16T05:00:00.000Z');
  const cti = createCtiCallHandler(current.desk.desk);
  const callMessage = { callId: 'N-1', callerNumber: '13812345678', calledNumber: '96777', queue: '' };
  cti({ type: 'ring', ...callMessage });
  const { call } = await current.value('app:calls.current', {}, '1001');
  current.clock.advance(20_000);
  cti({ type: 'answer', ...callMessage });
  current.clock.advance(180_000);
  cti({ type: 'hangup', ...callMessage });
  await current.value('app:calls.finish', { callId: call.id }, '1001');

  await at(current, '2026-11-20T02:00:00.000Z');
  tickets.F = await create(current, '1002', 'complaint');
  await at(current, '2026-11-20T03:00:00.000Z');
  await step(current, tickets.F, 'start', '1002');
  await at(current, '2026-11-20T04:00:00.000Z');
  await step(current, tickets.F, 'resolve', '1002');
  await at(current, '2026-11-21T02:00:00.000Z');
  tickets.E = await create(current, '1001', 'complaint');
  await at(current, '2026-11-22T02:00:00.000Z');
  return { current, tickets };
}

const summary = (current: Scenario, who: string, request: object = {}) => current.value('app:slaDashboard.summary', request, who);

describe('the SLA dashboard', () => {
  it('shows a team lead the figures of their team for this month, each as counted by hand', async () => {
    const { current } = await november();
    const dashboard = await summary(current, '2001');
    expect(dashboard).toMatchObject({ range: { from: '2026-11-01', to: '2026-11-30' }, timeZone: 'Asia/Shanghai', now: '2026-11-22T02:00:00.000Z', team: '一组', teams: ['一组'] });

    // Now, whatever the range: A, D, E, H, I, J open; all but E past their nearest deadline.
    expect(dashboard.open).toEqual({
      open: 6,
      overdue: 5,
      byCategory: [
        { category: 'complaint', open: 2, overdue: 1 },
        { category: 'repair', open: 1, overdue: 1 },
        { category: 'emergency', open: 2, overdue: 2 },
        { category: 'suggestion', open: 1, overdue: 1 },
      ],
      byAgent: [
        { agentId: '1001', displayName: '员工1001', team: '一组', open: 5, overdue: 4 },
        { agentId: '2001', displayName: '员工2001', team: '一组', open: 1, overdue: 1 },
      ],
    });

    // Created in November (local): B, H, J on time; C, I late; D missed; E pending (left out). A was October's.
    expect(dashboard.firstResponse).toEqual({
      onTime: 3,
      late: 2,
      missed: 1,
      pending: 1,
      compliance: 3 / 6,
      byCategory: [
        { category: 'complaint', onTime: 0, late: 1, missed: 0, pending: 1, compliance: 0 },
        { category: 'repair', onTime: 2, late: 0, missed: 0, pending: 0, compliance: 1 },
        { category: 'emergency', onTime: 1, late: 1, missed: 0, pending: 0, compliance: 0.5 },
        { category: 'suggestion', onTime: 0, late: 0, missed: 1, pending: 0, compliance: 0 },
      ],
    });

    // Resolved in November with a call-back: B reached, C closed after 3 failures, J not yet.
    expect(dashboard.callback).toEqual({ needed: 3, reached: 1, closedUnreachable: 1, outstanding: 1, rate: 1 / 3, unreachableShare: 1 / 3 });

    // Answered in November: 1001 120 + 300 + 180 s (the 20 s of ringing not counted), 2001 150 s; 1001's October visit left out.
    expect(dashboard.handleTime).toEqual({
      targetSeconds: 180,
      calls: 4,
      averageSeconds: 750 / 4,
      withinTarget: 3,
      byAgent: [
        { agentId: '1001', displayName: '员工1001', team: '一组', calls: 3, averageSeconds: 200, withinTarget: 2 },
        { agentId: '2001', displayName: '员工2001', team: '一组', calls: 1, averageSeconds: 150, withinTarget: 1 },
      ],
    });
  });

  it('never counts another team’s tickets or calls; administrators see every team or pick one', async () => {
    const { current } = await november();
    const second = await summary(current, '2003');
    expect(second).toMatchObject({ team: '二组', teams: ['二组'] });
    expect(second.open).toEqual({
      open: 1,
      overdue: 0,
      byCategory: [{ category: 'complaint', open: 1, overdue: 0 }],
      byAgent: [{ agentId: '1002', displayName: '员工1002', team: '二组', open: 1, overdue: 0 }],
    });
    expect(second.firstResponse).toMatchObject({ onTime: 1, late: 0, missed: 0, pending: 0, compliance: 1 });
    expect(second.callback).toEqual({ needed: 1, reached: 0, closedUnreachable: 0, outstanding: 1, rate: 0, unreachableShare: 0 });
    expect(second.handleTime).toMatchObject({ calls: 1, averageSeconds: 400, withinTarget: 0 });

    const everyTeam = await summary(current, '8001');
    expect(everyTeam).toMatchObject({ team: null, teams: ['一组', '二组'] });
    expect(everyTeam.open).toMatchObject({ open: 7, overdue: 5 });
    expect(everyTeam.firstResponse).toMatchObject({ onTime: 4, late: 2, missed: 1, pending: 1, compliance: 4 / 7 });
    expect(everyTeam.callback).toMatchObject({ needed: 4, reached: 1, closedUnreachable: 1, outstanding: 2, rate: 1 / 4 });
    expect(everyTeam.handleTime).toMatchObject({ calls: 5, averageSeconds: 1150 / 5, withinTarget: 3 });
    expect(everyTeam.handleTime.byAgent.map((agent: { agentId: string }) => agent.agentId)).toEqual(['1001', '1002', '2001']);

    const picked = await summary(current, '8001', { team: '一组' });
    const lead = await summary(current, '2001');
    expect({ ...picked, teams: [] }).toEqual({ ...lead, teams: [] });
    expect((await summary(current, '8001', { team: '三组' })).open).toMatchObject({ open: 0, overdue: 0, byAgent: [] });

    expect(await current.call('app:slaDashboard.summary', { team: '二组' }, '2001')).toMatchObject({ ok: false, code: 'FORBIDDEN_ROLE' });
    expect(listAuditEntries(current.desk.desk.store.connection(), { limit: 1 })[0]).toMatchObject({
      agentId: '2001',
      action: 'app:slaDashboard.summary',
      outcome: 'refused',
      code: 'FORBIDDEN_ROLE',
    });
    expect(await current.call('app:slaDashboard.summary', {}, '1001')).toMatchObject({ ok: false, code: 'FORBIDDEN_ROLE' });
    expect(await current.call('app:slaDashboard.overdueTickets', { agentId: '1001' }, '1002')).toMatchObject({ ok: false, code: 'FORBIDDEN_ROLE' });
  });

  it('sums the date range from the first day’s midnight to the last day’s end in the desk’s zone; open tickets stay as they are now', async () => {
    const { current } = await november();
    const firstHalf = await summary(current, '2001', { range: { from: '2026-11-01', to: '2026-11-14' } });
    // Nov 14 ends at 15:59:59.999Z: H (15:59:59) is in, I (16:00) is not; B (Nov 1, 00:00 local) is.
    expect(firstHalf.firstResponse).toMatchObject({ onTime: 2, late: 1, missed: 0, pending: 0, compliance: 2 / 3 });
    expect(firstHalf.firstResponse.byCategory.map((row: { category: string }) => row.category)).toEqual(['complaint', 'repair', 'emergency']);
    expect(firstHalf.callback).toMatchObject({ needed: 2, reached: 1, closedUnreachable: 1, outstanding: 0 });
    expect(firstHalf.handleTime).toMatchObject({ calls: 3, averageSeconds: 570 / 3, withinTarget: 2 });
    expect(firstHalf.open).toEqual((await summary(current, '2001')).open);

    // October's last second holds A (no response, deadline passed) and the 60 s visit.
    const october = await summary(current, '2001', { range: { from: '2026-10-01', to: '2026-10-31' } });
    expect(october.firstResponse).toMatchObject({ onTime: 0, late: 0, missed: 1, pending: 0, compliance: 0 });
    expect(october.callback).toMatchObject({ needed: 0, rate: null });
    expect(october.handleTime).toMatchObject({ calls: 1, averageSeconds: 60, withinTarget: 1 });

    const december = await summary(current, '2001', { range: { from: '2026-12-01', to: '2026-12-31' } });
    expect(december.firstResponse).toMatchObject({ onTime: 0, late: 0, missed: 0, pending: 0, compliance: null, byCategory: [] });
    expect(december.handleTime).toMatchObject({ calls: 0, averageSeconds: null, byAgent: [] });

    expect(await current.call('app:slaDashboard.summary', { range: { from: '2026-11-30', to: '2026-11-01' } }, '2001')).toMatchObject({
      ok: false,
      code: 'DATE_RANGE_INVALID',
    });
    expect(await current.call('app:slaDashboard.summary', { range: { from: '2025-11-01', to: '2026-11-02' } }, '2001')).toMatchObject({
      ok: false,
      code: 'DATE_RANGE_INVALID',
    });
    expect((await summary(current, '2001', { range: { from: '2025-11-02', to: '2026-11-02' } })).range).toEqual({ from: '2025-11-02', to: '2026-11-02' });
  });

  it('lists an agent’s overdue tickets, the most overdue first, within the caller’s team only', async () => {
    const { current, tickets } = await november();
    const listed = await current.value('app:slaDashboard.overdueTickets', { agentId: '1001' }, '2001');
    expect(listed.overdue).toBe(4);
    expect(listed.tickets.map((ticket: { number: string; target: string; dueAt: string }) => [ticket.number, ticket.target, ticket.dueAt])).toEqual([
      [tickets.A!.number, 'firstResponse', '2026-11-02T15:59:59.000Z'],
      [tickets.H!.number, 'resolve', '2026-11-14T19:59:59.000Z'],
      [tickets.I!.number, 'resolve', '2026-11-14T20:00:00.000Z'],
      [tickets.J!.number, 'callback', '2026-11-19T03:00:00.000Z'],
    ]);
    expect(listed.tickets[0]).toEqual({
      id: tickets.A!.id,
      number: tickets.A!.number,
      category: 'complaint',
      status: 'new',
      createdAt: '2026-10-31T15:59:59.000Z',
      target: 'firstResponse',
      dueAt: '2026-11-02T15:59:59.000Z',
    });
    expect(await current.value('app:slaDashboard.overdueTickets', { agentId: '1001' }, '2003')).toMatchObject({ tickets: [], overdue: 0 });
    expect((await current.value('app:slaDashboard.overdueTickets', { agentId: '2001' }, '8001')).tickets.map((ticket: { number: string }) => ticket.number)).toEqual([
      tickets.D!.number,
    ]);
    expect(await current.call('app:slaDashboard.overdueTickets', { agentId: '9999' }, '2001')).toMatchObject({ ok: false, code: 'ACCOUNT_NOT_FOUND' });
    expect(await current.call('app:slaDashboard.overdueTickets', { agentId: '1001', team: '二组' }, '2001')).toMatchObject({ ok: false, code: 'FORBIDDEN_ROLE' });

    // Answering the complaint meets its last running target: it leaves the list at once, still open.
    await current.value('app:tickets.transition', { ticketId: tickets.A!.id, action: 'start' }, '1001');
    await current.value('app:tickets.transition', { ticketId: tickets.A!.id, action: 'reply' }, '1001');
    const after = await current.value('app:slaDashboard.overdueTickets', { agentId: '1001' }, '2001');
    expect(after.tickets.map((ticket: { number: string }) => ticket.number)).not.toContain(tickets.A!.number);
    expect((await summary(current, '2001')).open).toMatchObject({ open: 6, overdue: 4 });
  });
});
