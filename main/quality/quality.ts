import { randomInt } from 'node:crypto';
import { defaultScripts } from '../../common/call-scripts/default-scripts';
import type { CallScript, ScriptKind } from '../../common/call-scripts/script';
import { callIntents, type CallIntent } from '../../common/calls/intents';
import {
  ownScorecardLimit,
  qualityCallListLimit,
  type QualityCallView,
  type SampledMember,
  type ScorecardView,
  type ScoringView,
} from '../../common/ipc/quality';
import { AppError } from '../../common/ipc/result';
import { computeCallChecks, type CallChecks } from '../../common/quality/call-checks';
import { summariseMonths, type MonthSummary } from '../../common/quality/monthly-summary';
import { addMonths, monthOf, monthRange, monthsUpTo, summaryMonthCount, type QualityMonth } from '../../common/quality/quality-months';
import { sameScoring, sampleStanding, scorecardTotal, type FatalItem, type ScorecardPoints } from '../../common/quality/scorecard';
import { findAccountById, listAccounts, type AccountRecord } from '../../db/accounts';
import { listCallScripts } from '../../db/call-scripts';
import type { Db } from '../../db/connection';
import {
  countPhraseHitsOfCalls,
  countTicketsOfCalls,
  findQualityCall,
  findScorecardById,
  insertAppeal,
  insertScorecard,
  listAgentQualityCalls,
  listPendingAppealsOfTeam,
  listQualityCallsByIds,
  listScorecardsOfAgent,
  listScorecardsOfCalls,
  listStepsOfCalls,
  recordAppealReview,
  type QualityCallRecord,
  type ScorecardRecord,
  type Scoring,
} from '../../db/quality';
import { recordAudit } from '../audit/audit-trail';
import type { DeskContext, SignedInCaller } from '../desk-context';

const scriptKindOfDirection: Readonly<Record<QualityCallRecord['direction'], ScriptKind>> = { inbound: 'phone', walk_in: 'counter', outbound: 'callback' };

/**
 * The script a call followed: the stored one it names, else the built-in one of that ID (a
 * script deleted since), else the first stored script of the call's kind, as the call panel
 * picks it, else the built-in one of that kind.
 */
function scriptOfCall(scripts: readonly CallScript[], call: QualityCallRecord): CallScript | undefined {
  const kind = scriptKindOfDirection[call.direction];
  return (
    scripts.find((script) => script.id === call.scriptId) ??
    defaultScripts.find((script) => script.id === call.scriptId) ??
    scripts.find((script) => script.kind === kind) ??
    defaultScripts.find((script) => script.kind === kind)
  );
}

function intentOf(value: string | null): CallIntent | null {
  return (callIntents as readonly string[]).includes(value ?? '') ? (value as CallIntent) : null;
}

/** The scoring that counts: an upheld appeal's revision, else the first. */
function finalScoring(record: ScorecardRecord): Scoring {
  return record.appeal?.revised ?? record.scoring;
}

function scoringView(scoring: Scoring): ScoringView {
  return { points: { ...scoring.points }, fatalItems: [...scoring.fatalItems], total: scoring.total };
}

function scorecardView(record: ScorecardRecord): ScorecardView {
  return {
    id: record.id,
    callId: record.callId,
    callRangAt: record.callRangAt,
    agentId: record.agentId,
    agentName: record.agentName,
    scorerAgentId: record.scorerAgentId,
    scoredAt: record.scoredAt,
    scoring: scoringView(record.scoring),
    comment: record.comment,
    appeal:
      record.appeal === null
        ? null
        : {
            reason: record.appeal.reason,
            appealedAt: record.appeal.appealedAt,
            status: record.appeal.status,
            reviewerAgentId: record.appeal.reviewerAgentId,
            reviewedAt: record.appeal.reviewedAt,
            reviewNote: record.appeal.reviewNote,
            revised: record.appeal.revised === null ? null : scoringView(record.appeal.revised),
          },
    final: scoringView(finalScoring(record)),
  };
}

