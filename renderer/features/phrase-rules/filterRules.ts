import type { PhraseCategory, PhraseRule, PhraseSeverity } from '../../../common/phrase-engine/rulebook';

/** What the rule table is filtered by. */
export type RuleFilters = Readonly<{ search: string; category: PhraseCategory | 'all'; severity: PhraseSeverity | 'all' }>;

/** The rules the filters let through: the search looks in the ID, the phrases and the note. */
export function filterRules(rules: readonly PhraseRule[], { search, category, severity }: RuleFilters): PhraseRule[] {
  const needle = search.trim().toLocaleLowerCase();
  return rules.filter(
    (rule) =>
      (category === 'all' || rule.category === category) &&
      (severity === 'all' || rule.severity === severity) &&
      (needle === '' ||
        rule.id.toLocaleLowerCase().includes(needle) ||
        rule.note.toLocaleLowerCase().includes(needle) ||
        rule.phrases.some((phrase) => phrase.toLocaleLowerCase().includes(needle))),
  );
}
