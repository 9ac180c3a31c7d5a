import type { ServiceTarget } from '../../../common/deadline-calendar/deadline';
import type { TicketCategory } from '../../../common/tickets/categories';
import type { Translate } from '../../i18n/translate';

/** A target as the table shows it: "48 小时", "2 个工作日", or "—" when it does not apply. */
export function targetLabel(target: ServiceTarget | null, translate: Translate): string {
  if (target === null) return translate('common.none');
  return translate(`slaSettings.amount.${target.unit}`, { amount: target.amount });
}

/** A ticket category's name in the current language. */
export function categoryLabel(category: TicketCategory, translate: Translate): string {
  return translate(`tickets.category.${category}`);
}

/** The weekday of a `YYYY-MM-DD` date, in words ("周六"); empty for anything else. */
export function weekdayLabel(date: string, translate: Translate): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (match === null) return '';
  const weekday = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))).getUTCDay();
  return translate(`slaSettings.weekday.${weekday as 0 | 1 | 2 | 3 | 4 | 5 | 6}`);
}

// The sentences of `calendarYearProblems` (common/deadline-calendar/working-calendar.ts) and the
// date rule of `calendarYearSchema`; a test keeps these in step with them.
const outsideYear = /^(\d{4}-\d{2}-\d{2}) \((holiday|make-up working day)\) is not in (\d{4})\.$/;
const listedTwice = /^(\d{4}-\d{2}-\d{2}) is listed twice\.$/;
const weekdayMakeUp = /^(\d{4}-\d{2}-\d{2}) is a weekday; only a Saturday or Sunday can be a make-up working day\.$/;
const dateFormat = /^a date as YYYY-MM-DD$/;

/**
 * One problem main found in a calendar year, in the current language. Main words them in
 * English for its logs; the known ones are translated here, anything else is shown as it came.
 */
export function describeCalendarProblem(problem: string, translate: Translate): string {
  const [path, message] = splitPath(problem);
  const prefix = path === '' ? '' : `${path}: `;
  let match = outsideYear.exec(message);
  if (match !== null) {
    const kind = translate(match[2] === 'holiday' ? 'slaSettings.problem.kind.holiday' : 'slaSettings.problem.kind.makeUpWorkday');
    return prefix + translate('slaSettings.problem.outsideYear', { date: match[1] ?? '', kind, year: match[3] ?? '' });
  }
  match = listedTwice.exec(message);
  if (match !== null) return prefix + translate('slaSettings.problem.listedTwice', { date: match[1] ?? '' });
  match = weekdayMakeUp.exec(message);
  if (match !== null) return prefix + translate('slaSettings.problem.weekdayMakeUp', { date: match[1] ?? '' });
  if (dateFormat.test(message)) return prefix + translate('slaSettings.problem.dateFormat');
  return problem;
}

/** `holidays[2].date: a date as YYYY-MM-DD` → the path and the message (main's listing of a stored year). */
function splitPath(problem: string): [string, string] {
  const match = /^((?:holidays|makeUpWorkdays)\[\d+\]\.\w+|year|source|holidays|makeUpWorkdays): (.*)$/.exec(problem);
  return match === null ? ['', problem] : [match[1] ?? '', match[2] ?? ''];
}
