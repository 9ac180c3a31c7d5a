import type { Db } from './connection';

/** A call as stored. */
export type CallRecord = Readonly<{
  id: number;
  callKey: string;
  direction: 'inbound' | 'outbound' | 'walk_in';
  callerNumber: string;
  calledNumber: string;
  queue: string;
  customerId: number | null;
  rangAt: string;
  answeredAt: string | null;
  endedAt: string | null;
  outcome: 'answered' | 'missed' | null;
  durationSeconds: number | null;
  /** The agent who took the call (the first to see it ring, or who started it by hand). */
  agentAccountId: number | null;
  /** What the caller wants, as the agent classified it. */
  intent: string | null;
  /** The script the agent followed. */
  scriptId: string | null;
  /** When the agent finished the wrap-up; the call leaves the desk then. */
  closedAt: string | null;
}>;

/** A script step ticked during a call, and when. */
export type CallScriptStep = Readonly<{ scriptId: string; stepId: string; doneAt: string }>;

/** A banned phrase heard or typed during a call (no text). */
export type CallPhraseHit = Readonly<{ ruleId: string; severity: 'warn' | 'block'; source: 'agent' | 'customer' | 'typed'; foundAt: string }>;

const selectCall = `SELECT id, call_key AS callKey, direction, caller_number AS callerNumber, called_number AS calledNumber,
  queue, customer_id AS customerId, rang_at AS rangAt, answered_at AS answeredAt, ended_at AS endedAt, outcome,
  duration_seconds AS durationSeconds, agent_account_id AS agentAccountId, intent, script_id AS scriptId,
  closed_at AS closedAt FROM calls`;

/** Stores a new call; returns its ID. */
export function insertCall(
  db: Db,
  call: Readonly<Pick<CallRecord, 'callKey' | 'direction' | 'callerNumber' | 'calledNumber' | 'queue' | 'customerId' | 'rangAt'>> &
    Readonly<Partial<Pick<CallRecord, 'answeredAt' | 'agentAccountId'>>>,
): number {
  const result = db
    .prepare(
      `INSERT INTO calls (call_key, direction, caller_number, called_number, queue, customer_id, rang_at, answered_at, agent_account_id)
       VALUES (@callKey, @direction, @callerNumber, @calledNumber, @queue, @customerId, @rangAt, @answeredAt, @agentAccountId)`,
    )
    .run({ answeredAt: null, agentAccountId: null, ...call });
  return Number(result.lastInsertRowid);
}

/** The call with this middleware call ID, or undefined. */
export function findCallByKey(db: Db, callKey: string): CallRecord | undefined {
  return db.prepare(`${selectCall} WHERE call_key = ?`).get(callKey) as CallRecord | undefined;
}

/** The call with this ID, or undefined. */
export function findCallById(db: Db, id: number): CallRecord | undefined {
  return db.prepare(`${selectCall} WHERE id = ?`).get(id) as CallRecord | undefined;
}

/**
 * The call on an agent's desk: their own call still going, else the newest call ringing that
 * nobody took yet (a ring wins over a wrap-up), else the newest ended call of theirs whose
 * wrap-up is not finished.
 * Calls that rang before `since` are left out (a hang-up the middleware never sent).
 */
export function findCurrentCall(db: Db, accountId: number, since: string): CallRecord | undefined {
  return db
    .prepare(
      `${selectCall}
       WHERE closed_at IS NULL AND rang_at >= @since
         AND (agent_account_id = @accountId OR (agent_account_id IS NULL AND ended_at IS NULL))
       ORDER BY (agent_account_id IS NOT NULL AND ended_at IS NULL) DESC, ended_at IS NULL DESC, rang_at DESC, id DESC LIMIT 1`,
    )
    .get({ accountId, since }) as CallRecord | undefined;
}

/** Gives an untaken call to an agent; false when someone took it first. */
export function claimCall(db: Db, id: number, accountId: number): boolean {
  return db.prepare('UPDATE calls SET agent_account_id = ? WHERE id = ? AND agent_account_id IS NULL').run(accountId, id).changes === 1;
}

/** Finishes the wrap-up: the call leaves the agent's desk. */
export function markCallClosed(db: Db, id: number, at: string): void {
  db.prepare('UPDATE calls SET closed_at = coalesce(closed_at, ?) WHERE id = ?').run(at, id);
}

/** Records what the agent classified and the script followed (null leaves a value as it is). */
export function updateCallHandling(db: Db, id: number, handling: Readonly<{ intent?: string | null; scriptId?: string | null }>): void {
  db.prepare('UPDATE calls SET intent = coalesce(@intent, intent), script_id = coalesce(@scriptId, script_id) WHERE id = @id').run({
    id,
    intent: handling.intent ?? null,
    scriptId: handling.scriptId ?? null,
  });
}

/** Links the call to a customer when it has none yet (a new caller recorded during the call). */
export function linkCallCustomer(db: Db, id: number, customerId: number): void {
  db.prepare('UPDATE calls SET customer_id = ? WHERE id = ? AND customer_id IS NULL').run(customerId, id);
}

/** Ticks (with its time) or unticks a script step of a call. */
export function setCallScriptStep(db: Db, callId: number, step: Readonly<{ scriptId: string; stepId: string }>, doneAt: string | null): void {
  if (doneAt === null) {
    db.prepare('DELETE FROM call_script_steps WHERE call_id = ? AND script_id = ? AND step_id = ?').run(callId, step.scriptId, step.stepId);
    return;
  }
  db.prepare(
    `INSERT INTO call_script_steps (call_id, script_id, step_id, done_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (call_id, script_id, step_id) DO NOTHING`,
  ).run(callId, step.scriptId, step.stepId, doneAt);
}

/** The ticked script steps of a call, in the order they were done. */
export function listCallScriptSteps(db: Db, callId: number): CallScriptStep[] {
  return db
    .prepare('SELECT script_id AS scriptId, step_id AS stepId, done_at AS doneAt FROM call_script_steps WHERE call_id = ? ORDER BY done_at, step_id')
    .all(callId) as CallScriptStep[];
}

/** Records the answer (the first one counts). */
export function markCallAnswered(db: Db, id: number, at: string): void {
  db.prepare('UPDATE calls SET answered_at = coalesce(answered_at, ?) WHERE id = ?').run(at, id);
}

/** Records the end: outcome and talk time in seconds. */
export function markCallEnded(db: Db, id: number, at: string, outcome: 'answered' | 'missed', durationSeconds: number): void {
  db.prepare('UPDATE calls SET ended_at = ?, outcome = ?, duration_seconds = ? WHERE id = ?').run(at, outcome, durationSeconds, id);
}

/** Stores the banned phrases found during a call. */
export function insertCallPhraseHits(db: Db, callId: number, hits: readonly CallPhraseHit[]): void {
  const insert = db.prepare('INSERT INTO call_phrase_hits (call_id, rule_id, severity, source, found_at) VALUES (?, ?, ?, ?, ?)');
  for (const hit of hits) insert.run(callId, hit.ruleId, hit.severity, hit.source, hit.foundAt);
}

/** The banned phrases found during a call, in order. */
export function listCallPhraseHits(db: Db, callId: number): CallPhraseHit[] {
  return db
    .prepare('SELECT rule_id AS ruleId, severity, source, found_at AS foundAt FROM call_phrase_hits WHERE call_id = ? ORDER BY id')
    .all(callId) as CallPhraseHit[];
}
