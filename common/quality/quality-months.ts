import { localDateOf, startOfLocalDay } from '../deadline-calendar/zoned-time';

/** A calendar month, `YYYY-MM`, in the desk's time zone. */
export type QualityMonth = string;

/** How many months the monthly summary shows: this one and the five before. */
export const summaryMonthCount = 6;

/** The pattern of a {@link QualityMonth}. */
export const qualityMonthPattern = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** The month of an instant in a zone. */
export function monthOf(instant: number, zone: string): QualityMonth {
  return localDateOf(instant, zone).slice(0, 7);
}

/** The month `count` months after (or before, when negative) a month. */
export function addMonths(month: QualityMonth, count: number): QualityMonth {
  const match = qualityMonthPattern.exec(month);
  if (match === null) throw new Error(`Not a month: ${month}`);
  const index = Number(match[1]) * 12 + Number(match[2]) - 1 + count;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** `count` months ending with `last`, oldest first. */
export function monthsUpTo(last: QualityMonth, count: number): QualityMonth[] {
  return Array.from({ length: count }, (_, index) => addMonths(last, index - count + 1));
}

/** The instants a month starts and the next one starts, in a zone, as ISO strings (for range queries). */
export function monthRange(month: QualityMonth, zone: string): Readonly<{ from: string; until: string }> {
  return {
    from: new Date(startOfLocalDay(`${month}-01`, zone)).toISOString(),
    until: new Date(startOfLocalDay(`${addMonths(month, 1)}-01`, zone)).toISOString(),
  };
}
