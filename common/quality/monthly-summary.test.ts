import { describe, expect, it } from 'vitest';
import { defaultScripts } from '../call-scripts/default-scripts';
import { computeCallChecks, type CallCheckFacts } from './call-checks';
import { summariseMonths, type SummaryCall, type SummaryScorecard } from './monthly-summary';
import { addMonths, monthOf, monthRange, monthsUpTo } from './quality-months';

const answeredAt = '2026-10-10T02:00:00.000Z';
const after = (seconds: number) => new Date(Date.parse(answeredAt) + seconds * 1000).toISOString();
const phone = defaultScripts.find((script) => script.id === 'phone')!;

const byTheBook: CallCheckFacts = {
  direction: 'inbound',
  answeredAt,
  durationSeconds: 120,
  intent: 'repair',
  script: { kind: phone.kind, steps: phone.steps },
  stepsDone: ['greeting', 'identify', 'confirm-identity', 'closing'].map((stepId, index) => ({ stepId, doneAt: after(5 + index * 10) })),
  phraseHits: [],
  customer: 'withSurname',
  tickets: 1,
};
// Greeted late and no ticket for the repair: 5 of 7 checks pass.
const lateWithoutTicket: CallCheckFacts = { ...byTheBook, stepsDone: byTheBook.stepsDone.map((step) => (step.stepId === 'greeting' ? { ...step, doneAt: after(45) } : step)), tickets: 0 };

const full = { language: 20, attitude: 20, tone: 15, summarising: 20, handling: 25 };
const call = (month: string, facts: CallCheckFacts): SummaryCall => ({ month, checks: computeCallChecks(facts) });
const card = (month: string, points: typeof full, fatalItems: SummaryScorecard['fatalItems'] = []): SummaryScorecard => ({
  month,
  points,
  fatalItems,
  total: fatalItems.length > 0 ? 0 : Object.values(points).reduce((sum, value) => sum + value, 0),
});

const calls = [call('2026-09', byTheBook), call('2026-10', byTheBook), call('2026-10', lateWithoutTicket), call('2026-11', byTheBook)];
const scorecards = [
  card('2026-09', { ...full, handling: 5 }),
  card('2026-10', full),
  card('2026-10', { ...full, language: 10 }),
  card('2026-11', full, ['abusiveLanguage']),
];

describe('monthly summary per agent', () => {
  const [october, november, december] = summariseMonths(['2026-10', '2026-11', '2026-12'], calls, scorecards);

  it('counts calls and scorecards, averages the totals and items, and rates each check', () => {
    expect(october).toMatchObject({ month: '2026-10', calls: 2, scored: 2, averageScore: 95, fatalScorecards: 0 });
    expect(october!.itemAverages).toEqual({ language: 15, attitude: 20, tone: 15, summarising: 20, handling: 25 });
    expect(october!.passRates.greeting).toEqual({ passed: 1, applicable: 2, rate: 50 });
    expect(october!.passRates.ticket).toEqual({ passed: 1, applicable: 2, rate: 50 });
    expect(october!.passRates.closing).toEqual({ passed: 2, applicable: 2, rate: 100 });
    // 12 of 14 applicable checks passed.
    expect(october!.overallPassRate).toBe(85.7);
  });

  it('shows the trend against the month before, the first month too', () => {
    // September: one scorecard of 80, every check passed.
    expect(october!.trend).toEqual({ averageScore: 15, overallPassRate: -14.3 });
    expect(november!.trend).toEqual({ averageScore: -95, overallPassRate: 14.3 });
    expect(december).toMatchObject({ calls: 0, scored: 0, averageScore: null, overallPassRate: null, trend: { averageScore: null, overallPassRate: null }, weakest: null });
  });

  it('makes a fatal scorecard count 0 and counts the fatal items', () => {
    expect(november).toMatchObject({ averageScore: 0, fatalScorecards: 1, fatalItems: { abusiveLanguage: 1, disclosedCustomerData: 0, hungUpOnCustomer: 0 } });
  });

  it('names the weakest item as the training need, manual or automatic, and none when all is full', () => {
    // Language averaged 75 % of its points; the greeting passed half the time.
    expect(october!.weakest).toEqual({ kind: 'check', check: 'greeting', percent: 50 });
    expect(summariseMonths(['2026-09'], calls, scorecards)[0]!.weakest).toEqual({ kind: 'item', item: 'handling', percent: 20 });
    expect(november!.weakest).toBeNull();
  });
});

describe('quality months', () => {
  it('reads months in the desk’s zone and walks across years', () => {
    // 2026-11-30T16:30Z is already December 1st in Shanghai.
    expect(monthOf(Date.parse('2026-11-30T16:30:00Z'), 'Asia/Shanghai')).toBe('2026-12');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(monthsUpTo('2026-03', 6)).toEqual(['2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03']);
    expect(monthRange('2026-11', 'Asia/Shanghai')).toEqual({ from: '2026-10-31T16:00:00.000Z', until: '2026-11-30T16:00:00.000Z' });
  });
});
