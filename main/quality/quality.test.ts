import { afterEach, describe, expect, it } from 'vitest';
import { listAuditEntries, type AuditEntry } from '../../db/audit-log';
import { createCtiCallHandler } from '../calls/cti-calls';
import { createFakeClock, createScenario, personalPassword, type Scenario } from '../test-support';

let scenario: Scenario | undefined;
afterEach(() => {
  scenario?.desk.cleanup();
  scenario = undefined;
});

const people = ['8001', '2001', '2002', '2003', '1001', '1002'] as const;
const full = { language: 20, attitude: 20, tone: 15, summarising: 20, handling: 25 };
const wang = {
  fullName: '王建国',
  gender: 'male',
  phones: ['13812345678'],
  idType: 'resident_id',
  idNumber: '110101199001011234',
  address: '幸福小区 3 栋 2 单元 401',
  accountNumbers: [],
};

/** Moves the desk clock by `seconds`, with input from `agentId` every few minutes so the seat stays unlocked. */
async function pass(current: Scenario, agentId: string, seconds: number): Promise<void> {
  for (let left = seconds; left > 0; left -= 240) {
    current.clock.advance(Math.min(240, left) * 1000);
    await current.value('app:session.activity', {}, agentId);
  }
}

/**
 * A counter visit of `agentId`: the counter script's steps ticked at the given seconds after the
 * start, the intent classified, finished after `seconds`. Returns the call's ID.
 */
async function visit(
  current: Scenario,
  agentId: string,
  options: { steps?: [string, number][]; seconds?: number; intent?: string } = {},
): Promise<number> {
  const { call } = await current.value('app:calls.start', { direction: 'walk_in' }, agentId);
  if (options.intent !== undefined) await current.value('app:calls.update', { callId: call.id, intent: options.intent }, agentId);
  let elapsed = 0;
  for (const [stepId, at] of options.steps ?? []) {
    await pass(current, agentId, at - elapsed);
    elapsed = at;
    await current.value('app:calls.recordStep', { callId: call.id, scriptId: 'counter', stepId, done: true }, agentId);
  }
  await pass(current, agentId, (options.seconds ?? 60) - elapsed);
  await current.value('app:calls.finish', { callId: call.id }, agentId);
  return call.id;
}

const score = (current: Scenario, callId: number, lead = '2001', points = full, fatalItems: string[] = [], comment = '') =>
  current.call('app:quality.score', { callId, points, fatalItems, comment }, lead);

function auditOf(current: Scenario, action: string): AuditEntry[] {
  return listAuditEntries(current.desk.desk.store.connection(), { limit: 500 }).filter((entry) => entry.action === action);
}

