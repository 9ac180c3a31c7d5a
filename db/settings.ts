import { cachedStatement, type Db } from './connection';

/** Every stored setting as name → parsed JSON value; main validates each against its schema. */
export function readSettings(db: Db): Map<string, unknown> {
  const rows = db.prepare('SELECT name, value FROM settings').all() as { name: string; value: string }[];
  return new Map(rows.map((row) => [row.name, JSON.parse(row.value) as unknown]));
}

/** One stored setting's parsed JSON value, or `undefined`. */
export function readSetting(db: Db, name: string): unknown {
  const value = cachedStatement(db, 'SELECT value FROM settings WHERE name = ?').pluck().get(name) as string | undefined;
  return value === undefined ? undefined : (JSON.parse(value) as unknown);
}

/** Stores one setting (JSON-encoded), recording when and by whom. */
export function writeSetting(db: Db, name: string, value: unknown, now: string, updatedBy: string | null): void {
  db.prepare(
    `INSERT INTO settings (name, value, updated_at, updated_by) VALUES (@name, @value, @now, @updatedBy)
     ON CONFLICT (name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at,
       updated_by = excluded.updated_by`,
  ).run({ name, value: JSON.stringify(value), now, updatedBy });
}
