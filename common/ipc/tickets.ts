import { z } from 'zod';
import { preconditions, ticketCategories } from '../tickets/categories';
import { slaTargetKinds } from '../tickets/sla-policy';
import { ticketActions, ticketStatuses } from '../tickets/workflow';
import { defineChannel } from './channel';

/** How a ticket came in. */
export const ticketChannels = ['phone', 'counter', 'callback'] as const;

/** One target of a ticket as the queue shows it. */
export const targetStandingSchema = z.object({
  kind: z.enum(slaTargetKinds),
  due: z.string().nullable(),
  met: z.boolean(),
  state: z.enum(['onTime', 'nearing', 'overdue', 'paused', 'met']),
  remainingClock: z.number(),
  targetClock: z.number(),
});

/** A ticket as the desk shows it: customer masked, free text masked like notes. */
export const ticketViewSchema = z.object({
  id: z.number().int(),
  number: z.string(),
  channel: z.enum(ticketChannels),
  callId: z.number().int().nullable(),
  customerId: z.number().int().nullable(),
  /** The customer's masked name (王先生), or empty. */
  customerName: z.string(),
  category: z.enum(ticketCategories),
  status: z.enum(ticketStatuses),
  summary: z.string(),
  preconditions: z.record(z.string(), z.boolean()),
  ownerAgentId: z.string(),
  department: z.string(),
  createdAt: z.string(),
  waiting: z.boolean(),
  nextDue: z.object({ kind: z.enum(slaTargetKinds), at: z.string() }).nullable(),
  targets: z.array(targetStandingSchema),
  callbackFailures: z.number().int(),
  callbackReached: z.boolean(),
  /** Whether the category calls back after the resolution (then closing needs a call-back that reached the customer). */
  callbackRequired: z.boolean(),
});

/** A ticket view. */
export type TicketView = z.infer<typeof ticketViewSchema>;

const ticketIdSchema = z.number().int().positive();

const slipLabel = z.string().trim().min(1).max(40);

/**
 * The words of an acceptance slip in the desk's language, from the renderer's language files;
 * main fills in the ticket's data (masked) and lays it out.
 */
export const slipLabelsSchema = z.strictObject({
  title: slipLabel,
  number: slipLabel,
  acceptedAt: slipLabel,
  channel: slipLabel,
  customer: slipLabel,
  phone: slipLabel,
  idNumber: slipLabel,
  category: slipLabel,
  request: slipLabel,
  checked: slipLabel,
  deadlines: slipLabel,
  waiting: z.string().trim().min(1).max(120),
  agent: slipLabel,
  notice: z.string().trim().max(400),
  customerSignature: slipLabel,
  agentSignature: slipLabel,
  printedAt: slipLabel,
  channelName: slipLabel,
  categoryName: slipLabel,
  targetNames: z.strictObject(Object.fromEntries(slaTargetKinds.map((kind) => [kind, slipLabel])) as Record<(typeof slaTargetKinds)[number], typeof slipLabel>),
  preconditionNames: z.strictObject(Object.fromEntries(preconditions.map((name) => [name, slipLabel])) as Record<(typeof preconditions)[number], typeof slipLabel>),
});

/** The words of an acceptance slip. */
export type SlipLabels = z.infer<typeof slipLabelsSchema>;
const ticketResponse = z.object({ ticket: ticketViewSchema });

/** Channels of tickets; main computes every deadline and decides every transition. */
export const ticketsChannels = {
  /**
   * Creates a ticket in one transaction with its audit entry: from the caller's current call
   * (its customer and channel) or for an accessible customer; the summary is phrase-checked.
   */
  create: defineChannel({
    access: ['agent', 'team_lead'],
    request: z.strictObject({
      callId: z.number().int().positive().optional(),
      customerId: z.number().int().positive().optional(),
      channel: z.enum(ticketChannels),
      category: z.enum(ticketCategories),
      summary: z.string().trim().min(1).max(4000),
      preconditions: z.partialRecord(z.enum(preconditions), z.boolean()).default({}),
    }),
    response: ticketResponse,
  }),
  /**
   * The customer's acceptance slip (免填单 / 一台清) as a PDF: ticket number, request, deadlines,
   * masked customer data, the unit's name and signature lines. Audited; the customer's own slip
   * needs no approval. In Electron it also goes to the printer (`sentToPrinter`).
   */
  slip: defineChannel({
    access: ['agent', 'team_lead'],
    request: z.strictObject({ ticketId: ticketIdSchema, labels: slipLabelsSchema }),
    response: z.object({ fileName: z.string(), pdfBase64: z.string(), sentToPrinter: z.boolean() }),
  }),
  /**
   * Shows a desktop notification that a target of one of the caller's tickets is about to be
   * missed (the page decides when, from the queue; main checks that it is so, then shows the
   * page's words). `shown` is false where the desk has no desktop notifications (the preview).
   */
  notifyDue: defineChannel({
    access: ['agent', 'team_lead'],
    request: z.strictObject({
      ticketId: ticketIdSchema,
      target: z.enum(slaTargetKinds),
      title: z.string().trim().min(1).max(60),
      body: z.string().trim().min(1).max(200),
    }),
    response: z.object({ shown: z.boolean() }),
  }),
  /** The caller's own open tickets, nearest deadline first; filters by status and category. */
  mine: defineChannel({
    access: ['agent', 'team_lead'],
    request: z.strictObject({
      statuses: z.array(z.enum(ticketStatuses)).max(7).optional(),
      categories: z.array(z.enum(ticketCategories)).max(30).optional(),
    }),
    response: z.object({ tickets: z.array(ticketViewSchema), now: z.string() }),
  }),
  /** The team lead's team's tickets past a deadline, the most overdue first. */
  teamOverdue: defineChannel({
    access: ['team_lead'],
    request: z.strictObject({}),
    response: z.object({ tickets: z.array(ticketViewSchema), now: z.string() }),
  }),
  /** One workflow step; illegal ones are refused with a stable code. The owner and the owner's team leads act. */
  transition: defineChannel({
    access: ['agent', 'team_lead'],
    request: z.strictObject({
      ticketId: ticketIdSchema,
      action: z.enum(ticketActions),
      /** For `dispatch`: the department it goes to. */
      department: z.string().trim().min(1).max(40).optional(),
      /** For `recordCallbackAttempt`: whether the customer was reached. */
      reached: z.boolean().optional(),
      note: z.string().trim().max(500).optional(),
    }),
    response: ticketResponse,
  }),
  /** Pauses the clock while waiting for the customer, or resumes it (the pause is added back). */
  setWaiting: defineChannel({
    access: ['agent', 'team_lead'],
    request: z.strictObject({ ticketId: ticketIdSchema, waiting: z.boolean() }),
    response: ticketResponse,
  }),
  /** Sets a target's deadline by hand; team leads only; needs a reason; audited with both times. */
  changeDeadline: defineChannel({
    access: ['team_lead'],
    request: z.strictObject({
      ticketId: ticketIdSchema,
      target: z.enum(slaTargetKinds),
      dueAt: z.iso.datetime(),
      reason: z.string().trim().min(2).max(200),
    }),
    response: ticketResponse,
  }),
};
