import type { ScriptValues, ScriptVariable } from '../../../common/call-scripts/template';
import { greetingForHour } from '../../../common/call-scripts/values';
import type { MessageKey } from '../../i18n/messages.zh-CN';
import type { Translate } from '../../i18n/translate';

/** The message key of a variable's display name (公司名称, 客户称呼…), for placeholders and the variable list. */
export function variableLabelKey(name: ScriptVariable): MessageKey {
  return `callScripts.variable.${name}`;
}

/**
 * The sample values the editor's preview renders with: a made-up company and caller, the
 * greeting for `hour`, and no ticket number, so the preview also shows what a missing value
 * looks like.
 */
export function previewValues(hour: number): ScriptValues {
  return {
    company: '示例燃气公司',
    hotline: '96777',
    agentId: '1001',
    customerTitle: '王先生',
    customerAddress: '幸福小区 3 栋 2 单元 ***',
    timeOfDay: greetingForHour(hour),
  };
}

/** A text with `{name}` put in place of the selection `start`..`end` (clamped), and where the caret goes after it. */
export function insertVariable(text: string, start: number, end: number, name: ScriptVariable): { text: string; caret: number } {
  const from = Math.max(0, Math.min(start, text.length));
  const to = Math.max(from, Math.min(end, text.length));
  const slot = `{${name}}`;
  return { text: `${text.slice(0, from)}${slot}${text.slice(to)}`, caret: from + slot.length };
}

/** A template problem (English, from common/call-scripts/template) in the current language. */
export function describeTemplateProblem(message: string, translate: Translate): string {
  const unknown = /^"(\{.*\})" is not a script variable/.exec(message);
  if (unknown !== null) return translate('callScripts.problem.unknownVariable', { slot: unknown[1] ?? '' });
  if (message.includes('is never closed')) return translate('callScripts.problem.unclosed');
  if (message.includes('closes nothing')) return translate('callScripts.problem.unopened');
  return translate('callScripts.problem.other', { message });
}
