import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../test-support';
import { migrations, runMigrations } from './index';

let current: TestDatabase | undefined;
afterEach(() => {
  current?.cleanup();
  current = undefined;
});

describe('migration 0020 create-customers', () => {
  it('adds customers and keeps existing accounts untouched', () => {
    current = createTestDatabase(0);
    runMigrations(current.db, migrations, 10);
    current.db
      .prepare(
        `INSERT INTO accounts (agent_id, display_name, role, team, status, password_hash,
           must_change_password, created_at, updated_at, password_changed_at)
         VALUES ('1001', '张三', 'admin', '一组', 'active', 'hash', 1, 't1', 't2', 't3')`,
      )
      .run();
    const before = current.db.prepare('SELECT * FROM accounts').all();
    runMigrations(current.db, migrations, 20);
    expect(current.db.prepare('SELECT * FROM accounts').all()).toEqual(before);
    current.db
      .prepare(
        `INSERT INTO customers (full_name, phone, created_at, updated_at) VALUES ('王五', '13800000000', 't', 't')`,
      )
      .run();
    expect(current.db.prepare('SELECT full_name, id_number FROM customers').get()).toEqual({
      full_name: '王五',
      id_number: '',
    });
  });
});
