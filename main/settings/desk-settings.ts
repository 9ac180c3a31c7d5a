import { defaultDeskSettings, deskSettingsSchema, type DeskSettings } from '../../common/settings';
import type { Db } from '../../db/connection';
import { readSetting, readSettings, writeSetting } from '../../db/settings';
import { recordAudit } from '../audit/audit-trail';
import type { DeskContext, SignedInCaller } from '../desk-context';

const settingNames = Object.keys(defaultDeskSettings) as (keyof DeskSettings)[];

/**
 * The desk's settings: each stored value checked against its schema, defaults for the rest. A
 * stored value that no longer validates (edited by hand) falls back to its default, so the
 * idle-lock ceiling and lockout floor hold whatever the file says.
 */
export function loadDeskSettings(db: Db): DeskSettings {
  const stored = readSettings(db);
  const settings: Record<string, unknown> = { ...defaultDeskSettings };
  for (const name of settingNames) {
    if (!stored.has(name)) continue;
    const field = deskSettingsSchema.shape[name].safeParse(stored.get(name));
    if (field.success) settings[name] = field.data;
  }
  return settings as DeskSettings;
}

/** This workstation's ID (recorded in every audit entry), made at database creation. */
export function workstationIdOf(db: Db): string {
  const value = readSetting(db, 'workstationId');
  return typeof value === 'string' ? value : 'WS-UNKNOWN';
}

/** The settings and workstation ID for `settings.get`. */
export function currentSettings(desk: DeskContext): { settings: DeskSettings; workstationId: string } {
  const db = desk.store.connection();
  return { settings: loadDeskSettings(db), workstationId: workstationIdOf(db) };
}

/** Replaces the settings and audits each change with its old and new value, in one transaction. */
export function updateSettings(
  desk: DeskContext,
  caller: SignedInCaller,
  request: Readonly<{ settings: DeskSettings }>,
): { settings: DeskSettings; workstationId: string } {
  const db = desk.store.connection();
  const now = desk.now().toISOString();
  db.transaction(() => {
    const before = loadDeskSettings(db);
    for (const name of settingNames) {
      const next = request.settings[name];
      if (before[name] === next) continue;
      writeSetting(db, name, next, now, caller.account.agentId);
      recordAudit(desk, caller.account, {
        action: 'settings.update',
        objectType: 'setting',
        objectId: name,
        details: { from: before[name], to: next },
      });
    }
  })();
  return currentSettings(desk);
}
