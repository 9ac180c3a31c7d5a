import { afterEach, describe, expect, it } from 'vitest';
import { listAuditEntries } from '../../db/audit-log';
import { findCallById, listCallPhraseHits } from '../../db/calls';
import { createScenario, type Scenario } from '../test-support';
import { createCtiCallHandler } from './cti-calls';

let scenario: Scenario | undefined;
afterEach(() => {
  scenario?.desk.cleanup();
  scenario = undefined;
});

const wang = {
  fullName: '王建国',
  gender: 'male',
  phones: ['13812345678'],
  idType: 'resident_id',
  idNumber: '110101199001011234',
  address: '幸福小区 3 栋 2 单元 401',
  accountNumbers: [],
};

async function deskWithCaller() {
  const current = (scenario = await createScenario());
  const { customer } = await current.value('app:customers.create', wang, '2001');
  await current.value('app:customers.closeView', {}, '2001');
  const cti = createCtiCallHandler(current.desk.desk);
  return { current, cti, customerId: customer.id as number };
}

describe('the call on the agent’s desk', () => {
  it('pops the ringing caller’s masked record for the first agent who sees it, and only them', async () => {
    const { current, cti, customerId } = await deskWithCaller();
    expect(await current.value('app:calls.current', {}, '1001')).toEqual({ call: null, transcript: [] });
    expect(cti({ type: 'ring', callId: 'C-1', callerNumber: '13812345678', calledNumber: '96777', queue: '燃气' })).toEqual({ ok: true });

    const { call } = await current.value('app:calls.current', {}, '1001');
    expect(call).toMatchObject({ state: 'ringing', direction: 'inbound', callerNumber: '138****5678', queue: '燃气', customerId });
    expect(call.customers).toEqual([{ id: customerId, name: '王先生', phone: '138****5678' }]);
    expect(listAuditEntries(current.desk.desk.store.connection(), { limit: 1 })[0]).toMatchObject({
      agentId: '1001',
      action: 'call.take',
      details: { caller: '138****5678', customersFound: 1 },
    });
    // The pop made the record openable without a search; another agent never sees the call.
    expect((await current.value('app:customers.view', { customerId }, '1001')).customer.name.masked).toBe(true);
    expect((await current.value('app:calls.current', {}, '1002')).call).toBeNull();

    cti({ type: 'answer', callId: 'C-1', callerNumber: '13812345678', calledNumber: '96777', queue: '燃气' });
    expect((await current.value('app:calls.current', {}, '1001')).call.state).toBe('talking');
    current.clock.advance(95_000);
    cti({ type: 'hangup', callId: 'C-1', callerNumber: '13812345678', calledNumber: '96777', queue: '燃气' });
    const ended = (await current.value('app:calls.current', {}, '1001')).call;
    expect(ended).toMatchObject({ state: 'ended', outcome: 'answered', durationSeconds: 95 });

    await current.value('app:calls.finish', { callId: ended.id }, '1001');
    expect((await current.value('app:calls.current', {}, '1001')).call).toBeNull();
    expect(await current.call('app:calls.finish', { callId: ended.id }, '1001')).toMatchObject({ ok: false, code: 'CALL_NOT_FOUND' });
  });

  it('shows "new caller" for an unknown number and links the record made during the call', async () => {
    const { current, cti } = await deskWithCaller();
    cti({ type: 'ring', callId: 'C-2', callerNumber: '13900001111', calledNumber: '96777', queue: '' });
    const { call } = await current.value('app:calls.current', {}, '1001');
    expect(call).toMatchObject({ customers: [], customerId: null });
    const { customer } = await current.value('app:customers.create', { ...wang, fullName: '李梅', gender: 'female', phones: ['13900001111'] }, '1001');
    expect((await current.value('app:calls.current', {}, '1001')).call.customerId).toBe(customer.id);
  });

  it('streams transcript lines with each line’s banned phrases at the line’s own offsets, and stores hits without text', async () => {
    const { current, cti } = await deskWithCaller();
    cti({ type: 'ring', callId: 'C-3', callerNumber: '13812345678', calledNumber: '96777', queue: '' });
    cti({ type: 'answer', callId: 'C-3', callerNumber: '13812345678', calledNumber: '96777', queue: '' });
    const { call } = await current.value('app:calls.current', {}, '1001');
    cti({ type: 'transcript', callId: 'C-3', speaker: 'customer', text: '燃气灶打不着火了' });
    cti({ type: 'transcript', callId: 'C-3', speaker: 'agent', text: '这个我解决不了，你去找别人' });
    cti({ type: 'transcript', callId: 'C-3', speaker: 'agent', text: '好的，我解决不了' });

    const { transcript } = await current.value('app:calls.current', {}, '1001');
    expect(transcript.map((line: { index: number; speaker: string }) => [line.index, line.speaker])).toEqual([
      [0, 'customer'],
      [1, 'agent'],
      [2, 'agent'],
    ]);
    expect(transcript[0].hits).toEqual([]);
    for (const line of transcript.slice(1)) {
      const hit = line.hits.find((found: { ruleId: string }) => found.ruleId === 'SL-10')!;
      expect(line.text.slice(hit.start, hit.end)).toBe('我解决不了');
    }
    expect((await current.value('app:calls.current', { transcriptFrom: 2 }, '1001')).transcript.map((line: { index: number }) => line.index)).toEqual([2]);
    const stored = listCallPhraseHits(current.desk.desk.store.connection(), call.id);
    expect(stored.filter((hit) => hit.source === 'agent').length).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(stored)).not.toContain('解决');

    await current.value('app:calls.finish', { callId: call.id }, '1001');
    // The words leave with the call: a new call starts with an empty transcript.
    expect(current.desk.desk.liveTranscripts.from(call.id, 0, 10)).toEqual([]);
  });

  it('starts visits and call-backs by hand, records the intent and each ticked step with its time', async () => {
    const { current, cti, customerId } = await deskWithCaller();
    const { call } = await current.value('app:calls.start', { direction: 'walk_in' }, '1001');
    expect(call).toMatchObject({ direction: 'walk_in', state: 'talking', callerNumber: '', customers: [] });
    expect(await current.call('app:calls.start', { direction: 'outbound' }, '1001')).toMatchObject({ ok: false, code: 'CALL_IN_PROGRESS' });
    // A phone ringing meanwhile does not take the counter visit away.
    cti({ type: 'ring', callId: 'C-4', callerNumber: '13812345678', calledNumber: '96777', queue: '' });
    expect((await current.value('app:calls.current', {}, '1001')).call).toMatchObject({ id: call.id, direction: 'walk_in' });
    expect(await current.value('app:calls.update', { callId: call.id, intent: 'repair', scriptId: 'counter' }, '1001')).toMatchObject({
      call: { intent: 'repair', scriptId: 'counter' },
    });
    current.clock.advance(5_000);
    const ticked = (await current.value('app:calls.recordStep', { callId: call.id, scriptId: 'counter', stepId: 'greeting', done: true }, '1001')).call;
    expect(ticked.steps).toEqual([{ scriptId: 'counter', stepId: 'greeting', doneAt: current.clock.now().toISOString() }]);
    await current.value('app:calls.recordStep', { callId: call.id, scriptId: 'counter', stepId: 'identify', done: true }, '1001');
    const unticked = (await current.value('app:calls.recordStep', { callId: call.id, scriptId: 'counter', stepId: 'identify', done: false }, '1001')).call;
    expect(unticked.steps.map((step: { stepId: string }) => step.stepId)).toEqual(['greeting']);

    expect(await current.call('app:calls.recordStep', { callId: call.id, scriptId: 'counter', stepId: 'no-such-step', done: true }, '1001')).toMatchObject({
      ok: false,
      code: 'CALL_SCRIPT_NOT_FOUND',
    });
    expect(await current.call('app:calls.update', { callId: call.id, scriptId: 'gone' }, '1001')).toMatchObject({ ok: false, code: 'CALL_SCRIPT_NOT_FOUND' });
    expect(await current.call('app:calls.recordStep', { callId: call.id, scriptId: 'counter', stepId: 'greeting', done: true }, '1002')).toMatchObject({
      ok: false,
      code: 'CALL_NOT_FOUND',
    });
    current.clock.advance(60_000);
    await current.value('app:calls.finish', { callId: call.id }, '1001');
    expect(findCallById(current.desk.desk.store.connection(), call.id)).toMatchObject({ outcome: 'answered', durationSeconds: 65, intent: 'repair' });
    expect(listAuditEntries(current.desk.desk.store.connection(), { limit: 1 })[0]).toMatchObject({
      action: 'call.finish',
      details: { outcome: 'answered', durationSeconds: 65, steps: 1 },
    });
    // The phone that rang meanwhile is next.
    expect((await current.value('app:calls.current', {}, '1001')).call).toMatchObject({ direction: 'inbound', state: 'ringing' });

    const callBack = await current.call('app:calls.start', { direction: 'outbound', customerId }, '1002');
    expect(callBack).toMatchObject({ ok: false, code: 'CUSTOMER_NOT_ACCESSIBLE' });
  });

  it('stores what the agent typed during the call as typed hits, refused notes too', async () => {
    const { current, customerId } = await deskWithCaller();
    await current.value('app:customers.find', { kind: 'phone', value: '13812345678' }, '1001');
    await current.value('app:customers.view', { customerId }, '1001');
    const { call } = await current.value('app:calls.start', { direction: 'walk_in', customerId }, '1001');
    await current.value('app:customers.addNote', { customerId, body: '客户说燃气表不走了，我解决不了，已转班长' }, '1001');
    expect(await current.call('app:customers.addNote', { customerId, body: '这个客户是个笨蛋' }, '1001')).toMatchObject({ ok: false, code: 'PHRASE_BLOCKED' });
    const typed = listCallPhraseHits(current.desk.desk.store.connection(), call.id);
    expect(typed.map((hit) => [hit.source, hit.severity])).toEqual([
      ['typed', 'warn'],
      ['typed', 'block'],
    ]);
  });

  it('suggests the unified answers of the classified intent', async () => {
    const { current } = await deskWithCaller();
    const answer = (title: string, category: string, tags: string[]) => ({
      title,
      body: `${title}的答复`,
      tags,
      category,
      validFrom: '2026-01-01',
      validTo: null,
      sourceNotice: '',
    });
    await current.value('app:knowledge.save', { answer: answer('燃气表故障报修流程', '报修', []) }, '2001');
    await current.value('app:knowledge.save', { answer: answer('投诉受理时限', '服务规范', ['投诉']) }, '2001');
    await current.value('app:knowledge.save', { answer: answer('旧报修电话', '报修', []) }, '2001');
    await current.value('app:knowledge.save', { id: 3, answer: { ...answer('旧报修电话', '报修', []), validTo: '2026-02-01' } }, '2001');
    const titles = async (intent: string) =>
      (await current.value('app:knowledge.suggest', { intent }, '1001')).answers.map((found: { title: string }) => found.title);
    expect(await titles('repair')).toEqual(['燃气表故障报修流程']);
    expect(await titles('complaint')).toEqual(['投诉受理时限']);
    expect(await titles('other')).toEqual([]);
  });
});

