import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, insertAccountRow, type TestDatabase } from '../test-support';
import { migrations, runMigrations } from './index';

let current: TestDatabase | undefined;
afterEach(() => {
  current?.cleanup();
  current = undefined;
});

describe('migration 0040 create-settings-and-lockout', () => {
  it('adds lockout counters to existing accounts, a workstation ID, settings and stashes', () => {
    current = createTestDatabase(0);
    const { db } = current;
    runMigrations(db, migrations, 30);
    insertAccountRow(db, { agentId: '1001' });
    runMigrations(db, migrations, 40);
    expect(db.prepare('SELECT failed_attempts, locked_until FROM accounts').get()).toEqual({
      failed_attempts: 0,
      locked_until: null,
    });
    const workstation = JSON.parse(db.prepare(`SELECT value FROM settings WHERE name = 'workstationId'`).pluck().get() as string);
    expect(workstation).toMatch(/^WS-[0-9A-F]{8}$/);
    expect(() => db.prepare(`INSERT INTO settings VALUES ('x', 'not json', 't', NULL)`).run()).toThrow(/CHECK/);
    db.prepare(`INSERT INTO session_stashes VALUES (1, '{"drafts":{}}', 't')`).run();
    db.prepare('DELETE FROM accounts').run();
    expect(db.prepare('SELECT count(*) FROM session_stashes').pluck().get()).toBe(0);
  });
});
