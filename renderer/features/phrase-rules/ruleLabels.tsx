import { Tag } from 'antd';
import { phraseCategories, phraseSeverities, type PhraseCategory, type PhraseSeverity } from '../../../common/phrase-engine/rulebook';
import type { MessageKey } from '../../i18n/messages.zh-CN';
import { useT, type Translate } from '../../i18n/translate';
import type { RuleFieldName, RuleFieldProblem } from './ruleForm';

/** Every category's label; typed so that a new category without a label fails typecheck. */
export const categoryMessageKeys: Record<PhraseCategory, MessageKey> = {
  service: 'phraseRules.category.service',
  rude: 'phraseRules.category.rude',
  regulatory: 'phraseRules.category.regulatory',
  custom: 'phraseRules.category.custom',
};

/** Every severity's label. */
export const severityMessageKeys: Record<PhraseSeverity, MessageKey> = {
  warn: 'phraseRules.severity.warn',
  block: 'phraseRules.severity.block',
};

const severityColors: Record<PhraseSeverity, string> = { warn: 'orange', block: 'red' };
const categoryColors: Record<PhraseCategory, string> = { service: 'blue', rude: 'magenta', regulatory: 'purple', custom: 'default' };

/** Options of a category select. */
export function categoryOptions(translate: Translate): { value: PhraseCategory; label: string }[] {
  return phraseCategories.map((value) => ({ value, label: translate(categoryMessageKeys[value]) }));
}

/** Options of a severity select. */
export function severityOptions(translate: Translate): { value: PhraseSeverity; label: string }[] {
  return phraseSeverities.map((value) => ({ value, label: translate(severityMessageKeys[value]) }));
}

/** A severity as a tag: 提醒 in orange, 禁止发送 in red. */
export function SeverityTag({ severity, testId }: { severity: PhraseSeverity; testId?: string }) {
  const translate = useT();
  return (
    <Tag color={severityColors[severity]} data-testid={testId} data-severity={severity}>
      {translate(severityMessageKeys[severity])}
    </Tag>
  );
}

/** A category as a tag. */
export function CategoryTag({ category }: { category: PhraseCategory }) {
  const translate = useT();
  return (
    <Tag color={categoryColors[category]} data-category={category}>
      {translate(categoryMessageKeys[category])}
    </Tag>
  );
}

const fieldMessageKeys: Record<RuleFieldName, MessageKey> = {
  id: 'phraseRules.field.id',
  phrases: 'phraseRules.field.phrases',
  category: 'phraseRules.field.category',
  severity: 'phraseRules.field.severity',
  exceptions: 'phraseRules.field.exceptions',
  suggestions: 'phraseRules.field.suggestions',
  enabled: 'phraseRules.field.enabled',
  note: 'phraseRules.field.note',
};

/** A problem of the editor in words, prefixed with its line for a list field's item. */
export function describeRuleProblem({ field, line, problem }: RuleFieldProblem, translate: Translate): string {
  const fieldName = translate(fieldMessageKeys[field]);
  let text: string;
  switch (problem.kind) {
    case 'required':
      text = translate('validation.required', { field: fieldName });
      break;
    case 'tooLong':
      text = translate('phraseRules.problem.tooLong', { max: problem.max });
      break;
    case 'tooMany':
      text = translate('phraseRules.problem.tooMany', { max: problem.max });
      break;
    case 'idFormat':
      text = translate('phraseRules.problem.idFormat');
      break;
    case 'nothingToMatch':
      text = translate('phraseRules.problem.nothingToMatch');
      break;
    case 'spansSentences':
      text = translate('phraseRules.problem.spansSentences');
      break;
    case 'repeated':
      text = translate('phraseRules.problem.repeated');
      break;
    case 'exceptionNotCovering':
      text = translate('phraseRules.problem.exceptionNotCovering');
      break;
    case 'other':
      text = translate('phraseRules.problem.other', { message: problem.message });
      break;
  }
  return line === undefined ? text : translate('phraseRules.problem.line', { line, message: text });
}
