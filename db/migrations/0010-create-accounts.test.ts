import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../test-support';
import { migrations, runMigrations } from './index';

let current: TestDatabase | undefined;
afterEach(() => {
  current?.cleanup();
  current = undefined;
});

const insert = `INSERT INTO accounts (agent_id, display_name, role, team, status, password_hash,
  must_change_password, created_at, updated_at, password_changed_at)
  VALUES (?, ?, ?, '', 'active', 'hash', 0, 't', 't', 't')`;

describe('migration 0010 create-accounts', () => {
  it('creates the accounts table with its constraints', () => {
    current = createTestDatabase(0);
    runMigrations(current.db, migrations, 10);
    current.db.prepare(insert).run('1001', '张三', 'agent');
    expect(() => current!.db.prepare(insert).run('1001', '重复', 'agent')).toThrow(/UNIQUE/);
    expect(() => current!.db.prepare(insert).run('a7', 'x', 'agent')).not.toThrow();
    expect(() => current!.db.prepare(insert).run('A7', 'x', 'agent')).toThrow(/UNIQUE/);
    expect(() => current!.db.prepare(insert).run('1002', 'x', 'superuser')).toThrow(/CHECK/);
    expect(() => current!.db.prepare(insert).run('', 'x', 'agent')).toThrow(/CHECK/);
  });
});
