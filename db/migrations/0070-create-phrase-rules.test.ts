import { afterEach, describe, expect, it } from 'vitest';
import { defaultRulebook } from '../../common/phrase-engine/default-rulebook';
import { createTestDatabase, type TestDatabase } from '../test-support';
import { migrations, runMigrations } from './index';

let current: TestDatabase | undefined;
afterEach(() => {
  current?.cleanup();
  current = undefined;
});

const insertRule = `INSERT INTO phrase_rules (id, position, phrases, category, severity, exceptions, suggestions,
  enabled, note, created_at, updated_at) VALUES (@id, 99, @phrases, @category, @severity, @exceptions, '[]',
  @enabled, '', 't', 't')`;
const goodRule = { id: 'X-1', phrases: '["不管"]', category: 'custom', severity: 'block', exceptions: '[]', enabled: 1 };

describe('migration 0070 create-phrase-rules', () => {
  it('seeds the default rulebook in order, stamped now and by nobody', () => {
    current = createTestDatabase(0);
    const { db } = current;
    runMigrations(db, migrations, 60);
    const before = new Date().toISOString();
    runMigrations(db, migrations, 70);
    const rows = db.prepare('SELECT * FROM phrase_rules ORDER BY position').all() as Record<string, unknown>[];
    expect(rows).toHaveLength(20);
    expect(rows.map((row) => row.position)).toEqual(defaultRulebook.map((_rule, index) => index + 1));
    expect(
      rows.map((row) => ({
        id: row.id,
        phrases: JSON.parse(row.phrases as string) as unknown,
        category: row.category,
        severity: row.severity,
        exceptions: JSON.parse(row.exceptions as string) as unknown,
        suggestions: JSON.parse(row.suggestions as string) as unknown,
        enabled: row.enabled === 1,
        note: row.note,
      })),
    ).toEqual(defaultRulebook);
    for (const row of rows) {
      expect(row.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      expect(row.created_at as string >= before.slice(0, 19)).toBe(true);
      expect(row.updated_at).toBe(row.created_at);
      expect(row.updated_by).toBeNull();
    }
  });

  it('refuses an unknown category or severity, a list that is not a JSON array, and enabled other than 0 or 1', () => {
    current = createTestDatabase(70);
    const { db } = current;
    db.prepare(insertRule).run(goodRule);
    expect(() => db.prepare(insertRule).run(goodRule)).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => db.prepare(insertRule).run({ ...goodRule, id: 'X-2', category: 'polite' })).toThrow(/CHECK/);
    expect(() => db.prepare(insertRule).run({ ...goodRule, id: 'X-2', severity: 'Block' })).toThrow(/CHECK/);
    expect(() => db.prepare(insertRule).run({ ...goodRule, id: 'X-2', phrases: '"不管"' })).toThrow(/CHECK/);
    expect(() => db.prepare(insertRule).run({ ...goodRule, id: 'X-2', phrases: '[不管]' })).toThrow(/CHECK/);
    expect(() => db.prepare(insertRule).run({ ...goodRule, id: 'X-2', exceptions: '{}' })).toThrow(/CHECK/);
    expect(() => db.prepare(insertRule).run({ ...goodRule, id: 'X-2', enabled: 2 })).toThrow(/CHECK/);
    expect(() => db.prepare(insertRule).run({ ...goodRule, id: 'X-2', enabled: 'yes' })).toThrow(/cannot store TEXT value in INTEGER column/);
    expect(() =>
      db.prepare(`UPDATE phrase_rules SET suggestions = 'null' WHERE id = 'X-1'`).run(),
    ).toThrow(/CHECK/);
    expect(db.prepare('SELECT count(*) FROM phrase_rules').pluck().get()).toBe(21);
  });
});
