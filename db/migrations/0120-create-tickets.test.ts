import { afterEach, describe, expect, it } from 'vitest';
import { chinaHolidayCalendar } from '../../common/deadline-calendar/china-holidays';
import { calendarYearSchema } from '../../common/deadline-calendar/working-calendar';
import { defaultSlaPolicies, slaPolicySchema } from '../../common/tickets/sla-policy';
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
    // The seed is a literal copy: it must be the calendar and policies common/ holds today, and valid.
    const years = (db.prepare('SELECT year, holidays, make_up_workdays AS makeUpWorkdays, source FROM calendar_years ORDER BY year').all() as Record<string, unknown>[]).map(
      (row) => calendarYearSchema.parse({ ...row, holidays: JSON.parse(row.holidays as string), makeUpWorkdays: JSON.parse(row.makeUpWorkdays as string) }),
    );
    expect(years).toEqual(chinaHolidayCalendar);
    const policies = (db.prepare('SELECT category, policy FROM sla_policies ORDER BY rowid').all() as { category: string; policy: string }[]).map((row) =>
      slaPolicySchema.parse({ category: row.category, ...JSON.parse(row.policy) }),
    );
    expect(policies).toEqual(defaultSlaPolicies);
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
