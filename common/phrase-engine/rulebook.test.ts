import { describe, expect, it } from 'vitest';
import { defaultRulebook } from './default-rulebook';
import { phraseRuleProblems, phraseRulebookSchema, phraseRuleSchema } from './rulebook';
import { testRule } from './test-support';

describe('phrase rules', () => {
  it('accepts the default rulebook', () => {
    expect(phraseRulebookSchema.safeParse(defaultRulebook).success).toBe(true);
  });

  it('refuses phrases that could never match', () => {
    expect(phraseRuleProblems({ phrases: ['，。 '], exceptions: [] })[0]?.message).toMatch(/no characters to match/);
    expect(phraseRuleProblems({ phrases: ['不。管'], exceptions: [] })[0]?.message).toMatch(/spans two sentences/);
    expect(phraseRuleProblems({ phrases: ['不管', '不 管'], exceptions: [] })[0]).toMatchObject({ path: ['phrases', 1], message: expect.stringMatching(/repeats/) });
  });

  it('refuses exceptions that cover none of the phrases', () => {
    expect(phraseRuleProblems({ phrases: ['不管'], exceptions: ['没关系'] })[0]).toMatchObject({ path: ['exceptions', 0] });
    expect(phraseRuleProblems({ phrases: ['不管'], exceptions: ['不管'] })).toHaveLength(1);
    expect(phraseRuleProblems({ phrases: ['不管'], exceptions: ['不管怎樣'] })).toEqual([]);
  });

  it('checks IDs, severities and duplicates', () => {
    expect(phraseRuleSchema.safeParse(testRule('bad id', ['不管'])).success).toBe(false);
    expect(phraseRuleSchema.safeParse({ ...testRule('A', ['不管']), severity: 'loud' }).success).toBe(false);
    const duplicate = phraseRulebookSchema.safeParse([testRule('A', ['不管']), testRule('A', ['不知道'])]);
    expect(duplicate.success ? [] : duplicate.error.issues.map((issue) => issue.message)).toEqual(['Rule ID "A" is used twice.']);
  });
});
