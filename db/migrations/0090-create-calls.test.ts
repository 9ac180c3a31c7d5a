import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../test-support';
import { migrations, runMigrations } from './index';

let current: TestDatabase | undefined;
afterEach(() => {
  current?.cleanup();
  current = undefined;
});

describe('migration 0090 create-calls', () => {
  it('keys calls by the middleware call ID and keeps outcome and end together', () => {
    current = createTestDatabase(0);
    const { db } = current;
    runMigrations(db, migrations, 90);
    const insert = db.prepare(`INSERT INTO calls (call_key, direction, caller_number, called_number, queue, rang_at) VALUES (?, 'inbound', '1', '2', 'q', 't')`);
    insert.run('A');
    expect(() => insert.run('A')).toThrow(/UNIQUE/);
    expect(() => db.prepare(`UPDATE calls SET ended_at = 't' WHERE call_key = 'A'`).run()).toThrow(/CHECK/);
    db.prepare(`UPDATE calls SET ended_at = 't', outcome = 'missed', duration_seconds = 0 WHERE call_key = 'A'`).run();
    const hit = db.prepare(`INSERT INTO call_phrase_hits (call_id, rule_id, severity, source, found_at) VALUES (1, 'SL-10', ?, ?, 't')`);
    hit.run('warn', 'customer');
    expect(() => hit.run('loud', 'customer')).toThrow(/CHECK/);
    expect(() => hit.run('warn', 'robot')).toThrow(/CHECK/);
  });
});
