import { readdirSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listChannels } from '../../common/ipc/contract';
import type { IpcResult } from '../../common/ipc/result';
import { createTestDesk, strongPassword, type TestDesk } from '../test-support';

let desk: TestDesk;
beforeEach(() => {
  desk = createTestDesk();
});
afterEach(() => desk.cleanup());

const adminClient = 'window-admin';
const agentClient = 'window-agent';

async function call(channel: string, payload: unknown, clientKey = adminClient): Promise<IpcResult<any>> {
  const result = await desk.dispatch(channel, payload, clientKey);
  // Whatever a channel answers, a password hash never leaves main.
  expect(JSON.stringify(result)).not.toMatch(/scrypt\$|passwordHash|password_hash/);
  return result;
}

async function value(channel: string, payload: unknown, clientKey = adminClient): Promise<any> {
  const result = await call(channel, payload, clientKey);
  if (!result.ok) throw new Error(`${channel} failed: ${result.code} ${result.message}`);
  return result.value;
}

async function setUpAdministrator(): Promise<void> {
  await value('app:setup.createAdministrator', {
    agentId: '8001',
    displayName: '管理员',
    team: '',
    password: strongPassword('admin'),
    databasePassphrase: 'branch-counter-passphrase',
  });
}

async function createAgent(agentId = '1024'): Promise<void> {
  await value('app:agents.create', {
    agentId,
    displayName: '张小红',
    role: 'agent',
    team: '一组',
    temporaryPassword: strongPassword('temporary'),
  });
}

