import { z } from 'zod';
import { targetUnits } from '../deadline-calendar/deadline';
import { calendarFileMaxChars } from '../deadline-calendar/calendar-file';
import { calendarYearSchema } from '../deadline-calendar/working-calendar';
import { ticketCategories } from '../tickets/categories';
import { slaPolicySchema, slaTargetKinds } from '../tickets/sla-policy';
import { defineChannel } from './channel';

/** Problems of a refused import sent back at most. */
export const calendarImportProblemLimit = 100;

/**
 * Most working days a target may count. The deadline walks the calendar day by day, and a
 * target of years is a typing slip rather than a service commitment.
 */
export const workingDayTargetLimit = 250;

/**
 * The fields of `calendarYearSchema` without its checks across days (dates in the year, listed
 * once, make-up days on weekends), so that main names every such problem in its refusal.
 */
export const calendarYearShape = z.strictObject(calendarYearSchema.shape);

/** A year as a request names one. */
export const calendarYearNumberSchema = calendarYearSchema.shape.year;

const targetViewSchema = z.object({ amount: z.number().int(), unit: z.enum(targetUnits) }).nullable();

const targetsViewShape = {
  firstResponse: targetViewSchema,
  reply: targetViewSchema,
  resolve: targetViewSchema,
  callback: targetViewSchema,
};

/** A category's policy as the settings page shows it. */
export const slaPolicyViewSchema = z.object({
  category: z.enum(ticketCategories),
  ...targetsViewShape,
  /** Whether the targets are the built-in default's (seeded or reset). */
  isDefault: z.boolean(),
  /** The built-in default's targets, which a reset brings back. */
  defaultTargets: z.object(targetsViewShape),
  /** Why the stored policy cannot be used (the default applies instead); empty when it is fine. */
  problems: z.array(z.string()),
});

/** A policy view. */
export type SlaPolicyView = z.infer<typeof slaPolicyViewSchema>;

const datedNameViewSchema = z.object({ date: z.string(), name: z.string() });

/**
 * A stored calendar year. One that no longer validates is listed with its problems (and the
 * days that could be read); deadlines then count its days Monday–Friday.
 */
export const calendarYearViewSchema = z.object({
  year: z.number().int(),
  holidays: z.array(datedNameViewSchema),
  makeUpWorkdays: z.array(datedNameViewSchema),
  source: z.string(),
  problems: z.array(z.string()),
});

/** A calendar year view. */
export type CalendarYearView = z.infer<typeof calendarYearViewSchema>;

/** A problem of an import file: where (a JSON path, '' for the whole file) and what. */
export const calendarImportProblemSchema = z.object({ where: z.string(), message: z.string() });

const savedPolicyRequest = slaPolicySchema.superRefine((policy, context) => {
  for (const kind of slaTargetKinds) {
    const target = policy[kind];
    if (target?.unit === 'workingDays' && target.amount > workingDayTargetLimit) {
      context.addIssue({ code: 'custom', path: [kind, 'amount'], message: `At most ${workingDayTargetLimit} working days.` });
    }
  }
});

const problemLinePrefix = '- ';

/**
 * The message of a `CALENDAR_YEAR_INVALID` refusal: a sentence, then each problem on a line
 * of its own (read back with {@link calendarProblemsOfMessage}).
 */
export function calendarProblemsMessage(year: number, problems: readonly string[]): string {
  return [`The calendar of ${year} was not saved:`, ...problems.map((problem) => `${problemLinePrefix}${problem}`)].join('\n');
}

/** The problems listed in a `CALENDAR_YEAR_INVALID` message. */
export function calendarProblemsOfMessage(message: string): string[] {
  return message
    .split('\n')
    .filter((line) => line.startsWith(problemLinePrefix))
    .map((line) => line.slice(problemLinePrefix.length));
}

/** Channels of the SLA policies and the working-day calendar (服务时限). */
export const slaSettingsChannels = {
  /**
   * Every ticket category with the policy new tickets get, every stored calendar year, the
   * time zone deadlines are computed in and today's date there.
   */
  list: defineChannel({
    access: ['admin', 'team_lead'],
    request: z.strictObject({}),
    response: z.object({
      policies: z.array(slaPolicyViewSchema),
      years: z.array(calendarYearViewSchema),
      timeZone: z.string(),
      today: z.string(),
    }),
  }),
  /**
   * Sets a category's targets (null: the target does not apply). Tickets keep the targets they
   * were created with: only tickets created afterwards follow. Audited with before and after.
   */
  savePolicy: defineChannel({
    access: ['admin'],
    request: z.strictObject({ policy: savedPolicyRequest }),
    response: z.object({ policy: slaPolicyViewSchema }),
  }),
  /** Brings back a category's built-in default (for tickets created afterwards); audited. */
  resetPolicy: defineChannel({
    access: ['admin'],
    request: z.strictObject({ category: z.enum(ticketCategories) }),
    response: z.object({ policy: slaPolicyViewSchema }),
  }),
  /**
   * Adds or replaces one calendar year. `CALENDAR_YEAR_INVALID` when a date is outside the
   * year, listed twice, or a make-up working day is not a Saturday or Sunday; the message names
   * each problem (see {@link calendarProblemsOfMessage}). Audited.
   */
  saveCalendarYear: defineChannel({
    access: ['admin'],
    request: z.strictObject({ calendarYear: calendarYearShape }),
    response: z.object({ calendarYear: calendarYearViewSchema, created: z.boolean() }),
  }),
  /** Removes a calendar year (its days then count Monday–Friday); `CALENDAR_YEAR_NOT_FOUND`. Audited. */
  removeCalendarYear: defineChannel({
    access: ['admin'],
    request: z.strictObject({ year: calendarYearNumberSchema }),
    response: z.object({}),
  }),
  /**
   * Imports a JSON file holding one year or a list of years (each shaped like a saved year), at
   * most `calendarFileYearLimit` (20): each replaces the stored year of that number. A file
   * with any problem imports nothing and lists the problems. Audited either way.
   */
  importCalendarYears: defineChannel({
    access: ['admin'],
    request: z.strictObject({ content: z.string().max(calendarFileMaxChars) }),
    response: z.discriminatedUnion('imported', [
      z.object({ imported: z.literal(true), years: z.array(z.number().int()), added: z.number().int(), updated: z.number().int() }),
      z.object({ imported: z.literal(false), problems: z.array(calendarImportProblemSchema), moreProblems: z.number().int() }),
    ]),
  }),
};
