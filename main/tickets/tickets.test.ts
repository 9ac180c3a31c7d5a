import { afterEach, describe, expect, it } from 'vitest';
import { listAuditEntries } from '../../db/audit-log';
import { listCallPhraseHits } from '../../db/calls';
import { createCtiCallHandler } from '../calls/cti-calls';
import { createScenario, type Scenario } from '../test-support';

let scenario: Scenario | undefined;
afterEach(() => {
  scenario?.desk.cleanup();
  scenario = undefined;
});

const hour = 3_600_000;

/** Lets hours pass with everyone at their desk (input every few minutes keeps the seats unlocked). */
async function passTime(current: Scenario, milliseconds: number): Promise<void> {
  const step = 4 * 60_000;
  for (let passed = 0; passed < milliseconds; passed += step) {
    current.clock.advance(Math.min(step, milliseconds - passed));
    for (const client of ['1001', '2001', '2003']) await current.value('app:session.activity', {}, client);
  }
}

/** A desk where agent 1001 is on a call from 王建国 (created by lead 2001), Sunday 2026-11-22 10:00 Shanghai. */
async function deskOnCall() {
  const current = (scenario = await createScenario());
  const { customer } = await current.value(
    'app:customers.create',
    { fullName: '王建国', gender: 'male', phones: ['13812345678'], idType: 'resident_id', idNumber: '110101199001011234', address: '幸福小区 3 栋', accountNumbers: [] },
    '2001',
  );
  const cti = createCtiCallHandler(current.desk.desk);
  cti({ type: 'ring', callId: 'T-1', callerNumber: '13812345678', calledNumber: '96777', queue: '' });
  cti({ type: 'answer', callId: 'T-1', callerNumber: '13812345678', calledNumber: '96777', queue: '' });
  const { call } = await current.value('app:calls.current', {}, '1001');
  return { current, callId: call.id as number, customerId: customer.id as number };
}

const complaint = (callId: number) => ({ callId, channel: 'phone', category: 'complaint', summary: '燃气费多扣了，客户要求退还' });