describe('the live transcript in chunks', () => {
  it('finds a banned phrase split across chunks of one line, and the page sees the line grow', async () => {
    const { current, cti } = await deskWithCaller();
    cti({ type: 'ring', callId: 'C-5', callerNumber: '13812345678', calledNumber: '96777', queue: '' });
    const { call } = await current.value('app:calls.current', {}, '1001');
    expect(cti({ type: 'transcript', callId: 'C-5', speaker: 'agent', text: '这个我解', final: false })).toEqual({ ok: true });
    let { transcript } = await current.value('app:calls.current', { transcriptFrom: 0 }, '1001');
    expect(transcript).toMatchObject([{ index: 0, text: '这个我解', final: false, hits: [] }]);

    cti({ type: 'transcript', callId: 'C-5', speaker: 'customer', text: '啊？' });
    cti({ type: 'transcript', callId: 'C-5', speaker: 'agent', text: '决不了', final: false });
    cti({ type: 'transcript', callId: 'C-5', speaker: 'agent', text: '，抱歉', final: true });
    ({ transcript } = await current.value('app:calls.current', { transcriptFrom: 0 }, '1001'));
    expect(transcript.map((line: { text: string; final: boolean }) => [line.text, line.final])).toEqual([
      ['这个我解决不了，抱歉', true],
      ['啊？', true],
    ]);
    const [agentLine] = transcript;
    expect(agentLine.hits.map((hit: { start: number; end: number }) => agentLine.text.slice(hit.start, hit.end))).toEqual(['我解决不了']);
    expect(listCallPhraseHits(current.desk.desk.store.connection(), call.id).map((hit) => [hit.ruleId, hit.source])).toEqual([['SL-10', 'agent']]);
  });

  it('keeps a phrase a chunk still held when the desk ends the call before the middleware does', async () => {
    const { current, cti } = await deskWithCaller();
    cti({ type: 'ring', callId: 'C-6', callerNumber: '13812345678', calledNumber: '96777', queue: '' });
    const { call } = await current.value('app:calls.current', {}, '1001');
    // The phrase ends the chunk: the stream waits for what comes next before it reports it.
    cti({ type: 'transcript', callId: 'C-6', speaker: 'agent', text: '这个我解决不了', final: false });
    expect(listCallPhraseHits(current.desk.desk.store.connection(), call.id)).toEqual([]);
    await current.value('app:calls.finish', { callId: call.id }, '1001');
    expect(cti({ type: 'transcript', callId: 'C-6', speaker: 'agent', text: '，抱歉' })).toMatchObject({ ok: false, code: 'CALL_ENDED' });
    expect(listCallPhraseHits(current.desk.desk.store.connection(), call.id).map((hit) => hit.ruleId)).toEqual(['SL-10']);
  });
});
