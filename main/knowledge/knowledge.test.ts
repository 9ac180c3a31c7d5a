import { afterEach, describe, expect, it } from 'vitest';
import { listAuditEntries } from '../../db/audit-log';
import { createScenario, type Scenario } from '../test-support';
import { localDateOf } from '../../common/deadline-calendar/zoned-time';

let scenario: Scenario | undefined;
afterEach(() => {
  scenario?.desk.cleanup();
  scenario = undefined;
});

const gasPayment = {
  title: '燃气费缴纳方式',
  body: '可以通过微信、支付宝或营业厅缴纳燃气费。',
  tags: ['缴费'],
  category: '咨询',
  validFrom: '2026-01-01',
  validTo: null,
  sourceNotice: '客服〔2026〕3号',
};

describe('knowledge base through the desk', () => {
  it('lets leads write answers (audited) and every desk search them, one or two characters included', async () => {
    const current = (scenario = await createScenario());
    const db = current.desk.desk.store.connection();
    expect(await current.call('app:knowledge.save', { answer: gasPayment }, '1001')).toMatchObject({ ok: false, code: 'FORBIDDEN_ROLE' });

    const { answer } = await current.value('app:knowledge.save', { answer: gasPayment }, '2001');
    expect(answer).toMatchObject({ title: '燃气费缴纳方式', authorAgentId: '2001', tags: ['缴费'] });
    expect(listAuditEntries(db, { limit: 1 })[0]).toMatchObject({ agentId: '2001', action: 'knowledge.create', objectId: String(answer.id) });

    for (const text of ['支付宝', '缴纳', '费']) {
      expect((await current.value('app:knowledge.search', { text }, '1001')).answers.map((found: { id: number }) => found.id)).toEqual([answer.id]);
    }

    await current.value('app:knowledge.save', { id: answer.id, answer: { ...gasPayment, body: '请使用云闪付缴纳。' } }, '8001');
    expect(listAuditEntries(db, { limit: 1 })[0]).toMatchObject({ agentId: '8001', action: 'knowledge.update', details: { changed: 'body' } });
    expect((await current.value('app:knowledge.search', { text: '支付宝' }, '1001')).answers).toEqual([]);
    expect(await current.call('app:knowledge.save', { id: 999, answer: gasPayment }, '2001')).toMatchObject({ ok: false, code: 'KNOWLEDGE_ANSWER_NOT_FOUND' });
  });

  it('hides expired answers from agents by the desk’s local date; leads may ask for them', async () => {
    const current = (scenario = await createScenario());
    const today = localDateOf(current.clock.now().getTime(), 'Asia/Shanghai');
    await current.value('app:knowledge.save', { answer: { ...gasPayment, title: '旧版缴费说明', validFrom: '2025-01-01', validTo: '2025-12-31' } }, '2001');
    const agentView = await current.value('app:knowledge.search', { text: '缴费', includeExpired: true }, '1001');
    expect(agentView).toEqual({ answers: [], onDate: today });
    expect((await current.value('app:knowledge.search', { text: '缴费', includeExpired: true }, '2001')).answers).toHaveLength(1);
  });

  it('takes the local date in the desk’s time zone', () => {
    expect(localDateOf(Date.parse('2026-11-22T17:00:00Z'), 'Asia/Shanghai')).toBe('2026-11-23');
    expect(localDateOf(Date.parse('2026-11-22T15:59:59Z'), 'Asia/Shanghai')).toBe('2026-11-22');
  });
});