describe('automatic checks of a recorded call', () => {
  it('judges a phone call from its ticked steps, phrases, talk time and ticket', async () => {
    const current = (scenario = await createScenario());
    await current.value('app:customers.create', wang, '2001');
    await current.value('app:customers.closeView', {}, '2001');
    const cti = createCtiCallHandler(current.desk.desk);
    const line = { callId: 'C-1', callerNumber: '13812345678', calledNumber: '96777', queue: '燃气' };
    cti({ type: 'ring', ...line });
    const { call } = await current.value('app:calls.current', {}, '1001');
    cti({ type: 'answer', ...line });
    const step = async (stepId: string, seconds: number) => {
      await pass(current, '1001', seconds);
      await current.value('app:calls.recordStep', { callId: call.id, scriptId: 'phone', stepId, done: true }, '1001');
    };
    await step('greeting', 12);
    await step('identify', 10);
    await step('confirm-identity', 18);
    await current.value('app:calls.update', { callId: call.id, intent: 'complaint' }, '1001');
    cti({ type: 'transcript', callId: 'C-1', speaker: 'customer', text: '你们这帮笨蛋，燃气费又扣多了' });
    cti({ type: 'transcript', callId: 'C-1', speaker: 'agent', text: '这个我解决不了，我帮您登记' });
    await current.value('app:tickets.create', { callId: call.id, channel: 'phone', category: 'complaint', summary: '客户反映燃气费多扣' }, '1001');
    await step('closing', 160);
    cti({ type: 'hangup', ...line });
    await current.value('app:calls.finish', { callId: call.id }, '1001');

    const inspected = (await current.value('app:quality.call', { callId: call.id }, '2001')).call;
    expect(inspected).toMatchObject({ id: call.id, agentId: '1001', direction: 'inbound', durationSeconds: 200, intent: 'complaint', scriptId: 'phone', scorecard: null });
    expect(inspected.checks).toEqual({
      greeting: { status: 'pass', reason: null, stepId: 'greeting', seconds: 12, limitSeconds: 30 },
      surname: { status: 'pass', reason: null, stepId: 'identify', customerIdentified: true, stepDone: true },
      identity: { status: 'pass', reason: null, stepId: 'confirm-identity', seconds: 40 },
      bannedPhrases: { status: 'fail', reason: 'phrasesUsed', spoken: { warn: 1, block: 0 }, typed: { warn: 0, block: 0 }, customer: 1 },
      closing: { status: 'pass', reason: null, stepId: 'closing', seconds: 200 },
      handleTime: { status: 'fail', reason: 'overTarget', seconds: 200, targetSeconds: 180 },
      ticket: { status: 'pass', reason: null, intent: 'complaint', tickets: 1 },
    });
    // The agent sees the same checks of their own call; nobody outside the team does.
    expect((await current.value('app:quality.call', { callId: call.id }, '1001')).call.checks).toEqual(inspected.checks);
    expect(await current.call('app:quality.call', { callId: call.id }, '2003')).toMatchObject({ ok: false, code: 'CALL_NOT_FOUND' });
    expect(await current.call('app:quality.call', { callId: call.id }, '1002')).toMatchObject({ ok: false, code: 'CALL_NOT_FOUND' });
    // What the desk sends for QA holds no customer data.
    expect(JSON.stringify(inspected)).not.toMatch(/王|138/);
  });

  it('fails a late greeting, a missing surname and a repair without a ticket at the counter', async () => {
    const current = (scenario = await createScenario());
    const callId = await visit(current, '1001', { steps: [['greeting', 45], ['closing', 100]], seconds: 250, intent: 'repair' });
    const { checks } = (await current.value('app:quality.call', { callId }, '2001')).call;
    expect(checks.greeting).toMatchObject({ status: 'fail', reason: 'late', seconds: 45 });
    expect(checks.surname).toMatchObject({ status: 'fail', reason: 'noCustomer', customerIdentified: false });
    expect(checks.identity).toMatchObject({ status: 'fail', reason: 'notDone', stepId: 'identify' });
    expect(checks.closing).toMatchObject({ status: 'pass', seconds: 100 });
    // A counter visit has no 3-minute target.
    expect(checks.handleTime).toMatchObject({ status: 'notApplicable', reason: 'notPhone', seconds: 250 });
    expect(checks.ticket).toMatchObject({ status: 'fail', reason: 'noTicket', intent: 'repair', tickets: 0 });
  });
});

