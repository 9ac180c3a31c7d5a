import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../test-support';
import { migrations, runMigrations } from './index';

let current: TestDatabase | undefined;
afterEach(() => {
  current?.cleanup();
  current = undefined;
});

describe('migration 0130 drop-audit-hash-index', () => {
  it('drops the hash index and keeps the entries and the time index', () => {
    current = createTestDatabase(0);
    const { db } = current;
    runMigrations(db, migrations, 120);
    const indexes = () => db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'audit_log' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all();
    expect(indexes()).toEqual(['audit_log_by_agent_time', 'audit_log_by_hash']);
    runMigrations(db, migrations, 130);
    expect(indexes()).toEqual(['audit_log_by_agent_time']);
  });
});
