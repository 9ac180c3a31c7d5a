import { randomUUID } from 'node:crypto';
import { callIntents, type CallIntent } from '../../common/calls/intents';
import { transcriptPageLimit, type CallView, type TranscriptLine } from '../../common/ipc/calls';
import { AppError } from '../../common/ipc/result';
import type { PhraseHit } from '../../common/phrase-engine/matcher';
import {
  claimCall,
  findCallById,
  findCurrentCall,
  insertCall,
  insertCallPhraseHits,
  linkCallCustomer,
  listCallScriptSteps,
  markCallClosed,
  markCallEnded,
  setCallScriptStep,
  updateCallHandling,
  type CallRecord,
} from '../../db/calls';
import { findCallScript } from '../../db/call-scripts';
import type { Db } from '../../db/connection';
import { findCustomerById, findCustomerIdsByIdentifier } from '../../db/customers';
import { recordAudit } from '../audit/audit-trail';
import { openableHits } from '../customers/customer-hits';
import { maskPhone } from '../customers/masking';
import { sessionOf, type DeskContext, type SignedInCaller } from '../desk-context';
import { currentPhraseMatcher } from '../phrase-rules/phrase-rules';
import type { Session } from '../session/session-registry';

/** A call that rang this long ago and never hung up is the middleware's loss, not the agent's call. */
const staleCallHours = 12;

function currentRecord(desk: DeskContext, db: Db, accountId: number): CallRecord | undefined {
  const since = new Date(desk.now().getTime() - staleCallHours * 3_600_000).toISOString();
  return findCurrentCall(db, accountId, since);
}

/** The caller's own call, still on their desk; anything else is "not found". */
function requireOwnCall(db: Db, caller: SignedInCaller, callId: number): CallRecord {
  const call = findCallById(db, callId);
  if (call === undefined || call.agentAccountId !== caller.account.id || call.closedAt !== null) {
    throw new AppError('CALL_NOT_FOUND', `Call ${callId} is not on this desk.`);
  }
  return call;
}

/** The script, and the step when one is named; a script deleted or a step removed meanwhile is refused. */
function requireScriptStep(db: Db, scriptId: string, stepId?: string): void {
  const script = findCallScript(db, scriptId);
  if (script === undefined || (stepId !== undefined && !script.steps.some((step) => step.id === stepId))) {
    throw new AppError('CALL_SCRIPT_NOT_FOUND', `Script ${scriptId}${stepId === undefined ? '' : ` has no step ${stepId}`}.`);
  }
}

/** The customers the caller's number finds, masked; each becomes openable in the session. */
function screenPop(db: Db, session: Session, call: CallRecord): CallView['customers'] {
  const number = call.callerNumber.replaceAll('-', '');
  return openableHits(db, session, number.length < 4 ? [] : findCustomerIdsByIdentifier(db, 'phone', number));
}

function intentOf(value: string | null): CallIntent | null {
  return (callIntents as readonly string[]).includes(value ?? '') ? (value as CallIntent) : null;
}

function toCallView(db: Db, session: Session, call: CallRecord): CallView {
  const state = call.endedAt !== null ? 'ended' : call.answeredAt !== null ? 'talking' : 'ringing';
  return {
    id: call.id,
    direction: call.direction,
    state,
    callerNumber: call.callerNumber === '' ? '' : maskPhone(call.callerNumber),
    queue: call.queue,
    rangAt: call.rangAt,
    answeredAt: call.answeredAt,
    endedAt: call.endedAt,
    outcome: call.outcome,
    durationSeconds: call.durationSeconds,
    customerId: call.customerId,
    customers: screenPop(db, session, call),
    intent: intentOf(call.intent),
    scriptId: call.scriptId,
    steps: listCallScriptSteps(db, call.id),
  };
}

/**
 * The call on the caller's desk, with the transcript lines from `transcriptFrom` on. A ringing
 * call nobody took yet becomes the caller's (audited as `call.take`, with how many customers
 * the number found): that is the screen pop.
 */