describe('scorecards', () => {
  it('totals the points, makes any fatal item 0, and audits the scoring', async () => {
    const current = (scenario = await createScenario());
    const first = await visit(current, '1001');
    const second = await visit(current, '1001');
    const scored = await score(current, first, '2001', { ...full, tone: 9, handling: 20 }, [], '语速偏快');
    expect(scored).toMatchObject({
      ok: true,
      value: { scorecard: { callId: first, agentId: '1001', scorerAgentId: '2001', comment: '语速偏快', scoring: { total: 89 }, final: { total: 89 }, appeal: null } },
    });
    const fatal = await score(current, second, '2001', full, ['hungUpOnCustomer']);
    expect(fatal).toMatchObject({ ok: true, value: { scorecard: { scoring: { total: 0, fatalItems: ['hungUpOnCustomer'] } } } });
    expect(auditOf(current, 'quality.score').map((entry) => [entry.agentId, entry.objectId, entry.details])).toEqual([
      ['2001', String(fatal.ok && fatal.value.scorecard.id), { callId: second, agentId: '1001', total: 0, fatalItems: 'hungUpOnCustomer', comment: false }],
      ['2001', String(scored.ok && scored.value.scorecard.id), { callId: first, agentId: '1001', total: 89, fatalItems: '', comment: true }],
    ]);
  });

  it('refuses points out of range, a second scorecard, another team’s call, one’s own call and agents', async () => {
    const current = (scenario = await createScenario());
    const callId = await visit(current, '1001');
    const outOfRange = await score(current, callId, '2001', { ...full, tone: 16 });
    expect(outOfRange).toMatchObject({ ok: false, code: 'VALIDATION_FAILED', issues: [{ path: 'points.tone' }] });
    expect(await score(current, callId, '2003')).toMatchObject({ ok: false, code: 'CALL_NOT_FOUND' });
    expect(await score(current, callId, '1002')).toMatchObject({ ok: false, code: 'FORBIDDEN_ROLE' });
    expect(await score(current, callId, '2001')).toMatchObject({ ok: true });
    expect(await score(current, callId, '2002')).toMatchObject({ ok: false, code: 'QUALITY_ALREADY_SCORED' });

    // A lead takes calls too: another lead of the team scores them, never the lead.
    const leadCall = await visit(current, '2001');
    expect(await score(current, leadCall, '2001')).toMatchObject({ ok: false, code: 'QUALITY_OWN_CALL' });
    expect(await score(current, leadCall, '2002')).toMatchObject({ ok: true });

    // A call still going on is not scored yet.
    const { call: going } = await current.value('app:calls.start', { direction: 'walk_in' }, '1001');
    expect(await score(current, going.id, '2001')).toMatchObject({ ok: false, code: 'CALL_NOT_FOUND' });
    expect(auditOf(current, 'quality.score')).toHaveLength(2);
    const refused = auditOf(current, 'app:quality.score').map((entry) => entry.code);
    expect(refused).toEqual(expect.arrayContaining(['VALIDATION_FAILED', 'CALL_NOT_FOUND', 'QUALITY_ALREADY_SCORED', 'QUALITY_OWN_CALL']));
  });
});

describe('sampling', () => {
  it('lists each team member’s month with the scored count and picks a random unscored call', async () => {
    const current = (scenario = await createScenario());
    const calls = [await visit(current, '1001'), await visit(current, '1001'), await visit(current, '1001')];
    await visit(current, '1002');
    await score(current, calls[0]!);

    const team = await current.value('app:quality.team', {}, '2001');
    expect(team.month).toBe('2026-11');
    expect(team.months).toEqual(['2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11']);
    expect(team.members.map((member: { agentId: string }) => member.agentId)).toEqual(['1001', '2002']);
    const agent = team.members[0];
    expect(agent).toMatchObject({ callCount: 3, scoredCount: 1, standing: 'met' });
    expect(agent.calls.map((call: { id: number; scorecard: unknown }) => [call.id, call.scorecard !== null])).toEqual([
      [calls[2], false],
      [calls[1], false],
      [calls[0], true],
    ]);
    expect(team.members[1]).toMatchObject({ agentId: '2002', callCount: 0, standing: 'below' });

    const picked = new Set<number>();
    // Both unscored calls come up: 64 draws miss one with a chance of 2⁻⁶³.
    for (let draw = 0; draw < 64; draw += 1) picked.add((await current.value('app:quality.pickUnscored', { agentId: '1001' }, '2001')).call.id);
    expect([...picked].sort()).toEqual([calls[1], calls[2]].sort());
    await score(current, calls[1]!);
    await score(current, calls[2]!);
    expect(await current.call('app:quality.pickUnscored', { agentId: '1001' }, '2001')).toMatchObject({ ok: false, code: 'QUALITY_NO_UNSCORED_CALL' });
    expect(await current.call('app:quality.pickUnscored', { agentId: '2001' }, '2001')).toMatchObject({ ok: false, code: 'QUALITY_OWN_CALL' });
    expect(await current.call('app:quality.pickUnscored', { agentId: '1002' }, '2001')).toMatchObject({ ok: false, code: 'ACCOUNT_NOT_FOUND' });
    // Another month has nothing of this one.
    expect((await current.value('app:quality.team', { month: '2026-10' }, '2001')).members[0]).toMatchObject({ callCount: 0, scoredCount: 0, calls: [] });
  });
});

