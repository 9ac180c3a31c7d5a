import type { z } from 'zod';
import type { ChannelAccess } from '../roles';

/**
 * One IPC channel: who may call it, and the zod schemas of its request and response.
 * The request is parsed in main from `unknown`; the response is parsed in main before it
 * leaves, so a field the schema does not name (a password hash, say) can never cross.
 */
export type ChannelDefinition<
  RequestSchema extends z.ZodType = z.ZodType,
  ResponseSchema extends z.ZodType = z.ZodType,
> = Readonly<{
  access: ChannelAccess;
  /**
   * Whether the channel answers while the caller's seat is locked. Only the lock screen's own
   * channels do (state, unlock, switch agent, stashing drafts); every data channel refuses
   * with `LOCKED`.
   */
  allowedWhileLocked?: true;
  request: RequestSchema;
  response: ResponseSchema;
}>;

/** Declares a channel; exists only so TypeScript keeps the precise schema types. */
export function defineChannel<RequestSchema extends z.ZodType, ResponseSchema extends z.ZodType>(
  definition: ChannelDefinition<RequestSchema, ResponseSchema>,
): ChannelDefinition<RequestSchema, ResponseSchema> {
  return definition;
}
