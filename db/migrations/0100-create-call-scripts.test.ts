import { afterEach, describe, expect, it } from 'vitest';
import { callScriptSchema } from '../../common/call-scripts/script';
import { createTestDatabase, type TestDatabase } from '../test-support';
import { migrations, runMigrations } from './index';

let current: TestDatabase | undefined;
afterEach(() => {
  current?.cleanup();
  current = undefined;
});

const insertScript = `INSERT INTO call_scripts (id, name, kind, steps, position, updated_at, updated_by)
  VALUES (@id, '脚本', @kind, @steps, 9, 't', '8001')`;
const goodScript = { id: 'extra', kind: 'phone', steps: '[]' };

describe('migration 0100 create-call-scripts', () => {
  it('seeds the phone, counter and call-back scripts in order, valid, stamped now and by nobody', () => {
    current = createTestDatabase(0);
    const { db } = current;
    runMigrations(db, migrations, 90);
    const before = new Date().toISOString();
    runMigrations(db, migrations, 100);
    const rows = db.prepare('SELECT * FROM call_scripts ORDER BY position').all() as Record<string, unknown>[];
    expect(rows.map((row) => [row.id, row.kind, row.position])).toEqual([
      ['phone', 'phone', 1],
      ['counter', 'counter', 2],
      ['callback', 'callback', 3],
    ]);
    const scripts = rows.map((row) => ({ id: row.id, name: row.name, kind: row.kind, steps: JSON.parse(row.steps as string) as unknown }));
    for (const script of scripts) expect(callScriptSchema.safeParse(script).success, String(script.id)).toBe(true);
    const phone = callScriptSchema.parse(scripts[0]);
    expect(phone.steps.map((step) => step.id)).toEqual(['greeting', 'identify', 'confirm-identity', 'classify', 'handle', 'closing']);
    expect(phone.steps[0]).toEqual({ id: 'greeting', title: '问候', template: '您好，{company}，工号 {agentId} 为您服务。', required: true, targetSeconds: 10 });
    expect(callScriptSchema.parse(scripts[1]).steps[2]?.targetSeconds).toBeNull();
    for (const row of rows) {
      expect(row.updated_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      expect((row.updated_at as string) >= before.slice(0, 19)).toBe(true);
      expect(row.updated_by).toBeNull();
    }
  });

  it('refuses a repeated ID, an unknown kind and steps that are not a JSON array', () => {
    current = createTestDatabase(100);
    const { db } = current;
    db.prepare(insertScript).run(goodScript);
    expect(() => db.prepare(insertScript).run(goodScript)).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => db.prepare(insertScript).run({ ...goodScript, id: 'x2', kind: 'email' })).toThrow(/CHECK/);
    expect(() => db.prepare(insertScript).run({ ...goodScript, id: 'x2', steps: '{}' })).toThrow(/CHECK/);
    expect(() => db.prepare(insertScript).run({ ...goodScript, id: 'x2', steps: '[oops' })).toThrow(/CHECK/);
    expect(() => db.prepare(`UPDATE call_scripts SET position = 'first' WHERE id = 'extra'`).run()).toThrow(/cannot store TEXT value in INTEGER column/);
    expect(db.prepare('SELECT count(*) FROM call_scripts').pluck().get()).toBe(4);
  });
});