describe('IPC dispatcher', () => {
  it('runs setup, agent creation, forced password change and sign-out end to end', async () => {
    expect(await value('app:store.status', {})).toMatchObject({ state: 'uninitialized', hasAccounts: false });
    await setUpAdministrator();
    expect(await value('app:store.status', {})).toMatchObject({ state: 'ready', hasAccounts: true });
    const administrator = (await value('app:session.current', {})).account;
    expect(administrator).toMatchObject({ agentId: '8001', role: 'admin' });
    expect(administrator.lastSignInAt).not.toBeNull();
    await createAgent();

    const signedIn = await value('app:session.signIn', { agentId: '1024', password: strongPassword('temporary') }, agentClient);
    expect(signedIn.account).toMatchObject({ agentId: '1024', role: 'agent', mustChangePassword: true });
    expect(await call('app:agents.list', {}, agentClient)).toMatchObject({ ok: false, code: 'PASSWORD_CHANGE_REQUIRED' });
    expect(
      await call('app:session.changePassword', { currentPassword: 'wrong-password-x', newPassword: strongPassword('mine') }, agentClient),
    ).toMatchObject({ ok: false, code: 'INVALID_CREDENTIALS' });
    expect(
      await call('app:session.changePassword', { currentPassword: strongPassword('temporary'), newPassword: strongPassword('temporary') }, agentClient),
    ).toMatchObject({ ok: false, code: 'PASSWORD_UNCHANGED' });
    const changed = await value(
      'app:session.changePassword',
      { currentPassword: strongPassword('temporary'), newPassword: strongPassword('mine') },
      agentClient,
    );
    expect(changed.account.mustChangePassword).toBe(false);
    expect(await call('app:agents.list', {}, agentClient)).toMatchObject({ ok: false, code: 'FORBIDDEN_ROLE' });

    await value('app:session.signOut', {}, agentClient);
    expect((await value('app:session.current', {}, agentClient)).account).toBeNull();
    expect(await call('app:session.signOut', {}, agentClient)).toMatchObject({ ok: false, code: 'NOT_SIGNED_IN' });
    expect((await value('app:session.signIn', { agentId: '1024', password: strongPassword('mine') }, agentClient)).account.agentId).toBe('1024');
  });

  it('refuses a weak database passphrase or a missing one with their own codes, writing nothing', async () => {
    const setup = { agentId: '8001', displayName: '管理员', team: '', password: strongPassword('admin') };
    expect(await call('app:setup.createAdministrator', { ...setup, databasePassphrase: 'short' })).toMatchObject({
      ok: false,
      code: 'PASSPHRASE_TOO_WEAK',
    });
    expect(await call('app:setup.createAdministrator', setup)).toMatchObject({ ok: false, code: 'PASSPHRASE_REQUIRED' });
    expect(await call('app:setup.createAdministrator', { ...setup, password: 'password1234' })).toMatchObject({
      ok: false,
      code: 'PASSWORD_TOO_COMMON',
    });
    expect(readdirSync(desk.dataDirectory)).toEqual([]);
  });

  it('gives the same answer for an unknown agent and a wrong password', async () => {
    await setUpAdministrator();
    await createAgent();
    const wrongPassword = await call('app:session.signIn', { agentId: '1024', password: 'not-the-password' }, agentClient);
    const unknownAgent = await call('app:session.signIn', { agentId: '9999', password: 'not-the-password' }, agentClient);
    expect(wrongPassword).toEqual(unknownAgent);
    expect(wrongPassword).toMatchObject({ ok: false, code: 'INVALID_CREDENTIALS' });
    expect((await value('app:session.current', {}, agentClient)).account).toBeNull();
  });

  it('ends a disabled agent’s session at once and refuses their sign-in until re-enabled', async () => {
    await setUpAdministrator();
    await createAgent();
    await value('app:session.signIn', { agentId: '1024', password: strongPassword('temporary') }, agentClient);
    expect((await value('app:agents.setStatus', { agentId: '1024', status: 'disabled' })).account.status).toBe('disabled');
    expect(desk.desk.sessions.get(agentClient)).toBeUndefined();
    expect(await call('app:session.changePassword', { currentPassword: 'a', newPassword: 'b' }, agentClient)).toMatchObject({
      ok: false,
      code: 'NOT_SIGNED_IN',
    });
    expect(await call('app:session.signIn', { agentId: '1024', password: strongPassword('temporary') }, agentClient)).toMatchObject({
      ok: false,
      code: 'ACCOUNT_DISABLED',
    });
    await value('app:agents.setStatus', { agentId: '1024', status: 'active' });
    expect(await call('app:session.signIn', { agentId: '1024', password: strongPassword('temporary') }, agentClient)).toMatchObject({ ok: true });
  });

  it('resets a password: the old one stops working, the session ends, a change is forced', async () => {
    await setUpAdministrator();
    await createAgent();
    await value('app:session.signIn', { agentId: '1024', password: strongPassword('temporary') }, agentClient);
    await value('app:session.changePassword', { currentPassword: strongPassword('temporary'), newPassword: strongPassword('mine') }, agentClient);
    const reset = await value('app:agents.resetPassword', { agentId: '1024', temporaryPassword: strongPassword('reset') });
    expect(reset.account.mustChangePassword).toBe(true);
    expect((await value('app:session.current', {}, agentClient)).account).toBeNull();
    expect(await call('app:session.signIn', { agentId: '1024', password: strongPassword('mine') }, agentClient)).toMatchObject({ ok: false });
    expect((await value('app:session.signIn', { agentId: '1024', password: strongPassword('reset') }, agentClient)).account.mustChangePassword).toBe(true);
  });

  it('enforces the administrator rules: no second setup, no change to one’s own role, status or password', async () => {
    await setUpAdministrator();
    expect(
      await call('app:setup.createAdministrator', { agentId: '8002', displayName: 'x', team: '', password: strongPassword('b') }, 'other'),
    ).toMatchObject({ ok: false, code: 'SETUP_ALREADY_DONE' });
    expect(await call('app:agents.setStatus', { agentId: '8001', status: 'disabled' })).toMatchObject({ ok: false, code: 'CANNOT_CHANGE_OWN_ACCOUNT' });
    expect(await call('app:agents.update', { agentId: '8001', displayName: 'x', role: 'agent', team: '' })).toMatchObject({
      ok: false,
      code: 'CANNOT_CHANGE_OWN_ACCOUNT',
    });
    expect(await call('app:agents.resetPassword', { agentId: '8001', temporaryPassword: strongPassword('c') })).toMatchObject({
      ok: false,
      code: 'CANNOT_CHANGE_OWN_ACCOUNT',
    });
    await value('app:agents.create', { agentId: '8002', displayName: '副管理员', role: 'admin', team: '', temporaryPassword: strongPassword('t') });
    expect((await value('app:agents.update', { agentId: '8002', displayName: '组长', role: 'team_lead', team: '二组' })).account).toMatchObject({
      role: 'team_lead',
      team: '二组',
    });
    expect(await call('app:agents.create', { agentId: '8002', displayName: 'dup', role: 'agent', team: '', temporaryPassword: strongPassword('t') })).toMatchObject({
      ok: false,
      code: 'AGENT_ID_TAKEN',
    });
    expect(await call('app:agents.update', { agentId: '7777', displayName: 'x', role: 'agent', team: '' })).toMatchObject({
      ok: false,
      code: 'ACCOUNT_NOT_FOUND',
    });
    expect(
      await call('app:agents.create', { agentId: '1025', displayName: '弱密码', role: 'agent', team: '', temporaryPassword: 'password1234' }),
    ).toMatchObject({ ok: false, code: 'PASSWORD_TOO_COMMON' });
  });

  it('refuses unknown and unprefixed channels', async () => {
    for (const channel of ['app:agents.drop', 'agents.list', 'app:__proto__.constructor', 'app:store.toString', '']) {
      expect(await call(channel, {})).toMatchObject({ ok: false, code: 'UNKNOWN_CHANNEL' });
    }
  });

  it('needs the administrator role on every account channel', async () => {
    await setUpAdministrator();
    await createAgent();
    await value('app:session.signIn', { agentId: '1024', password: strongPassword('temporary') }, agentClient);
    await value('app:session.changePassword', { currentPassword: strongPassword('temporary'), newPassword: strongPassword('mine') }, agentClient);
    const attempts: Array<[string, unknown]> = [
      ['app:agents.list', {}],
      ['app:agents.create', { agentId: '1030', displayName: 'x', role: 'admin', team: '', temporaryPassword: strongPassword('x') }],
      ['app:agents.update', { agentId: '1024', displayName: 'x', role: 'admin', team: '' }],
      ['app:agents.setStatus', { agentId: '8001', status: 'disabled' }],
      ['app:agents.resetPassword', { agentId: '8001', temporaryPassword: strongPassword('x') }],
    ];
    for (const [channel, payload] of attempts) {
      expect(await call(channel, payload, agentClient)).toMatchObject({ ok: false, code: 'FORBIDDEN_ROLE' });
      expect(await call(channel, payload, 'nobody')).toMatchObject({ ok: false, code: 'NOT_SIGNED_IN' });
    }
    expect((await value('app:session.current', {}, agentClient)).account.role).toBe('agent');
  });
});

