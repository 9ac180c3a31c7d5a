import { z } from 'zod';

const callId = z.string().regex(/^[A-Za-z0-9._:-]{1,64}$/, 'letters, digits and . _ : -, at most 64');
const number = z.string().regex(/^\+?[0-9*#-]{0,32}$/, 'digits, +, *, # and -, at most 32');

/** A call's progress as the telephony middleware reports it. */
export const ctiCallEventSchema = z.strictObject({
  type: z.enum(['ring', 'answer', 'hangup']),
  callId,
  callerNumber: number,
  calledNumber: number,
  queue: z.string().max(64),
});

/**
 * A piece of the live transcript. Speech recognisers send an utterance in chunks: `final: false`
 * says more of the same line follows (a banned phrase may straddle the chunks); a chunk without
 * `final`, or with `final: true`, ends the line.
 */
export const ctiTranscriptSchema = z.strictObject({
  type: z.literal('transcript'),
  callId,
  speaker: z.enum(['agent', 'customer']),
  text: z.string().min(1).max(2000),
  final: z.boolean().optional(),
});

/** Every message the CTI endpoint accepts (one JSON object per WebSocket message). */
export const ctiMessageSchema = z.discriminatedUnion('type', [ctiCallEventSchema, ctiTranscriptSchema]);

/** A CTI message. */
export type CtiMessage = z.infer<typeof ctiMessageSchema>;

/** The desk's answer to each message: accepted, or refused with a stable code. */
export type CtiReply = { ok: true } | { ok: false; code: CtiRefusal; message: string };

/** Why a CTI message was refused. */
export type CtiRefusal = 'MALFORMED' | 'UNKNOWN_CALL' | 'CALL_ENDED' | 'DUPLICATE_CALL' | 'STORE_NOT_READY' | 'INTERNAL_ERROR';