describe('tickets', () => {
  it('creates a numbered ticket from the call in one step, with the policy’s deadlines, audited', async () => {
    const { current, callId, customerId } = await deskOnCall();
    const { ticket } = await current.value('app:tickets.create', complaint(callId), '1001');
    expect(ticket).toMatchObject({
      number: 'GD20261122-0001',
      channel: 'phone',
      customerId,
      customerName: '王先生',
      category: 'complaint',
      status: 'new',
      ownerAgentId: '1001',
      nextDue: { kind: 'firstResponse', at: '2026-11-24T02:00:00.000Z' },
    });
    expect(ticket.targets.map((target: { kind: string; due: string | null; state: string }) => [target.kind, target.due, target.state])).toEqual([
      ['firstResponse', '2026-11-24T02:00:00.000Z', 'onTime'],
      ['reply', '2026-11-25T02:00:00.000Z', 'onTime'],
    ]);
    expect(listAuditEntries(current.desk.desk.store.connection(), { limit: 1 })[0]).toMatchObject({
      agentId: '1001',
      action: 'ticket.create',
      details: { number: 'GD20261122-0001', category: 'complaint' },
    });
    expect((await current.value('app:tickets.create', complaint(callId), '1001')).ticket.number).toBe('GD20261122-0002');
  });

  it('refuses a summary with a blocking phrase, stores the typed hit and uses no number', async () => {
    const { current, callId } = await deskOnCall();
    expect(await current.call('app:tickets.create', { ...complaint(callId), summary: '这个客户是个笨蛋' }, '1001')).toMatchObject({ ok: false, code: 'PHRASE_BLOCKED' });
    expect(listCallPhraseHits(current.desk.desk.store.connection(), callId).map((hit) => hit.source)).toEqual(['typed']);
    expect((await current.value('app:tickets.create', complaint(callId), '1001')).ticket.number).toBe('GD20261122-0001');
    expect(await current.call('app:tickets.create', complaint(callId), '1002')).toMatchObject({ ok: false, code: 'CALL_NOT_FOUND' });
  });

  it('queues the owner’s tickets by time left, turns amber in the last 20 % and red when overdue', async () => {
    const { current, callId } = await deskOnCall();
    await current.value('app:tickets.create', complaint(callId), '1001');
    await current.value('app:tickets.create', { callId, channel: 'phone', category: 'repair', summary: '灶具打不着火' }, '1001');
    const queue = async (request: object = {}) => (await current.value('app:tickets.mine', request, '1001')).tickets;
    expect((await queue()).map((ticket: { category: string }) => ticket.category)).toEqual(['repair', 'complaint']);
    expect((await queue({ categories: ['complaint'] })).map((ticket: { category: string }) => ticket.category)).toEqual(['complaint']);
    expect(await queue({ statuses: ['resolved'] })).toEqual([]);

    await passTime(current, 5 * hour);
    expect((await queue())[0].targets[0]).toMatchObject({ kind: 'firstResponse', state: 'nearing', remainingClock: hour });
    await passTime(current, 2 * hour);
    expect((await queue())[0].targets[0]).toMatchObject({ state: 'overdue', remainingClock: -hour });
    const overdue = async (lead: string) => (await current.value('app:tickets.teamOverdue', {}, lead)).tickets.map((ticket: { category: string }) => ticket.category);
    expect(await overdue('2001')).toEqual(['repair']);
    expect(await overdue('2003')).toEqual([]);
    expect(await current.call('app:tickets.teamOverdue', {}, '1001')).toMatchObject({ ok: false, code: 'FORBIDDEN_ROLE' });
  });

  it('walks the workflow, keeps the first agent as owner and closes an unreachable call-back only for a lead after 3 tries', async () => {
    const { current, callId } = await deskOnCall();
    const { ticket } = await current.value('app:tickets.create', complaint(callId), '1001');
    const step = (action: string, extra: object = {}, who = '1001') => current.call('app:tickets.transition', { ticketId: ticket.id, action, ...extra }, who);
    expect(await step('reply')).toMatchObject({ ok: false, code: 'TICKET_ILLEGAL_TRANSITION' });
    expect(await step('dispatch')).toMatchObject({ ok: false, code: 'TICKET_DETAILS_MISSING' });
    expect(await step('dispatch', { department: '客服部' })).toMatchObject({ ok: true, value: { ticket: { status: 'dispatched', department: '客服部' } } });
    expect(await step('start', {}, '1002')).toMatchObject({ ok: false, code: 'TICKET_NOT_FOUND' });
    // A lead of the owner's team works it; the owner stays.
    expect(await step('start', {}, '2001')).toMatchObject({ ok: true, value: { ticket: { status: 'in_progress', ownerAgentId: '1001' } } });
    expect(await step('reply')).toMatchObject({ ok: true, value: { ticket: { status: 'replied' } } });
    const resolved = await step('resolve');
    expect(resolved).toMatchObject({ ok: true, value: { ticket: { status: 'resolved', nextDue: { kind: 'callback', at: '2026-11-25T02:00:00.000Z' } } } });
    expect(await step('close')).toMatchObject({ ok: false, code: 'TICKET_CALLBACK_REQUIRED' });
    expect(await step('startCallback')).toMatchObject({ ok: true, value: { ticket: { status: 'callback' } } });
    for (let attempt = 0; attempt < 3; attempt += 1) await step('recordCallbackAttempt', { reached: false });
    expect(await step('closeUnreachable')).toMatchObject({ ok: false, code: 'FORBIDDEN_ROLE' });
    expect(await step('closeUnreachable', {}, '2003')).toMatchObject({ ok: false, code: 'TICKET_NOT_FOUND' });
    expect(await step('closeUnreachable', {}, '2001')).toMatchObject({ ok: true, value: { ticket: { status: 'closed', callbackFailures: 3 } } });
    expect((await current.value('app:tickets.mine', {}, '1001')).tickets).toEqual([]);
    expect(await step('reopen')).toMatchObject({ ok: true, value: { ticket: { status: 'in_progress', ownerAgentId: '1001', callbackFailures: 0 } } });
    const actions = listAuditEntries(current.desk.desk.store.connection(), { limit: 20 })
      .map((entry) => entry.action)
      .filter((action) => action.startsWith('ticket.'));
    expect(actions.slice(0, 3)).toEqual(['ticket.reopen', 'ticket.closeUnreachable', 'ticket.recordCallbackAttempt']);
  });

  it('stops the clock while waiting for the customer and adds the pause back', async () => {
    const { current, callId } = await deskOnCall();
    const { ticket } = await current.value('app:tickets.create', { callId, channel: 'phone', category: 'repair', summary: '灶具打不着火' }, '1001');
    expect(await current.call('app:tickets.setWaiting', { ticketId: ticket.id, waiting: true }, '1001')).toMatchObject({ ok: false, code: 'TICKET_ILLEGAL_TRANSITION' });
    await current.value('app:tickets.transition', { ticketId: ticket.id, action: 'start' }, '1001');
    await passTime(current, hour);
    const waiting = (await current.value('app:tickets.setWaiting', { ticketId: ticket.id, waiting: true }, '1001')).ticket;
    expect(waiting).toMatchObject({ waiting: true, nextDue: null });
    expect(waiting.targets.find((target: { kind: string }) => target.kind === 'resolve')).toMatchObject({ state: 'paused', due: null });
    // The first response was met before the wait: its deadline stays.
    expect(waiting.targets.find((target: { kind: string }) => target.kind === 'firstResponse')).toMatchObject({ state: 'met', due: '2026-11-22T08:00:00.000Z' });
    await passTime(current, 10 * hour);
    const resumed = (await current.value('app:tickets.setWaiting', { ticketId: ticket.id, waiting: false }, '1001')).ticket;
    // Fixed 24 h after 10:00, plus the 10 h waited.
    expect(resumed).toMatchObject({ waiting: false, nextDue: { kind: 'resolve', at: '2026-11-23T12:00:00.000Z' } });
  });

  it('lets a team lead change a deadline with a reason, audited with both times', async () => {
    const { current, callId } = await deskOnCall();
    const { ticket } = await current.value('app:tickets.create', complaint(callId), '1001');
    const change = { ticketId: ticket.id, target: 'reply', dueAt: '2026-11-30T02:00:00Z', reason: '需要燃气公司现场核实' };
    expect(await current.call('app:tickets.changeDeadline', change, '1001')).toMatchObject({ ok: false, code: 'FORBIDDEN_ROLE' });
    expect(await current.call('app:tickets.changeDeadline', { ...change, reason: ' ' }, '2001')).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
    // A complaint has no resolve target, and a call-back target runs only after the resolution.
    expect(await current.call('app:tickets.changeDeadline', { ...change, target: 'resolve' }, '2001')).toMatchObject({ ok: false, code: 'TICKET_DETAILS_MISSING' });
    expect(await current.call('app:tickets.changeDeadline', { ...change, target: 'callback' }, '2001')).toMatchObject({ ok: false, code: 'TICKET_DETAILS_MISSING' });
    const changed = (await current.value('app:tickets.changeDeadline', change, '2001')).ticket;
    expect(changed.targets.find((target: { kind: string }) => target.kind === 'reply')).toMatchObject({ due: '2026-11-30T02:00:00.000Z', state: 'onTime' });
    expect(listAuditEntries(current.desk.desk.store.connection(), { limit: 1 })[0]).toMatchObject({
      agentId: '2001',
      action: 'ticket.deadline.change',
      details: { target: 'reply', from: '2026-11-25T02:00:00.000Z', to: '2026-11-30T02:00:00.000Z', reason: '需要燃气公司现场核实' },
    });
  });

  it('prints the customer’s acceptance slip as a PDF with the number and masked data only, audited', async () => {
    const { current, customerId } = await deskOnCall();
    await current.value('app:customers.find', { kind: 'phone', value: '13812345678' }, '1001');
    const { ticket } = await current.value(
      'app:tickets.create',
      { customerId, channel: 'counter', category: 'transfer_ownership', summary: '客户申请过户，联系电话 13812345678', preconditions: { identity_seen: true } },
      '1001',
    );
    const result = await current.value('app:tickets.slip', { ticketId: ticket.id, labels: slipLabels }, '1001');
    expect(result).toMatchObject({ fileName: `${ticket.number}.pdf`, sentToPrinter: false });
    const pdf = Buffer.from(result.pdfBase64, 'base64').toString('latin1');
    expect(pdf.startsWith('%PDF-1.4')).toBe(true);
    expect(pdf).toContain(`(${ticket.number})`);
    expect(pdf).toContain('138****5678');
    // Nothing unmasked: neither the phone (also typed into the request) nor the ID number.
    expect(pdf).not.toContain('13812345678');
    expect(pdf).not.toContain('199001011234');
    expect(pdf).toContain('1101**********1234');
    expect(listAuditEntries(current.desk.desk.store.connection(), { limit: 1 })[0]).toMatchObject({
      agentId: '1001',
      action: 'ticket.slip.print',
      details: { number: ticket.number, customerId, printer: false },
    });
    expect(await current.call('app:tickets.slip', { ticketId: ticket.id, labels: slipLabels }, '1002')).toMatchObject({ ok: false, code: 'TICKET_NOT_FOUND' });
  });

  it('sends the slip to the printer where there is one, and still returns it when printing fails', async () => {
    const { current, customerId } = await deskOnCall();
    await current.value('app:customers.find', { kind: 'phone', value: '13812345678' }, '1001');
    const { ticket } = await current.value('app:tickets.create', { customerId, channel: 'counter', category: 'consultation', summary: '咨询资费' }, '1001');
    const printed: string[] = [];
    let working = true;
    Object.assign(current.desk.desk, {
      documentPrinter: {
        printPdf: async (pdf: Buffer, title: string) => {
          if (!working) throw new Error('printer offline');
          printed.push(`${title}:${pdf.subarray(0, 8).toString('latin1')}`);
          return true;
        },
      },
    });
    expect(await current.value('app:tickets.slip', { ticketId: ticket.id, labels: slipLabels }, '1001')).toMatchObject({ sentToPrinter: true });
    expect(printed).toEqual([`${ticket.number}:%PDF-1.4`]);
    working = false;
    const offline = await current.value('app:tickets.slip', { ticketId: ticket.id, labels: slipLabels }, '1001');
    expect(offline.sentToPrinter).toBe(false);
    expect(offline.pdfBase64.length).toBeGreaterThan(1000);
  });
});

