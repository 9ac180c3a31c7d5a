import { z } from 'zod';

/**
 * The items a team lead scores by hand on a sampled call (BRIEF §7, standard 001 第五篇): service
 * language, attitude, tone of voice, summarising the caller's need, and handling the request.
 */
export const scorecardItems = ['language', 'attitude', 'tone', 'summarising', 'handling'] as const;

/** One of {@link scorecardItems}. */
export type ScorecardItem = (typeof scorecardItems)[number];

/**
 * The most points each item gives; together 100. Handling weighs most (the caller's problem is
 * what the call is for), tone least (it colours the other items too). Migration 0170 checks the
 * same ranges in the database.
 */
export const scorecardItemMaxPoints: Readonly<Record<ScorecardItem, number>> = {
  language: 20,
  attitude: 20,
  tone: 15,
  summarising: 20,
  handling: 25,
};

/** The total of a scorecard without fatal items when every item has its full points. */
export const scorecardMaxTotal = 100;

/**
 * Faults that fail a call whatever else went well (致命项): disclosing a customer's data to
 * someone not entitled to it, abusive or rude language, and hanging up on the customer (the
 * standard: hang up after the caller). Any one of them makes the total 0.
 */
export const fatalItems = ['disclosedCustomerData', 'abusiveLanguage', 'hungUpOnCustomer'] as const;

/** One of {@link fatalItems}. */
export type FatalItem = (typeof fatalItems)[number];

/** The longest comment a scorecard or a review note holds, in characters. */
export const scorecardCommentMaxLength = 1000;

/** The longest reason an appeal gives, in characters. */
export const appealReasonMaxLength = 500;

/** How many calls the standard samples per agent and month (每人每月抽检 1–5 次). */
export const monthlySampleStandard = { minimum: 1, maximum: 5 } as const;

/** Points per item: whole numbers from 0 to the item's maximum. */
export const scorecardPointsSchema = z.strictObject(
  Object.fromEntries(scorecardItems.map((item) => [item, z.number().int().min(0).max(scorecardItemMaxPoints[item])])) as Record<
    ScorecardItem,
    z.ZodNumber
  >,
);

/** The points of one scorecard, by item. */
export type ScorecardPoints = Readonly<Record<ScorecardItem, number>>;

/** The fatal items found on a call, each at most once (empty: none). */
export const fatalItemsSchema = z
  .array(z.enum(fatalItems))
  .max(fatalItems.length)
  .refine((items) => new Set(items).size === items.length, 'Each fatal item is listed once.');

/** The total of a scorecard: the items' points added up, or 0 when any fatal item was found. */
export function scorecardTotal(points: ScorecardPoints, fatal: readonly FatalItem[]): number {
  if (fatal.length > 0) return 0;
  return scorecardItems.reduce((sum, item) => sum + points[item], 0);
}

/** Whether two scorings give the same points and the same fatal items (in any order). */
export function sameScoring(
  first: Readonly<{ points: ScorecardPoints; fatalItems: readonly FatalItem[] }>,
  second: Readonly<{ points: ScorecardPoints; fatalItems: readonly FatalItem[] }>,
): boolean {
  const fatalOf = (items: readonly FatalItem[]) => [...items].sort().join(',');
  return scorecardItems.every((item) => first.points[item] === second.points[item]) && fatalOf(first.fatalItems) === fatalOf(second.fatalItems);
}

/** Where an agent's month stands against the sampling standard: too few calls scored, enough, or more than it asks. */
export function sampleStanding(scored: number): 'below' | 'met' | 'above' {
  if (scored < monthlySampleStandard.minimum) return 'below';
  return scored > monthlySampleStandard.maximum ? 'above' : 'met';
}