export function currentCall(
  desk: DeskContext,
  caller: SignedInCaller,
  request: Readonly<{ transcriptFrom?: number | undefined }>,
): { call: CallView | null; transcript: TranscriptLine[] } {
  const session = sessionOf(desk, caller);
  const db = desk.store.connection();
  return db.transaction(() => {
    let call = currentRecord(desk, db, caller.account.id);
    if (call === undefined) return { call: null, transcript: [] };
    if (call.agentAccountId === null && claimCall(db, call.id, caller.account.id)) {
      call = findCallById(db, call.id)!;
      const view = toCallView(db, session, call);
      recordAudit(desk, caller.account, {
        action: 'call.take',
        objectType: 'call',
        objectId: call.id,
        details: { direction: call.direction, queue: call.queue, caller: view.callerNumber, customersFound: view.customers.length },
      });
      return { call: view, transcript: desk.liveTranscripts.from(call.id, request.transcriptFrom ?? 0, transcriptPageLimit) };
    }
    return {
      call: toCallView(db, session, call),
      transcript: desk.liveTranscripts.from(call.id, request.transcriptFrom ?? 0, transcriptPageLimit),
    };
  })();
}

/**
 * Starts a call by hand: a visit at the counter or a call-back dialled out. Refused while a call
 * is going on (or ringing) on the desk; a call still in wrap-up is finished first.
 */
export function startCall(
  desk: DeskContext,
  caller: SignedInCaller,
  request: Readonly<{ direction: 'walk_in' | 'outbound'; customerId?: number | undefined }>,
): { call: CallView } {
  const session = sessionOf(desk, caller);
  const db = desk.store.connection();
  return db.transaction(() => {
    const now = desk.now().toISOString();
    const current = currentRecord(desk, db, caller.account.id);
    if (current !== undefined && current.endedAt === null) {
      throw new AppError('CALL_IN_PROGRESS', `Call ${current.id} is still going on; finish it first.`);
    }
    if (current !== undefined) finishRecord(desk, db, caller, current);
    let phone = '';
    if (request.customerId !== undefined) {
      const customer = findCustomerById(db, request.customerId);
      if (customer === undefined || !session.accessibleCustomerIds.has(customer.id)) {
        throw new AppError('CUSTOMER_NOT_ACCESSIBLE', 'Find the customer by phone, account or ID number first.');
      }
      if (request.direction === 'outbound') phone = customer.phones[0] ?? '';
    }
    const id = insertCall(db, {
      callKey: `desk-${randomUUID()}`,
      direction: request.direction,
      callerNumber: phone,
      calledNumber: '',
      queue: '',
      customerId: request.customerId ?? null,
      rangAt: now,
      answeredAt: now,
      agentAccountId: caller.account.id,
    });
    recordAudit(desk, caller.account, {
      action: 'call.start',
      objectType: 'call',
      objectId: id,
      details: { direction: request.direction, customerId: request.customerId ?? null },
    });
    return { call: toCallView(db, session, findCallById(db, id)!) };
  })();
}

/** Records the classified intent and the script the agent follows. */
export function updateCall(
  desk: DeskContext,
  caller: SignedInCaller,
  request: Readonly<{ callId: number; intent?: CallIntent | undefined; scriptId?: string | undefined }>,
): { call: CallView } {
  const session = sessionOf(desk, caller);
  const db = desk.store.connection();
  return db.transaction(() => {
    requireOwnCall(db, caller, request.callId);
    if (request.scriptId !== undefined) requireScriptStep(db, request.scriptId);
    updateCallHandling(db, request.callId, { intent: request.intent ?? null, scriptId: request.scriptId ?? null });
    return { call: toCallView(db, session, findCallById(db, request.callId)!) };
  })();
}

