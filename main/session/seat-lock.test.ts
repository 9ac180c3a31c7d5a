import { afterEach, describe, expect, it } from 'vitest';
import { listChannels } from '../../common/ipc/contract';
import { listAuditEntries, verifyAuditChain } from '../../db/audit-log';
import { createScenario, personalPassword, type Scenario } from '../test-support';

let scenario: Scenario | undefined;
afterEach(() => {
  scenario?.desk.cleanup();
  scenario = undefined;
});

const agent = '1001';
const emptyStash = { drafts: {}, openCustomerId: null };

async function lockedScenario(): Promise<Scenario> {
  scenario = await createScenario();
  await scenario.value('app:session.lock', { reason: 'hotkey', stash: emptyStash }, agent);
  return scenario;
}

function auditActions(current: Scenario, agentId: string): string[] {
  const db = current.desk.desk.store.connection();
  return listAuditEntries(db, { limit: 500, agentIds: [agentId] })
    .reverse()
    .map((entry) => `${entry.action}:${entry.outcome}`);
}

describe('locked seat', () => {
  it('refuses every data channel with LOCKED, whatever the payload, and audits each refusal', async () => {
    const current = await lockedScenario();
    const dataChannels = listChannels().filter((entry) => entry.definition.allowedWhileLocked !== true);
    expect(dataChannels.length).toBeGreaterThan(20);
    for (const entry of dataChannels) {
      for (const payload of [{}, { customerId: 1 }, null]) {
        expect(await current.call(entry.name, payload, agent), entry.name).toMatchObject({ ok: false, code: 'LOCKED' });
      }
    }
    const refusals = listAuditEntries(current.desk.desk.store.connection(), { limit: 500, agentIds: [agent] }).filter(
      (entry) => entry.code === 'LOCKED',
    );
    expect(refusals).toHaveLength(dataChannels.length * 3);
    expect(new Set(refusals.map((entry) => entry.action))).toEqual(new Set(dataChannels.map((entry) => entry.name)));
    // The lock screen's own channels still answer.
    expect(await current.value('app:session.current', {}, agent)).toMatchObject({ account: { agentId: agent }, locked: { reason: 'hotkey' } });
    expect(await current.value('app:store.status', {}, agent)).toMatchObject({ state: 'ready' });
    // Other people's seats are not affected.
    expect(await current.call('app:approvals.mine', {}, '1002')).toMatchObject({ ok: true });
  });

  it('unlocks with the same agent’s password only, and gives the drafts back once', async () => {
    const current = await lockedScenario();
    await current.value('app:session.lock', { reason: 'hotkey', stash: { drafts: { 'customer-note:7': '客户要求明天回电' }, openCustomerId: 7 } }, agent);
    expect(await current.call('app:session.unlock', { password: personalPassword('1002') }, agent)).toMatchObject({
      ok: false,
      code: 'INVALID_CREDENTIALS',
    });
    const unlocked = await current.value('app:session.unlock', { password: personalPassword(agent) }, agent);
    expect(unlocked.stash).toEqual({ drafts: { 'customer-note:7': '客户要求明天回电' }, openCustomerId: 7 });
    expect((await current.value('app:session.current', {}, agent)).locked).toBeNull();
    expect(await current.call('app:approvals.mine', {}, agent)).toMatchObject({ ok: true });
    expect(auditActions(current, agent)).toEqual(
      expect.arrayContaining(['session.lock:success', 'session.unlock:failed', 'session.unlock:success']),
    );
  });

  it('switch agent ends the locked session; the drafts stay with their owner until they sign in again', async () => {
    const current = await lockedScenario();
    await current.value('app:session.lock', { reason: 'button', stash: { drafts: { 'customer-note:3': '草稿' }, openCustomerId: null } }, agent);
    await current.value('app:session.signOut', {}, agent);
    expect(await current.value('app:session.current', {}, agent)).toEqual({ account: null, locked: null });
    const other = await current.value('app:session.signIn', { agentId: '1002', password: personalPassword('1002') }, agent);
    expect(other.stash).toBeNull();
    await current.value('app:session.signOut', {}, agent);
    const owner = await current.value('app:session.signIn', { agentId: agent, password: personalPassword(agent) }, agent);
    expect(owner.stash).toEqual({ drafts: { 'customer-note:3': '草稿' }, openCustomerId: null });
    expect(auditActions(current, agent)).toContain('session.switchAgent:success');
  });

  it('locks after the idle time, on each OS event, and never later than 15 minutes', async () => {
    const current = (scenario = await createScenario());
    const { clock } = current;
    const locked = async () => (await current.value('app:session.current', {}, agent)).locked;
    const unlock = () => current.value('app:session.unlock', { password: personalPassword(agent) }, agent);

    clock.advance(4 * 60_000 + 59_000);
    current.desk.seatLock.tick();
    expect(await locked()).toBeNull();
    await current.value('app:session.activity', {}, agent);
    clock.advance(4 * 60_000 + 59_000);
    current.desk.seatLock.tick();
    expect(await locked()).toBeNull();
    clock.advance(1_000);
    current.desk.seatLock.tick();
    expect(await locked()).toMatchObject({ reason: 'idle' });
    await unlock();

    for (const [event, reason] of [
      ['lock-screen', 'os-lock-screen'],
      ['suspend', 'os-suspend'],
      ['user-switch', 'os-user-switch'],
      ['lid-close', 'os-lid-close'],
    ] as const) {
      current.desk.seatLock.osEvent(event);
      expect(await locked()).toMatchObject({ reason });
      expect(await current.call('app:customers.find', { kind: 'phone', value: '13800001111' }, agent)).toMatchObject({ code: 'LOCKED' });
      await unlock();
    }

    // An administrator cannot configure more than 15 minutes, and a stored 60 is not obeyed either.
    // (The OS events locked the administrator's seat on this machine too.)
    await current.value('app:session.unlock', { password: personalPassword('8001') }, '8001');
    const settings = (await current.value('app:settings.get', {}, '8001')).settings;
    expect(await current.call('app:settings.update', { settings: { ...settings, idleMinutes: 60 } }, '8001')).toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    current.desk.desk.store.connection().prepare(`INSERT INTO settings VALUES ('idleMinutes', '60', 't', NULL)`).run();
    current.desk.seatLock.systemActivity(0);
    clock.advance(15 * 60_000);
    current.desk.seatLock.tick();
    expect(await locked()).toMatchObject({ reason: 'idle' });
  });

  it('ends the open customer view at the lock: reveals do not survive it', async () => {
    const current = (scenario = await createScenario());
    const created = await current.value(
      'app:customers.create',
      { fullName: '王小明', gender: 'male', phones: ['13812345678'], idType: 'resident_id', idNumber: '110105194912310021', address: '北京市朝阳区建国路88号', accountNumbers: [] },
      agent,
    );
    await current.value('app:customers.reveal', { customerId: created.customer.id, field: 'phone', reasonCode: 'call_back', reasonText: '回电核实' }, agent);
    await current.value('app:session.lock', { reason: 'hotkey', stash: { drafts: {}, openCustomerId: created.customer.id } }, agent);
    const unlocked = await current.value('app:session.unlock', { password: personalPassword(agent) }, agent);
    expect(unlocked.stash.openCustomerId).toBe(created.customer.id);
    const reopened = await current.value('app:customers.view', { customerId: created.customer.id }, agent);
    expect(reopened.customer.phones[0]).toEqual({ text: '138****5678', masked: true });
  });
});

