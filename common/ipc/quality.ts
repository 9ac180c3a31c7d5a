import { z } from 'zod';
import { callIntents } from '../calls/intents';
import { callChecksSchema } from '../quality/call-checks';
import { monthSummarySchema } from '../quality/monthly-summary';
import { qualityMonthPattern } from '../quality/quality-months';
import { appealReasonMaxLength, fatalItems, fatalItemsSchema, scorecardCommentMaxLength, scorecardItems, scorecardPointsSchema } from '../quality/scorecard';
import { accountStatusSchema, roleSchema } from '../roles';
import { agentIdSchema } from './accounts';
import { callDirections } from './calls';
import { defineChannel } from './channel';

/** The calls of one agent and month a list sends at most (newest first); sampling draws from all of them. */
export const qualityCallListLimit = 200;

/** The scorecards an agent's own list sends at most (newest first). */
export const ownScorecardLimit = 100;

/** A scoring: points per item, the fatal items found and the total they give. */
export const scoringSchema = z.object({
  points: z.object(Object.fromEntries(scorecardItems.map((item) => [item, z.number().int()])) as Record<(typeof scorecardItems)[number], z.ZodNumber>),
  fatalItems: z.array(z.enum(fatalItems)),
  total: z.number().int(),
});

/** A scoring view. */
export type ScoringView = z.infer<typeof scoringSchema>;

/** An appeal of a scorecard and its review. */
export const appealViewSchema = z.object({
  reason: z.string(),
  appealedAt: z.string(),
  status: z.enum(['pending', 'upheld', 'rejected']),
  reviewerAgentId: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  reviewNote: z.string().nullable(),
  /** The revised scoring of an upheld appeal. */
  revised: scoringSchema.nullable(),
});

/** An appeal view. */
export type AppealView = z.infer<typeof appealViewSchema>;

/** A manual scorecard of a call. */
export const scorecardViewSchema = z.object({
  id: z.number().int(),
  callId: z.number().int(),
  callRangAt: z.string(),
  agentId: z.string(),
  agentName: z.string(),
  scorerAgentId: z.string(),
  scoredAt: z.string(),
  /** The scoring as first given. */
  scoring: scoringSchema,
  comment: z.string(),
  appeal: appealViewSchema.nullable(),
  /** The scoring that counts: an upheld appeal's revision, else the first. */
  final: scoringSchema,
});

/** A scorecard view. */
export type ScorecardView = z.infer<typeof scorecardViewSchema>;

/** An answered call as quality inspection shows it: facts, automatic checks and the scorecard; no customer data. */
export const qualityCallViewSchema = z.object({
  id: z.number().int(),
  agentId: z.string(),
  direction: z.enum(callDirections),
  rangAt: z.string(),
  answeredAt: z.string(),
  endedAt: z.string().nullable(),
  durationSeconds: z.number().int().nullable(),
  intent: z.enum(callIntents).nullable(),
  scriptId: z.string().nullable(),
  checks: callChecksSchema,
  scorecard: scorecardViewSchema.nullable(),
});

/** A call view for quality inspection. */
export type QualityCallView = z.infer<typeof qualityCallViewSchema>;

/** One person of the lead's team in a month of sampling. */
export const sampledMemberSchema = z.object({
  agentId: z.string(),
  displayName: z.string(),
  role: roleSchema,
  status: accountStatusSchema,
  /** Answered calls of the month. */
  callCount: z.number().int(),
  scoredCount: z.number().int(),
  /** Against the standard of 1–5 scored calls a month. */
  standing: z.enum(['below', 'met', 'above']),
  /** The month's calls, newest first, at most {@link qualityCallListLimit}. */
  calls: z.array(qualityCallViewSchema),
});

/** A member of the lead's team in a month of sampling. */
export type SampledMember = z.infer<typeof sampledMemberSchema>;

const monthSchema = z.string().regex(qualityMonthPattern, 'a month as YYYY-MM');
const callIdSchema = z.number().int().positive();
const scorecardIdSchema = z.number().int().positive();
const commentSchema = z.string().trim().max(scorecardCommentMaxLength);
const reviewNoteSchema = z.string().trim().min(2).max(scorecardCommentMaxLength);
const scorecardResponse = z.object({ scorecard: scorecardViewSchema });

