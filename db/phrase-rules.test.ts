import { afterEach, describe, expect, it } from 'vitest';
import { defaultRulebook } from '../common/phrase-engine/default-rulebook';
import { phraseRuleShape, type PhraseRule } from '../common/phrase-engine/rulebook';
import { migrations, runMigrations } from './migrations';
import {
  deletePhraseRule,
  findPhraseRule,
  insertPhraseRule,
  listPhraseRules,
  mergePhraseRules,
  replacePhraseRules,
  updatePhraseRule,
} from './phrase-rules';
import { createTestDatabase, type TestDatabase } from './test-support';

let current: TestDatabase | undefined;
afterEach(() => {
  current?.cleanup();
  current = undefined;
});

function database(): TestDatabase['db'] {
  current = createTestDatabase(0);
  runMigrations(current.db, migrations);
  return current.db;
}

const morning = { now: '2026-03-14T09:00:00.000Z', agentId: '2001' };
const noon = { now: '2026-03-14T12:00:00.000Z', agentId: '2002' };

const awkwardRule: PhraseRule = {
  id: 'C-1',
  phrases: ['a, "b"', 'pipe|back\\slash', '😀 全角，标点'],
  category: 'custom',
  severity: 'block',
  exceptions: ['a, "b", c'],
  suggestions: ['line one\nline two'],
  enabled: false,
  note: '备注',
};

function stampOf(db: TestDatabase['db'], id: string): unknown {
  return db.prepare('SELECT position, created_at, updated_at, updated_by FROM phrase_rules WHERE id = ?').get(id);
}

describe('phrase rules', () => {
  it('lists the seeded default rulebook in order', () => {
    const db = database();
    const rules = listPhraseRules(db);
    expect(rules).toEqual(defaultRulebook);
    expect(Object.keys(rules[0]!)).toEqual(Object.keys(phraseRuleShape.shape));
    expect(findPhraseRule(db, 'RW-04')).toEqual(defaultRulebook[18]);
    expect(findPhraseRule(db, 'rw-04')).toBeUndefined();
  });

  it('appends an inserted rule at the end, stamped with the time and editor', () => {
    const db = database();
    insertPhraseRule(db, awkwardRule, morning);
    expect(listPhraseRules(db).map((rule) => rule.id).slice(-2)).toEqual(['RW-05', 'C-1']);
    expect(findPhraseRule(db, 'C-1')).toEqual(awkwardRule);
    expect(stampOf(db, 'C-1')).toEqual({ position: 21, created_at: morning.now, updated_at: morning.now, updated_by: '2001' });
    expect(() => insertPhraseRule(db, { ...awkwardRule, note: 'again' }, noon)).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(findPhraseRule(db, 'C-1')?.note).toBe('备注');
  });

  it('updates a rule in place, keeping its position and creation time', () => {
    const db = database();
    insertPhraseRule(db, awkwardRule, morning);
    const changed: PhraseRule = { ...awkwardRule, severity: 'warn', enabled: true, suggestions: [], note: '' };
    expect(updatePhraseRule(db, changed, noon)).toBe(true);
    expect(findPhraseRule(db, 'C-1')).toEqual(changed);
    expect(stampOf(db, 'C-1')).toEqual({ position: 21, created_at: morning.now, updated_at: noon.now, updated_by: '2002' });
    const seeded = { ...defaultRulebook[0]!, enabled: false };
    expect(updatePhraseRule(db, seeded, noon)).toBe(true);
    expect(listPhraseRules(db)[0]).toEqual(seeded);
    expect(updatePhraseRule(db, { ...awkwardRule, id: 'C-404' }, noon)).toBe(false);
    expect(listPhraseRules(db)).toHaveLength(21);
  });

  it('deletes a rule, and later inserts still go to the end', () => {
    const db = database();
    expect(deletePhraseRule(db, 'SL-01')).toBe(true);
    expect(deletePhraseRule(db, 'SL-01')).toBe(false);
    expect(deletePhraseRule(db, 'RW-05')).toBe(true);
    insertPhraseRule(db, awkwardRule, morning);
    const ids = listPhraseRules(db).map((rule) => rule.id);
    expect(ids).toEqual([...defaultRulebook.slice(1, 19).map((rule) => rule.id), 'C-1']);
  });

  it('replaces the whole rulebook in the given order', () => {
    const db = database();
    const rules = [awkwardRule, { ...defaultRulebook[5]!, note: 'kept' }, defaultRulebook[0]!];
    replacePhraseRules(db, rules, noon);
    expect(listPhraseRules(db)).toEqual(rules);
    expect(stampOf(db, 'SL-01')).toEqual({ position: 3, created_at: noon.now, updated_at: noon.now, updated_by: '2002' });
  });

  it('changes nothing when a replacement fails part-way', () => {
    const db = database();
    expect(() => replacePhraseRules(db, [awkwardRule, { ...awkwardRule, category: 'bogus' as 'custom' }], noon)).toThrow(/CHECK/);
    expect(listPhraseRules(db)).toEqual(defaultRulebook);
  });

  it('merges: known IDs update in place, new IDs are appended in order', () => {
    const db = database();
    insertPhraseRule(db, awkwardRule, morning);
    const updatedSeed = { ...defaultRulebook[2]!, severity: 'block' as const };
    const updatedMine = { ...awkwardRule, note: 'merged' };
    const fresh = [
      { ...awkwardRule, id: 'N-2', phrases: ['新的'], exceptions: [] },
      { ...awkwardRule, id: 'N-1', phrases: ['更新的'], exceptions: [] },
    ];
    expect(mergePhraseRules(db, [fresh[0]!, updatedSeed, fresh[1]!, updatedMine], noon)).toEqual({ added: 2, updated: 2 });
    const rules = listPhraseRules(db);
    expect(rules).toEqual([...defaultRulebook.slice(0, 2), updatedSeed, ...defaultRulebook.slice(3), updatedMine, ...fresh]);
    expect(stampOf(db, 'C-1')).toEqual({ position: 21, created_at: morning.now, updated_at: noon.now, updated_by: '2002' });
    expect(stampOf(db, 'N-1')).toEqual({ position: 23, created_at: noon.now, updated_at: noon.now, updated_by: '2002' });
  });

  it('changes nothing when a merge fails part-way', () => {
    const db = database();
    const broken = { ...awkwardRule, id: 'N-9', severity: 'fatal' as 'block' };
    expect(() => mergePhraseRules(db, [{ ...defaultRulebook[0]!, note: 'changed' }, awkwardRule, broken], noon)).toThrow(/CHECK/);
    expect(listPhraseRules(db)).toEqual(defaultRulebook);
  });
});