/** A call with its checks and scorecard, as the lists read them. */
type InspectedCall = Readonly<{ record: QualityCallRecord; checks: CallChecks; scorecard: ScorecardRecord | undefined }>;

/**
 * The automatic checks and scorecards of an agent's calls, from the steps, phrase hits and
 * tickets of all of them read at once.
 */
function inspectCalls(db: Db, scripts: readonly CallScript[], agentAccountId: number, calls: readonly QualityCallRecord[]): InspectedCall[] {
  const ids = calls.map((call) => call.id);
  const steps = listStepsOfCalls(db, ids);
  const hits = countPhraseHitsOfCalls(db, ids);
  const tickets = countTicketsOfCalls(db, agentAccountId, ids);
  const scorecards = listScorecardsOfCalls(db, ids);
  return calls.map((call) => {
    const script = scriptOfCall(scripts, call);
    const followed = call.scriptId ?? script?.id;
    const checks = computeCallChecks({
      direction: call.direction,
      answeredAt: call.answeredAt,
      durationSeconds: call.durationSeconds,
      intent: call.intent,
      script: script === undefined ? null : { kind: script.kind, steps: script.steps },
      stepsDone: (steps.get(call.id) ?? []).filter((step) => step.scriptId === followed),
      phraseHits: hits.get(call.id) ?? [],
      customer: call.customerHasSurname === null ? 'none' : call.customerHasSurname ? 'withSurname' : 'withoutSurname',
      tickets: tickets.get(call.id) ?? 0,
    });
    return { record: call, checks, scorecard: scorecards.get(call.id) };
  });
}

function callView(agentId: string, inspected: InspectedCall): QualityCallView {
  const { record } = inspected;
  return {
    id: record.id,
    agentId,
    direction: record.direction,
    rangAt: record.rangAt,
    answeredAt: record.answeredAt ?? record.rangAt,
    endedAt: record.endedAt,
    durationSeconds: record.durationSeconds,
    intent: intentOf(record.intent),
    scriptId: record.scriptId,
    checks: inspected.checks,
    scorecard: inspected.scorecard === undefined ? null : scorecardView(inspected.scorecard),
  };
}

function currentMonth(desk: DeskContext): QualityMonth {
  return monthOf(desk.now().getTime(), desk.timeZone);
}

/** The people whose calls the lead inspects: the team's agents and other leads, never the lead. */
function teamMembersOf(db: Db, lead: AccountRecord): AccountRecord[] {
  if (lead.team === '') return [];
  return listAccounts(db).filter((account) => account.team === lead.team && account.role !== 'admin' && account.id !== lead.id);
}

/** An answered, wrapped-up call the caller may inspect: their own, or (for a lead) a team member's; else `CALL_NOT_FOUND`. */
function requireInspectableCall(db: Db, caller: SignedInCaller, callId: number): { call: QualityCallRecord; agent: AccountRecord } {
  const call = findQualityCall(db, callId);
  const agent = call?.agentAccountId === null || call === undefined ? undefined : findAccountById(db, call.agentAccountId);
  const own = agent?.id === caller.account.id;
  const team = agent !== undefined && caller.account.role === 'team_lead' && caller.account.team !== '' && agent.team === caller.account.team;
  if (call === undefined || agent === undefined || call.answeredAt === null || call.closedAt === null || !(own || team)) {
    throw new AppError('CALL_NOT_FOUND', `Call ${callId} is not one you may inspect.`);
  }
  return { call, agent };
}

function inspectOne(db: Db, call: QualityCallRecord, agent: AccountRecord): QualityCallView {
  return callView(agent.agentId, inspectCalls(db, listCallScripts(db), agent.id, [call])[0]!);
}

