import { describe, expect, it } from 'vitest';
import { fatalItemsSchema, sameScoring, sampleStanding, scorecardItemMaxPoints, scorecardItems, scorecardMaxTotal, scorecardPointsSchema, scorecardTotal } from './scorecard';

const full = { language: 20, attitude: 20, tone: 15, summarising: 20, handling: 25 };

describe('scorecard rules', () => {
  it('gives the items 100 points together', () => {
    expect(scorecardItems.reduce((sum, item) => sum + scorecardItemMaxPoints[item], 0)).toBe(scorecardMaxTotal);
    expect(scorecardTotal(full, [])).toBe(100);
    expect(scorecardTotal({ ...full, tone: 9, handling: 20 }, [])).toBe(89);
  });

  it('makes the total 0 when any fatal item was found', () => {
    expect(scorecardTotal(full, ['hungUpOnCustomer'])).toBe(0);
    expect(scorecardTotal(full, ['disclosedCustomerData', 'abusiveLanguage'])).toBe(0);
  });

  it('refuses points outside each item’s range, fractions, missing and unknown items', () => {
    expect(scorecardPointsSchema.safeParse(full).success).toBe(true);
    expect(scorecardPointsSchema.safeParse({ ...full, tone: 16 }).success).toBe(false);
    expect(scorecardPointsSchema.safeParse({ ...full, handling: -1 }).success).toBe(false);
    expect(scorecardPointsSchema.safeParse({ ...full, language: 10.5 }).success).toBe(false);
    expect(scorecardPointsSchema.safeParse({ language: 20, attitude: 20, summarising: 20, handling: 25 }).success).toBe(false);
    expect(scorecardPointsSchema.safeParse({ ...full, smile: 5 }).success).toBe(false);
  });

  it('takes each fatal item once', () => {
    expect(fatalItemsSchema.safeParse(['abusiveLanguage']).success).toBe(true);
    expect(fatalItemsSchema.safeParse(['abusiveLanguage', 'abusiveLanguage']).success).toBe(false);
    expect(fatalItemsSchema.safeParse(['late']).success).toBe(false);
  });

  it('compares scorings without regard to the order of fatal items', () => {
    expect(sameScoring({ points: full, fatalItems: ['abusiveLanguage', 'hungUpOnCustomer'] }, { points: full, fatalItems: ['hungUpOnCustomer', 'abusiveLanguage'] })).toBe(true);
    expect(sameScoring({ points: full, fatalItems: [] }, { points: { ...full, tone: 14 }, fatalItems: [] })).toBe(false);
  });

  it('places a month against the 1–5 sampling standard', () => {
    expect([0, 1, 5, 6].map(sampleStanding)).toEqual(['below', 'met', 'met', 'above']);
  });
});
