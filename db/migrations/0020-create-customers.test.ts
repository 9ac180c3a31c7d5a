import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, insertAccountRow, type TestDatabase } from '../test-support';
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
    insertAccountRow(current.db, { agentId: '1001', role: 'admin', team: '一组' });
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
