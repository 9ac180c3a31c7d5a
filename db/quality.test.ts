import { afterEach, describe, expect, it } from 'vitest';
import { insertCall, insertCallPhraseHits, markCallClosed, markCallEnded, setCallScriptStep } from './calls';
import { insertCustomer } from './customers';
import {
  countPhraseHitsOfCalls,
  countTicketsOfCalls,
  findQualityCall,
  findScorecardById,
  insertAppeal,
  insertScorecard,
  listAgentQualityCalls,
  listPendingAppealsOfTeam,
  listScorecardsOfAgent,
  listScorecardsOfCalls,
  listStepsOfCalls,
  recordAppealReview,
} from './quality';
import { createTestDatabase, insertAccountRow, type TestDatabase } from './test-support';

let current: TestDatabase | undefined;
afterEach(() => {
  current?.cleanup();
  current = undefined;
});

const november = { from: '2026-10-31T16:00:00.000Z', until: '2026-11-30T16:00:00.000Z' };
const full = { language: 20, attitude: 20, tone: 15, summarising: 20, handling: 25 };

function desk() {
  current = createTestDatabase();
  const { db } = current;
  const agent = insertAccountRow(db, { agentId: '1001', displayName: '李坐席', team: '一组' });
  const otherAgent = insertAccountRow(db, { agentId: '1002', team: '二组' });
  const lead = insertAccountRow(db, { agentId: '2001', role: 'team_lead', team: '一组' });
  const customer = (fullName: string) =>
    insertCustomer(db, { fullName, gender: 'male', phones: [], idType: 'resident_id', idNumber: '', address: '', accountNumbers: [], now: 't' });
  const wang = customer(' 王建国');
  const smith = customer('John Smith');
  /** A call of `agentAccountId` that rang at `rangAt`, answered 5 s later, ended after `seconds` and wrapped up. */
  const call = (key: string, agentAccountId: number, rangAt: string, options: { customerId?: number | null; answered?: boolean; closed?: boolean } = {}) => {
    const answeredAt = new Date(Date.parse(rangAt) + 5000).toISOString();
    const id = insertCall(db, {
      callKey: key,
      direction: 'inbound',
      callerNumber: '13812345678',
      calledNumber: '96777',
      queue: '',
      customerId: options.customerId ?? null,
      rangAt,
      answeredAt: options.answered === false ? null : answeredAt,
      agentAccountId,
    });
    markCallEnded(db, id, rangAt, options.answered === false ? 'missed' : 'answered', 95);
    if (options.closed !== false) markCallClosed(db, id, rangAt);
    return id;
  };
  return { db, agent, otherAgent, lead, wang, smith, call };
}

describe('calls as quality inspection reads them', () => {
  it('lists an agent’s answered, wrapped-up calls of a range, newest first, with whether the customer has a Chinese surname', () => {
    const { db, agent, otherAgent, wang, smith, call } = desk();
    const early = call('A', agent, '2026-11-01T01:00:00.000Z', { customerId: wang });
    const late = call('B', agent, '2026-11-20T01:00:00.000Z', { customerId: smith });
    const unknown = call('C', agent, '2026-11-10T01:00:00.000Z');
    call('missed', agent, '2026-11-11T01:00:00.000Z', { answered: false });
    call('wrapping-up', agent, '2026-11-12T01:00:00.000Z', { closed: false });
    call('October', agent, '2026-10-31T15:59:59.999Z');
    call('December', agent, '2026-11-30T16:00:00.000Z');
    call('other', otherAgent, '2026-11-05T01:00:00.000Z');

    const listed = listAgentQualityCalls(db, agent, november);
    expect(listed.map((found) => [found.id, found.customerHasSurname])).toEqual([
      [late, false],
      [unknown, null],
      [early, true],
    ]);
    expect(listed[2]).toMatchObject({ direction: 'inbound', answeredAt: '2026-11-01T01:00:05.000Z', durationSeconds: 95, customerId: wang });
    expect(findQualityCall(db, early)).toEqual(listed[2]);
    expect(findQualityCall(db, 999)).toBeUndefined();
  });

  it('gathers the steps, banned phrases and tickets of many calls at once', () => {
    const { db, agent, lead, call } = desk();
    const first = call('A', agent, '2026-11-01T01:00:00.000Z');
    const second = call('B', agent, '2026-11-02T01:00:00.000Z');
    setCallScriptStep(db, first, { scriptId: 'phone', stepId: 'closing' }, '2026-11-01T01:02:00.000Z');
    setCallScriptStep(db, first, { scriptId: 'phone', stepId: 'greeting' }, '2026-11-01T01:00:08.000Z');
    insertCallPhraseHits(db, first, [
      { ruleId: 'SL-10', severity: 'warn', source: 'agent', foundAt: 't' },
      { ruleId: 'SL-1', severity: 'warn', source: 'agent', foundAt: 't' },
      { ruleId: 'X', severity: 'block', source: 'customer', foundAt: 't' },
    ]);
    const ticket = db.prepare(
      `INSERT INTO tickets (number, channel, call_id, category, status, summary, preconditions, owner_account_id, owner_team, targets, due, created_at)
       VALUES (?, 'phone', ?, 'complaint', 'new', '投诉', '{}', ?, '一组', '{}', '{}', 't')`,
    );
    ticket.run('GD20261101-0001', second, agent);
    ticket.run('GD20261101-0002', second, agent);
    ticket.run('GD20261101-0003', first, lead);

    expect(listStepsOfCalls(db, [first, second])).toEqual(
      new Map([
        [
          first,
          [
            { scriptId: 'phone', stepId: 'greeting', doneAt: '2026-11-01T01:00:08.000Z' },
            { scriptId: 'phone', stepId: 'closing', doneAt: '2026-11-01T01:02:00.000Z' },
          ],
        ],
      ]),
    );
    const hits = countPhraseHitsOfCalls(db, [first, second]);
    expect(hits.get(first)).toEqual(
      expect.arrayContaining([
        { source: 'agent', severity: 'warn', count: 2 },
        { source: 'customer', severity: 'block', count: 1 },
      ]),
    );
    expect(hits.get(second)).toBeUndefined();
    // Only the call's agent's tickets count: nobody else can make a ticket from the call.
    expect(countTicketsOfCalls(db, agent, [first, second])).toEqual(new Map([[second, 2]]));
  });
});

