import { z } from 'zod';
import { accountViewSchema, agentIdSchema, displayNameSchema, passwordInputSchema, teamSchema } from './accounts';
import { defineChannel } from './channel';

/** Channels of first-run setup. */
export const setupChannels = {
  /**
   * Creates the database (when there is none) and the first administrator. Refused with
   * `SETUP_ALREADY_DONE` once any account exists. `databasePassphrase` is required when the
   * machine has no usable keychain (`PASSPHRASE_REQUIRED`), optional otherwise.
   */
  createAdministrator: defineChannel({
    access: 'public',
    request: z.strictObject({
      agentId: agentIdSchema,
      displayName: displayNameSchema,
      team: teamSchema,
      password: passwordInputSchema,
      databasePassphrase: z.string().max(1024).optional(),
    }),
    response: z.object({ account: accountViewSchema }),
  }),
};
