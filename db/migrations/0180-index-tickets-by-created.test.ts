import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, insertAccountRow, type TestDatabase } from '../test-support';
import { migrations, runMigrations } from './index';

let current: TestDatabase | undefined;
afterEach(() => {
  current?.cleanup();
  current = undefined;
});

describe('migration 0180 index-tickets-by-created', () => {
  it('adds the creation-time index to the tickets already stored, and a date range uses it', () => {
    current = createTestDatabase(0);
    const { db } = current;
    runMigrations(db, migrations, 170);
    const owner = insertAccountRow(db, { agentId: '1001', team: '一组' });
    db.prepare(
      `INSERT INTO tickets (number, channel, category, status, summary, preconditions, owner_account_id, owner_team, targets, due, created_at)
       VALUES ('GD20261122-0001', 'phone', 'consultation', 'new', '咨询', '{}', ?, '一组', '{}', '{}', '2026-11-22T02:00:00.000Z')`,
    ).run(owner);
    const indexes = () =>
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'tickets' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all();
    expect(indexes()).not.toContain('tickets_by_created');
    runMigrations(db, migrations, 180);
    expect(indexes()).toContain('tickets_by_created');
    const inRange = "SELECT number FROM tickets WHERE created_at >= '2026-10-31T16:00:00.000Z' AND created_at < '2026-11-30T16:00:00.000Z'";
    expect(db.prepare(inRange).pluck().all()).toEqual(['GD20261122-0001']);
    const plan = db.prepare(`EXPLAIN QUERY PLAN ${inRange}`).all() as { detail: string }[];
    expect(plan.map((step) => step.detail).join('; ')).toContain('tickets_by_created');
  });
});
