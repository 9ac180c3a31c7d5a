import { describe, expect, it } from 'vitest';
import { filterRules } from './filterRules';
import { checkRuleForm, draftOfForm, formValuesOf, newRuleFormValues, problemsOfServerIssues, splitLines, untitledDraftId } from './ruleForm';

const rule = {
  id: 'CU-01',
  phrases: ['没办法'],
  category: 'custom',
  severity: 'warn',
  exceptions: ['没办法的话'],
  suggestions: ['我帮您想想其他办法'],
  enabled: true,
  note: '',
} as const;

describe('rule form', () => {
  it('reads one item a line, skipping blank lines and keeping their line numbers', () => {
    expect(splitLines(' 没办法 \n\n  \r\n办不了\r其他')).toEqual({ items: ['没办法', '办不了', '其他'], lines: [1, 4, 5] });
    expect(splitLines(undefined)).toEqual({ items: [], lines: [] });
  });

  it('round-trips a rule through the form', () => {
    const checked = checkRuleForm(formValuesOf({ ...rule, phrases: [...rule.phrases], exceptions: [...rule.exceptions], suggestions: [...rule.suggestions] }));
    expect(checked).toEqual({ ok: true, rule });
  });

  it('places each problem on its field and textarea line', () => {
    const checked = checkRuleForm({
      ...newRuleFormValues,
      id: '',
      phrases: '没办法\n\n没 办法\n。。\n' + 'x'.repeat(101),
      exceptions: '好的',
    });
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.problems).toEqual(
      expect.arrayContaining([
        { field: 'id', line: undefined, problem: { kind: 'required' } },
        { field: 'phrases', line: 3, problem: { kind: 'repeated' } },
        { field: 'phrases', line: 4, problem: { kind: 'nothingToMatch' } },
        { field: 'phrases', line: 5, problem: { kind: 'tooLong', max: 100 } },
        { field: 'exceptions', line: 1, problem: { kind: 'exceptionNotCovering' } },
      ]),
    );
    expect(checkRuleForm({ ...newRuleFormValues, id: '-bad', phrases: '' })).toEqual({
      ok: false,
      problems: [
        { field: 'id', line: undefined, problem: { kind: 'idFormat' } },
        { field: 'phrases', line: undefined, problem: { kind: 'required' } },
      ],
    });
  });

  it('tests a draft without an ID under a stand-in ID, and no draft while the rule is invalid', () => {
    expect(draftOfForm({ ...newRuleFormValues, phrases: '没办法' })?.id).toBe(untitledDraftId);
    expect(draftOfForm({ ...newRuleFormValues, id: 'CU-01', phrases: '' })).toBeUndefined();
  });

  it("places main's validation issues, path `rule.<field>.<index>`, on the right line", () => {
    const values = { ...newRuleFormValues, id: 'CU-01', phrases: '\n没办法\n\n办不了' };
    expect(
      problemsOfServerIssues(
        [
          { path: 'rule.phrases.1', message: 'Too big: expected string to have <=100 characters' },
          { path: 'rule.note', message: 'something else' },
          { path: 'unrelated', message: 'ignored' },
        ],
        values,
      ),
    ).toEqual([
      { field: 'phrases', line: 4, problem: { kind: 'tooLong', max: 100 } },
      { field: 'note', line: undefined, problem: { kind: 'other', message: 'something else' } },
    ]);
  });
});

describe('filterRules', () => {
  const rules = [
    { ...rule, phrases: [...rule.phrases], exceptions: [], suggestions: [] },
    { ...rule, id: 'SL-01', phrases: ['不知道', '不管'], category: 'service' as const, exceptions: [], suggestions: [], note: 'Standard 004' },
    { ...rule, id: 'RW-05', phrases: ['Stupid'], category: 'rude' as const, severity: 'block' as const, exceptions: [], suggestions: [] },
  ];
  const all = { search: '', category: 'all', severity: 'all' } as const;

  it('searches ID, phrases and note case-insensitively and filters by category and severity', () => {
    const ids = (filters: Parameters<typeof filterRules>[1]) => filterRules(rules, filters).map((found) => found.id);
    expect(ids(all)).toEqual(['CU-01', 'SL-01', 'RW-05']);
    expect(ids({ ...all, search: ' sl-0 ' })).toEqual(['SL-01']);
    expect(ids({ ...all, search: '不管' })).toEqual(['SL-01']);
    expect(ids({ ...all, search: 'standard' })).toEqual(['SL-01']);
    expect(ids({ ...all, search: 'stupid' })).toEqual(['RW-05']);
    expect(ids({ ...all, category: 'custom' })).toEqual(['CU-01']);
    expect(ids({ ...all, severity: 'block' })).toEqual(['RW-05']);
  });
});