/** Ticks a script step with the time (the first tick counts) or unticks it. */
export function recordCallStep(
  desk: DeskContext,
  caller: SignedInCaller,
  request: Readonly<{ callId: number; scriptId: string; stepId: string; done: boolean }>,
): { call: CallView } {
  const session = sessionOf(desk, caller);
  const db = desk.store.connection();
  return db.transaction(() => {
    requireOwnCall(db, caller, request.callId);
    requireScriptStep(db, request.scriptId, request.stepId);
    setCallScriptStep(db, request.callId, request, request.done ? desk.now().toISOString() : null);
    updateCallHandling(db, request.callId, { scriptId: request.scriptId });
    return { call: toCallView(db, session, findCallById(db, request.callId)!) };
  })();
}

/** Ends a call at `at`: answered with its talk time, or missed. */
export function endCall(db: Db, call: CallRecord, at: Date): void {
  const answered = call.answeredAt !== null;
  const durationSeconds = answered ? Math.max(0, Math.round((at.getTime() - Date.parse(call.answeredAt)) / 1000)) : 0;
  markCallEnded(db, call.id, at.toISOString(), answered ? 'answered' : 'missed', durationSeconds);
}

function finishRecord(desk: DeskContext, db: Db, caller: SignedInCaller, call: CallRecord): void {
  const now = desk.now();
  if (call.endedAt === null) endCall(db, call, now);
  markCallClosed(db, call.id, now.toISOString());
  desk.liveTranscripts.forget(call.id);
  const ended = findCallById(db, call.id)!;
  recordAudit(desk, caller.account, {
    action: 'call.finish',
    objectType: 'call',
    objectId: call.id,
    details: { outcome: ended.outcome, durationSeconds: ended.durationSeconds, intent: ended.intent, steps: listCallScriptSteps(db, call.id).length },
  });
}

/** Ends the call if it still runs and finishes its wrap-up: it leaves the desk. Audited. */
export function finishCall(desk: DeskContext, caller: SignedInCaller, request: Readonly<{ callId: number }>): Record<string, never> {
  const db = desk.store.connection();
  db.transaction(() => finishRecord(desk, db, caller, requireOwnCall(db, caller, request.callId)))();
  return {};
}

/**
 * Checks text an agent sends (a note, a reply, a ticket) against the banned phrases: the hits
 * are stored as `typed` hits of the agent's current call, refused attempts too (rule and time,
 * never the text), and a blocking phrase refuses the text with `PHRASE_BLOCKED`.
 */
export function refuseBlockedText(desk: DeskContext, caller: SignedInCaller, text: string, what: string): void {
  const hits = currentPhraseMatcher(desk).scan(text);
  recordTypedPhraseHits(desk, caller, hits);
  const blocked = [...new Set(hits.filter((hit) => hit.severity === 'block').map((hit) => hit.ruleId))];
  if (blocked.length > 0) {
    throw new AppError('PHRASE_BLOCKED', `${what} uses phrases that may not be sent (rules ${blocked.join(', ')}); change them first.`);
  }
}

function recordTypedPhraseHits(desk: DeskContext, caller: SignedInCaller, hits: readonly PhraseHit[]): void {
  if (hits.length === 0) return;
  const db = desk.store.connection();
  const call = currentRecord(desk, db, caller.account.id);
  if (call === undefined || call.agentAccountId !== caller.account.id) return;
  const foundAt = desk.now().toISOString();
  insertCallPhraseHits(
    db,
    call.id,
    hits.map((hit) => ({ ruleId: hit.ruleId, severity: hit.severity, source: 'typed' as const, foundAt })),
  );
}

/** Links the agent's current call to a customer opened or recorded during it, when it has none. */
export function linkCustomerToCurrentCall(desk: DeskContext, caller: SignedInCaller, customerId: number): void {
  const db = desk.store.connection();
  const call = currentRecord(desk, db, caller.account.id);
  if (call !== undefined && call.agentAccountId === caller.account.id) linkCallCustomer(db, call.id, customerId);
}