describe('scorecards and appeals', () => {
  it('stores a scorecard with its people and call, and finds it by call and by agent', () => {
    const { db, agent, lead, call } = desk();
    const first = call('A', agent, '2026-11-01T01:00:00.000Z');
    const second = call('B', agent, '2026-11-02T01:00:00.000Z');
    const id = insertScorecard(db, {
      callId: first,
      agentAccountId: agent,
      scorerAccountId: lead,
      scoring: { points: { ...full, tone: 10 }, fatalItems: [], total: 95 },
      comment: '问候规范',
      scoredAt: '2026-11-03T01:00:00.000Z',
    });
    insertScorecard(db, {
      callId: second,
      agentAccountId: agent,
      scorerAccountId: lead,
      scoring: { points: full, fatalItems: ['hungUpOnCustomer'], total: 0 },
      comment: '',
      scoredAt: '2026-11-04T01:00:00.000Z',
    });
    expect(findScorecardById(db, id)).toEqual({
      id,
      callId: first,
      callRangAt: '2026-11-01T01:00:00.000Z',
      agentAccountId: agent,
      agentId: '1001',
      agentName: '李坐席',
      agentTeam: '一组',
      scorerAccountId: lead,
      scorerAgentId: '2001',
      scoring: { points: { ...full, tone: 10 }, fatalItems: [], total: 95 },
      comment: '问候规范',
      scoredAt: '2026-11-03T01:00:00.000Z',
      appeal: null,
    });
    expect([...listScorecardsOfCalls(db, [first, second, 77]).keys()].sort()).toEqual([first, second]);
    expect(listScorecardsOfAgent(db, agent, 10).map((card) => card.scoring.total)).toEqual([0, 95]);
    expect(listScorecardsOfAgent(db, agent, 1)).toHaveLength(1);
    expect(() =>
      insertScorecard(db, { callId: first, agentAccountId: agent, scorerAccountId: lead, scoring: { points: full, fatalItems: [], total: 100 }, comment: '', scoredAt: 't' }),
    ).toThrow(/UNIQUE/);
  });

  it('lists a team’s pending appeals and records a review once', () => {
    const { db, agent, lead, call } = desk();
    const callId = call('A', agent, '2026-11-01T01:00:00.000Z');
    const scorecardId = insertScorecard(db, {
      callId,
      agentAccountId: agent,
      scorerAccountId: lead,
      scoring: { points: full, fatalItems: ['hungUpOnCustomer'], total: 0 },
      comment: '',
      scoredAt: 't',
    });
    insertAppeal(db, { scorecardId, appellantAccountId: agent, reason: '客户先挂机，系统录音可证', appealedAt: '2026-11-05T01:00:00.000Z' });
    expect(listPendingAppealsOfTeam(db, '一组').map((card) => [card.id, card.appeal?.status])).toEqual([[scorecardId, 'pending']]);
    expect(listPendingAppealsOfTeam(db, '二组')).toEqual([]);

    const revised = { points: { ...full, handling: 20 }, fatalItems: [], total: 95 };
    expect(recordAppealReview(db, scorecardId, { reviewerAccountId: lead, reviewedAt: '2026-11-06T01:00:00.000Z', note: '复听录音属实', decision: 'upheld', revised })).toBe(true);
    expect(findScorecardById(db, scorecardId)?.appeal).toEqual({
      id: 1,
      reason: '客户先挂机，系统录音可证',
      appealedAt: '2026-11-05T01:00:00.000Z',
      status: 'upheld',
      reviewerAgentId: '2001',
      reviewedAt: '2026-11-06T01:00:00.000Z',
      reviewNote: '复听录音属实',
      revised,
    });
    expect(listPendingAppealsOfTeam(db, '一组')).toEqual([]);
    expect(recordAppealReview(db, scorecardId, { reviewerAccountId: lead, reviewedAt: 't', note: '再审一次', decision: 'rejected', revised: null })).toBe(false);
    expect(findScorecardById(db, scorecardId)?.appeal?.status).toBe('upheld');
  });
});
