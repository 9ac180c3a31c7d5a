import type { ValidationIssue } from '../../../common/ipc/result';
import {
  phraseRuleProblemKinds,
  phraseRuleSchema,
  type PhraseCategory,
  type PhraseRule,
  type PhraseSeverity,
} from '../../../common/phrase-engine/rulebook';

/** The editor's fields: the list fields are text, one item a line. */
export type RuleFormValues = {
  id: string;
  phrases: string;
  category: PhraseCategory;
  severity: PhraseSeverity;
  exceptions: string;
  suggestions: string;
  enabled: boolean;
  note: string;
};

/** The fields of {@link RuleFormValues}, which are also the fields of a rule. */
export const ruleFieldNames = ['id', 'phrases', 'category', 'severity', 'exceptions', 'suggestions', 'enabled', 'note'] as const;
/** One of {@link ruleFieldNames}. */
export type RuleFieldName = (typeof ruleFieldNames)[number];

const listFields = ['phrases', 'exceptions', 'suggestions'] as const;
type ListField = (typeof listFields)[number];

/** The ID a draft without one is tested under (the test channel needs a well-formed ID). */
export const untitledDraftId = 'new-rule';

/** A rule read from the form, with the textarea line each list item came from (1-based). */
export type RuleFromForm = Readonly<{ rule: PhraseRule; lines: Readonly<Record<ListField, readonly number[]>> }>;

/** What is wrong with one field, or one line of a list field. */
export type RuleProblem =
  | { kind: 'required' }
  | { kind: 'tooLong'; max: number }
  | { kind: 'tooMany'; max: number }
  | { kind: 'idFormat' }
  | { kind: 'nothingToMatch' }
  | { kind: 'spansSentences' }
  | { kind: 'repeated' }
  | { kind: 'exceptionNotCovering' }
  | { kind: 'other'; message: string };

/** A problem placed on a field, with the textarea line for a list field's item. */
export type RuleFieldProblem = Readonly<{ field: RuleFieldName; line: number | undefined; problem: RuleProblem }>;

/** The form's values for an existing rule. */
export function formValuesOf(rule: PhraseRule): RuleFormValues {
  return {
    id: rule.id,
    phrases: rule.phrases.join('\n'),
    category: rule.category,
    severity: rule.severity,
    exceptions: rule.exceptions.join('\n'),
    suggestions: rule.suggestions.join('\n'),
    enabled: rule.enabled,
    note: rule.note,
  };
}

/** The form's values for a new rule. */
export const newRuleFormValues: RuleFormValues = {
  id: '',
  phrases: '',
  category: 'custom',
  severity: 'warn',
  exceptions: '',
  suggestions: '',
  enabled: true,
  note: '',
};

/** The non-blank lines of a textarea, trimmed, with their 1-based line numbers. */
export function splitLines(text: unknown): { items: string[]; lines: number[] } {
  const items: string[] = [];
  const lines: number[] = [];
  if (typeof text !== 'string') return { items, lines };
  text.split(/\r\n|\r|\n/).forEach((line, index) => {
    const item = line.trim();
    if (item === '') return;
    items.push(item);
    lines.push(index + 1);
  });
  return { items, lines };
}

/** Reads a rule from the form's (possibly partial) values. */
export function ruleFromForm(values: Partial<RuleFormValues>): RuleFromForm {
  const phrases = splitLines(values.phrases);
  const exceptions = splitLines(values.exceptions);
  const suggestions = splitLines(values.suggestions);
  return {
    rule: {
      id: typeof values.id === 'string' ? values.id.trim() : '',
      phrases: phrases.items,
      category: values.category ?? newRuleFormValues.category,
      severity: values.severity ?? newRuleFormValues.severity,
      exceptions: exceptions.items,
      suggestions: suggestions.items,
      enabled: values.enabled ?? true,
      note: typeof values.note === 'string' ? values.note.trim() : '',
    },
    lines: { phrases: phrases.lines, exceptions: exceptions.lines, suggestions: suggestions.lines },
  };
}

function isListField(field: string): field is ListField {
  return (listFields as readonly string[]).includes(field);
}

function isRuleField(field: string): field is RuleFieldName {
  return (ruleFieldNames as readonly string[]).includes(field);
}

/**
 * Recognises a rule problem main reported by its message (only path and message cross IPC;
 * problems found here carry their kind, see `problemOfIssue`); anything unrecognised is kept as it is.
 */
