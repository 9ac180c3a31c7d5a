import { z } from 'zod';
import { accountStatusSchema, roleSchema } from '../roles';

/** Agent ID (工号): 1–16 letters, digits, `-` or `_`, compared without regard to case. */
export const agentIdSchema = z
  .string()
  .trim()
  .min(1)
  .max(16)
  .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, - and _ only');

/** True when two agent IDs name the same account (the store compares them without case). */
export function isSameAgentId(left: string, right: string): boolean {
  return left.toLowerCase() === right.toLowerCase();
}

/** A person's display name as shown in the header and in team lists. */
export const displayNameSchema = z.string().trim().min(1).max(40);

/** A team name; empty when the account belongs to no team. */
export const teamSchema = z.string().trim().max(40);

/**
 * A password as typed. Only bounded here; the policy (length, common passwords) is checked
 * in main by `findPasswordProblem` so that it returns its own error code.
 */
export const passwordInputSchema = z.string().min(1).max(1024);

/** An account as every process may see it: never the password hash. */
export const accountViewSchema = z.object({
  agentId: z.string(),
  displayName: z.string(),
  role: roleSchema,
  team: z.string(),
  status: accountStatusSchema,
  mustChangePassword: z.boolean(),
  createdAt: z.string(),
  lastSignInAt: z.string().nullable(),
  /** Until when sign-in and unlock are refused after too many failures; null when not locked out. */
  lockedUntil: z.string().nullable(),
});

/** An account as every process may see it. */
export type AccountView = z.infer<typeof accountViewSchema>;
