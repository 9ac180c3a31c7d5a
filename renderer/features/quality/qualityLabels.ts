import dayjs from 'dayjs';
import type { CallCheckName, CallChecks, CheckStatus } from '../../../common/quality/call-checks';
import type { Translate } from '../../i18n/translate';
import { formatDuration } from '../calls/callScriptValues';

/** `2026-11` in words: "2026年11月". */
export function monthLabel(month: string, translate: Translate): string {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  return match === null ? month : translate('quality.month', { year: match[1]!, month: Number(match[2]) });
}

/** A time as the QA lists show it, in the workstation's zone. */
export function formatTime(timestamp: string): string {
  return dayjs(timestamp).format('YYYY-MM-DD HH:mm');
}

/** The tag colour of a check's outcome. */
export const checkStatusColors: Readonly<Record<CheckStatus, string>> = { pass: 'success', fail: 'error', notApplicable: 'default' };

/** The figure behind a check, and why it failed or does not apply, in one line. */
export function checkDetail(name: CallCheckName, checks: CallChecks, translate: Translate): string {
  const parts: string[] = [];
  switch (name) {
    case 'greeting': {
      const check = checks.greeting;
      if (check.seconds !== null) parts.push(translate('quality.figure.secondsWithin', { seconds: check.seconds, limit: check.limitSeconds }));
      break;
    }
    case 'surname':
      if (checks.surname.status === 'pass') parts.push(translate('quality.figure.surnameUsed'));
      break;
    case 'identity':
    case 'closing': {
      const seconds = checks[name].seconds;
      if (seconds !== null) parts.push(translate('quality.figure.secondsAfterAnswer', { seconds }));
      break;
    }
    case 'bannedPhrases': {
      const { spoken, typed, customer } = checks.bannedPhrases;
      parts.push(
        translate('quality.figure.phrases', {
          spoken: spoken.warn + spoken.block,
          typed: typed.warn + typed.block,
          block: spoken.block + typed.block,
          customer,
        }),
      );
      break;
    }
    case 'handleTime': {
      const check = checks.handleTime;
      // A call without the 3-minute target shows its talk time alone.
      if (check.seconds !== null && check.status === 'notApplicable') parts.push(translate('quality.figure.talkTime', { duration: formatDuration(check.seconds) }));
      else if (check.seconds !== null) parts.push(translate('quality.figure.duration', { duration: formatDuration(check.seconds), target: formatDuration(check.targetSeconds) }));
      break;
    }
    case 'ticket': {
      const check = checks.ticket;
      if (check.intent !== null) parts.push(translate('quality.figure.tickets', { tickets: check.tickets }));
      break;
    }
  }
  const reason = checks[name].reason;
  if (reason !== null && !(name === 'bannedPhrases' && reason === 'phrasesUsed')) parts.push(translate(`quality.reason.${reason}`));
  return parts.join(translate('quality.figure.separator'));
}

/** A change against the month before, signed ("+5", "−3.5", "0"); empty without one. */
export function trendLabel(change: number | null): string {
  if (change === null) return '';
  if (change > 0) return `+${change}`;
  return change < 0 ? `−${Math.abs(change)}` : '0';
}