describe('pushed events', () => {
  it('tells exactly the affected windows when a seat locks or a session ends', async () => {
    const current = (scenario = await createScenario());
    const heard: string[] = [];
    current.desk.desk.events.subscribe((clientKey, name) => heard.push(`${clientKey}:${name}`));
    current.desk.desk.events.subscribe(() => {
      throw new Error('a broken listener');
    });
    current.clock.advance(2 * 60_000);
    await current.value('app:session.activity', {}, agent);
    current.clock.advance(3 * 60_000);
    current.desk.seatLock.tick();
    // Every seat but the agent's was idle for 5 minutes.
    expect(heard.sort()).toEqual(['1002', '2001', '2002', '2003', '8001'].map((key) => `${key}:sessionChanged`));
    expect(current.desk.errors.length).toBe(5);
    heard.length = 0;
    await current.value('app:session.unlock', { password: personalPassword('8001') }, '8001');
    await current.value('app:agents.setStatus', { agentId: agent, status: 'disabled' }, '8001');
    expect(heard).toEqual([`${agent}:sessionChanged`]);
  });
});

describe('lock edge cases', () => {
  it('applies an idle limit that passed since the last tick to the very next call', async () => {
    const current = (scenario = await createScenario());
    current.clock.advance(5 * 60_000);
    expect(await current.call('app:approvals.mine', {}, agent)).toMatchObject({ code: 'LOCKED' });
    expect((await current.value('app:session.current', {}, agent)).locked).toMatchObject({ reason: 'idle' });
  });

  it('never lets a later, emptier stash replace the drafts kept at the lock', async () => {
    const current = (scenario = await createScenario());
    await current.value('app:session.lock', { reason: 'hotkey', stash: { drafts: { 'customer-note:9': '保留的草稿' }, openCustomerId: 9 } }, agent);
    await current.value('app:session.lock', { reason: 'button', stash: emptyStash }, agent);
    const unlocked = await current.value('app:session.unlock', { password: personalPassword(agent) }, agent);
    expect(unlocked.stash).toEqual({ drafts: { 'customer-note:9': '保留的草稿' }, openCustomerId: 9 });
  });

  it('counts wrong current passwords of a password change towards the lockout', async () => {
    const current = (scenario = await createScenario());
    const change = (currentPassword: string) =>
      current.call('app:session.changePassword', { currentPassword, newPassword: 'Brand-new-desk-2026!' }, agent);
    for (let attempt = 1; attempt <= 4; attempt += 1) expect(await change(`wrong-${attempt}-password`)).toMatchObject({ code: 'INVALID_CREDENTIALS' });
    expect(await change('wrong-5-password')).toMatchObject({ code: 'ACCOUNT_LOCKED_OUT' });
    expect(await change(personalPassword(agent))).toMatchObject({ code: 'ACCOUNT_LOCKED_OUT' });
  });

  it('records the object a refused call aimed at', async () => {
    const current = (scenario = await createScenario());
    expect(await current.call('app:customers.view', { customerId: 999 }, agent)).toMatchObject({ code: 'CUSTOMER_NOT_ACCESSIBLE' });
    const [entry] = listAuditEntries(current.desk.desk.store.connection(), { limit: 1 });
    expect(entry).toMatchObject({ agentId: agent, action: 'app:customers.view', objectType: 'customer', objectId: '999', outcome: 'refused' });
  });
});

