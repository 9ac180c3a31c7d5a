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
}>;

/** A banned phrase heard or typed during a call (no text). */
export type CallPhraseHit = Readonly<{ ruleId: string; severity: 'warn' | 'block'; source: 'agent' | 'customer' | 'typed'; foundAt: string }>;

const selectCall = `SELECT id, call_key AS callKey, direction, caller_number AS callerNumber, called_number AS calledNumber,
  queue, customer_id AS customerId, rang_at AS rangAt, answered_at AS answeredAt, ended_at AS endedAt, outcome,
  duration_seconds AS durationSeconds FROM calls`;

/** Stores a new call; returns its ID. */
export function insertCall(
  db: Db,
  call: Readonly<Pick<CallRecord, 'callKey' | 'direction' | 'callerNumber' | 'calledNumber' | 'queue' | 'customerId' | 'rangAt'>>,
): number {
  const result = db
    .prepare(
      `INSERT INTO calls (call_key, direction, caller_number, called_number, queue, customer_id, rang_at)
       VALUES (@callKey, @direction, @callerNumber, @calledNumber, @queue, @customerId, @rangAt)`,
    )
    .run(call);
  return Number(result.lastInsertRowid);
}

/** The call with this middleware call ID, or undefined. */
export function findCallByKey(db: Db, callKey: string): CallRecord | undefined {
  return db.prepare(`${selectCall} WHERE call_key = ?`).get(callKey) as CallRecord | undefined;
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
