import { describe, expect, it } from 'vitest';
import { defaultScripts } from '../../../common/call-scripts/default-scripts';
import { computeCallChecks, type CallCheckFacts } from '../../../common/quality/call-checks';
import { messagesEn } from '../../i18n/messages.en';
import { messagesZhCN, type MessageKey } from '../../i18n/messages.zh-CN';
import type { MessageVariables, Translate } from '../../i18n/translate';
import { checkDetail, monthLabel, trendLabel } from './qualityLabels';

// The i18n store touches the document; these labels need only the messages.
function translateWith(messages: Record<MessageKey, string>): Translate {
  return (key: MessageKey, variables?: MessageVariables) => messages[key].replace(/\{(\w+)\}/g, (placeholder, name: string) => String(variables?.[name] ?? placeholder));
}

const simplified = translateWith(messagesZhCN);
const english = translateWith(messagesEn);
const phone = defaultScripts.find((script) => script.id === 'phone')!;
const answeredAt = '2026-11-22T02:00:00.000Z';
const after = (seconds: number) => new Date(Date.parse(answeredAt) + seconds * 1000).toISOString();

const facts: CallCheckFacts = {
  direction: 'inbound',
  answeredAt,
  durationSeconds: 245,
  intent: 'repair',
  script: { kind: phone.kind, steps: phone.steps },
  stepsDone: [
    { stepId: 'greeting', doneAt: after(42) },
    { stepId: 'identify', doneAt: after(50) },
  ],
  phraseHits: [
    { source: 'agent', severity: 'warn', count: 1 },
    { source: 'typed', severity: 'block', count: 1 },
    { source: 'customer', severity: 'warn', count: 2 },
  ],
  customer: 'withSurname',
  tickets: 0,
};
const checks = computeCallChecks(facts);

describe('quality labels', () => {
  it('writes each check’s figure and why it failed', () => {
    expect(checkDetail('greeting', checks, simplified)).toBe('接听后 42 秒（应在 30 秒内）；超过时限');
    expect(checkDetail('surname', checks, simplified)).toBe('已识别客户，话术按姓氏称呼');
    expect(checkDetail('identity', checks, simplified)).toBe('未勾选该步骤');
    expect(checkDetail('bannedPhrases', checks, simplified)).toBe('坐席说出 1 次、输入 1 次（其中禁止级 1 次）；客户 2 次，不计入');
    expect(checkDetail('handleTime', checks, simplified)).toBe('通话 4:05（目标 3:00 以内）；超过 3 分钟处理目标');
    expect(checkDetail('ticket', checks, english)).toBe('0 tickets; This intent needs a ticket, and none was made');
    const counter = computeCallChecks({ ...facts, direction: 'walk_in' });
    expect(checkDetail('handleTime', counter, english)).toBe('Talk time 4:05; Counter visits and call-backs have no 3-minute target');
  });

  it('names months and signs trends', () => {
    expect(monthLabel('2026-03', simplified)).toBe('2026年3月');
    expect(monthLabel('2026-11', english)).toBe('11/2026');
    expect([trendLabel(5), trendLabel(-3.5), trendLabel(0), trendLabel(null)]).toEqual(['+5', '−3.5', '0', '']);
  });
});
