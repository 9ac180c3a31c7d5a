import { afterEach, describe, expect, it } from 'vitest';
import { defaultRulebook } from '../../common/phrase-engine/default-rulebook';
import { loadCompiledPhraseRules } from '../../common/phrase-engine/matcher';
import { exportRulebookCsv } from '../../common/phrase-engine/rulebook-io';
import { listAuditEntries } from '../../db/audit-log';
import { createScenario, type Scenario } from '../test-support';

let scenario: Scenario | undefined;
afterEach(() => {
  scenario?.desk.cleanup();
  scenario = undefined;
});

const customRule = {
  id: 'CU-01',
  phrases: ['没办法'],
  category: 'custom',
  severity: 'warn',
  exceptions: ['没办法的话'],
  suggestions: ['我能做到的是……'],
  enabled: true,
  note: '',
} as const;

describe('the rulebook through the desk', () => {
  it('starts with the default rulebook, readable by admins and leads, not agents', async () => {
    const current = (scenario = await createScenario());
    const { rules } = await current.value('app:phraseRules.list', {}, '8001');
    expect(rules).toEqual(defaultRulebook);
    expect((await current.value('app:phraseRules.list', {}, '2001')).rules).toHaveLength(defaultRulebook.length);
    expect(await current.call('app:phraseRules.list', {}, '1001')).toMatchObject({ ok: false, code: 'FORBIDDEN_ROLE' });
    expect(await current.call('app:phraseRules.create', { rule: customRule }, '2001')).toMatchObject({ ok: false, code: 'FORBIDDEN_ROLE' });
  });

  it('creates, updates and deletes rules, each change audited, and tests sentences against the current rules', async () => {
    const current = (scenario = await createScenario());
    const db = current.desk.desk.store.connection();
    expect((await current.value('app:phraseRules.test', { text: '这个没办法' }, '8001')).hits).toEqual([]);

    await current.value('app:phraseRules.create', { rule: customRule }, '8001');
    expect(await current.call('app:phraseRules.create', { rule: customRule }, '8001')).toMatchObject({ ok: false, code: 'PHRASE_RULE_EXISTS' });
    const [refusal, creation] = listAuditEntries(db, { limit: 2 });
    expect(creation).toMatchObject({ agentId: '8001', action: 'phraseRule.create', objectId: 'CU-01' });
    expect(refusal).toMatchObject({ action: 'app:phraseRules.create', outcome: 'failed', code: 'PHRASE_RULE_EXISTS' });
    expect((await current.value('app:phraseRules.test', { text: '这个没 辦法。没办法的话我再问问' }, '2001')).hits).toEqual([
      { ruleId: 'CU-01', severity: 'warn', category: 'custom', start: 2, end: 6, text: '没 辦法', suggestions: ['我能做到的是……'] },
    ]);

    await current.value('app:phraseRules.update', { rule: { ...customRule, severity: 'block', phrases: ['没办法', '没辙'] } }, '8001');
    expect(listAuditEntries(db, { limit: 1 })[0]).toMatchObject({
      action: 'phraseRule.update',
      objectId: 'CU-01',
      details: { changed: 'phrases,severity', phrasesBefore: '没办法', phrasesAfter: '没办法 | 没辙' },
    });
    expect((await current.value('app:phraseRules.test', { text: '没辙' }, '8001')).hits).toMatchObject([{ severity: 'block' }]);

    await current.value('app:phraseRules.remove', { id: 'CU-01' }, '8001');
    expect(listAuditEntries(db, { limit: 1 })[0]).toMatchObject({ action: 'phraseRule.delete', details: { phrases: '没办法 | 没辙' } });
    expect((await current.value('app:phraseRules.test', { text: '没辙' }, '8001')).hits).toEqual([]);
    expect(await current.call('app:phraseRules.update', { rule: customRule }, '8001')).toMatchObject({ ok: false, code: 'PHRASE_RULE_NOT_FOUND' });
    expect(await current.call('app:phraseRules.remove', { id: 'CU-01' }, '8001')).toMatchObject({ ok: false, code: 'PHRASE_RULE_NOT_FOUND' });
  });

  it('tests a draft rule before it is saved, even a disabled one', async () => {
    const current = (scenario = await createScenario());
    const draft = { ...customRule, enabled: false };
    expect((await current.value('app:phraseRules.test', { text: '真没办法', draft }, '8001')).hits).toMatchObject([{ ruleId: 'CU-01' }]);
    expect((await current.value('app:phraseRules.list', {}, '8001')).rules.some((rule: { id: string }) => rule.id === 'CU-01')).toBe(false);
  });

  it('imports in merge and replace mode, refuses a bad file whole, and exports; all audited', async () => {
    const current = (scenario = await createScenario());
    const db = current.desk.desk.store.connection();
    const exported = await current.value('app:phraseRules.export', { format: 'csv' }, '2001');
    expect(exported).toMatchObject({ mimeType: 'text/csv', fileName: expect.stringMatching(/\.csv$/) });
    expect(exported.content).toBe(exportRulebookCsv(defaultRulebook));

    const merged = await current.value('app:phraseRules.import', { format: 'csv', mode: 'merge', content: exportRulebookCsv([customRule]) }, '8001');
    expect(merged).toEqual({ imported: true, added: 1, updated: 0, removed: 0 });
    expect((await current.value('app:phraseRules.list', {}, '8001')).rules).toHaveLength(defaultRulebook.length + 1);

    const badCsv = `${exportRulebookCsv([customRule])}CU-02,不管,custom,loud,,,true,\r\n`;
    const refused = await current.value('app:phraseRules.import', { format: 'csv', mode: 'replace', content: badCsv }, '8001');
    expect(refused).toMatchObject({ imported: false, problems: [{ line: 3 }], moreProblems: 0 });
    expect((await current.value('app:phraseRules.list', {}, '8001')).rules).toHaveLength(defaultRulebook.length + 1);
    expect(listAuditEntries(db, { limit: 1 })[0]).toMatchObject({ action: 'phraseRules.import', outcome: 'failed', details: { problems: 1 } });
    const manyBadRows = exportRulebookCsv([customRule]) + Array.from({ length: 250 }, (_, index) => `X-${index},不管,custom,loud,,,true,\r\n`).join('');
    const capped = await current.value('app:phraseRules.import', { format: 'csv', mode: 'merge', content: manyBadRows }, '8001');
    expect(capped.imported === false && [capped.problems.length, capped.moreProblems]).toEqual([200, 50]);

    const { content } = await current.value('app:phraseRules.export', { format: 'json' }, '8001');
    const replaced = await current.value('app:phraseRules.import', { format: 'json', mode: 'replace', content: content.replace('"SL-01"', '"SL-00"') }, '8001');
    expect(replaced).toEqual({ imported: true, added: 1, updated: defaultRulebook.length, removed: 1 });
    expect(listAuditEntries(db, { limit: 1 })[0]).toMatchObject({ action: 'phraseRules.import', outcome: 'success', details: { mode: 'replace', rules: defaultRulebook.length + 1 } });
    expect((await current.value('app:phraseRules.test', { text: '我不知道' }, '8001')).hits).toMatchObject([{ ruleId: 'SL-00' }]);
  });

  it('hands every signed-in desk the compiled rulebook, and only its revision when nothing changed', async () => {
    const current = (scenario = await createScenario());
    const first = await current.value('app:phraseRules.compiled', {}, '1001');
    const matcher = loadCompiledPhraseRules(new Uint8Array(Buffer.from(first.tables!, 'base64')));
    expect(matcher.scan('我解决不了').map((hit) => hit.ruleId)).toEqual(['SL-10']);
    expect(first.advice).toContainEqual({ id: 'SL-10', severity: 'warn', suggestions: defaultRulebook.find((rule) => rule.id === 'SL-10')!.suggestions });
    expect(await current.value('app:phraseRules.compiled', { knownRevision: first.revision }, '1002')).toEqual({ revision: first.revision });

    await current.value('app:phraseRules.create', { rule: customRule }, '8001');
    const second = await current.value('app:phraseRules.compiled', { knownRevision: first.revision }, '1001');
    expect(second.revision).not.toBe(first.revision);
    expect(loadCompiledPhraseRules(new Uint8Array(Buffer.from(second.tables!, 'base64'))).scan('没办法')).toHaveLength(1);
  });
});
