import { z } from 'zod';
import { deskSettingsSchema } from '../settings';
import { defineChannel } from './channel';

const settingsResponse = z.object({ settings: deskSettingsSchema, workstationId: z.string() });

/** Channels of the desk settings. */
export const settingsChannels = {
  /** The settings every signed-in person's desk follows (lock hotkey, idle time, watermark). */
  get: defineChannel({
    access: 'signedIn',
    request: z.strictObject({}),
    response: settingsResponse,
  }),
  /** Replaces the settings; administrators only; audited with the old and new values. */
  update: defineChannel({
    access: ['admin'],
    request: z.strictObject({ settings: deskSettingsSchema }),
    response: settingsResponse,
  }),
};
