import { fatalItems, scorecardItems, type FatalItem, type ScorecardPoints } from '../common/quality/scorecard';
import { cachedStatement, type Db } from './connection';

/** A call as quality inspection reads it: what the checks need, never the customer's data. */
export type QualityCallRecord = Readonly<{
  id: number;
  agentAccountId: number | null;
  direction: 'inbound' | 'outbound' | 'walk_in';
  rangAt: string;
  answeredAt: string | null;
  endedAt: string | null;
  closedAt: string | null;
  durationSeconds: number | null;
  intent: string | null;
  scriptId: string | null;
  customerId: number | null;
  /**
   * Whether the linked customer's recorded name starts with a Chinese character (a surname the
   * script can address the caller by); null without a linked customer. The name stays in the database.
   */
  customerHasSurname: boolean | null;
}>;

/** A time range of calls by when they rang: `from` included, `until` not (ISO-8601 UTC). */
export type RangAtRange = Readonly<{ from: string; until: string }>;

type QualityCallRow = Omit<QualityCallRecord, 'customerHasSurname'> & { customerHasSurname: number | null };

// A name starting with a CJK ideograph (Extension A to the Unified block, U+3400–U+9FFF) has a
// Chinese surname; names in Latin letters do not (which word is the surname is unknown).
const selectQualityCall = `SELECT calls.id, agent_account_id AS agentAccountId, direction, rang_at AS rangAt, answered_at AS answeredAt,
  ended_at AS endedAt, closed_at AS closedAt, duration_seconds AS durationSeconds, intent, script_id AS scriptId, customer_id AS customerId,
  CASE WHEN customers.id IS NULL THEN NULL ELSE unicode(ltrim(customers.full_name)) BETWEEN 13312 AND 40959 END AS customerHasSurname
  FROM calls LEFT JOIN customers ON customers.id = calls.customer_id`;

function toQualityCall(row: QualityCallRow): QualityCallRecord {
  return { ...row, customerHasSurname: row.customerHasSurname === null ? null : row.customerHasSurname === 1 };
}

/** The call with this ID as quality inspection reads it, or undefined. */
export function findQualityCall(db: Db, callId: number): QualityCallRecord | undefined {
  const row = cachedStatement(db, `${selectQualityCall} WHERE calls.id = ?`).get(callId) as QualityCallRow | undefined;
  return row === undefined ? undefined : toQualityCall(row);
}

/** An agent's answered calls whose wrap-up is finished, that rang in the range; newest first. */
export function listAgentQualityCalls(db: Db, agentAccountId: number, range: RangAtRange): QualityCallRecord[] {
  const rows = cachedStatement(
    db,
    `${selectQualityCall}
     WHERE agent_account_id = @agentAccountId AND rang_at >= @from AND rang_at < @until
       AND answered_at IS NOT NULL AND closed_at IS NOT NULL
     ORDER BY rang_at DESC, calls.id DESC`,
  ).all({ agentAccountId, ...range }) as QualityCallRow[];
  return rows.map(toQualityCall);
}

