import { z } from 'zod';
import { lockReasons } from '../lock-policy';
import { accountViewSchema, agentIdSchema, passwordInputSchema } from './accounts';
import { defineChannel } from './channel';

/**
 * What a person had not sent yet when the seat locked: text drafts by the key of the box they
 * were typed in, and the customer that was open. Kept encrypted in the store for their owner
 * only, and handed back on unlock or at the owner's next sign-in.
 */
export const sessionStashSchema = z.object({
  drafts: z
    .record(z.string().min(1).max(80), z.string().max(20_000))
    .refine((drafts) => Object.keys(drafts).length <= 50, 'at most 50 drafts'),
  openCustomerId: z.number().int().positive().nullable(),
});

/** Unsent drafts and the open customer, kept across a lock. */
export type SessionStash = z.infer<typeof sessionStashSchema>;

/** The seat lock as the lock screen shows it. */
export const seatLockViewSchema = z.object({ reason: z.enum(lockReasons), lockedAt: z.string() });

/** Who is signed in on this client, and whether the seat is locked. */
export const sessionStateSchema = z.object({
  account: accountViewSchema.nullable(),
  locked: seatLockViewSchema.nullable(),
});

/** Channels of the signed-in session: one session belongs to one agent. */
export const sessionChannels = {
  /** Polled by the renderer: a lock decided in main (idle, OS lock, suspend) shows within a second. */
  current: defineChannel({
    access: 'public',
    allowedWhileLocked: true,
    request: z.strictObject({}),
    response: sessionStateSchema,
  }),
  /** Refused with `ACCOUNT_LOCKED_OUT` after too many failed attempts (sign-in and unlock count together). */
  signIn: defineChannel({
    access: 'public',
    request: z.strictObject({ agentId: agentIdSchema, password: passwordInputSchema }),
    response: z.object({ account: accountViewSchema, stash: sessionStashSchema.nullable() }),
  }),
  /** Ends the session; on a locked seat this is "switch agent" (the drafts stay with their owner). */
  signOut: defineChannel({
    access: 'signedIn',
    allowedWhileLocked: true,
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
  /**
   * Locks the seat now (hotkey or button) and keeps the renderer's unsent drafts for the owner.
   * Also accepted on a seat main locked already (idle, OS lock): the renderer stashes its drafts
   * as it learns of the lock.
   */
  lock: defineChannel({
    access: 'signedIn',
    allowedWhileLocked: true,
    request: z.strictObject({ reason: z.enum(['hotkey', 'button']), stash: sessionStashSchema }),
    response: z.object({}),
  }),
  /** Unlocks with the same agent's password; returns the drafts kept at the lock. */
  unlock: defineChannel({
    access: 'signedIn',
    allowedWhileLocked: true,
    request: z.strictObject({ password: passwordInputSchema }),
    response: z.object({ account: accountViewSchema, stash: sessionStashSchema.nullable() }),
  }),
  /** The person used keyboard or mouse (sent at most every few seconds): postpones the idle lock. */
  activity: defineChannel({
    access: 'signedIn',
    allowedWhileLocked: true,
    request: z.strictObject({}),
    response: z.object({}),
  }),
};
