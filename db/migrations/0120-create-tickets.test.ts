import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, insertAccountRow, type TestDatabase } from '../test-support';
import { migrations, runMigrations } from './index';

let current: TestDatabase | undefined;
afterEach(() => {
  current?.cleanup();
  current = undefined;
});

describe('migration 0120 create-tickets', () => {
  it('seeds the calendar and the policies, and keeps ticket rows honest', () => {
    current = createTestDatabase(0);
    const { db } = current;
    runMigrations(db, migrations, 120);
    expect(db.prepare('SELECT year FROM calendar_years ORDER BY year').pluck().all()).toEqual([2024, 2025, 2026]);
    expect(JSON.parse(db.prepare(`SELECT policy FROM sla_policies WHERE category = 'complaint'`).pluck().get() as string)).toMatchObject({
      firstResponse: { amount: 48, unit: 'hours' },
    });
    const agent = insertAccountRow(db, { agentId: '1001', role: 'agent' });
    const insert = db.prepare(
      `INSERT INTO tickets (number, channel, category, status, summary, preconditions, owner_account_id, owner_team, targets, due, created_at)
       VALUES (?, 'phone', 'complaint', ?, 's', '{}', ?, '一组', '{}', '{}', 't')`,
    );
    insert.run('GD1', 'new', agent);
    expect(() => insert.run('GD1', 'new', agent)).toThrow(/UNIQUE/);
    expect(() => insert.run('GD2', 'lost', agent)).toThrow(/CHECK/);
    expect(() => insert.run('GD3', 'new', 99)).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare(`INSERT INTO ticket_deadline_changes (ticket_id, target, due_at, reason, changed_by, changed_at) VALUES (1, 'reply', 't', '', ?, 't')`).run(agent)).toThrow(/CHECK/);
  });
});
