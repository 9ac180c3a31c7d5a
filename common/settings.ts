import { z } from 'zod';
import { hotkeySchema, defaultLockHotkey } from './hotkey';
import { idleMinutesLimits } from './lock-policy';

/** Bounds of the account lockout (the confidentiality rules: at most 10 tries, at least 30 minutes). */
export const lockoutLimits = {
  maximumAttempts: { minimum: 1, maximum: 10, default: 5 },
  lockoutMinutes: { minimum: 30, maximum: 1440, default: 30 },
} as const;

/** Bounds of how long an approved grant lasts. */
export const grantMinutesLimits = { minimum: 5, maximum: 240, default: 30 } as const;

/** The desk's settings, changed by administrators only and audited. */
export const deskSettingsSchema = z.strictObject({
  /** The company the desk answers for, as the greeting says it (您好，<公司>). Empty until set. */
  companyName: z.string().trim().max(40),
  /** The unit this desk serves in (a branch's counter, e.g. 朝阳营业厅), printed on acceptance slips. */
  unitName: z.string().trim().max(60),
  /** The service hotline the closing names. Empty until set. */
  hotline: z.string().trim().regex(/^[0-9+-]{0,20}$/, 'digits, + and -'),
  /** Minutes without input before the seat locks (1–15). */
  idleMinutes: z.number().int().min(idleMinutesLimits.minimum).max(idleMinutesLimits.maximum),
  /** Failed sign-ins or unlocks that lock the account (1–10). */
  maximumAttempts: z.number().int().min(lockoutLimits.maximumAttempts.minimum).max(lockoutLimits.maximumAttempts.maximum),
  /** How long a locked-out account stays locked (≥ 30 minutes). */
  lockoutMinutes: z.number().int().min(lockoutLimits.lockoutMinutes.minimum).max(lockoutLimits.lockoutMinutes.maximum),
  /** The key combination that locks the seat at once, e.g. `Ctrl+L`. */
  lockHotkey: hotkeySchema,
  /** Whether customer views carry a watermark with the agent ID and the time. */
  watermark: z.boolean(),
  /** How long an approved full-file, export or print grant lasts. */
  grantMinutes: z.number().int().min(grantMinutesLimits.minimum).max(grantMinutesLimits.maximum),
});

/** The desk's settings. */
export type DeskSettings = z.output<typeof deskSettingsSchema>;

/** Settings of a new desk. */
export const defaultDeskSettings: DeskSettings = {
  companyName: '',
  unitName: '',
  hotline: '',
  idleMinutes: idleMinutesLimits.default,
  maximumAttempts: lockoutLimits.maximumAttempts.default,
  lockoutMinutes: lockoutLimits.lockoutMinutes.default,
  lockHotkey: defaultLockHotkey,
  watermark: true,
  grantMinutes: grantMinutesLimits.default,
};
