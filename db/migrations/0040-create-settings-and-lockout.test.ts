import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../test-support';
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
    db.prepare(
      `INSERT INTO accounts (agent_id, display_name, role, team, status, password_hash,
         must_change_password, created_at, updated_at, password_changed_at)
       VALUES ('1001', '张三', 'agent', '', 'active', 'hash', 0, 't', 't', 't')`,
    ).run();
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
