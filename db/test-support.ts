import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { auditSealsExtensionLibraries } from './audit-seals';
import type { Db, DatabaseKey } from './connection';
import { openEncryptedDatabase } from './connection';
import { migrations, runMigrations } from './migrations';

/** A real encrypted database in a fresh temp folder, for tests. */
export type TestDatabase = Readonly<{
  db: Db;
  file: string;
  key: DatabaseKey;
  directory: string;
  /** Closes the connection (if open) and removes the folder. */
  cleanup: () => void;
}>;

/**
 * The audit-seals extension as the install built it (`npm ci` runs
 * scripts/build-sqlite-extension.mjs): `out/native/` at the project's root.
 */
export function builtAuditSealsExtension(): string {
  const library = auditSealsExtensionLibraries[process.platform];
  if (library === undefined) throw new Error(`The audit-seals extension is not built on ${process.platform}.`);
  return join(__dirname, '..', 'out', 'native', library);
}

let compiledExtensions = 0;

/**
 * Builds db/audit-seals-extension.c into `directory` with extra `-D` flags (another layout
 * version, a room check), with the C compiler the install uses. Returns the library's path.
 */
export function compileAuditSealsExtension(directory: string, defines: readonly string[]): string {
  // SQLite finds the entry point from the letters of the file name: only digits may follow.
  compiledExtensions += 1;
  const library = join(directory, `seatdesk-audit-seals-${process.pid}-${compiledExtensions}.so`);
  const headers = join(dirname(createRequire(__filename).resolve('better-sqlite3-multiple-ciphers/package.json')), 'deps', 'sqlite3');
  const source = join(__dirname, 'audit-seals-extension.c');
  const build = spawnSync(process.env.CC ?? 'cc', ['-O1', '-std=c99', '-fPIC', '-shared', ...defines, '-I', headers, '-o', library, source], { encoding: 'utf8' });
  if (build.status !== 0 || build.stderr !== '') throw new Error(`Building the audit-seals extension failed: ${build.error?.message ?? build.stderr}`);
  return library;
}

/** A random raw key, as main would generate for the keychain. */
export function randomDatabaseKey(): DatabaseKey {
  return { hex: randomBytes(32).toString('hex') };
}

/**
 * Creates an encrypted SQLCipher 4 database in a temp folder, migrated to `targetVersion`
 * (default: newest). Tests use real files, never `:memory:`, so encryption is exercised too.
 */
export function createTestDatabase(targetVersion?: number): TestDatabase {
  const directory = mkdtempSync(join(tmpdir(), 'seatdesk-test-'));
  const file = join(directory, 'seatdesk.db');
  const key = randomDatabaseKey();
  const db = openEncryptedDatabase({ file, key, mode: 'create', scratchDirectory: directory });
  runMigrations(db, migrations, targetVersion);
  return {
    db,
    file,
    key,
    directory,
    cleanup: () => {
      if (db.open) db.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

/** SHA-256 of every file directly in `directory`, by name: proves "nothing was written". */
export function fingerprintDirectory(directory: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(directory)
      .filter((name) => statSync(join(directory, name)).isFile())
      .sort()
      .map((name) => [name, createHash('sha256').update(readFileSync(join(directory, name))).digest('hex')]),
  );
}

/**
 * Inserts an account row with the columns of schema version 10 (later steps only add columns
 * with defaults), for migration tests that run before the current `db/accounts.ts` shape applies.
 * Returns the new row's ID.
 */
export function insertAccountRow(
  db: Db,
  account: Readonly<{ agentId: string; displayName?: string; role?: string; team?: string }>,
): number {
  const result = db
    .prepare(
      `INSERT INTO accounts (agent_id, display_name, role, team, status, password_hash,
         must_change_password, created_at, updated_at, password_changed_at)
       VALUES (@agentId, @displayName, @role, @team, 'active', 'hash', 0, 't', 't', 't')`,
    )
    .run({ displayName: '张三', role: 'agent', team: '', ...account });
  return Number(result.lastInsertRowid);
}
