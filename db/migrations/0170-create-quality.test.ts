import { afterEach, describe, expect, it } from 'vitest';
import { scorecardItemMaxPoints, scorecardItems } from '../../common/quality/scorecard';
import { createTestDatabase, insertAccountRow, type TestDatabase } from '../test-support';
import { migrations, runMigrations } from './index';

let current: TestDatabase | undefined;
afterEach(() => {
  current?.cleanup();
  current = undefined;
});

type Row = Record<string, string | number | null>;

function migratedWithCall() {
  current = createTestDatabase(0);
  const { db } = current;
  runMigrations(db, migrations, 160);
  const agent = insertAccountRow(db, { agentId: '1001', team: '一组' });
  const lead = insertAccountRow(db, { agentId: '2001', role: 'team_lead', team: '一组' });
  const other = insertAccountRow(db, { agentId: '1002', team: '一组' });
  db.prepare(
    `INSERT INTO calls (call_key, direction, caller_number, called_number, queue, rang_at, answered_at, agent_account_id)
     VALUES ('A', 'inbound', '1', '2', 'q', '2026-11-22T02:00:00.000Z', '2026-11-22T02:00:05.000Z', ?)`,
  ).run(agent);
  runMigrations(db, migrations, 170);
  const full: Row = { language: 20, attitude: 20, tone: 15, summarising: 20, handling: 25 };
  const insertScorecard = (row: Row) =>
    db
      .prepare(
        `INSERT INTO quality_scorecards (call_id, agent_account_id, scorer_account_id, language, attitude, tone, summarising, handling, fatal_items, total, comment, scored_at)
         VALUES (@call, @agent, @scorer, @language, @attitude, @tone, @summarising, @handling, @fatal, @total, '', 't')`,
      )
      .run({ call: 1, agent, scorer: lead, ...full, fatal: '[]', total: 100, ...row });
  return { db, agent, lead, other, full, insertScorecard };
}

describe('migration 0170 create-quality', () => {
  it('keeps existing calls and indexes them by agent and time', () => {
    const { db } = migratedWithCall();
    expect(db.prepare('SELECT call_key FROM calls').pluck().all()).toEqual(['A']);
    const plan = db.prepare("EXPLAIN QUERY PLAN SELECT id FROM calls WHERE agent_account_id = 1 AND rang_at >= '2026-11'").all() as { detail: string }[];
    expect(plan.map((step) => step.detail).join(' ')).toContain('calls_by_agent_rang');
  });

  it('checks each item’s range as common/ defines it, and the total with fatal items', () => {
    const { db, full, insertScorecard } = migratedWithCall();
    for (const item of scorecardItems) {
      const maximum = scorecardItemMaxPoints[item];
      const total = 100 - (full[item] as number) + maximum + 1;
      expect(() => insertScorecard({ [item]: maximum + 1, total }), item).toThrow(/CHECK/);
      expect(() => insertScorecard({ [item]: -1, total: 100 - (full[item] as number) - 1 }), item).toThrow(/CHECK/);
    }
    expect(() => insertScorecard({ total: 99 })).toThrow(/CHECK/);
    expect(() => insertScorecard({ fatal: '["hungUpOnCustomer"]', total: 100 })).toThrow(/CHECK/);
    insertScorecard({ fatal: '["hungUpOnCustomer"]', total: 0 });
    expect(db.prepare('SELECT total FROM quality_scorecards').pluck().get()).toBe(0);
  });

  it('takes one scorecard per call, for the call’s agent, never by that agent, and never changes it', () => {
    const { db, agent, other, insertScorecard } = migratedWithCall();
    expect(() => insertScorecard({ scorer: agent })).toThrow(/CHECK/);
    expect(() => insertScorecard({ agent: other })).toThrow(/agent who took the call/);
    insertScorecard({});
    expect(() => insertScorecard({})).toThrow(/UNIQUE/);
    expect(() => db.prepare('UPDATE quality_scorecards SET total = 0, language = 0, attitude = 0, tone = 0, summarising = 0, handling = 0').run()).toThrow(/never changed/);
  });

  it('takes one appeal by the scored agent and one review by someone else', () => {
    const { db, agent, lead, other, insertScorecard } = migratedWithCall();
    const scorecard = Number(insertScorecard({}).lastInsertRowid);
    const appeal = db.prepare("INSERT INTO quality_appeals (scorecard_id, appellant_account_id, reason, appealed_at) VALUES (?, ?, ?, 't')");
    expect(() => appeal.run(scorecard, other, '不是我的通话')).toThrow(/scored agent/);
    expect(() => appeal.run(scorecard, agent, ' ')).toThrow(/CHECK/);
    appeal.run(scorecard, agent, '客户先挂机，并非我挂断');
    expect(() => appeal.run(scorecard, agent, '再申诉一次')).toThrow(/UNIQUE/);

    const review = (row: Row) =>
      db
        .prepare(
          `UPDATE quality_appeals SET status = @status, reviewer_account_id = @reviewer, reviewed_at = 't', review_note = @note,
             revised_language = @language, revised_attitude = @attitude, revised_tone = @tone, revised_summarising = @summarising,
             revised_handling = @handling, revised_fatal_items = @fatal, revised_total = @total WHERE scorecard_id = @scorecard`,
        )
        .run({ scorecard, reviewer: lead, note: '复听录音属实', language: null, attitude: null, tone: null, summarising: null, handling: null, fatal: null, total: null, ...row });
    const revised = { language: 20, attitude: 20, tone: 15, summarising: 20, handling: 20, fatal: '[]' };
    expect(() => review({ status: 'upheld' })).toThrow(/CHECK/);
    expect(() => review({ status: 'upheld', ...revised, total: 100 })).toThrow(/CHECK/);
    expect(() => review({ status: 'rejected', ...revised, total: 95 })).toThrow(/CHECK/);
    expect(() => review({ status: 'rejected', reviewer: agent })).toThrow(/CHECK/);
    expect(() => review({ status: 'rejected', note: null })).toThrow(/CHECK/);
    review({ status: 'upheld', ...revised, total: 95 });
    expect(db.prepare('SELECT status, revised_total FROM quality_appeals').get()).toEqual({ status: 'upheld', revised_total: 95 });
    expect(() => review({ status: 'rejected' })).toThrow(/reviewed once/);
  });
});
