import { z } from 'zod';
import { callIntents } from '../calls/intents';
import { defineChannel } from './channel';
import { customerHitSchema } from './customers';

/** Where a call stands: ringing, talking (answered, or started by hand), or ended and in wrap-up. */
export const callStates = ['ringing', 'talking', 'ended'] as const;

/** How a call started: from the telephony middleware, at the counter, or dialled out for a call-back. */
export const callDirections = ['inbound', 'walk_in', 'outbound'] as const;

/** The transcript lines sent back at most per answer. */
export const transcriptPageLimit = 200;

/** A call as the agent's desk shows it: the caller's number masked. */
export const callViewSchema = z.object({
  id: z.number().int(),
  direction: z.enum(callDirections),
  state: z.enum(callStates),
  /** The caller's number, masked; empty for a visit or a call without a number. */
  callerNumber: z.string(),
  queue: z.string(),
  rangAt: z.string(),
  answeredAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  outcome: z.enum(['answered', 'missed']).nullable(),
  durationSeconds: z.number().int().nullable(),
  /** The customer the call is linked to (found by number, chosen or recorded during the call). */
  customerId: z.number().int().nullable(),
  /** Every customer the caller's number finds, masked; each may be opened in this session. */
  customers: z.array(customerHitSchema),
  intent: z.enum(callIntents).nullable(),
  scriptId: z.string().nullable(),
  /** Script steps ticked in this call. */
  steps: z.array(z.object({ scriptId: z.string(), stepId: z.string(), doneAt: z.string() })),
});

/** A call on the desk. */
export type CallView = z.infer<typeof callViewSchema>;

/** A banned phrase in a transcript line, at UTF-16 offsets of the line. */
export const transcriptHitSchema = z.object({
  ruleId: z.string(),
  severity: z.enum(['warn', 'block']),
  start: z.number().int(),
  end: z.number().int(),
});

/** One line of the live transcript, with the banned phrases found in it. */
export const transcriptLineSchema = z.object({
  index: z.number().int(),
  speaker: z.enum(['agent', 'customer']),
  text: z.string(),
  at: z.string(),
  /** False while the speaker's line is still arriving in chunks; the page asks for it again. */
  final: z.boolean(),
  hits: z.array(transcriptHitSchema),
});

/** A transcript line. */
export type TranscriptLine = z.infer<typeof transcriptLineSchema>;

const callIdSchema = z.number().int().positive();
const scriptIdSchema = z.string().regex(/^[a-z][a-z0-9-]*$/).max(40);
const callResponse = z.object({ call: callViewSchema });

/** Channels of the call on the agent's desk. Administrators take no calls (they see no customers). */
export const callsChannels = {
  /**
   * The call on the caller's desk, or null: a ringing call is taken by the first agent who sees
   * it, and the customers its number finds become openable. Transcript lines from
   * `transcriptFrom` on come with it (at most {@link transcriptPageLimit}).
   */
  current: defineChannel({
    access: ['agent', 'team_lead'],
    request: z.strictObject({ transcriptFrom: z.number().int().min(0).optional() }),
    response: z.object({ call: callViewSchema.nullable(), transcript: z.array(transcriptLineSchema) }),
  }),
  /** Starts a call by hand: a visit at the counter or a call-back dialled out, optionally for a customer. */
  start: defineChannel({
    access: ['agent', 'team_lead'],
    request: z.strictObject({ direction: z.enum(['walk_in', 'outbound']), customerId: z.number().int().positive().optional() }),
    response: callResponse,
  }),
  /** Records the classified intent and the script followed. */
  update: defineChannel({
    access: ['agent', 'team_lead'],
    request: z.strictObject({ callId: callIdSchema, intent: z.enum(callIntents).optional(), scriptId: scriptIdSchema.optional() }),
    response: callResponse,
  }),
  /** Ticks (with the time) or unticks a script step, for QA. */
  recordStep: defineChannel({
    access: ['agent', 'team_lead'],
    request: z.strictObject({ callId: callIdSchema, scriptId: scriptIdSchema, stepId: scriptIdSchema, done: z.boolean() }),
    response: callResponse,
  }),
  /** Ends the call if it still runs (a visit, a call-back, a hang-up the middleware never sent) and finishes the wrap-up. */
  finish: defineChannel({
    access: ['agent', 'team_lead'],
    request: z.strictObject({ callId: callIdSchema }),
    response: z.object({}),
  }),
};