/** The lead's sampling view of a month: each team member's calls with checks and scorecards, and the team's pending appeals. */
export function teamQuality(
  desk: DeskContext,
  caller: SignedInCaller,
  request: Readonly<{ month?: string | undefined }>,
): { month: string; months: string[]; members: SampledMember[]; pendingAppeals: ScorecardView[] } {
  const db = desk.store.connection();
  const thisMonth = currentMonth(desk);
  const month = request.month ?? thisMonth;
  const range = monthRange(month, desk.timeZone);
  const scripts = listCallScripts(db);
  const members = teamMembersOf(db, caller.account).flatMap((member): SampledMember[] => {
    const calls = listAgentQualityCalls(db, member.id, range);
    if (member.status !== 'active' && calls.length === 0) return [];
    const inspected = inspectCalls(db, scripts, member.id, calls);
    const scoredCount = inspected.filter((call) => call.scorecard !== undefined).length;
    return [
      {
        agentId: member.agentId,
        displayName: member.displayName,
        role: member.role,
        status: member.status,
        callCount: calls.length,
        scoredCount,
        standing: sampleStanding(scoredCount),
        calls: inspected.slice(0, qualityCallListLimit).map((call) => callView(member.agentId, call)),
      },
    ];
  });
  const pendingAppeals = caller.account.team === '' ? [] : listPendingAppealsOfTeam(db, caller.account.team).filter((card) => card.agentAccountId !== caller.account.id);
  return { month, months: monthsUpTo(thisMonth, summaryMonthCount), members, pendingAppeals: pendingAppeals.map(scorecardView) };
}

/** A team member of the lead by agent ID: `QUALITY_OWN_CALL` for the lead, `ACCOUNT_NOT_FOUND` for anyone outside the team. */
function requireTeamMember(db: Db, caller: SignedInCaller, agentId: string): AccountRecord {
  if (agentId.toLowerCase() === caller.account.agentId.toLowerCase()) throw new AppError('QUALITY_OWN_CALL', 'Nobody samples their own calls.');
  const member = teamMembersOf(db, caller.account).find((account) => account.agentId.toLowerCase() === agentId.toLowerCase());
  if (member === undefined) throw new AppError('ACCOUNT_NOT_FOUND', `Agent ${agentId} is not in your team.`);
  return member;
}

/** A random answered call of the member's month that has no scorecard yet; `QUALITY_NO_UNSCORED_CALL` when there is none. */
export function pickUnscoredCall(
  desk: DeskContext,
  caller: SignedInCaller,
  request: Readonly<{ agentId: string; month?: string | undefined }>,
): { call: QualityCallView } {
  const db = desk.store.connection();
  const member = requireTeamMember(db, caller, request.agentId);
  const calls = listAgentQualityCalls(db, member.id, monthRange(request.month ?? currentMonth(desk), desk.timeZone));
  const scored = listScorecardsOfCalls(
    db,
    calls.map((call) => call.id),
  );
  const unscored = calls.filter((call) => !scored.has(call.id));
  if (unscored.length === 0) throw new AppError('QUALITY_NO_UNSCORED_CALL', `Every answered call of ${member.agentId} in the month is scored.`);
  return { call: inspectOne(db, unscored[randomInt(unscored.length)]!, member) };
}

/** One answered call with its checks and scorecard: the caller's own, or a team member's for a lead. */
export function inspectCall(desk: DeskContext, caller: SignedInCaller, request: Readonly<{ callId: number }>): { call: QualityCallView } {
  const db = desk.store.connection();
  const { call, agent } = requireInspectableCall(db, caller, request.callId);
  return { call: inspectOne(db, call, agent) };
}

function auditScoring(scoring: Scoring): Record<string, number | string> {
  return { total: scoring.total, fatalItems: scoring.fatalItems.join(',') };
}

/**
 * Scores a team member's answered call: the total is the points added up, or 0 with any fatal
 * item. One scorecard per call; never one's own call. One transaction with the audit entry
 * (`quality.score`: call, agent, total and fatal items; never the comment).
 */