describe('due-soon notifications', () => {
  it('shows a desktop notification only for a running target of the caller’s ticket that is about to be missed', async () => {
    const { current, callId } = await deskOnCall();
    const { ticket } = await current.value('app:tickets.create', { callId, channel: 'phone', category: 'repair', summary: '灶具打不着火' }, '1001');
    const shown: string[] = [];
    const notify = { ticketId: ticket.id, target: 'firstResponse', title: '工单即将超时', body: `${ticket.number}：首次响应还剩 10 分钟` };
    expect(await current.call('app:tickets.notifyDue', notify, '1001')).toMatchObject({ ok: false, code: 'TICKET_DETAILS_MISSING' });
    await passTime(current, 5 * hour + 50 * 60_000);
    // The preview has no desktop notifications: the page warns inside the window only.
    expect(await current.value('app:tickets.notifyDue', notify, '1001')).toEqual({ shown: false });
    Object.assign(current.desk.desk, { desktopNotifier: { notify: (title: string, body: string) => shown.push(`${title}|${body}`) } });
    expect(await current.value('app:tickets.notifyDue', notify, '1001')).toEqual({ shown: true });
    expect(shown).toEqual([`工单即将超时|${ticket.number}：首次响应还剩 10 分钟`]);
    expect(await current.call('app:tickets.notifyDue', notify, '2003')).toMatchObject({ ok: false, code: 'TICKET_NOT_FOUND' });
    // Met targets are past warning.
    await current.value('app:tickets.transition', { ticketId: ticket.id, action: 'start' }, '1001');
    expect(await current.call('app:tickets.notifyDue', notify, '1001')).toMatchObject({ ok: false, code: 'TICKET_DETAILS_MISSING' });
    expect(shown).toHaveLength(1);
  });
});

const slipLabels = {
  title: '业务受理单',
  number: '受理编号',
  acceptedAt: '受理时间',
  channel: '受理渠道',
  customer: '客户',
  phone: '联系电话',
  idNumber: '证件号码',
  category: '业务类别',
  request: '办理事项',
  checked: '已核验',
  deadlines: '承诺时限',
  waiting: '等待客户补充，计时暂停',
  agent: '受理工号',
  notice: '请妥善保管本受理单，凭受理编号可查询办理进度。',
  customerSignature: '客户签名',
  agentSignature: '受理人签名',
  printedAt: '打印时间',
  channelName: '营业厅',
  categoryName: '过户',
  targetNames: { firstResponse: '首次响应', reply: '答复', resolve: '办结', callback: '回访' },
  preconditionNames: { identity_seen: '已核验身份证件', arrears_cleared: '欠费已结清', company_seal: '集团客户已盖公章' },
};