export function problemOfMessage(message: string): RuleProblem {
  if (message.includes('has no characters to match')) return { kind: 'nothingToMatch' };
  if (message.includes('spans two sentences')) return { kind: 'spansSentences' };
  if (message.includes('repeats another phrase')) return { kind: 'repeated' };
  if (message.includes("must be longer than one of the rule's phrases")) return { kind: 'exceptionNotCovering' };
  if (message.includes('starting with a letter or digit')) return { kind: 'idFormat' };
  const tooBig = /Too big: expected (string|array) to have <=(\d+)/.exec(message);
  if (tooBig !== null) return tooBig[1] === 'array' ? { kind: 'tooMany', max: Number(tooBig[2]) } : { kind: 'tooLong', max: Number(tooBig[2]) };
  if (/Too small: expected (string|array) to have >=1/.test(message)) return { kind: 'required' };
  return { kind: 'other', message };
}

/** Places a problem found at `path` (within a rule) on its field and line; `undefined` when no field fits. */
function placeProblem(
  path: readonly PropertyKey[],
  problem: RuleProblem,
  lines: RuleFromForm['lines'],
): RuleFieldProblem | undefined {
  const [field, index] = path;
  if (typeof field !== 'string' || !isRuleField(field)) return undefined;
  const line = isListField(field) && typeof index === 'number' ? lines[field][index] : undefined;
  return { field, line, problem };
}

type ZodIssueLike = Readonly<{
  code: string;
  path: readonly PropertyKey[];
  message: string;
  origin?: string;
  maximum?: unknown;
  params?: { kind?: unknown };
}>;

function problemOfIssue(issue: ZodIssueLike): RuleProblem {
  const kind = issue.params?.kind;
  if (issue.code === 'custom' && typeof kind === 'string' && (phraseRuleProblemKinds as readonly string[]).includes(kind)) {
    return { kind: kind as (typeof phraseRuleProblemKinds)[number] };
  }
  if (issue.code === 'too_big' && typeof issue.maximum === 'number') {
    return issue.origin === 'array' ? { kind: 'tooMany', max: issue.maximum } : { kind: 'tooLong', max: issue.maximum };
  }
  if (issue.code === 'too_small') return { kind: 'required' };
  if (issue.code === 'invalid_format') return { kind: 'idFormat' };
  return problemOfMessage(issue.message);
}

/**
 * Checks the form as main will (the same schema): the rule when it is valid, else every
 * problem on its field and line.
 */
export function checkRuleForm(values: Partial<RuleFormValues>):
  | { ok: true; rule: PhraseRule }
  | { ok: false; problems: RuleFieldProblem[] } {
  const { rule, lines } = ruleFromForm(values);
  const parsed = phraseRuleSchema.safeParse(rule);
  if (parsed.success) return { ok: true, rule: parsed.data };
  const problems = parsed.error.issues
    .map((issue) =>
      placeProblem(issue.path, issue.path[0] === 'id' && rule.id === '' ? { kind: 'required' } : problemOfIssue(issue as ZodIssueLike), lines),
    )
    .filter((problem) => problem !== undefined);
  // A problem the editor cannot place still has to be shown: put it on the ID.
  if (problems.length === 0) problems.push({ field: 'id', line: undefined, problem: { kind: 'other', message: parsed.error.message } });
  return { ok: false, problems };
}

/**
 * The rule the editor's test box tries: the form's rule when it is valid (with a stand-in ID
 * while the ID is still empty), else `undefined`.
 */
export function draftOfForm(values: Partial<RuleFormValues>): PhraseRule | undefined {
  const id = typeof values.id === 'string' && values.id.trim() !== '' ? values.id : untitledDraftId;
  const checked = checkRuleForm({ ...values, id });
  return checked.ok ? checked.rule : undefined;
}

/** Main's validation issues (paths such as `rule.phrases.2`) placed on the editor's fields. */
export function problemsOfServerIssues(issues: readonly ValidationIssue[], values: Partial<RuleFormValues>): RuleFieldProblem[] {
  const { lines } = ruleFromForm(values);
  return issues
    .map((issue) => {
      const path = issue.path.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
      return placeProblem(path[0] === 'rule' ? path.slice(1) : path, problemOfMessage(issue.message), lines);
    })
    .filter((problem) => problem !== undefined);
}
