import { z } from 'zod';
import { accountStatusSchema, roleSchema } from '../roles';
import { accountViewSchema, agentIdSchema, displayNameSchema, passwordInputSchema, teamSchema } from './accounts';
import { defineChannel } from './channel';

const accountResponse = z.object({ account: accountViewSchema });

/** Channels for administrators managing accounts. */
export const agentsChannels = {
  list: defineChannel({
    access: ['admin'],
    request: z.strictObject({}),
    response: z.object({ accounts: z.array(accountViewSchema) }),
  }),
  /** Creates an account with a temporary password the person must change at first sign-in. */
  create: defineChannel({
    access: ['admin'],
    request: z.strictObject({
      agentId: agentIdSchema,
      displayName: displayNameSchema,
      role: roleSchema,
      team: teamSchema,
      temporaryPassword: passwordInputSchema,
    }),
    response: accountResponse,
  }),
  /** Changes name, role and team. Refuses the caller's own account and the last administrator. */
  update: defineChannel({
    access: ['admin'],
    request: z.strictObject({
      agentId: agentIdSchema,
      displayName: displayNameSchema,
      role: roleSchema,
      team: teamSchema,
    }),
    response: accountResponse,
  }),
  /** Disables (ending the person's sessions at once) or re-enables an account. */
  setStatus: defineChannel({
    access: ['admin'],
    request: z.strictObject({ agentId: agentIdSchema, status: accountStatusSchema }),
    response: accountResponse,
  }),
  /** Lifts a lockout after too many failed sign-ins or unlocks before it runs out. */
  liftLockout: defineChannel({
    access: ['admin'],
    request: z.strictObject({ agentId: agentIdSchema }),
    response: accountResponse,
  }),
  /** Sets a temporary password; the person must change it at next sign-in. */
  resetPassword: defineChannel({
    access: ['admin'],
    request: z.strictObject({ agentId: agentIdSchema, temporaryPassword: passwordInputSchema }),
    response: accountResponse,
  }),
};