describe('appeals', () => {
  it('lets the agent appeal once, the lead uphold with a changed score, and audits both', async () => {
    const current = (scenario = await createScenario());
    const callId = await visit(current, '1001');
    await score(current, callId, '2001', full, ['hungUpOnCustomer'], '未等客户先挂机');
    const mine = await current.value('app:quality.mine', {}, '1001');
    expect(mine.scored).toHaveLength(1);
    const scorecard = mine.scored[0].scorecard;
    expect(scorecard).toMatchObject({ callId, final: { total: 0 }, appeal: null });

    expect(await current.call('app:quality.appeal', { scorecardId: scorecard.id, reason: '不是我的通话' }, '1002')).toMatchObject({
      ok: false,
      code: 'QUALITY_SCORECARD_NOT_FOUND',
    });
    const appealed = await current.value('app:quality.appeal', { scorecardId: scorecard.id, reason: '客户先挂的电话，可调录音核实' }, '1001');
    expect(appealed.scorecard.appeal).toMatchObject({ reason: '客户先挂的电话，可调录音核实', status: 'pending', reviewerAgentId: null });
    expect(await current.call('app:quality.appeal', { scorecardId: scorecard.id, reason: '再申诉一次' }, '1001')).toMatchObject({
      ok: false,
      code: 'QUALITY_ALREADY_APPEALED',
    });
    expect(auditOf(current, 'quality.appeal').map((entry) => [entry.agentId, entry.objectId, entry.details])).toEqual([
      ['1001', String(scorecard.id), { callId, total: 0, reasonLength: 14 }],
    ]);

    const pending = (await current.value('app:quality.team', {}, '2001')).pendingAppeals;
    expect(pending.map((card: { id: number }) => card.id)).toEqual([scorecard.id]);
    expect(await current.call('app:quality.review', { scorecardId: scorecard.id, decision: 'rejected', note: '维持原评分' }, '2003')).toMatchObject({
      ok: false,
      code: 'QUALITY_SCORECARD_NOT_FOUND',
    });
    // Upholding means changing the score; the same scoring is refused and nothing changes.
    expect(
      await current.call('app:quality.review', { scorecardId: scorecard.id, decision: 'upheld', points: full, fatalItems: ['hungUpOnCustomer'], note: '属实' }, '2001'),
    ).toMatchObject({ ok: false, code: 'QUALITY_SCORE_UNCHANGED' });
    expect(auditOf(current, 'quality.review')).toEqual([]);

    const reviewed = await current.value(
      'app:quality.review',
      { scorecardId: scorecard.id, decision: 'upheld', points: { ...full, handling: 22 }, fatalItems: [], note: '复听录音，客户先挂机' },
      '2001',
    );
    expect(reviewed.scorecard).toMatchObject({
      scoring: { total: 0 },
      final: { total: 97, fatalItems: [] },
      appeal: { status: 'upheld', reviewerAgentId: '2001', reviewNote: '复听录音，客户先挂机', revised: { total: 97 } },
    });
    expect(auditOf(current, 'quality.review').map((entry) => [entry.agentId, entry.details])).toEqual([
      ['2001', { callId, agentId: '1001', decision: 'upheld', totalBefore: 0, totalAfter: 97 }],
    ]);
    expect(await current.call('app:quality.review', { scorecardId: scorecard.id, decision: 'rejected', note: '再审' }, '2002')).toMatchObject({
      ok: false,
      code: 'QUALITY_APPEAL_NOT_PENDING',
    });
    expect((await current.value('app:quality.mine', {}, '1001')).scored[0].scorecard).toMatchObject({ final: { total: 97 }, appeal: { status: 'upheld' } });
    expect((await current.value('app:quality.team', {}, '2001')).pendingAppeals).toEqual([]);
  });

  it('rejects with a note and keeps the score; a lead never reviews the appeal of their own score', async () => {
    const current = (scenario = await createScenario());
    const leadCall = await visit(current, '2001');
    const scored = await score(current, leadCall, '2002', { ...full, attitude: 12 });
    const scorecard = scored.ok ? scored.value.scorecard : undefined;
    expect(await current.call('app:quality.review', { scorecardId: scorecard.id, decision: 'rejected', note: '维持原评分' }, '2002')).toMatchObject({
      ok: false,
      code: 'QUALITY_APPEAL_NOT_PENDING',
    });
    await current.value('app:quality.appeal', { scorecardId: scorecard.id, reason: '态度分扣得过多' }, '2001');
    expect(await current.call('app:quality.review', { scorecardId: scorecard.id, decision: 'rejected', note: '我自己审' }, '2001')).toMatchObject({
      ok: false,
      code: 'QUALITY_OWN_CALL',
    });
    // The lead's own appeal waits in the other lead's list only.
    expect((await current.value('app:quality.team', {}, '2001')).pendingAppeals).toEqual([]);
    expect((await current.value('app:quality.team', {}, '2002')).pendingAppeals).toHaveLength(1);
    const reviewed = await current.value('app:quality.review', { scorecardId: scorecard.id, decision: 'rejected', note: '复听确认语气生硬' }, '2002');
    expect(reviewed.scorecard).toMatchObject({ final: { total: 92 }, appeal: { status: 'rejected', revised: null, reviewNote: '复听确认语气生硬' } });
  });
});

