import { migrate as createAccounts } from './0010-create-accounts';
import { migrate as createCustomers } from './0020-create-customers';
import type { Migration } from './runner';

export type { Migration, MigrationReport } from './runner';
export { readSchemaVersion, runMigrations } from './runner';

/** Every schema step, oldest first. Append only; never edit a released step. */
export const migrations: readonly Migration[] = [
  { version: 10, name: 'create-accounts', migrate: createAccounts },
  { version: 20, name: 'create-customers', migrate: createCustomers },
];

/** The schema version this code writes. */
export const latestSchemaVersion = migrations.at(-1)?.version ?? 0;