export function scoreCall(
  desk: DeskContext,
  caller: SignedInCaller,
  request: Readonly<{ callId: number; points: ScorecardPoints; fatalItems: readonly FatalItem[]; comment: string }>,
): { scorecard: ScorecardView } {
  const db = desk.store.connection();
  return db.transaction(() => {
    const { call, agent } = requireInspectableCall(db, caller, request.callId);
    if (agent.id === caller.account.id) throw new AppError('QUALITY_OWN_CALL', 'Nobody scores their own calls.');
    if (listScorecardsOfCalls(db, [call.id]).has(call.id)) throw new AppError('QUALITY_ALREADY_SCORED', `Call ${call.id} has a scorecard already.`);
    const scoring: Scoring = { points: request.points, fatalItems: request.fatalItems, total: scorecardTotal(request.points, request.fatalItems) };
    const id = insertScorecard(db, {
      callId: call.id,
      agentAccountId: agent.id,
      scorerAccountId: caller.account.id,
      scoring,
      comment: request.comment,
      scoredAt: desk.now().toISOString(),
    });
    recordAudit(desk, caller.account, {
      action: 'quality.score',
      objectType: 'qualityScorecard',
      objectId: id,
      details: { callId: call.id, agentId: agent.agentId, ...auditScoring(scoring), comment: request.comment.length > 0 },
    });
    return { scorecard: scorecardView(findScorecardById(db, id)!) };
  })();
}

/** Six months' summaries of one person, oldest first, each with its trend. */
function summaryOf(db: Db, scripts: readonly CallScript[], desk: DeskContext, person: AccountRecord, months: readonly QualityMonth[]): MonthSummary[] {
  // The month before the first gives the first month's trend.
  const range = { from: monthRange(addMonths(months[0]!, -1), desk.timeZone).from, until: monthRange(months.at(-1)!, desk.timeZone).until };
  const inspected = inspectCalls(db, scripts, person.id, listAgentQualityCalls(db, person.id, range));
  const monthOfCall = (call: InspectedCall) => monthOf(Date.parse(call.record.rangAt), desk.timeZone);
  return summariseMonths(
    months,
    inspected.map((call) => ({ month: monthOfCall(call), checks: call.checks })),
    inspected.flatMap((call) => (call.scorecard === undefined ? [] : [{ month: monthOfCall(call), ...finalScoring(call.scorecard) }])),
  );
}

/** The caller's own quality: this month's calls with checks, the scored calls with their scorecards, six months' summary. */
export function myQuality(
  desk: DeskContext,
  caller: SignedInCaller,
): { month: string; callCount: number; calls: QualityCallView[]; scored: QualityCallView[]; summary: MonthSummary[] } {
  const db = desk.store.connection();
  const scripts = listCallScripts(db);
  const month = currentMonth(desk);
  const own = caller.account;
  const calls = inspectCalls(db, scripts, own.id, listAgentQualityCalls(db, own.id, monthRange(month, desk.timeZone)));
  const scorecards = listScorecardsOfAgent(db, own.id, ownScorecardLimit);
  const scoredCalls = listQualityCallsByIds(
    db,
    scorecards.map((card) => card.callId),
  );
  const scored = inspectCalls(
    db,
    scripts,
    own.id,
    scorecards.flatMap((card) => scoredCalls.get(card.callId) ?? []),
  );
  return {
    month,
    callCount: calls.length,
    calls: calls.slice(0, qualityCallListLimit).map((call) => callView(own.agentId, call)),
    scored: scored.map((call) => callView(own.agentId, call)),
    summary: summaryOf(db, scripts, desk, own, monthsUpTo(month, summaryMonthCount)),
  };
}

/**
 * Appeals a score of the caller's own call, once, with a reason (the database refuses a second
 * appeal too). One transaction with the audit entry (`quality.appeal`: the reason's length, never its words).
 */
export function appealScore(desk: DeskContext, caller: SignedInCaller, request: Readonly<{ scorecardId: number; reason: string }>): { scorecard: ScorecardView } {
  const db = desk.store.connection();
  return db.transaction(() => {
    const scorecard = findScorecardById(db, request.scorecardId);
    if (scorecard === undefined || scorecard.agentAccountId !== caller.account.id) {
      throw new AppError('QUALITY_SCORECARD_NOT_FOUND', `Scorecard ${request.scorecardId} is not of your calls.`);
    }
    if (scorecard.appeal !== null) throw new AppError('QUALITY_ALREADY_APPEALED', 'A score is appealed once only.');
    insertAppeal(db, { scorecardId: scorecard.id, appellantAccountId: caller.account.id, reason: request.reason, appealedAt: desk.now().toISOString() });
    recordAudit(desk, caller.account, {
      action: 'quality.appeal',
      objectType: 'qualityScorecard',
      objectId: scorecard.id,
      details: { callId: scorecard.callId, total: scorecard.scoring.total, reasonLength: request.reason.length },
    });
    return { scorecard: scorecardView(findScorecardById(db, scorecard.id)!) };
  })();
}

