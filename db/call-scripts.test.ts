import { afterEach, describe, expect, it } from 'vitest';
import type { CallScript } from '../common/call-scripts/script';
import { findCallScript, listCallScripts, mergeCallScripts, removeCallScript, replaceCallScripts, upsertCallScript } from './call-scripts';
import { createTestDatabase, type TestDatabase } from './test-support';

let current: TestDatabase | undefined;
afterEach(() => {
  current?.cleanup();
  current = undefined;
});

function database(): TestDatabase['db'] {
  current = createTestDatabase();
  return current.db;
}

const morning = { now: '2026-03-14T09:00:00.000Z', agentId: '8001' };
const noon = { now: '2026-03-14T12:00:00.000Z', agentId: '8002' };

const complaint: CallScript = {
  id: 'complaint',
  name: '投诉受理',
  kind: 'phone',
  steps: [
    { id: 'greeting', title: '问候', template: '您好，{company}，工号 {agentId} 为您服务。', required: true, targetSeconds: 10 },
    { id: 'record', title: '记录', template: '"引号" 与 \\ 反斜杠，{{字面}}\n换行', required: false, targetSeconds: null },
  ],
};

function stampOf(db: TestDatabase['db'], id: string): unknown {
  return db.prepare('SELECT position, updated_at, updated_by FROM call_scripts WHERE id = ?').get(id);
}

describe('call scripts', () => {
  it('lists the seeded scripts in position order and finds one by its exact ID', () => {
    const db = database();
    expect(listCallScripts(db).map((script) => script.id)).toEqual(['phone', 'counter', 'callback']);
    expect(Object.keys(listCallScripts(db)[0]!)).toEqual(['id', 'name', 'kind', 'steps']);
    expect(findCallScript(db, 'counter')?.steps.map((step) => step.id)).toEqual(['greeting', 'identify', 'handle', 'closing']);
    expect(findCallScript(db, 'Counter')).toBeUndefined();
  });

  it('adds a new script at the end and rewrites an existing one in place, stamped', () => {
    const db = database();
    expect(upsertCallScript(db, complaint, morning)).toBe('created');
    expect(findCallScript(db, 'complaint')).toEqual(complaint);
    expect(stampOf(db, 'complaint')).toEqual({ position: 4, updated_at: morning.now, updated_by: '8001' });
    const changed = { ...complaint, name: '投诉', steps: [complaint.steps[1]!, complaint.steps[0]!] };
    expect(upsertCallScript(db, changed, noon)).toBe('updated');
    expect(findCallScript(db, 'complaint')).toEqual(changed);
    expect(stampOf(db, 'complaint')).toEqual({ position: 4, updated_at: noon.now, updated_by: '8002' });
    expect(listCallScripts(db)).toHaveLength(4);
  });

  it('renames a script in place, and refuses a rename onto another script’s ID', () => {
    const db = database();
    const renamed = { ...findCallScript(db, 'counter')!, id: 'counter-visit' };
    expect(upsertCallScript(db, renamed, noon, 'counter')).toBe('updated');
    expect(listCallScripts(db).map((script) => script.id)).toEqual(['phone', 'counter-visit', 'callback']);
    expect(() => upsertCallScript(db, { ...renamed, id: 'phone' }, noon, 'counter-visit')).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(listCallScripts(db).map((script) => script.id)).toEqual(['phone', 'counter-visit', 'callback']);
  });

  it('removes a script, and later additions still go to the end', () => {
    const db = database();
    expect(removeCallScript(db, 'counter')).toBe(true);
    expect(removeCallScript(db, 'counter')).toBe(false);
    upsertCallScript(db, complaint, morning);
    expect(listCallScripts(db).map((script) => script.id)).toEqual(['phone', 'callback', 'complaint']);
  });

  it('replaces every script in one go, in the given order', () => {
    const db = database();
    const callback = findCallScript(db, 'callback')!;
    replaceCallScripts(db, [callback, complaint], noon);
    expect(listCallScripts(db)).toEqual([callback, complaint]);
    expect(stampOf(db, 'callback')).toEqual({ position: 1, updated_at: noon.now, updated_by: '8002' });
  });

  it('changes nothing when a replacement fails half-way', () => {
    const db = database();
    const before = listCallScripts(db);
    expect(() => replaceCallScripts(db, [complaint, complaint], noon)).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(listCallScripts(db)).toEqual(before);
  });

  it('merges: same ID rewritten in place, a new ID added at the end', () => {
    const db = database();
    const phone = { ...findCallScript(db, 'phone')!, name: '来电接听' };
    expect(mergeCallScripts(db, [complaint, phone], noon)).toEqual({ added: 1, updated: 1 });
    expect(listCallScripts(db).map((script) => script.name)).toEqual(['来电接听', '柜台接待', '回访', '投诉受理']);
  });
});