/** Malformed payloads per channel; every channel in the contract must have an entry. */
const malformedPayloads: Record<string, unknown[]> = {
  'app:store.status': [{ extra: true }],
  'app:store.unlock': [{}, { passphrase: '' }, { passphrase: 42 }, { passphrase: 'x'.repeat(2000) }],
  'app:setup.createAdministrator': [
    {},
    { agentId: '8001', displayName: 'x', team: '', password: 42 },
    { agentId: '80 01', displayName: 'x', team: '', password: strongPassword('a') },
    { agentId: '8001', displayName: '', team: '', password: strongPassword('a') },
    { agentId: '8001', displayName: 'x', team: '', password: strongPassword('a'), role: 'admin' },
  ],
  'app:session.current': [{ agentId: '8001' }],
  'app:session.signIn': [{}, { agentId: '8001' }, { agentId: ['8001'], password: 'x' }, { agentId: "1' OR 1=1 --", password: 'x' }],
  'app:session.signOut': [{ everywhere: true }],
  'app:session.changePassword': [{}, { currentPassword: 'a' }, { currentPassword: 'a', newPassword: '' }],
  'app:agents.list': [{ filter: 'all' }],
  'app:agents.create': [
    {},
    { agentId: '1030', displayName: 'x', role: 'superuser', team: '', temporaryPassword: strongPassword('a') },
    { agentId: '1030', displayName: 'x', role: 'agent', team: 'x'.repeat(41), temporaryPassword: strongPassword('a') },
    { agentId: 'x'.repeat(17), displayName: 'x', role: 'agent', team: '', temporaryPassword: strongPassword('a') },
  ],
  'app:agents.update': [{}, { agentId: '1024', displayName: 'x', role: 'root', team: '' }],
  'app:agents.setStatus': [{}, { agentId: '1024', status: 'deleted' }, { agentId: '1024', status: true }],
  'app:agents.resetPassword': [{}, { agentId: '1024' }, { agentId: '1024', temporaryPassword: null }],
  'app:agents.liftLockout': [{}, { agentId: '' }, { agentId: '1024', all: true }],
  'app:session.lock': [{}, { reason: 'idle', stash: { drafts: {}, openCustomerId: null } }, { reason: 'hotkey', stash: { drafts: { '': 'x' }, openCustomerId: null } }],
  'app:session.unlock': [{}, { password: '' }, { password: 42 }],
  'app:session.activity': [{ at: 1 }],
  'app:settings.get': [{ name: 'x' }],
  'app:settings.update': [
    {},
    { settings: { companyName: '', unitName: '', hotline: '', idleMinutes: 16, maximumAttempts: 5, lockoutMinutes: 30, lockHotkey: 'Ctrl+L', watermark: true, grantMinutes: 30 } },
    { settings: { companyName: '', unitName: '', hotline: '', idleMinutes: 5, maximumAttempts: 11, lockoutMinutes: 30, lockHotkey: 'Ctrl+L', watermark: true, grantMinutes: 30 } },
    { settings: { companyName: '', unitName: '', hotline: '', idleMinutes: 5, maximumAttempts: 5, lockoutMinutes: 29, lockHotkey: 'Ctrl+L', watermark: true, grantMinutes: 30 } },
    { settings: { companyName: '', unitName: '', hotline: '', idleMinutes: 5, maximumAttempts: 5, lockoutMinutes: 30, lockHotkey: 'L', watermark: true, grantMinutes: 30 } },
  ],
  'app:customers.find': [{}, { kind: 'name', value: '王五' }, { kind: 'phone', value: '138' }, { kind: 'phone', value: 'x'.repeat(41) }],
  'app:customers.view': [{}, { customerId: 0 }, { customerId: '1' }, { customerId: 1.5 }],
  'app:customers.closeView': [{ customerId: 1 }],
  'app:customers.reveal': [
    {},
    { customerId: 1, field: 'phone', reasonCode: 'verify_identity', reasonText: '' },
    { customerId: 1, field: 'password', reasonCode: 'verify_identity', reasonText: 'caller asked' },
    { customerId: 1, field: 'phone', reasonCode: 'curious', reasonText: 'caller asked' },
  ],
  'app:customers.create': [
    {},
    { fullName: '王五', gender: null, phones: [], idType: 'resident_id', idNumber: '', address: '', accountNumbers: [] },
    { fullName: '王五', gender: 'x', phones: ['13800001111'], idType: 'resident_id', idNumber: '', address: '', accountNumbers: [] },
    { fullName: '王五', gender: null, phones: ['call me'], idType: 'resident_id', idNumber: '', address: '', accountNumbers: [] },
  ],
  'app:customers.addNote': [{}, { customerId: 1, body: '' }, { customerId: 1, body: 'x'.repeat(4001) }],
  'app:customers.openFullFile': [{}, { customerId: -1 }],
  'app:customers.export': [{}, { customerId: 1 }, { customerId: 1, approvalId: 'a' }],
  'app:customers.print': [{}, { customerId: 1 }],
  'app:approvals.request': [
    {},
    { purpose: 'full_file', customerId: null, reasonCode: 'other', reasonText: 'need it' },
    { purpose: 'audit_archive', customerId: 1, reasonCode: 'other', reasonText: 'need it' },
    { purpose: 'audit_export', customerId: 1, reasonCode: 'other', reasonText: 'need it' },
    { purpose: 'browse', customerId: 1, reasonCode: 'other', reasonText: 'need it' },
    { purpose: 'export', customerId: 1, reasonCode: 'other', reasonText: '' },
  ],
  'app:approvals.mine': [{ all: true }],
  'app:approvals.inbox': [{ team: 'x' }],
  'app:approvals.decide': [{}, { approvalId: 1, approve: 'yes', note: '' }, { approvalId: 1, approve: true }],
  'app:approvals.withdraw': [{}, { approvalId: 0 }],
  'app:audit.list': [
    { limit: 0 },
    { limit: 501 },
    { beforeSeq: -1 },
    { order: 'random' },
    { filter: { from: 'yesterday' } },
    { filter: { from: '2026-11-23T00:00:00.000Z', to: '2026-11-22T00:00:00.000Z' } },
    { filter: { action: 'customer.*.view' } },
    { filter: { outcome: 'maybe' } },
    { filter: { agentId: '' } },
    { filter: { seq: 1 } },
    { cursor: { occurredAt: '2026-11-22', seq: 1 } },
    { cursor: { occurredAt: '2026-11-22T02:00:00.000Z', seq: 0 } },
  ],
  'app:audit.export': [
    {},
    { format: 'csv' },
    { format: 'pdf', approvalId: 1 },
    { format: 'xlsx', approvalId: 0 },
    { format: 'csv', approvalId: 1, filter: { objectId: 'x'.repeat(81) } },
    { format: 'csv', approvalId: 1, cursor: { occurredAt: '2026-11-22T02:00:00.000Z', seq: 1 } },
  ],
  'app:audit.startVerification': [{ jobId: 1 }],
  'app:audit.verificationProgress': [{}, { jobId: 0 }, { jobId: 1.5 }, { jobId: '1' }],
  'app:audit.exportCheckpoint': [{ seq: 1 }],
  'app:audit.compareCheckpoint': [{}, { checkpoint: { format: 'x' } }, { checkpoint: 'text' }],
  'app:audit.archive': [{}, { upToSeq: 10 }, { upToSeq: 0, approvalId: 1 }],
  'app:phraseRules.compiled': [{ knownRevision: 5 }, { knownRevision: 'x'.repeat(65) }],
  'app:phraseRules.list': [{ all: true }],
  'app:knowledge.search': [{}, { text: 'x'.repeat(101) }, { text: '燃气', limit: 0 }, { text: '燃气', includeExpired: 'yes' }],
  'app:knowledge.suggest': [{}, { intent: 'gossip' }, { intent: 'complaint', limit: 21 }],
  'app:tickets.create': [{}, { channel: 'phone', category: 'gossip', summary: 'x' }, { channel: 'fax', category: 'complaint', summary: 'x' }, { channel: 'phone', category: 'complaint', summary: '' }],
  'app:tickets.slip': [{}, { ticketId: 1 }, { ticketId: 1, labels: { title: '受理单' } }],
  'app:tickets.notifyDue': [{}, { ticketId: 1, target: 'lunch', title: '工单', body: '快超时' }, { ticketId: 1, target: 'reply', title: '', body: '快超时' }],
  'app:tickets.mine': [{ statuses: ['lost'] }, { categories: ['gossip'] }],
  'app:tickets.teamOverdue': [{ team: '一组' }],
  'app:tickets.transition': [{}, { ticketId: 1, action: 'delete' }, { ticketId: 0, action: 'start' }],
  'app:tickets.setWaiting': [{}, { ticketId: 1 }, { ticketId: 1, waiting: 'yes' }],
  'app:tickets.changeDeadline': [{}, { ticketId: 1, target: 'resolve', dueAt: 'tomorrow', reason: '客户要求' }, { ticketId: 1, target: 'resolve', dueAt: '2026-11-25T00:00:00Z', reason: 'x' }],
  'app:calls.current': [{ transcriptFrom: -1 }, { transcriptFrom: 1.5 }, { callId: 1 }],
  'app:calls.start': [{}, { direction: 'inbound' }, { direction: 'walk_in', customerId: 0 }],
  'app:calls.update': [{}, { callId: 1, intent: 'gossip' }, { callId: 1, scriptId: 'Phone Script' }],
  'app:calls.recordStep': [{}, { callId: 1, scriptId: 'phone', stepId: 'greeting' }, { callId: 1, scriptId: 'phone', stepId: 'x y', done: true }],
  'app:calls.finish': [{}, { callId: 0 }, { callId: '1' }],
  'app:knowledge.save': [
    {},
    { answer: { title: '', body: 'b', tags: [], category: 'c', validFrom: '2026-01-01', validTo: null, sourceNotice: '' } },
    { answer: { title: 't', body: 'b', tags: [], category: 'c', validFrom: '2026/01/01', validTo: null, sourceNotice: '' } },
    { answer: { title: 't', body: 'b', tags: [], category: 'c', validFrom: '2026-02-01', validTo: '2026-01-01', sourceNotice: '' } },
    { id: 0, answer: { title: 't', body: 'b', tags: [], category: 'c', validFrom: '2026-01-01', validTo: null, sourceNotice: '' } },
  ],
  'app:phraseRules.create': [
    {},
    { rule: { id: 'X-1', phrases: [], category: 'custom', severity: 'warn', exceptions: [], suggestions: [], enabled: true, note: '' } },
    { rule: { id: 'X-1', phrases: ['不管'], category: 'custom', severity: 'loud', exceptions: [], suggestions: [], enabled: true, note: '' } },
    { rule: { id: 'X 1', phrases: ['不管'], category: 'custom', severity: 'warn', exceptions: [], suggestions: [], enabled: true, note: '' } },
    { rule: { id: 'X-1', phrases: ['不管'], category: 'custom', severity: 'warn', exceptions: ['没事'], suggestions: [], enabled: true, note: '' } },
  ],
  'app:phraseRules.update': [{}, { rule: { id: 'X-1', phrases: ['，'], category: 'custom', severity: 'warn', exceptions: [], suggestions: [], enabled: true, note: '' } }],
  'app:phraseRules.remove': [{}, { id: '' }, { id: 'a b' }],
  'app:phraseRules.test': [{}, { text: 'x'.repeat(20_001) }, { text: 'x', draft: { id: 'A' } }],
  'app:phraseRules.import': [{}, { format: 'xml', mode: 'merge', content: '' }, { format: 'json', mode: 'append', content: '' }],
  'app:phraseRules.export': [{}, { format: 'xlsx' }],
  'app:callScripts.list': [{ kind: 'phone' }],
  'app:callScripts.save': [
    {},
    { script: { id: 'x', name: '脚本', kind: 'email', steps: [{ id: 'a', title: 't', template: '您好', required: true, targetSeconds: null }] } },
    { script: { id: 'x', name: '脚本', kind: 'phone', steps: [] } },
    { script: { id: 'x', name: '脚本', kind: 'phone', steps: [{ id: 'a', title: 't', template: '您好，{公司}', required: true, targetSeconds: null }] } },
    { script: { id: 'X Y', name: '脚本', kind: 'phone', steps: [{ id: 'a', title: 't', template: '您好', required: true, targetSeconds: null }] } },
    { script: { id: 'x', name: '脚本', kind: 'phone', steps: [{ id: 'a', title: 't', template: '您好', required: true, targetSeconds: 1 }] } },
    { script: { id: 'x', name: '脚本', kind: 'phone', steps: [{ id: 'a', title: 't', template: '您好', required: true, targetSeconds: null }] }, previousId: '' },
  ],
  'app:callScripts.remove': [{}, { id: '' }, { id: 'Phone' }],
  'app:callScripts.import': [{}, { mode: 'append', content: '[]' }, { mode: 'merge' }, { mode: 'merge', content: 'x'.repeat(1024 * 1024 + 1) }],
  'app:callScripts.export': [{ format: 'csv' }],
  'app:slaSettings.list': [{ year: 2026 }],
  'app:slaSettings.savePolicy': [
    {},
    { policy: { category: 'gossip', firstResponse: null, reply: null, resolve: null, callback: null } },
    { policy: { category: 'complaint', firstResponse: { amount: 0, unit: 'hours' }, reply: null, resolve: null, callback: null } },
    { policy: { category: 'complaint', firstResponse: { amount: 24, unit: 'days' }, reply: null, resolve: null, callback: null } },
    { policy: { category: 'complaint', firstResponse: { amount: 1.5, unit: 'hours' }, reply: null, resolve: null, callback: null } },
    { policy: { category: 'complaint', firstResponse: { amount: 251, unit: 'workingDays' }, reply: null, resolve: null, callback: null } },
    { policy: { category: 'complaint', firstResponse: null, reply: null, resolve: null } },
  ],
  'app:slaSettings.resetPolicy': [{}, { category: 'gossip' }],
  'app:slaSettings.saveCalendarYear': [
    {},
    { calendarYear: { year: 1999, holidays: [], makeUpWorkdays: [], source: '' } },
    { calendarYear: { year: 2027, holidays: [{ date: '2027-02-30', name: '春节' }], makeUpWorkdays: [], source: '' } },
    { calendarYear: { year: 2027, holidays: [{ date: '2027-02-08', name: ' ' }], makeUpWorkdays: [], source: '' } },
    { calendarYear: { year: 2027, holidays: [], makeUpWorkdays: [], source: 'x'.repeat(201) } },
    { calendarYear: { year: 2027, holidays: [], makeUpWorkdays: [], source: '', note: '' } },
  ],
  'app:slaSettings.removeCalendarYear': [{}, { year: '2026' }, { year: 2101 }],
  'app:slaSettings.importCalendarYears': [{}, { content: 42 }, { content: 'x'.repeat(512 * 1024 + 1) }],
  'app:quality.team': [{ month: '2026-13' }, { month: '2026-1' }, { team: '一组' }],
  'app:quality.pickUnscored': [{}, { agentId: '' }, { agentId: '1001', month: '11/2026' }],
  'app:quality.call': [{}, { callId: 0 }, { callId: '1' }],
  'app:quality.score': [
    {},
    { callId: 1, points: { language: 20, attitude: 20, tone: 16, summarising: 20, handling: 25 }, fatalItems: [], comment: '' },
    { callId: 1, points: { language: 20, attitude: 20, tone: 15, summarising: 20, handling: 25.5 }, fatalItems: [], comment: '' },
    { callId: 1, points: { language: 20, attitude: 20, tone: 15, summarising: 20 }, fatalItems: [], comment: '' },
    { callId: 1, points: { language: 20, attitude: 20, tone: 15, summarising: 20, handling: 25 }, fatalItems: ['late'], comment: '' },
    { callId: 1, points: { language: 20, attitude: 20, tone: 15, summarising: 20, handling: 25 }, fatalItems: ['abusiveLanguage', 'abusiveLanguage'], comment: '' },
    { callId: 1, points: { language: 20, attitude: 20, tone: 15, summarising: 20, handling: 25 }, fatalItems: [], comment: 'x'.repeat(1001) },
    { callId: 1, points: { language: 20, attitude: 20, tone: 15, summarising: 20, handling: 25 }, fatalItems: [], comment: '', total: 100 },
  ],
  'app:quality.mine': [{ month: '2026-11' }],
  'app:quality.appeal': [{}, { scorecardId: 1 }, { scorecardId: 1, reason: ' ' }, { scorecardId: 1, reason: 'x'.repeat(501) }],
  'app:quality.review': [
    {},
    { scorecardId: 1, decision: 'maybe', note: '复听属实' },
    { scorecardId: 1, decision: 'rejected', note: '' },
    { scorecardId: 1, decision: 'upheld', note: '复听属实' },
    { scorecardId: 1, decision: 'rejected', note: '复听属实', points: { language: 20, attitude: 20, tone: 15, summarising: 20, handling: 25 } },
  ],
  'app:quality.summary': [{ months: 6 }],
  'app:slaDashboard.summary': [
    { range: { from: '2026-11-01' } },
    { range: { from: '2026-11-01', to: '2026-11-31' } },
    { range: { from: '2026/11/01', to: '2026-11-30' } },
    { range: { from: '2026-11-01', to: '2026-11-30', days: 30 } },
    { team: 'x'.repeat(41) },
    { team: 7 },
  ],
  'app:slaDashboard.overdueTickets': [{}, { agentId: '' }, { agentId: '10 01' }, { agentId: '1001', team: 7 }],
  'app:handovers.write': [
    {},
    { shiftDate: '2026-11-22', shift: 'morning', equipmentState: 'normal' },
    { shiftDate: '2026-11-31', shift: 'morning', equipmentState: 'normal', notes: '交接' },
    { shiftDate: '2026-11-22', shift: 'lunch', equipmentState: 'normal', notes: '交接' },
    { shiftDate: '2026-11-22', shift: 'morning', equipmentState: 'problems', notes: '交接' },
    { shiftDate: '2026-11-22', shift: 'morning', equipmentState: 'normal', notes: 'x'.repeat(2001) },
    { shiftDate: '2026-11-22', shift: 'morning', equipmentState: 'normal', notes: '交接', ticketNumbers: ['20261122-0001'] },
    { shiftDate: '2026-11-22', shift: 'morning', equipmentState: 'normal', notes: '交接', correctsId: 0 },
  ],
  'app:handovers.lookupTicket': [{}, { number: 'GD2026-1' }, { number: 42 }],
  'app:handovers.acknowledge': [{}, { handoverId: 0 }, { handoverId: 1, note: 'x'.repeat(201) }, { handoverId: '1' }],
  'app:handovers.search': [
    { page: 0 },
    { pageSize: 51 },
    { text: 'x'.repeat(101) },
    { from: '2026-02-30' },
    { from: '2026-11-23', to: '2026-11-22' },
    { unacknowledgedOnly: 'yes' },
  ],
};

