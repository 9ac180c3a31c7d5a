import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../test-support';
import { migrations, runMigrations } from './index';

let current: TestDatabase | undefined;
afterEach(() => {
  current?.cleanup();
  current = undefined;
});

describe('migration 0130 drop-unneeded-indexes', () => {
  it('drops the audit hash index and the team due index, and keeps the others', () => {
    current = createTestDatabase(0);
    const { db } = current;
    runMigrations(db, migrations, 120);
    const indexes = () =>
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('audit_log', 'tickets') AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all();
    expect(indexes()).toEqual(['audit_log_by_agent_time', 'audit_log_by_hash', 'tickets_queue', 'tickets_team_due']);
    runMigrations(db, migrations, 130);
    expect(indexes()).toEqual(['audit_log_by_agent_time', 'tickets_queue']);
  });
});
