import { afterEach, describe, expect, it } from 'vitest';
import { findKnowledgeAnswer, insertKnowledgeAnswer, searchKnowledge, updateKnowledgeAnswer, type KnowledgeAnswerInput } from './knowledge';
import { migrations, runMigrations } from './migrations';
import { createTestDatabase, insertAccountRow, type TestDatabase } from './test-support';

let current: TestDatabase | undefined;
afterEach(() => {
  current?.cleanup();
  current = undefined;
});

const now = '2026-11-22T02:00:00.000Z';

function answer(overrides: Partial<KnowledgeAnswerInput>): KnowledgeAnswerInput {
  return { title: '标题', body: '正文', tags: [], category: '咨询', validFrom: '2026-01-01', validTo: null, sourceNotice: '', ...overrides };
}

function setUp() {
  current = createTestDatabase(0);
  const { db } = current;
  runMigrations(db, migrations);
  const accountId = insertAccountRow(db, { agentId: '2001', displayName: '王班长', role: 'team_lead' });
  const stamp = { now, accountId };
  const gas = insertKnowledgeAnswer(db, answer({ title: '燃气费缴纳方式', body: '可以通过微信、支付宝或营业厅缴纳燃气费。', tags: ['缴费'] }), stamp);
  const outage = insertKnowledgeAnswer(
    db,
    answer({ title: '计划停气通知', body: '管道检修期间暂停供气，恢复时间以通知为准。', tags: ['停气', 'Notice'], validFrom: '2026-11-01', validTo: '2026-11-30' }),
    stamp,
  );
  const old = insertKnowledgeAnswer(db, answer({ title: '旧版缴费说明', body: '燃气费只能在营业厅缴纳。', validFrom: '2025-01-01', validTo: '2025-12-31' }), stamp);
  return { db, stamp, gas, outage, old };
}

const today = { onDate: '2026-11-22', includeExpired: false, limit: 20 };

describe('knowledge base', () => {
  it('finds answers by three or more characters through the trigram index, best match first', () => {
    const { db, gas } = setUp();
    expect(searchKnowledge(db, { ...today, text: '燃气费' }).map((found) => found.id)).toEqual([gas]);
    expect(searchKnowledge(db, { ...today, text: '支付宝' })[0]).toMatchObject({ id: gas, tags: ['缴费'], authorAgentId: '2001' });
  });

  it('finds answers by one or two characters, which a trigram index cannot hold', () => {
    const { db, gas, outage } = setUp();
    expect(searchKnowledge(db, { ...today, text: '停气' }).map((found) => found.id)).toEqual([outage]);
    expect(searchKnowledge(db, { ...today, text: '缴' }).map((found) => found.id)).toEqual([gas]);
    expect(searchKnowledge(db, { ...today, text: 'no' }).map((found) => found.id)).toEqual([outage]);
  });

  it('hides expired and not yet valid answers unless asked', () => {
    const { db, gas, old, outage } = setUp();
    expect(searchKnowledge(db, { ...today, text: '营业厅' }).map((found) => found.id)).toEqual([gas]);
    expect(searchKnowledge(db, { ...today, text: '营业厅', includeExpired: true }).map((found) => found.id).sort()).toEqual([gas, old].sort());
    expect(searchKnowledge(db, { ...today, onDate: '2026-12-01', text: '停气' })).toEqual([]);
    expect(searchKnowledge(db, { ...today, text: '' }).map((found) => found.id).sort()).toEqual([gas, outage].sort());
  });

  it('treats quotes and search operators in a query as text', () => {
    const { db } = setUp();
    expect(searchKnowledge(db, { ...today, text: '"燃气" OR *' })).toEqual([]);
    expect(searchKnowledge(db, { ...today, text: 'NEAR(' })).toEqual([]);
  });

  it('re-indexes an answer when it changes', () => {
    const { db, stamp, gas } = setUp();
    expect(updateKnowledgeAnswer(db, gas, answer({ title: '天然气缴费', body: '请使用云闪付缴纳。' }), stamp)).toBe(true);
    expect(searchKnowledge(db, { ...today, text: '支付宝' })).toEqual([]);
    expect(searchKnowledge(db, { ...today, text: '云闪付' }).map((found) => found.id)).toEqual([gas]);
    expect(findKnowledgeAnswer(db, gas)).toMatchObject({ title: '天然气缴费' });
    expect(updateKnowledgeAnswer(db, 999, answer({}), stamp)).toBe(false);
  });

  it('refuses bad dates and a period that ends before it starts', () => {
    const { db, stamp } = setUp();
    expect(() => insertKnowledgeAnswer(db, answer({ validFrom: '2026/01/01' }), stamp)).toThrow(/CHECK/);
    expect(() => insertKnowledgeAnswer(db, answer({ validFrom: '2026-02-01', validTo: '2026-01-01' }), stamp)).toThrow(/CHECK/);
  });
});