const malformedForEveryChannel: unknown[] = [undefined, null, 'text', 42, [], [{}], { __proto__: { polluted: true } }];

describe('malformed payloads', () => {
  it('has a table entry for every channel of the contract', () => {
    expect(Object.keys(malformedPayloads).sort()).toEqual(listChannels().map((entry) => entry.name).sort());
  });

  it('rejects them on an uninitialized store and creates no file', async () => {
    for (const entry of listChannels()) {
      for (const payload of [...malformedForEveryChannel, ...(malformedPayloads[entry.name] ?? [])]) {
        const result = await call(entry.name, payload);
        expect(result, `${entry.name} ${JSON.stringify(payload)}`).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
      }
    }
    expect(readdirSync(desk.dataDirectory)).toEqual([]);
    expect(await value('app:store.status', {})).toMatchObject({ state: 'uninitialized' });
  });

  it('rejects them from a signed-in administrator and writes nothing', async () => {
    await setUpAdministrator();
    await createAgent();
    const db = desk.desk.store.connection();
    const snapshot = () => JSON.stringify(db.prepare('SELECT * FROM accounts ORDER BY id').all());
    const before = snapshot();
    for (const entry of listChannels()) {
      for (const payload of [...malformedForEveryChannel, ...(malformedPayloads[entry.name] ?? [])]) {
        const result = await call(entry.name, payload);
        expect(result, `${entry.name} ${JSON.stringify(payload)}`).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
        if (!result.ok && result.code === 'VALIDATION_FAILED') expect(Array.isArray(result.issues)).toBe(true);
      }
    }
    expect(snapshot()).toBe(before);
    expect((await value('app:session.current', {})).account.agentId).toBe('8001');
  });
});

