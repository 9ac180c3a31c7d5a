import { z } from 'zod';
import { normalizePhrase } from './normalization';

/** What a rule is about. */
export const phraseCategories = ['service', 'rude', 'regulatory', 'custom'] as const;
/** One of {@link phraseCategories}. */
export type PhraseCategory = (typeof phraseCategories)[number];

/** `warn` shows a warning; `block` also keeps the text from being sent or saved until it is changed. */
export const phraseSeverities = ['warn', 'block'] as const;
/** One of {@link phraseSeverities}. */
export type PhraseSeverity = (typeof phraseSeverities)[number];

/** Limits of one rule, shared by the editor, the importers and main's validation. */
export const phraseRuleLimits = {
  idLength: 40,
  phraseLength: 100,
  phrasesPerRule: 50,
  exceptionsPerRule: 50,
  suggestionLength: 200,
  suggestionsPerRule: 20,
  noteLength: 500,
  rulesPerRulebook: 100_000,
} as const;

const phraseText = z.string().trim().min(1).max(phraseRuleLimits.phraseLength);

/** A rule's ID: letters, digits, `.`, `_` and `-`, starting with a letter or digit. */
export const phraseRuleIdSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'letters, digits, ".", "_" and "-" only, starting with a letter or digit')
  .max(phraseRuleLimits.idLength);

/**
 * One banned-phrase rule. A hit of any of `phrases` is reported unless one of `exceptions`
 * (a longer allowed phrase containing it, such as 不管怎样 for 不管) covers it.
 */
export const phraseRuleShape = z.strictObject({
  id: phraseRuleIdSchema,
  phrases: z.array(phraseText).min(1).max(phraseRuleLimits.phrasesPerRule),
  category: z.enum(phraseCategories),
  severity: z.enum(phraseSeverities),
  exceptions: z.array(phraseText).max(phraseRuleLimits.exceptionsPerRule),
  suggestions: z.array(z.string().trim().min(1).max(phraseRuleLimits.suggestionLength)).max(phraseRuleLimits.suggestionsPerRule),
  enabled: z.boolean(),
  note: z.string().trim().max(phraseRuleLimits.noteLength),
});

/** The rule schema with the checks that need normalisation (see {@link phraseRuleProblems}). */
export const phraseRuleSchema = phraseRuleShape.superRefine((rule, context) => {
  for (const problem of phraseRuleProblems(rule)) {
    context.addIssue({ code: 'custom', message: problem.message, path: problem.path, params: { kind: problem.kind } });
  }
});

/** One banned-phrase rule. */
export type PhraseRule = z.infer<typeof phraseRuleShape>;

/** The kinds of {@link PhraseRuleProblem}, so a UI can word them in its own language. */
export const phraseRuleProblemKinds = ['nothingToMatch', 'spansSentences', 'repeated', 'exceptionNotCovering'] as const;

/** Something wrong with a rule that its shape alone does not show (English message, stable kind). */
export type PhraseRuleProblem = Readonly<{ kind: (typeof phraseRuleProblemKinds)[number]; path: (string | number)[]; message: string }>;

/**
 * What makes a well-formed rule unusable: a phrase with nothing left to match once spaces and
 * punctuation are dropped, a phrase spanning two sentences (it could never match), two phrases
 * that are the same once folded, an exception that contains none of the rule's phrases (it
 * could never cover a hit).
 */
export function phraseRuleProblems(rule: Pick<PhraseRule, 'phrases' | 'exceptions'>): PhraseRuleProblem[] {
  const problems: PhraseRuleProblem[] = [];
  const normalizedPhrases: string[] = [];
  rule.phrases.forEach((phrase, index) => {
    const normalized = normalizePhrase(phrase);
    if (normalized.codePoints.length === 0) {
      problems.push({ kind: 'nothingToMatch', path: ['phrases', index], message: `"${phrase}" has no characters to match (only spaces or punctuation).` });
      return;
    }
    if (normalized.sentenceEndInside) {
      problems.push({ kind: 'spansSentences', path: ['phrases', index], message: `"${phrase}" spans two sentences, so it could never match.` });
      return;
    }
    const text = String.fromCodePoint(...normalized.codePoints);
    if (normalizedPhrases.includes(text)) {
      problems.push({ kind: 'repeated', path: ['phrases', index], message: `"${phrase}" repeats another phrase of this rule.` });
      return;
    }
    normalizedPhrases.push(text);
  });
  rule.exceptions.forEach((exception, index) => {
    const normalized = normalizePhrase(exception);
    const text = String.fromCodePoint(...normalized.codePoints);
    if (normalized.sentenceEndInside) {
      problems.push({ kind: 'spansSentences', path: ['exceptions', index], message: `"${exception}" spans two sentences, so it could never match.` });
    } else if (!normalizedPhrases.some((phrase) => text.includes(phrase) && text.length > phrase.length)) {
      problems.push({
        kind: 'exceptionNotCovering',
        path: ['exceptions', index],
        message: `"${exception}" must be longer than one of the rule's phrases and contain it.`,
      });
    }
  });
  return problems;
}

/** A rulebook: rules in display order, IDs unique. */
export const phraseRulebookSchema = z
  .array(phraseRuleSchema)
  .max(phraseRuleLimits.rulesPerRulebook)
  .superRefine((rules, context) => {
    const seen = new Set<string>();
    rules.forEach((rule, index) => {
      if (seen.has(rule.id)) context.addIssue({ code: 'custom', message: `Rule ID "${rule.id}" is used twice.`, path: [index, 'id'] });
      seen.add(rule.id);
    });
  });
