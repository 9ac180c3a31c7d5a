import { z } from 'zod';

/** The roles of the desk. Enforced in main on every call; the UI only mirrors them. */
export const roles = ['agent', 'team_lead', 'admin'] as const;

/** A desk role: seat agent, team lead (班长/质检员) or administrator. */
export type Role = (typeof roles)[number];

/** zod schema for {@link Role}. */
export const roleSchema = z.enum(roles);

/** Account states: a disabled account cannot sign in and loses its sessions at once. */
export const accountStatuses = ['active', 'disabled'] as const;

/** An account status. */
export type AccountStatus = (typeof accountStatuses)[number];

/** zod schema for {@link AccountStatus}. */
export const accountStatusSchema = z.enum(accountStatuses);

/**
 * Who may call a channel:
 * - `public`: nobody needs to be signed in (setup, sign-in, store status);
 * - `signedIn`: any signed-in account, even one that must still change its password;
 * - a list of roles: a signed-in account with one of these roles and no pending password change.
 */
export type ChannelAccess = 'public' | 'signedIn' | readonly Role[];

/** Decision of {@link decideAccess}: allowed, or the stable code explaining the refusal. */
export type AccessDecision =
  | { allowed: true }
  | { allowed: false; code: 'NOT_SIGNED_IN' | 'FORBIDDEN_ROLE' | 'PASSWORD_CHANGE_REQUIRED' };

/** The caller as far as access decisions care. `undefined` means nobody is signed in. */
export type AccessSubject = Readonly<{ role: Role; mustChangePassword: boolean }> | undefined;

/** Pure role check used by the main-process dispatcher for every call. */
export function decideAccess(access: ChannelAccess, subject: AccessSubject): AccessDecision {
  if (access === 'public') return { allowed: true };
  if (subject === undefined) return { allowed: false, code: 'NOT_SIGNED_IN' };
  if (access === 'signedIn') return { allowed: true };
  if (subject.mustChangePassword) return { allowed: false, code: 'PASSWORD_CHANGE_REQUIRED' };
  return access.includes(subject.role) ? { allowed: true } : { allowed: false, code: 'FORBIDDEN_ROLE' };
}
