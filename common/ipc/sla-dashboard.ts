import { z } from 'zod';
import { isLocalDate } from '../deadline-calendar/zoned-time';
import { ticketCategories } from '../tickets/categories';
import { slaTargetKinds } from '../tickets/sla-policy';
import { ticketStatuses } from '../tickets/workflow';
import { agentIdSchema, teamSchema } from './accounts';
import { defineChannel } from './channel';

/** The longest date range the dashboard sums over, in days (a year, leap day included). */
export const dashboardRangeDaysLimit = 366;

/** The handle-time target of a call (BRIEF §4: resolve within 3 minutes), in seconds. */
export const handleTimeTargetSeconds = 180;

/** The overdue tickets of one agent listed at most. */
export const overdueTicketListLimit = 200;

const localDateSchema = z.string().refine(isLocalDate, 'a date as YYYY-MM-DD');

/** A range of calendar days in the desk's time zone, both days included. */
export const dateRangeSchema = z.strictObject({ from: localDateSchema, to: localDateSchema });

/** A date range. */
export type DateRange = z.infer<typeof dateRangeSchema>;

const count = z.number().int().nonnegative();
/** A share from 0 to 1, or null when nothing was counted. */
const share = z.number().min(0).max(1).nullable();
const category = z.enum(ticketCategories);

const agentShape = { agentId: z.string(), displayName: z.string(), team: z.string() };

const firstResponseCountsShape = {
  /** Responded before the deadline. */
  onTime: count,
  /** Responded at or after the deadline. */
  late: count,
  /** Not responded and the deadline has passed: a miss, like a late response. */
  missed: count,
  /** Not responded and not due yet: left out of the share until it is decided. */
  pending: count,
  /** `onTime / (onTime + late + missed)`; null when none is decided yet. */
  compliance: share,
};

/** What the SLA dashboard shows for one scope and date range. */
export const slaDashboardSchema = z.object({
  /** The days summed (the request's, or this month in the desk's zone). */
  range: dateRangeSchema,
  timeZone: z.string(),
  now: z.string(),
  /** The team counted; null for every team (administrators only). */
  team: z.string().nullable(),
  /** The teams an administrator may pick; a team lead's own team only. */
  teams: z.array(z.string()),
  /** Tickets not closed now, whatever the range; overdue: the nearest running deadline has passed. */
  open: z.object({
    open: count,
    overdue: count,
    byCategory: z.array(z.object({ category, open: count, overdue: count })),
    byAgent: z.array(z.object({ ...agentShape, open: count, overdue: count })),
  }),
  /** First responses of the tickets created in the range whose first-response target applied. */
  firstResponse: z.object({ ...firstResponseCountsShape, byCategory: z.array(z.object({ category, ...firstResponseCountsShape })) }),
  /** Call-backs of the tickets resolved in the range whose category calls back. */
  callback: z.object({
    needed: count,
    /** The customer was reached. */
    reached: count,
    /** Closed by a team lead after 3 failed attempts, without reaching the customer. */
    closedUnreachable: count,
    /** Neither yet. */
    outstanding: count,
    /** `reached / needed`. */
    rate: share,
    /** `closedUnreachable / needed`. */
    unreachableShare: share,
  }),
  /** Talk time (answer to end) of the calls answered in the range, against the target. */
  handleTime: z.object({
    targetSeconds: z.number().int(),
    calls: count,
    /** Mean over the calls, seconds; null without calls. */
    averageSeconds: z.number().nullable(),
    withinTarget: count,
    byAgent: z.array(z.object({ ...agentShape, calls: count, averageSeconds: z.number(), withinTarget: count })),
  }),
});

/** The dashboard's figures. */
export type SlaDashboard = z.infer<typeof slaDashboardSchema>;

/** An overdue ticket as the dashboard lists it: number, category, status and the deadline missed; no customer data. */
export const overdueTicketSchema = z.object({
  id: z.number().int(),
  number: z.string(),
  category,
  status: z.enum(ticketStatuses),
  createdAt: z.string(),
  target: z.enum(slaTargetKinds).nullable(),
  dueAt: z.string(),
});

/** An overdue ticket row. */
export type OverdueTicket = z.infer<typeof overdueTicketSchema>;

/** Administrators name a team (or none, for every team); team leads see their own team only. */
const teamRequest = teamSchema.optional();

/** Channels of the SLA dashboard (服务时限看板): figures computed in main from the tickets and calls. */
export const slaDashboardChannels = {
  /**
   * The figures of a team (a team lead's own; an administrator's pick, or every team) for a
   * range of days (default: this month in the desk's zone, at most 366 days;
   * `DATE_RANGE_INVALID` when it ends before it starts or is longer). A team lead naming
   * another team is refused (`FORBIDDEN_ROLE`).
   */
  summary: defineChannel({
    access: ['team_lead', 'admin'],
    request: z.strictObject({ range: dateRangeSchema.optional(), team: teamRequest }),
    response: slaDashboardSchema,
  }),
  /**
   * One agent's overdue tickets within the same scope, the most overdue first (at most 200):
   * what the dashboard's overdue count of the agent stands for. `ACCOUNT_NOT_FOUND` for an
   * unknown agent ID.
   */
  overdueTickets: defineChannel({
    access: ['team_lead', 'admin'],
    request: z.strictObject({ agentId: agentIdSchema, team: teamRequest }),
    response: z.object({ tickets: z.array(overdueTicketSchema), overdue: count, now: z.string() }),
  }),
};