describe('calls racing a slow password hash', () => {
  async function twoAdministrators(): Promise<void> {
    await setUpAdministrator();
    await value('app:agents.create', { agentId: '8002', displayName: '副管理员', role: 'admin', team: '', temporaryPassword: strongPassword('t') });
    await value('app:session.signIn', { agentId: '8002', password: strongPassword('t') }, 'window-b');
    await value('app:session.changePassword', { currentPassword: strongPassword('t'), newPassword: strongPassword('b') }, 'window-b');
  }

  it('drops an account creation whose administrator was disabled while it hashed', async () => {
    await twoAdministrators();
    const [created, disabled] = await Promise.all([
      call('app:agents.create', { agentId: '6666', displayName: '后门', role: 'admin', team: '', temporaryPassword: strongPassword('x') }, 'window-b'),
      call('app:agents.setStatus', { agentId: '8002', status: 'disabled' }),
    ]);
    expect(disabled).toMatchObject({ ok: true });
    expect(created).toMatchObject({ ok: false, code: 'NOT_SIGNED_IN' });
    const agentIds = (await value('app:agents.list', {})).accounts.map((account: { agentId: string }) => account.agentId);
    expect(agentIds).not.toContain('6666');
  });

  it('drops an account creation whose administrator was demoted while it hashed', async () => {
    await twoAdministrators();
    const [created] = await Promise.all([
      call('app:agents.create', { agentId: '6667', displayName: '后门', role: 'admin', team: '', temporaryPassword: strongPassword('x') }, 'window-b'),
      call('app:agents.update', { agentId: '8002', displayName: '副管理员', role: 'agent', team: '' }),
    ]);
    expect(created).toMatchObject({ ok: false, code: 'FORBIDDEN_ROLE' });
  });

  it('lets an administrator’s reset win over the person’s own change in flight', async () => {
    await twoAdministrators();
    // Either call may finish first (they race on the hash thread pool); whatever the order,
    // the administrator's reset must be what stays.
    const [, reset] = await Promise.all([
      call('app:session.changePassword', { currentPassword: strongPassword('b'), newPassword: strongPassword('mine') }, 'window-b'),
      call('app:agents.resetPassword', { agentId: '8002', temporaryPassword: strongPassword('reset') }),
    ]);
    expect(reset).toMatchObject({ ok: true });
    expect(desk.desk.sessions.get('window-b')).toBeUndefined();
    expect(await call('app:session.signIn', { agentId: '8002', password: strongPassword('mine') }, 'window-c')).toMatchObject({ ok: false });
    const signedIn = await value('app:session.signIn', { agentId: '8002', password: strongPassword('reset') }, 'window-c');
    expect(signedIn.account.mustChangePassword).toBe(true);
  });

  it('refuses a sign-in whose account was disabled while the password was checked', async () => {
    await setUpAdministrator();
    await createAgent();
    const [signedIn] = await Promise.all([
      call('app:session.signIn', { agentId: '1024', password: strongPassword('temporary') }, agentClient),
      call('app:agents.setStatus', { agentId: '1024', status: 'disabled' }),
    ]);
    expect(signedIn).toMatchObject({ ok: false, code: 'ACCOUNT_DISABLED' });
    expect(desk.desk.sessions.get(agentClient)).toBeUndefined();
  });

  it('ends the person’s other sessions when they change their own password', async () => {
    await setUpAdministrator();
    await value('app:session.signIn', { agentId: '8001', password: strongPassword('admin') }, 'window-other');
    await value('app:session.changePassword', { currentPassword: strongPassword('admin'), newPassword: strongPassword('new') });
    expect((await value('app:session.current', {}, 'window-other')).account).toBeNull();
    expect((await value('app:session.current', {})).account.agentId).toBe('8001');
  });
});
