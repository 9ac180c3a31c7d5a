import { afterEach, describe, expect, it } from 'vitest';
import { listAuditEntries } from '../../db/audit-log';
import { createFakeClock, createScenario, personalPassword, type Scenario } from '../test-support';

let scenario: Scenario | undefined;
afterEach(() => {
  scenario?.desk.cleanup();
  scenario = undefined;
});

/** Runs a background verification as that person and answers its result. */
async function verifyInBackground(current: Scenario, agentId: string): Promise<unknown> {
  let progress = await current.value('app:audit.startVerification', {}, agentId);
  while (!progress.done) {
    await new Promise((resolve) => setTimeout(resolve, 2));
    progress = await current.value('app:audit.verificationProgress', { jobId: progress.jobId }, agentId);
  }
  return progress.result;
}

describe('audit trail through the desk', () => {
  it('records who, what, where and when for actions and refusals, and audits its own reading', async () => {
    const current = (scenario = await createScenario());
    const db = current.desk.desk.store.connection();
    const workstationId = (await current.value('app:settings.get', {}, '8001')).workstationId;
    expect(workstationId).toMatch(/^WS-/);

    expect(await current.call('app:agents.list', {}, '1001')).toMatchObject({ code: 'FORBIDDEN_ROLE' });
    expect(await current.call('app:customers.find', { kind: 'phone', value: 12 }, '1001')).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(await current.call('app:session.signIn', { agentId: '1001', password: 'not-it-at-all' }, 'kiosk')).toMatchObject({
      code: 'INVALID_CREDENTIALS',
    });
    await current.value('app:agents.update', { agentId: '1002', displayName: '员工1002', role: 'team_lead', team: '二组' }, '8001');

    const [roleChange, failedSignIn, validation, forbidden] = listAuditEntries(db, { limit: 4 });
    expect(roleChange).toMatchObject({
      agentId: '8001',
      role: 'admin',
      action: 'account.roleChange',
      objectType: 'account',
      objectId: '1002',
      outcome: 'success',
      workstationId,
      timeZone: 'Asia/Shanghai',
      utcOffsetMinutes: 480,
      occurredAt: current.clock.now().toISOString(),
      details: { fromRole: 'agent', toRole: 'team_lead' },
    });
    expect(failedSignIn).toMatchObject({ agentId: '1001', action: 'session.signIn', outcome: 'failed', code: 'INVALID_CREDENTIALS' });
    expect(validation).toMatchObject({ agentId: '1001', action: 'app:customers.find', outcome: 'refused', code: 'VALIDATION_FAILED', details: { fields: 'value' } });
    expect(forbidden).toMatchObject({ agentId: '1001', role: 'agent', action: 'app:agents.list', outcome: 'refused', code: 'FORBIDDEN_ROLE' });

    // A lead reads the team's entries only; the read is the newest entry.
    const page = await current.value('app:audit.list', { limit: 500 }, '2003');
    const agentIds = new Set(page.entries.map((entry: { agentId: string }) => entry.agentId));
    expect([...agentIds].sort()).toEqual(['1002', '2003']);
    expect(listAuditEntries(db, { limit: 1 })[0]).toMatchObject({ agentId: '2003', action: 'audit.read' });
    const everything = await current.value('app:audit.list', { limit: 500 }, '8001');
    expect(everything.entries.length).toBeGreaterThan(page.entries.length);

    // UPDATE and DELETE are refused by the database itself.
    expect(() => db.prepare(`UPDATE audit_log SET outcome = 'success' WHERE seq = 1`).run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log WHERE seq = 1').run()).toThrow(/keeps every entry/);
  });

  it('filters, pages by cursor and keeps leads to their team; each read is audited with its view', async () => {
    const current = (scenario = await createScenario());
    const db = current.desk.desk.store.connection();
    const created = await current.value(
      'app:customers.create',
      { fullName: '欧阳晓明', gender: 'male', phones: ['13812345678'], idType: 'resident_id', idNumber: '', address: '', accountNumbers: [] },
      '1001',
    );
    const customerId = created.customer.id as number;
    for (const reasonText of ['客户要求回拨核实', '核对身份', '投诉处理']) {
      current.clock.advance(60_000);
      await current.value('app:customers.reveal', { customerId, field: 'phone', index: 0, reasonCode: 'call_back', reasonText }, '1001');
    }
    await current.call('app:session.signIn', { agentId: '9999', password: 'not-it-at-all' }, 'kiosk');

    const filter = { agentId: '1001', action: 'customer.*' };
    const first = await current.value('app:audit.list', { filter, limit: 2 }, '2001');
    expect(first.total).toEqual({ count: 4, capped: false });
    expect(first.entries.map((entry: { action: string }) => entry.action)).toEqual(['customer.reveal', 'customer.reveal']);
    expect(first.entries[0].details.reason).toBe('投诉处理');
    expect(first.entries[0].previousHash).toMatch(/^[0-9a-f]{64}$/);
    expect(first.nextCursor).toEqual({ occurredAt: first.entries[1].occurredAt, seq: first.entries[1].seq });
    expect(listAuditEntries(db, { limit: 1 })[0]).toMatchObject({
      agentId: '2001',
      action: 'audit.read',
      details: { scope: 'team', agentId: '1001', action: 'customer.*', order: 'desc', page: 'first', limit: 2, outcome: null, from: null },
    });
    const second = await current.value('app:audit.list', { filter, limit: 2, cursor: first.nextCursor }, '2001');
    expect(second.total).toBeNull();
    expect(second.nextCursor).toBeNull();
    expect(second.entries.map((entry: { action: string }) => entry.action)).toEqual(['customer.reveal', 'customer.create']);
    expect(listAuditEntries(db, { limit: 1 })[0]).toMatchObject({ action: 'audit.read', details: { page: 'next' } });

    const oldestFirst = await current.value('app:audit.list', { filter: { ...filter, objectType: 'customer', objectId: String(customerId) }, order: 'asc' }, '2001');
    expect(oldestFirst.entries.map((entry: { seq: number }) => entry.seq)).toEqual(
      [...first.entries, ...second.entries].map((entry: { seq: number }) => entry.seq).reverse(),
    );
    const inRange = await current.value(
      'app:audit.list',
      { filter: { ...filter, from: new Date(current.clock.now().getTime() - 90_000).toISOString().replace('.000Z', 'Z') } },
      '2001',
    );
    expect(inRange.entries.map((entry: { details: { reason: string } }) => entry.details.reason)).toEqual(['投诉处理', '核对身份']);

    // Another team's lead finds nothing of agent 1001; only an administrator sees sign-ins of unknown IDs.
    expect(await current.value('app:audit.list', { filter }, '2003')).toMatchObject({ entries: [], total: { count: 0, capped: false }, nextCursor: null });
    const unknownSignIns = { action: 'session.signIn', outcome: 'failed' };
    expect((await current.value('app:audit.list', { filter: unknownSignIns }, '2001')).entries).toEqual([]);
    const seenByAdmin = await current.value('app:audit.list', { filter: unknownSignIns }, '8001');
    expect(seenByAdmin.entries).toMatchObject([{ agentId: null, objectId: '9999', code: 'INVALID_CREDENTIALS' }]);

    expect(await current.call('app:audit.list', { filter: { from: '2026-11-23T00:00:00Z', to: '2026-11-22T00:00:00Z' } }, '2001')).toMatchObject({
      code: 'VALIDATION_FAILED',
    });
  });

  it('verifies the chain and compares an exported checkpoint, both audited', async () => {
    const current = (scenario = await createScenario());
    const verification = await verifyInBackground(current, '2001');
    expect(verification).toMatchObject({ status: 'intact', firstSeq: 1 });
    const { checkpoint, fileName } = await current.value('app:audit.exportCheckpoint', {}, '2001');
    expect(fileName).toContain(checkpoint.workstationId);
    expect(await current.value('app:audit.compareCheckpoint', { checkpoint }, '8001')).toMatchObject({ status: 'match' });
    const forged = { ...checkpoint, seq: checkpoint.seq + 5 };
    expect(await current.value('app:audit.compareCheckpoint', { checkpoint: forged }, '8001')).toMatchObject({
      status: 'mismatch',
      problem: 'bad-signature',
    });
    const actions = listAuditEntries(current.desk.desk.store.connection(), { limit: 4 }).map((entry) => entry.action);
    expect(actions).toEqual(['audit.checkpoint.compare', 'audit.checkpoint.compare', 'audit.checkpoint.export', 'audit.verify']);
  });

  it('archives entries older than 180 days only with an approved request, keeping the rest verifiable', async () => {
    const clock = createFakeClock('2025-01-10T02:00:00.000Z');
    const current = (scenario = await createScenario(clock));
    const oldHead = listAuditEntries(current.desk.desk.store.connection(), { limit: 1 })[0]!.seq;
    clock.set('2026-11-22T02:00:00.000Z');
    // Nearly two years without input locked every seat.
    for (const agentId of ['8001', '2001']) {
      await current.value('app:session.unlock', { password: personalPassword(agentId) }, agentId);
    }

    expect(await current.call('app:audit.archive', { upToSeq: oldHead, approvalId: 1 }, '8001')).toMatchObject({ code: 'APPROVAL_REQUIRED' });
    expect(await current.call('app:approvals.request', { purpose: 'audit_archive', customerId: null, reasonCode: 'other', reasonText: '年度归档' }, '2001')).toMatchObject({
      code: 'FORBIDDEN_ROLE',
    });
    const { approval } = await current.value(
      'app:approvals.request',
      { purpose: 'audit_archive', customerId: null, reasonCode: 'other', reasonText: '年度归档' },
      '8001',
    );
    await current.value('app:approvals.decide', { approvalId: approval.id, approve: true, note: '' }, '2001');
    const headNow = listAuditEntries(current.desk.desk.store.connection(), { limit: 1 })[0]!.seq;
    expect(await current.call('app:audit.archive', { upToSeq: headNow, approvalId: approval.id }, '8001')).toMatchObject({
      code: 'AUDIT_TOO_YOUNG',
    });
    const archived = await current.value('app:audit.archive', { upToSeq: oldHead, approvalId: approval.id }, '8001');
    expect(archived.entryCount).toBe(oldHead);
    expect(archived.content.split('\n').filter(Boolean)).toHaveLength(oldHead + 1);
    expect(await verifyInBackground(current, '8001')).toMatchObject({ status: 'intact', firstSeq: oldHead + 1 });
    expect(await current.call('app:audit.archive', { upToSeq: oldHead, approvalId: approval.id }, '8001')).toMatchObject({ code: 'APPROVAL_REQUIRED' });
  });
});
