import type { Db } from '../connection';
import { DatabaseOpenError } from '../connection';

/** One schema step. `version` grows by 10 so hotfix steps can slot in between. */
export type Migration = Readonly<{
  version: number;
  name: string;
  migrate: (db: Db) => void;
}>;

/** What {@link runMigrations} did. */
export type MigrationReport = Readonly<{ fromVersion: number; toVersion: number; applied: readonly number[] }>;

/** The schema version recorded in the file (`PRAGMA user_version`). */
export function readSchemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

function assertOrdered(migrations: readonly Migration[]): void {
  migrations.forEach((migration, index) => {
    const previous = migrations[index - 1];
    if (!Number.isInteger(migration.version) || migration.version <= 0) {
      throw new Error(`Migration ${migration.name} has an invalid version ${migration.version}.`);
    }
    if (previous !== undefined && migration.version <= previous.version) {
      throw new Error(`Migrations out of order: ${previous.version} then ${migration.version}.`);
    }
  });
}

/**
 * Brings the schema up to `targetVersion` (default: the newest known step) by running every
 * pending step in one transaction, then recording the version. A database whose version is
 * newer than the newest known step was written by a newer Seatdesk: it is refused with
 * `DatabaseOpenError('FROM_FUTURE')` and left untouched.
 */
export function runMigrations(
  db: Db,
  migrations: readonly Migration[],
  targetVersion?: number,
): MigrationReport {
  assertOrdered(migrations);
  const newestKnown = migrations.at(-1)?.version ?? 0;
  const fromVersion = readSchemaVersion(db);
  if (fromVersion > newestKnown) {
    throw new DatabaseOpenError(
      'FROM_FUTURE',
      db.name,
      `The database schema version ${fromVersion} is newer than this Seatdesk supports (${newestKnown}).`,
    );
  }
  const target = targetVersion ?? newestKnown;
  const pending = migrations.filter((step) => step.version > fromVersion && step.version <= target);
  if (pending.length === 0) return { fromVersion, toVersion: fromVersion, applied: [] };
  const toVersion = pending.at(-1)?.version ?? fromVersion;
  db.transaction(() => {
    for (const step of pending) step.migrate(db);
    // user_version cannot be bound; toVersion is an integer checked by assertOrdered.
    db.pragma(`user_version = ${toVersion}`);
  })();
  return { fromVersion, toVersion, applied: pending.map((step) => step.version) };
}
