import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, insertAccountRow, type TestDatabase } from '../test-support';
import { migrations, runMigrations } from './index';

let current: TestDatabase | undefined;
afterEach(() => {
  current?.cleanup();
  current = undefined;
});

describe('migration 0110 extend-calls', () => {
  it('keeps existing calls and records each script step once per call', () => {
    current = createTestDatabase(0);
    const { db } = current;
    runMigrations(db, migrations, 100);
    const agent = insertAccountRow(db, { agentId: '1001', role: 'agent' });
    db.prepare(`INSERT INTO calls (call_key, direction, caller_number, called_number, queue, rang_at) VALUES ('A', 'inbound', '1', '2', 'q', 't')`).run();
    runMigrations(db, migrations, 110);
    expect(db.prepare('SELECT agent_account_id, intent, script_id, closed_at FROM calls').get()).toEqual({
      agent_account_id: null,
      intent: null,
      script_id: null,
      closed_at: null,
    });
    db.prepare('UPDATE calls SET agent_account_id = ? WHERE id = 1').run(agent);
    expect(() => db.prepare('UPDATE calls SET agent_account_id = 99 WHERE id = 1').run()).toThrow(/FOREIGN KEY/);
    const step = db.prepare(`INSERT INTO call_script_steps (call_id, script_id, step_id, done_at) VALUES (1, 'phone', ?, 't')`);
    step.run('greeting');
    expect(() => step.run('greeting')).toThrow(/UNIQUE|PRIMARY/);
    db.prepare('DELETE FROM calls WHERE id = 1').run();
    expect(db.prepare('SELECT count(*) FROM call_script_steps').pluck().get()).toBe(0);
  });
});