describe('monthly summary', () => {
  it('gives each team member’s months with calls, average score, pass rates, fatal items, trend and weakest item', async () => {
    // From October 2026 in Shanghai; a jump of weeks locks every seat, so everyone unlocks.
    const current = (scenario = await createScenario(createFakeClock('2026-10-15T02:00:00.000Z')));
    const inTime: [string, number][] = [
      ['greeting', 5],
      ['identify', 20],
      ['closing', 50],
    ];
    const october = [await visit(current, '1001', { steps: inTime }), await visit(current, '1001', { steps: [['greeting', 40], ['identify', 50]] })];
    await score(current, october[0]!, '2001', { ...full, tone: 5 });
    current.clock.set('2026-11-20T02:00:00.000Z');
    for (const agentId of people) await current.value('app:session.unlock', { password: personalPassword(agentId) }, agentId);
    const november = await visit(current, '1001', { steps: inTime });
    await score(current, november, '2001', full, ['abusiveLanguage']);

    const summary = await current.value('app:quality.summary', {}, '2001');
    expect(summary.months).toEqual(['2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11']);
    const agent = summary.members.find((member: { agentId: string }) => member.agentId === '1001');
    const [octoberSummary, novemberSummary] = agent.months.slice(-2);
    expect(octoberSummary).toMatchObject({
      month: '2026-10',
      calls: 2,
      scored: 1,
      averageScore: 90,
      fatalScorecards: 0,
      trend: { averageScore: null, overallPassRate: null },
    });
    // Counter visits without a customer: greeting 1 of 2, surname 0 of 2, identity 2 of 2,
    // phrases 2 of 2, closing 1 of 2; handle time and ticket do not apply: 6 of 10.
    expect(octoberSummary.passRates.greeting).toEqual({ passed: 1, applicable: 2, rate: 50 });
    expect(octoberSummary.passRates.handleTime).toEqual({ passed: 0, applicable: 0, rate: null });
    expect(octoberSummary.overallPassRate).toBe(60);
    expect(octoberSummary.weakest).toEqual({ kind: 'check', check: 'surname', percent: 0 });
    expect(novemberSummary).toMatchObject({
      month: '2026-11',
      calls: 1,
      averageScore: 0,
      fatalScorecards: 1,
      fatalItems: { abusiveLanguage: 1 },
      // 4 of 5 passed (no surname): 80 % against 60 %.
      overallPassRate: 80,
      trend: { averageScore: -90, overallPassRate: 20 },
    });
    expect(agent.months.slice(0, 4).every((month: { calls: number }) => month.calls === 0)).toBe(true);
    // The agent sees the same months of their own.
    expect((await current.value('app:quality.mine', {}, '1001')).summary).toEqual(agent.months);
    expect(await current.call('app:quality.summary', {}, '1001')).toMatchObject({ ok: false, code: 'FORBIDDEN_ROLE' });
  });
});
