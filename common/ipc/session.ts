import { z } from 'zod';
import { accountViewSchema, agentIdSchema, passwordInputSchema } from './accounts';
import { defineChannel } from './channel';

/** Channels of the signed-in session: one session belongs to one agent. */
export const sessionChannels = {
  current: defineChannel({
    access: 'public',
    request: z.strictObject({}),
    response: z.object({ account: accountViewSchema.nullable() }),
  }),
  signIn: defineChannel({
    access: 'public',
    request: z.strictObject({ agentId: agentIdSchema, password: passwordInputSchema }),
    response: z.object({ account: accountViewSchema }),
  }),
  signOut: defineChannel({
    access: 'signedIn',
    request: z.strictObject({}),
    response: z.object({}),
  }),
  changePassword: defineChannel({
    access: 'signedIn',
    request: z.strictObject({
      currentPassword: passwordInputSchema,
      newPassword: passwordInputSchema,
    }),
    response: z.object({ account: accountViewSchema }),
  }),
};
