import { z } from 'zod';
import { defineChannel } from './channel';

/** Why the store cannot be opened; the renderer and the startup dialog explain each one. */
export const storeFailureCodes = [
  'KEY_FILE_MISSING',
  'KEY_FILE_INVALID',
  'DATABASE_MISSING',
  'KEYCHAIN_UNAVAILABLE',
  'KEYCHAIN_BACKEND_CHANGED',
  'KEYCHAIN_DECRYPT_FAILED',
  'DATABASE_NOT_DECRYPTABLE',
  'DATABASE_DAMAGED',
  'DATABASE_FROM_FUTURE',
  'OPEN_FAILED',
] as const;

/** One of {@link storeFailureCodes}. */
export type StoreFailureCode = (typeof storeFailureCodes)[number];

/**
 * Where the encrypted store stands:
 * - `uninitialized`: no database yet; the setup screen creates it with the first administrator;
 * - `locked`: the database is protected by a passphrase that nobody has entered since start;
 * - `ready`: open; `hasAccounts` says whether setup finished;
 * - `failed`: it cannot be opened (wrong key, damaged file, newer version, keychain changed).
 */
export const storeStatusSchema = z.object({
  state: z.enum(['uninitialized', 'locked', 'ready', 'failed']),
  keyProtection: z.enum(['keychain', 'passphrase']).nullable(),
  keychainAvailable: z.boolean(),
  hasAccounts: z.boolean(),
  failure: z
    .object({ code: z.enum(storeFailureCodes), reason: z.string(), file: z.string(), advice: z.string() })
    .nullable(),
});

/** Where the encrypted store stands. */
export type StoreStatus = z.infer<typeof storeStatusSchema>;

/** Channels of the encrypted store. */
export const storeChannels = {
  status: defineChannel({
    access: 'public',
    allowedWhileLocked: true,
    request: z.strictObject({}),
    response: storeStatusSchema,
  }),
  unlock: defineChannel({
    access: 'public',
    request: z.strictObject({ passphrase: z.string().min(1).max(1024) }),
    response: storeStatusSchema,
  }),
};
