import { z } from 'zod';
import { callIntents } from '../calls/intents';
import { defineChannel } from './channel';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');

/** What an author writes for a unified answer (统一答复口径). */
export const knowledgeAnswerInputSchema = z
  .strictObject({
    title: z.string().trim().min(1).max(100),
    body: z.string().trim().min(1).max(5000),
    tags: z.array(z.string().trim().min(1).max(20)).max(20),
    category: z.string().trim().min(1).max(30),
    validFrom: isoDate,
    validTo: isoDate.nullable(),
    sourceNotice: z.string().trim().max(200),
  })
  .refine((answer) => answer.validTo === null || answer.validTo >= answer.validFrom, {
    message: 'The last valid day cannot come before the first.',
    path: ['validTo'],
  });

/** A unified answer as the desk shows it. */
export const knowledgeAnswerSchema = z.object({
  id: z.number().int(),
  title: z.string(),
  body: z.string(),
  tags: z.array(z.string()),
  category: z.string(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  sourceNotice: z.string(),
  authorAgentId: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

/** Channels of the knowledge base. */
export const knowledgeChannels = {
  /**
   * Searches the answers valid today (the desk's local date); any length of text, one character
   * too. Team leads and administrators may include expired and future answers.
   */
  search: defineChannel({
    access: 'signedIn',
    request: z.strictObject({
      text: z.string().max(100),
      includeExpired: z.boolean().optional(),
      limit: z.number().int().min(1).max(50).optional(),
    }),
    response: z.object({ answers: z.array(knowledgeAnswerSchema), onDate: z.string() }),
  }),
  /** The answers valid today whose category or tags name the call's classified intent, newest first. */
  suggest: defineChannel({
    access: 'signedIn',
    request: z.strictObject({ intent: z.enum(callIntents), limit: z.number().int().min(1).max(20).optional() }),
    response: z.object({ answers: z.array(knowledgeAnswerSchema), onDate: z.string() }),
  }),
  /** Adds an answer (no `id`) or replaces one; team leads and administrators; audited. */
  save: defineChannel({
    access: ['team_lead', 'admin'],
    request: z.strictObject({ id: z.number().int().positive().optional(), answer: knowledgeAnswerInputSchema }),
    response: z.object({ answer: knowledgeAnswerSchema }),
  }),
};