describe('unlock lockout', () => {
  it('locks the account after 5 failures; 10,000 wrong attempts never succeed and every one is audited', async () => {
    const current = await lockedScenario();
    const db = current.desk.desk.store.connection();
    const before = listAuditEntries(db, { limit: 1, agentIds: [agent] })[0]?.seq ?? 0;
    const codes = new Map<string, number>();
    for (let attempt = 1; attempt <= 10_000; attempt += 1) {
      // Every 1,000th try is the right password: during a lockout even that must fail.
      const password = attempt % 1_000 === 0 ? personalPassword(agent) : `wrong-password-${attempt}`;
      const result = await current.call('app:session.unlock', { password }, agent);
      expect(result.ok, `attempt ${attempt}`).toBe(false);
      if (!result.ok) codes.set(result.code, (codes.get(result.code) ?? 0) + 1);
      if (attempt <= 4 && !result.ok) expect(result.code).toBe('INVALID_CREDENTIALS');
      if (attempt >= 5 && !result.ok) expect(result.code).toBe('ACCOUNT_LOCKED_OUT');
    }
    expect(codes).toEqual(new Map([['INVALID_CREDENTIALS', 4], ['ACCOUNT_LOCKED_OUT', 9_996]]));
    const attempts = db
      .prepare(`SELECT outcome, code, count(*) AS n FROM audit_log WHERE seq > ? AND action = 'session.unlock' GROUP BY outcome, code ORDER BY code`)
      .all(before);
    expect(attempts).toEqual([
      { outcome: 'refused', code: 'ACCOUNT_LOCKED_OUT', n: 9_995 },
      { outcome: 'failed', code: 'INVALID_CREDENTIALS', n: 5 },
    ]);
    expect(db.prepare(`SELECT count(*) FROM audit_log WHERE seq > ? AND action = 'account.lockout'`).pluck().get(before)).toBe(1);
    expect(verifyAuditChain(db, current.desk.desk.store.auditKey())).toMatchObject({ status: 'intact' });

    // The lockout also refuses sign-in elsewhere; it ends after 30 minutes, or an administrator lifts it.
    expect(await current.call('app:session.signIn', { agentId: agent, password: personalPassword(agent) }, 'other-window')).toMatchObject({
      code: 'ACCOUNT_LOCKED_OUT',
    });
    const listed = (await current.value('app:agents.list', {}, '8001')).accounts.find((account: { agentId: string }) => account.agentId === agent);
    expect(listed.lockedUntil).toBe(new Date(current.clock.now().getTime() + 30 * 60_000).toISOString());
    await current.value('app:agents.liftLockout', { agentId: agent }, '8001');
    expect(await current.call('app:session.unlock', { password: personalPassword(agent) }, agent)).toMatchObject({ ok: true });
  }, 180_000);

  it('lets the lockout run out after the configured time', async () => {
    const current = await lockedScenario();
    for (let attempt = 0; attempt < 5; attempt += 1) await current.call('app:session.unlock', { password: 'wrong-one' }, agent);
    current.clock.advance(29 * 60_000);
    expect(await current.call('app:session.unlock', { password: personalPassword(agent) }, agent)).toMatchObject({ code: 'ACCOUNT_LOCKED_OUT' });
    current.clock.advance(60_000);
    expect(await current.call('app:session.unlock', { password: personalPassword(agent) }, agent)).toMatchObject({ ok: true });
  });
});
