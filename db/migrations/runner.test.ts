import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../test-support';
import { latestSchemaVersion, migrations, readSchemaVersion, runMigrations } from './index';

let current: TestDatabase | undefined;
afterEach(() => {
  current?.cleanup();
  current = undefined;
});

describe('migration runner', () => {
  it('brings a new database to the newest version and is idempotent', () => {
    current = createTestDatabase(0);
    expect(readSchemaVersion(current.db)).toBe(0);
    const report = runMigrations(current.db, migrations);
    expect(report).toEqual({ fromVersion: 0, toVersion: latestSchemaVersion, applied: migrations.map((m) => m.version) });
    expect(runMigrations(current.db, migrations).applied).toEqual([]);
  });

  it('refuses a database newer than the code and keeps its version', () => {
    current = createTestDatabase();
    current.db.pragma(`user_version = ${latestSchemaVersion + 10}`);
    expect(() => runMigrations(current!.db, migrations)).toThrow(expect.objectContaining({ failure: 'FROM_FUTURE' }));
    expect(readSchemaVersion(current.db)).toBe(latestSchemaVersion + 10);
  });

  it('runs pending steps in one transaction: a failing step leaves nothing behind', () => {
    current = createTestDatabase(0);
    const failing = [
      ...migrations,
      {
        version: latestSchemaVersion + 10,
        name: 'broken',
        migrate: () => {
          throw new Error('boom');
        },
      },
    ];
    expect(() => runMigrations(current!.db, failing)).toThrow('boom');
    expect(readSchemaVersion(current.db)).toBe(0);
    const tables = current.db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all();
    expect(tables).toEqual([]);
  });

  it('refuses a list that is out of order', () => {
    current = createTestDatabase(0);
    const reversed = [...migrations].reverse();
    expect(() => runMigrations(current!.db, reversed)).toThrow(/out of order/);
  });
});
