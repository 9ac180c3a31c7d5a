import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../test-support';
import { migrations, runMigrations } from './index';

let current: TestDatabase | undefined;
afterEach(() => {
  current?.cleanup();
  current = undefined;
});

describe('migration 0050 extend-customers', () => {
  it('moves each phone into the phone table with a lookup key and keeps the rest', () => {
    current = createTestDatabase(0);
    const { db } = current;
    runMigrations(db, migrations, 40);
    db.prepare(
      `INSERT INTO customers (full_name, phone, id_type, id_number, address, created_at, updated_at)
       VALUES ('王五', '138 0000-1234', 'resident_id', '11010519491231002x', '北京市朝阳区建国路1号', 't', 't'),
              ('赵六', '', '', '', '', 't', 't')`,
    ).run();
    runMigrations(db, migrations, 50);
    expect(db.prepare('SELECT customer_id, phone, lookup FROM customer_phones').all()).toEqual([
      { customer_id: 1, phone: '138 0000-1234', lookup: '13800001234' },
    ]);
    expect(db.prepare('SELECT full_name, gender, id_lookup, address FROM customers WHERE id = 1').get()).toEqual({
      full_name: '王五',
      gender: null,
      id_lookup: '11010519491231002X',
      address: '北京市朝阳区建国路1号',
    });
    const columns = db.prepare(`SELECT name FROM pragma_table_info('customers')`).pluck().all();
    expect(columns).not.toContain('phone');
    expect(() => db.prepare(`UPDATE customers SET gender = 'other'`).run()).toThrow(/CHECK/);
  });
});