/** The calls with these IDs as quality inspection reads them, by ID (unknown IDs are left out). */
export function listQualityCallsByIds(db: Db, callIds: readonly number[]): Map<number, QualityCallRecord> {
  const rows = cachedStatement(db, `${selectQualityCall} WHERE calls.id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(callIds)) as QualityCallRow[];
  return new Map(rows.map((row) => [row.id, toQualityCall(row)]));
}

function groupByCall<Row extends { callId: number }, Value>(rows: readonly Row[], value: (row: Row) => Value): Map<number, Value[]> {
  const grouped = new Map<number, Value[]>();
  for (const row of rows) {
    const list = grouped.get(row.callId) ?? [];
    list.push(value(row));
    grouped.set(row.callId, list);
  }
  return grouped;
}

/** The script steps ticked in each of the calls, in the order they were done. */
export function listStepsOfCalls(db: Db, callIds: readonly number[]): Map<number, { scriptId: string; stepId: string; doneAt: string }[]> {
  const rows = cachedStatement(
    db,
    `SELECT call_id AS callId, script_id AS scriptId, step_id AS stepId, done_at AS doneAt FROM call_script_steps
     WHERE call_id IN (SELECT value FROM json_each(?)) ORDER BY call_id, done_at, step_id`,
  ).all(JSON.stringify(callIds)) as { callId: number; scriptId: string; stepId: string; doneAt: string }[];
  return groupByCall(rows, ({ scriptId, stepId, doneAt }) => ({ scriptId, stepId, doneAt }));
}

/** How many banned phrases of each source and severity were found in each of the calls. */
export function countPhraseHitsOfCalls(
  db: Db,
  callIds: readonly number[],
): Map<number, { source: 'agent' | 'customer' | 'typed'; severity: 'warn' | 'block'; count: number }[]> {
  const rows = cachedStatement(
    db,
    `SELECT call_id AS callId, source, severity, count(*) AS count FROM call_phrase_hits
     WHERE call_id IN (SELECT value FROM json_each(?)) GROUP BY call_id, source, severity`,
  ).all(JSON.stringify(callIds)) as { callId: number; source: 'agent' | 'customer' | 'typed'; severity: 'warn' | 'block'; count: number }[];
  return groupByCall(rows, ({ source, severity, count }) => ({ source, severity, count }));
}

/**
 * How many tickets were made from each of the calls. A ticket from a call is always the call's
 * agent's (main refuses anyone else), so the owner's queue index finds them without a scan.
 */
export function countTicketsOfCalls(db: Db, ownerAccountId: number, callIds: readonly number[]): Map<number, number> {
  const rows = cachedStatement(
    db,
    `SELECT call_id AS callId, count(*) AS count FROM tickets
     WHERE owner_account_id = ? AND call_id IN (SELECT value FROM json_each(?)) GROUP BY call_id`,
  ).all(ownerAccountId, JSON.stringify(callIds)) as { callId: number; count: number }[];
  return new Map(rows.map((row) => [row.callId, row.count]));
}

/** Points, fatal items and total of one scoring (the first, or an upheld appeal's revision). */
export type Scoring = Readonly<{ points: ScorecardPoints; fatalItems: readonly FatalItem[]; total: number }>;

/** An appeal of a scorecard as stored. */
export type AppealRecord = Readonly<{
  id: number;
  reason: string;
  appealedAt: string;
  status: 'pending' | 'upheld' | 'rejected';
  reviewerAgentId: string | null;
  reviewedAt: string | null;
  reviewNote: string | null;
  /** The revised scoring of an upheld appeal. */
  revised: Scoring | null;
}>;

/** A scorecard as stored, with the people's agent IDs, the call's time and its appeal. */
export type ScorecardRecord = Readonly<{
  id: number;
  callId: number;
  callRangAt: string;
  agentAccountId: number;
  agentId: string;
  agentName: string;
  agentTeam: string;
  scorerAccountId: number;
  scorerAgentId: string;
  scoring: Scoring;
  comment: string;
  scoredAt: string;
  appeal: AppealRecord | null;
}>;

const revisedColumns = scorecardItems.map((item) => `quality_appeals.revised_${item} AS revised_${item}`).join(', ');

const selectScorecard = `SELECT quality_scorecards.*, calls.rang_at AS call_rang_at,
    agents.agent_id AS agent_agent_id, agents.display_name AS agent_name, agents.team AS agent_team, scorers.agent_id AS scorer_agent_id,
    quality_appeals.id AS appeal_id, quality_appeals.reason AS appeal_reason, quality_appeals.appealed_at, quality_appeals.status AS appeal_status,
    reviewers.agent_id AS reviewer_agent_id, quality_appeals.reviewed_at, quality_appeals.review_note, ${revisedColumns},
    quality_appeals.revised_fatal_items, quality_appeals.revised_total
  FROM quality_scorecards
  JOIN calls ON calls.id = quality_scorecards.call_id
  JOIN accounts AS agents ON agents.id = quality_scorecards.agent_account_id
  JOIN accounts AS scorers ON scorers.id = quality_scorecards.scorer_account_id
  LEFT JOIN quality_appeals ON quality_appeals.scorecard_id = quality_scorecards.id
  LEFT JOIN accounts AS reviewers ON reviewers.id = quality_appeals.reviewer_account_id`;

type ScorecardRow = Record<string, string | number | null>;

/** The fatal items of a stored JSON list (checked as an array by the schema); names this code does not know are left out. */
function fatalItemsOf(json: string): FatalItem[] {
  const parsed = JSON.parse(json) as unknown[];
  return parsed.filter((item): item is FatalItem => (fatalItems as readonly unknown[]).includes(item));
}

function pointsOf(row: ScorecardRow, prefix: string): ScorecardPoints {
  return Object.fromEntries(scorecardItems.map((item) => [item, Number(row[`${prefix}${item}`])])) as ScorecardPoints;
}

function toScorecard(row: ScorecardRow): ScorecardRecord {
  const text = (column: string) => row[column] as string;
  const appeal: AppealRecord | null =
    row.appeal_id === null
      ? null
      : {
          id: Number(row.appeal_id),
          reason: text('appeal_reason'),
          appealedAt: text('appealed_at'),
          status: text('appeal_status') as AppealRecord['status'],
          reviewerAgentId: row.reviewer_agent_id as string | null,
          reviewedAt: row.reviewed_at as string | null,
          reviewNote: row.review_note as string | null,
          revised:
            row.revised_total === null
              ? null
              : { points: pointsOf(row, 'revised_'), fatalItems: fatalItemsOf(text('revised_fatal_items')), total: Number(row.revised_total) },
        };
  return {
    id: Number(row.id),
    callId: Number(row.call_id),
    callRangAt: text('call_rang_at'),
    agentAccountId: Number(row.agent_account_id),
    agentId: text('agent_agent_id'),
    agentName: text('agent_name'),
    agentTeam: text('agent_team'),
    scorerAccountId: Number(row.scorer_account_id),
    scorerAgentId: text('scorer_agent_id'),
    scoring: { points: pointsOf(row, ''), fatalItems: fatalItemsOf(text('fatal_items')), total: Number(row.total) },
    comment: text('comment'),
    scoredAt: text('scored_at'),
    appeal,
  };
}

/** A new scorecard; the database checks the ranges, the total and who may be scored by whom. */
export type NewScorecard = Readonly<{
  callId: number;
  agentAccountId: number;
  scorerAccountId: number;
  scoring: Scoring;
  comment: string;
  scoredAt: string;
}>;

/** Stores a scorecard; returns its ID. Throws SQLite's UNIQUE error when the call has one already. */
export function insertScorecard(db: Db, scorecard: NewScorecard): number {
  const result = db
    .prepare(
      `INSERT INTO quality_scorecards (call_id, agent_account_id, scorer_account_id, ${scorecardItems.join(', ')}, fatal_items, total, comment, scored_at)
       VALUES (@callId, @agentAccountId, @scorerAccountId, ${scorecardItems.map((item) => `@${item}`).join(', ')}, @fatalItems, @total, @comment, @scoredAt)`,
    )
    .run({
      callId: scorecard.callId,
      agentAccountId: scorecard.agentAccountId,
      scorerAccountId: scorecard.scorerAccountId,
      ...scorecard.scoring.points,
      fatalItems: JSON.stringify(scorecard.scoring.fatalItems),
      total: scorecard.scoring.total,
      comment: scorecard.comment,
      scoredAt: scorecard.scoredAt,
    });
  return Number(result.lastInsertRowid);
}

/** The scorecard with this ID, or undefined. */
export function findScorecardById(db: Db, id: number): ScorecardRecord | undefined {
  const row = db.prepare(`${selectScorecard} WHERE quality_scorecards.id = ?`).get(id) as ScorecardRow | undefined;
  return row === undefined ? undefined : toScorecard(row);
}

/** The scorecards of the calls among `callIds`, by call ID. */
export function listScorecardsOfCalls(db: Db, callIds: readonly number[]): Map<number, ScorecardRecord> {
  const rows = cachedStatement(db, `${selectScorecard} WHERE quality_scorecards.call_id IN (SELECT value FROM json_each(?))`).all(
    JSON.stringify(callIds),
  ) as ScorecardRow[];
  return new Map(rows.map((row) => [Number(row.call_id), toScorecard(row)]));
}

/** An agent's scorecards, the newest scoring first, at most `limit`. */
export function listScorecardsOfAgent(db: Db, agentAccountId: number, limit: number): ScorecardRecord[] {
  const rows = db
    .prepare(`${selectScorecard} WHERE quality_scorecards.agent_account_id = ? ORDER BY quality_scorecards.scored_at DESC, quality_scorecards.id DESC LIMIT ?`)
    .all(agentAccountId, limit) as ScorecardRow[];
  return rows.map(toScorecard);
}

/** The scorecards of a team's agents (their team now) whose appeal waits for review, the oldest appeal first. */
export function listPendingAppealsOfTeam(db: Db, team: string): ScorecardRecord[] {
  const rows = db
    .prepare(`${selectScorecard} WHERE quality_appeals.status = 'pending' AND agents.team = ? ORDER BY quality_appeals.appealed_at, quality_appeals.id`)
    .all(team) as ScorecardRow[];
  return rows.map(toScorecard);
}

/** Stores an appeal (pending). Throws SQLite's UNIQUE error when the scorecard was appealed already. */
export function insertAppeal(db: Db, appeal: Readonly<{ scorecardId: number; appellantAccountId: number; reason: string; appealedAt: string }>): number {
  const result = db
    .prepare('INSERT INTO quality_appeals (scorecard_id, appellant_account_id, reason, appealed_at) VALUES (@scorecardId, @appellantAccountId, @reason, @appealedAt)')
    .run(appeal);
  return Number(result.lastInsertRowid);
}

/** A review of an appeal: upheld with a revised scoring, or rejected. */
export type AppealReview = Readonly<{
  reviewerAccountId: number;
  reviewedAt: string;
  note: string;
  decision: 'upheld' | 'rejected';
  revised: Scoring | null;
}>;

/** Records the review of a pending appeal; false when the scorecard has no appeal waiting. */
export function recordAppealReview(db: Db, scorecardId: number, review: AppealReview): boolean {
  const revisedPoints = Object.fromEntries(scorecardItems.map((item) => [item, review.revised?.points[item] ?? null]));
  return (
    db
      .prepare(
        `UPDATE quality_appeals SET status = @decision, reviewer_account_id = @reviewerAccountId, reviewed_at = @reviewedAt, review_note = @note,
           ${scorecardItems.map((item) => `revised_${item} = @${item}`).join(', ')}, revised_fatal_items = @fatalItems, revised_total = @total
         WHERE scorecard_id = @scorecardId AND status = 'pending'`,
      )
      .run({
        scorecardId,
        decision: review.decision,
        reviewerAccountId: review.reviewerAccountId,
        reviewedAt: review.reviewedAt,
        note: review.note,
        ...revisedPoints,
        fatalItems: review.revised === null ? null : JSON.stringify(review.revised.fatalItems),
        total: review.revised?.total ?? null,
      }).changes === 1
  );
}