/** A review as the channel takes it. */
export type AppealReviewRequest = Readonly<
  | { scorecardId: number; decision: 'upheld'; points: ScorecardPoints; fatalItems: readonly FatalItem[]; note: string }
  | { scorecardId: number; decision: 'rejected'; note: string }
>;

/**
 * Reviews a team member's pending appeal: upheld with a changed scoring (which then counts), or
 * rejected; with a note. Never an appeal of one's own score. One transaction with the audit
 * entry (`quality.review`: decision, totals before and after).
 */
export function reviewAppeal(desk: DeskContext, caller: SignedInCaller, request: AppealReviewRequest): { scorecard: ScorecardView } {
  const db = desk.store.connection();
  return db.transaction(() => {
    const scorecard = findScorecardById(db, request.scorecardId);
    const agent = scorecard === undefined ? undefined : findAccountById(db, scorecard.agentAccountId);
    if (scorecard === undefined || agent === undefined) throw new AppError('QUALITY_SCORECARD_NOT_FOUND', `No scorecard ${request.scorecardId}.`);
    if (agent.id === caller.account.id) throw new AppError('QUALITY_OWN_CALL', 'Nobody reviews the appeal of their own score.');
    if (caller.account.team === '' || agent.team !== caller.account.team) {
      throw new AppError('QUALITY_SCORECARD_NOT_FOUND', `Scorecard ${request.scorecardId} is not of your team.`);
    }
    if (scorecard.appeal?.status !== 'pending') throw new AppError('QUALITY_APPEAL_NOT_PENDING', `Scorecard ${scorecard.id} has no appeal waiting for review.`);
    const revised: Scoring | null =
      request.decision === 'upheld'
        ? { points: request.points, fatalItems: request.fatalItems, total: scorecardTotal(request.points, request.fatalItems) }
        : null;
    if (revised !== null && sameScoring(revised, scorecard.scoring)) {
      throw new AppError('QUALITY_SCORE_UNCHANGED', 'An upheld appeal changes the score; reject it to keep the score.');
    }
    recordAppealReview(db, scorecard.id, { reviewerAccountId: caller.account.id, reviewedAt: desk.now().toISOString(), note: request.note, decision: request.decision, revised });
    recordAudit(desk, caller.account, {
      action: 'quality.review',
      objectType: 'qualityScorecard',
      objectId: scorecard.id,
      details: { callId: scorecard.callId, agentId: agent.agentId, decision: request.decision, totalBefore: scorecard.scoring.total, totalAfter: (revised ?? scorecard.scoring).total },
    });
    return { scorecard: scorecardView(findScorecardById(db, scorecard.id)!) };
  })();
}

/** The team's monthly summary: per member (active, or with calls in the period) and month of the last six. */
export function teamSummary(
  desk: DeskContext,
  caller: SignedInCaller,
): { months: string[]; members: { agentId: string; displayName: string; role: AccountRecord['role']; status: AccountRecord['status']; months: MonthSummary[] }[] } {
  const db = desk.store.connection();
  const scripts = listCallScripts(db);
  const months = monthsUpTo(currentMonth(desk), summaryMonthCount);
  const members = teamMembersOf(db, caller.account).flatMap((member) => {
    const summaries = summaryOf(db, scripts, desk, member, months);
    if (member.status !== 'active' && summaries.every((summary) => summary.calls === 0)) return [];
    return [{ agentId: member.agentId, displayName: member.displayName, role: member.role, status: member.status, months: summaries }];
  });
  return { months, members };
}
