import { z } from 'zod';
import { callCheckNames, type CallCheckName, type CallChecks } from './call-checks';
import { addMonths, type QualityMonth } from './quality-months';
import { fatalItems, scorecardItemMaxPoints, scorecardItems, type FatalItem, type ScorecardItem, type ScorecardPoints } from './scorecard';

/** An answered call of the month with its automatic checks. */
export type SummaryCall = Readonly<{ month: QualityMonth; checks: CallChecks }>;

/** A scorecard of a call of the month, as it stands (an upheld appeal's revision replaces the first scoring). */
export type SummaryScorecard = Readonly<{ month: QualityMonth; points: ScorecardPoints; fatalItems: readonly FatalItem[]; total: number }>;

const passRateSchema = z.object({ passed: z.number().int(), applicable: z.number().int(), rate: z.number().nullable() });

/** One agent's month: calls, manual scores, automatic pass rates, fatal items, the trend and the training need. */
export const monthSummarySchema = z.object({
  month: z.string(),
  /** Answered calls. */
  calls: z.number().int(),
  /** Calls scored by hand. */
  scored: z.number().int(),
  /** The average total of the scorecards (one decimal), null without any. */
  averageScore: z.number().nullable(),
  /** The average points of each item (one decimal), null without scorecards. */
  itemAverages: z.object(Object.fromEntries(scorecardItems.map((item) => [item, z.number().nullable()])) as Record<ScorecardItem, z.ZodNullable<z.ZodNumber>>),
  /** Per check: calls passed, calls where it applied, and the rate in percent (one decimal; null when it never applied). */
  passRates: z.object(Object.fromEntries(callCheckNames.map((check) => [check, passRateSchema])) as Record<CallCheckName, typeof passRateSchema>),
  /** Every applicable check of every call pooled: the share passed in percent. */
  overallPassRate: z.number().nullable(),
  /** Scorecards with at least one fatal item. */
  fatalScorecards: z.number().int(),
  /** How often each fatal item was found. */
  fatalItems: z.object(Object.fromEntries(fatalItems.map((item) => [item, z.number().int()])) as Record<FatalItem, z.ZodNumber>),
  /** The change against the month before (points and percentage points); null when either month has no figure. */
  trend: z.object({ averageScore: z.number().nullable(), overallPassRate: z.number().nullable() }),
  /**
   * The weakest item, the training need: the manual item with the lowest share of its points or
   * the automatic check with the lowest pass rate, whichever is lower (manual items first on a tie);
   * null when nothing fell short of 100 %.
   */
  weakest: z
    .discriminatedUnion('kind', [
      z.object({ kind: z.literal('item'), item: z.enum(scorecardItems), percent: z.number() }),
      z.object({ kind: z.literal('check'), check: z.enum(callCheckNames), percent: z.number() }),
    ])
    .nullable(),
});

/** One agent's month. */
export type MonthSummary = z.infer<typeof monthSummarySchema>;

function oneDecimal(value: number): number {
  return Math.round(value * 10) / 10;
}

function average(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length;
}

type MonthFigures = Omit<MonthSummary, 'trend'> & { exactAverage: number | null; exactOverall: number | null };

function figuresOf(month: QualityMonth, calls: readonly SummaryCall[], scorecards: readonly SummaryScorecard[]): MonthFigures {
  const monthCalls = calls.filter((call) => call.month === month);
  const monthCards = scorecards.filter((card) => card.month === month);
  const passRates = {} as MonthSummary['passRates'];
  let pooledPassed = 0;
  let pooledApplicable = 0;
  for (const check of callCheckNames) {
    const results = monthCalls.map((call) => call.checks[check].status);
    const passed = results.filter((status) => status === 'pass').length;
    const applicable = results.filter((status) => status !== 'notApplicable').length;
    pooledPassed += passed;
    pooledApplicable += applicable;
    passRates[check] = { passed, applicable, rate: applicable === 0 ? null : oneDecimal((passed / applicable) * 100) };
  }
  const itemAverages = {} as MonthSummary['itemAverages'];
  for (const item of scorecardItems) {
    const exact = average(monthCards.map((card) => card.points[item]));
    itemAverages[item] = exact === null ? null : oneDecimal(exact);
  }
  const fatalCounts = Object.fromEntries(fatalItems.map((item) => [item, monthCards.filter((card) => card.fatalItems.includes(item)).length])) as MonthSummary['fatalItems'];
  const exactAverage = average(monthCards.map((card) => card.total));
  const exactOverall = pooledApplicable === 0 ? null : (pooledPassed / pooledApplicable) * 100;
  return {
    month,
    calls: monthCalls.length,
    scored: monthCards.length,
    averageScore: exactAverage === null ? null : oneDecimal(exactAverage),
    itemAverages,
    passRates,
    overallPassRate: exactOverall === null ? null : oneDecimal(exactOverall),
    fatalScorecards: monthCards.filter((card) => card.fatalItems.length > 0).length,
    fatalItems: fatalCounts,
    weakest: weakestOf(monthCards, passRates),
    exactAverage,
    exactOverall,
  };
}

function weakestOf(scorecards: readonly SummaryScorecard[], passRates: MonthSummary['passRates']): MonthSummary['weakest'] {
  let weakest: MonthSummary['weakest'] = null;
  for (const item of scorecardItems) {
    const exact = average(scorecards.map((card) => card.points[item]));
    if (exact === null) continue;
    const percent = oneDecimal((exact / scorecardItemMaxPoints[item]) * 100);
    if (percent < 100 && (weakest === null || percent < weakest.percent)) weakest = { kind: 'item', item, percent };
  }
  for (const check of callCheckNames) {
    const percent = passRates[check].rate;
    if (percent !== null && percent < 100 && (weakest === null || percent < weakest.percent)) weakest = { kind: 'check', check, percent };
  }
  return weakest;
}

function change(current: number | null, previous: number | null): number | null {
  return current === null || previous === null ? null : oneDecimal(current - previous);
}

/**
 * One agent's summary of each month in `months` (oldest first), each with its trend against the
 * month before it (so `calls` and `scorecards` should hold the month before the first as well).
 */
export function summariseMonths(months: readonly QualityMonth[], calls: readonly SummaryCall[], scorecards: readonly SummaryScorecard[]): MonthSummary[] {
  return months.map((month) => {
    const { exactAverage, exactOverall, ...figures } = figuresOf(month, calls, scorecards);
    const previous = figuresOf(addMonths(month, -1), calls, scorecards);
    return {
      ...figures,
      trend: { averageScore: change(exactAverage, previous.exactAverage), overallPassRate: change(exactOverall, previous.exactOverall) },
    };
  });
}