/**
 * Channels of quality inspection (质检). Team leads sample and score the calls of their team's
 * people (never their own), review appeals and read the monthly summary; everyone who takes
 * calls sees their own scores and checks and may appeal a score once.
 */
export const qualityChannels = {
  /**
   * The lead's sampling view of a month (default: this one): each person of the team with the
   * month's answered calls, their automatic checks and scorecards, how many are scored against the
   * standard; the months offered; the team's appeals waiting for review.
   */
  team: defineChannel({
    access: ['team_lead'],
    request: z.strictObject({ month: monthSchema.optional() }),
    response: z.object({
      month: z.string(),
      months: z.array(z.string()),
      members: z.array(sampledMemberSchema),
      pendingAppeals: z.array(scorecardViewSchema),
    }),
  }),
  /**
   * A random unscored call of a team member's month (default: this one): `QUALITY_NO_UNSCORED_CALL`
   * when every answered call is scored; `QUALITY_OWN_CALL` for the lead's own; `ACCOUNT_NOT_FOUND`
   * for someone outside the team.
   */
  pickUnscored: defineChannel({
    access: ['team_lead'],
    request: z.strictObject({ agentId: agentIdSchema, month: monthSchema.optional() }),
    response: z.object({ call: qualityCallViewSchema }),
  }),
  /** One answered call with its checks and scorecard: the caller's own, or a team member's for the lead; else `CALL_NOT_FOUND`. */
  call: defineChannel({
    access: ['agent', 'team_lead'],
    request: z.strictObject({ callId: callIdSchema }),
    response: z.object({ call: qualityCallViewSchema }),
  }),
  /**
   * Scores a team member's answered call: points per item in its range, fatal items (any makes
   * the total 0), a comment. One scorecard per call (`QUALITY_ALREADY_SCORED`); never one's own
   * call (`QUALITY_OWN_CALL`); another team's is `CALL_NOT_FOUND`. Audited.
   */
  score: defineChannel({
    access: ['team_lead'],
    request: z.strictObject({ callId: callIdSchema, points: scorecardPointsSchema, fatalItems: fatalItemsSchema, comment: commentSchema }),
    response: scorecardResponse,
  }),
  /**
   * The caller's own quality: this month's answered calls with their checks, the scored calls
   * (newest scoring first, at most {@link ownScorecardLimit}) and the last six months' summary.
   */
  mine: defineChannel({
    access: ['agent', 'team_lead'],
    request: z.strictObject({}),
    response: z.object({
      month: z.string(),
      callCount: z.number().int(),
      calls: z.array(qualityCallViewSchema),
      scored: z.array(qualityCallViewSchema),
      summary: z.array(monthSummarySchema),
    }),
  }),
  /**
   * Appeals (申诉) a score of one's own call, once, with a reason: `QUALITY_ALREADY_APPEALED` the
   * second time; `QUALITY_SCORECARD_NOT_FOUND` for someone else's. Audited.
   */
  appeal: defineChannel({
    access: ['agent', 'team_lead'],
    request: z.strictObject({ scorecardId: scorecardIdSchema, reason: z.string().trim().min(2).max(appealReasonMaxLength) }),
    response: scorecardResponse,
  }),
  /**
   * Reviews a team member's appeal, with a note: upheld with a changed scoring
   * (`QUALITY_SCORE_UNCHANGED` when it is the same), or rejected. `QUALITY_APPEAL_NOT_PENDING`
   * without an appeal waiting; `QUALITY_OWN_CALL` for an appeal of one's own score. Audited.
   */
  review: defineChannel({
    access: ['team_lead'],
    request: z.discriminatedUnion('decision', [
      z.strictObject({ scorecardId: scorecardIdSchema, decision: z.literal('upheld'), points: scorecardPointsSchema, fatalItems: fatalItemsSchema, note: reviewNoteSchema }),
      z.strictObject({ scorecardId: scorecardIdSchema, decision: z.literal('rejected'), note: reviewNoteSchema }),
    ]),
    response: scorecardResponse,
  }),
  /** The team's monthly summary: per person and month of the last six, with the trend and the weakest item. */
  summary: defineChannel({
    access: ['team_lead'],
    request: z.strictObject({}),
    response: z.object({
      months: z.array(z.string()),
      members: z.array(
        z.object({ agentId: z.string(), displayName: z.string(), role: roleSchema, status: accountStatusSchema, months: z.array(monthSummarySchema) }),
      ),
    }),
  }),
};
