import { describe, expect, it } from 'vitest';
import { calendarYearProblems, calendarYearSchema } from '../../../common/deadline-calendar/working-calendar';
import { messagesEn } from '../../i18n/messages.en';
import { messagesZhCN, type MessageKey } from '../../i18n/messages.zh-CN';
import type { MessageVariables, Translate } from '../../i18n/translate';
import { describeCalendarProblem, targetLabel, weekdayLabel } from './slaLabels';

// The i18n store touches the document; these labels need only the messages.
function translateWith(messages: Record<MessageKey, string>): Translate {
  return (key: MessageKey, variables?: MessageVariables) => messages[key].replace(/\{(\w+)\}/g, (placeholder, name: string) => String(variables?.[name] ?? placeholder));
}

const simplified = translateWith(messagesZhCN);
const english = translateWith(messagesEn);

describe('SLA labels', () => {
  it('shows targets with their unit, and none as a dash', () => {
    expect(targetLabel({ amount: 48, unit: 'hours' }, simplified)).toBe('48 小时');
    expect(targetLabel({ amount: 2, unit: 'workingDays' }, simplified)).toBe('2 个工作日');
    expect(targetLabel({ amount: 15, unit: 'minutes' }, simplified)).toBe('15 分钟');
    expect(targetLabel(null, simplified)).toBe('—');
  });

  it('names the weekday of a date', () => {
    expect(weekdayLabel('2026-11-22', simplified)).toBe('周日');
    expect(weekdayLabel('2026-11-28', english)).toBe('Sat');
    expect(weekdayLabel('28.11.2026', simplified)).toBe('');
  });

  it('translates every problem the calendar check words, so none reaches the page in English', () => {
    const problems = calendarYearProblems({
      year: 2026,
      holidays: [
        { date: '2027-01-01', name: '元旦' },
        { date: '2026-11-28', name: '测试' },
      ],
      makeUpWorkdays: [
        { date: '2026-11-28', name: '调休' },
        { date: '2026-11-24', name: '调休' },
        { date: '2025-12-27', name: '调休' },
      ],
    });
    expect(problems).toHaveLength(4);
    expect(problems.map((problem) => describeCalendarProblem(problem, simplified))).toEqual([
      '2027-01-01（节假日）不在 2026 年内。',
      '2026-11-28 列了不止一次：同一天只能列一次，不能既是节假日又是调休上班日。',
      '2026-11-24 是周一至周五，调休上班日只能是周六或周日。',
      '2025-12-27（调休上班日）不在 2026 年内。',
    ]);
    const dateIssue = calendarYearSchema.safeParse({ year: 2026, holidays: [{ date: '2026-02-30', name: '春节' }], makeUpWorkdays: [], source: '' });
    expect(dateIssue.success).toBe(false);
    const message = dateIssue.error?.issues[0]?.message ?? '';
    expect(describeCalendarProblem(message, simplified)).toBe('日期应为 YYYY-MM-DD 格式的真实日期。');
    expect(describeCalendarProblem(`holidays[0].date: ${message}`, simplified)).toBe('holidays[0].date: 日期应为 YYYY-MM-DD 格式的真实日期。');
    expect(describeCalendarProblem('Something unforeseen.', simplified)).toBe('Something unforeseen.');
  });
});
