import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AppError } from '../../common/ipc/result';
import type { StoreFailureCode, StoreStatus } from '../../common/ipc/store';
import { countAccounts } from '../../db/accounts';
import {
  databaseFiles,
  DatabaseOpenError,
  openAuditReader,
  openEncryptedDatabase,
  type DatabaseKey,
  type DatabaseOpenFailure,
  type Db,
} from '../../db/connection';
import { loadAuditSealsExtension, usesAuditSealsExtension } from '../../db/audit-seals';
import { migrations as allMigrations, runMigrations, type Migration } from '../../db/migrations';
import { startParallelSealCheck, type ParallelSealCheck } from '../audit/parallel-seal-check';
import {
  createKeychainKey,
  createPassphraseKey,
  defaultPassphraseCost,
  derivePassphraseKey,
  isKeychainUsable,
  KeyAccessError,
  keyFileSchema,
  unwrapKeychainAuditKey,
  unwrapKeychainKey,
  unwrapPassphraseAuditKey,
  type AuditKey,
  type Keychain,
  type KeyFile,
} from '../security/database-key';
import type { ScryptCost } from '../security/password-hashing';

/** File names inside the data directory. */
export const databaseFileName = 'seatdesk.db';
export const keyFileName = 'seatdesk.key.json';

type StoreFailure = NonNullable<StoreStatus['failure']>;

type StoreState =
  | { state: 'uninitialized' }
  | { state: 'locked'; keyFile: Extract<KeyFile, { protection: 'passphrase' }> }
  | { state: 'ready'; db: Db; key: DatabaseKey; auditKey: AuditKey; keyFile: KeyFile }
  | { state: 'failed'; failure: StoreFailure; keyFile: KeyFile | undefined };

/** Options of {@link createDeskStore}; main decides every path and hands in the keychain. */
export type DeskStoreOptions = Readonly<{
  dataDirectory: string;
  /** Electron's safeStorage behind {@link Keychain}; `undefined` where there is none (preview). */
  keychain: Keychain | undefined;
  /** scrypt cost for database passphrases; tests lower it. */
  passphraseCost?: ScryptCost;
  /** The schema steps; tests substitute failing ones. */
  migrations?: readonly Migration[];
  /**
   * The audit-seals SQLite extension for audit readers and their helper threads (see
   * `loadAuditSealsExtension`), and what to tell when it does not load (once): the walk then uses
   * plain SQL, with the same results, at about half the speed.
   */
  auditSealsExtension?: Readonly<{ file: string; unavailable: (reason: string) => void }>;
}>;

/** The encrypted store's life cycle: setup, unlock, open, failure. Owned by main. */
export type DeskStore = Readonly<{
  databaseFile: string;
  keyFile: string;
  status: () => StoreStatus;
  /** Creates key and database on first run; a passphrase is needed when there is no usable keychain. */
  initialize: (databasePassphrase: string | undefined) => Promise<void>;
  /** Opens a passphrase-protected store. */
  unlock: (passphrase: string) => Promise<void>;
  /** The open connection; throws `STORE_LOCKED`, `SETUP_REQUIRED` or `STORE_UNAVAILABLE` otherwise. */
  connection: () => Db;
  /** The open connection, or `undefined` (for session lookups that may run before setup). */
  connectionIfOpen: () => Db | undefined;
  /** The audit chain's HMAC key, available while the store is open (kept outside the database). */
  auditKey: () => AuditKey;
  /** A read-only connection for walking the audit chain (see `openAuditReader`); the caller closes it. */
  openAuditReader: () => Db;
  /** Helper threads checking the sealed blocks of `firstSeq`..`lastSeq` for a walk through `reader`. */
  startParallelSealCheck: (reader: Db, firstSeq: number, lastSeq: number) => ParallelSealCheck;
  close: () => void;
}>;

const advice: Record<StoreFailureCode, string> = {
  KEY_FILE_MISSING:
    'Restore seatdesk.key.json from the backup taken with the database. Without it the database cannot be decrypted; do not delete the database.',
  KEY_FILE_INVALID: 'Restore seatdesk.key.json from backup. It was edited or damaged.',
  DATABASE_MISSING:
    'Restore seatdesk.db from backup. To start over with an empty desk instead, move seatdesk.key.json out of the data folder.',
  KEYCHAIN_UNAVAILABLE:
    'Sign in to the desktop session that holds the system keychain (GNOME Keyring or KWallet on Linux) and start Seatdesk again.',
  KEYCHAIN_BACKEND_CHANGED:
    'Start Seatdesk with the keychain it was set up with (on Linux, the same --password-store). Seatdesk refuses a silent change of key protection.',
  KEYCHAIN_DECRYPT_FAILED:
    'The keychain entry belongs to another user or machine. Restore the keychain, or restore the data folder on the machine where it was created.',
  DATABASE_NOT_DECRYPTABLE:
    'The key does not open this file: it was damaged or replaced. Restore seatdesk.db from backup. Do not delete it.',
  DATABASE_DAMAGED:
    'The passphrase is right but the file is damaged. Restore seatdesk.db from backup. Do not delete it.',
  DATABASE_FROM_FUTURE: 'This database was written by a newer Seatdesk. Install that version or newer.',
  OPEN_FAILED: 'Check that the data folder is readable and writable, then start Seatdesk again.',
};

function failureOf(code: StoreFailureCode, file: string, reason: string): StoreFailure {
  return { code, file, reason, advice: advice[code] };
}

/** Writes, flushes and renames, then flushes the folder: losing the key file loses every record. */
function writeFileDurably(path: string, contents: string): void {
  const temporary = `${path}.tmp`;
  const descriptor = openSync(temporary, 'w', 0o600);
  try {
    writeSync(descriptor, contents);
    fsyncSync(descriptor);
  } finally {
    closeSync(descriptor);
  }
  renameSync(temporary, path);
  const folder = openSync(dirname(path), 'r');
  try {
    fsyncSync(folder);
  } finally {
    closeSync(folder);
  }
}

/** Which store failure a database error becomes, by key protection (NOT_DECRYPTABLE differs). */
const failureByOpenError: Record<DatabaseOpenFailure, { keychain: StoreFailureCode; passphrase: StoreFailureCode }> = {
  NOT_DECRYPTABLE: { keychain: 'DATABASE_NOT_DECRYPTABLE', passphrase: 'DATABASE_DAMAGED' },
  MISSING: { keychain: 'DATABASE_MISSING', passphrase: 'DATABASE_MISSING' },
  FROM_FUTURE: { keychain: 'DATABASE_FROM_FUTURE', passphrase: 'DATABASE_FROM_FUTURE' },
  ALREADY_EXISTS: { keychain: 'OPEN_FAILED', passphrase: 'OPEN_FAILED' },
  INVALID_KEY: { keychain: 'OPEN_FAILED', passphrase: 'OPEN_FAILED' },
};

/** Creates the store and looks at the data directory; a keychain-protected store opens at once. */
export function createDeskStore(options: DeskStoreOptions): DeskStore {
  const databaseFile = join(options.dataDirectory, databaseFileName);
  const keyFilePath = join(options.dataDirectory, keyFileName);
  const scratchDirectory = options.dataDirectory;
  let extensionFile = options.auditSealsExtension?.file;
  const migrations = options.migrations ?? allMigrations;
  const newestSchemaVersion = migrations.at(-1)?.version ?? 0;
  let current: StoreState = inspect();

  function readKeyFile(): KeyFile | StoreFailure {
    try {
      const parsed = keyFileSchema.safeParse(JSON.parse(readFileSync(keyFilePath, 'utf8')));
      return parsed.success ? parsed.data : failureOf('KEY_FILE_INVALID', keyFilePath, 'The key file is not valid.');
    } catch {
      // Never echo the parser's message: it quotes the file's contents, and status is public.
      return failureOf('KEY_FILE_INVALID', keyFilePath, 'The key file cannot be read or is not JSON.');
    }
  }

  function inspect(): StoreState {
    const databasePresent = databaseFiles(databaseFile).some((path) => existsSync(path));
    const keyPresent = existsSync(keyFilePath);
    if (!databasePresent && !keyPresent) return { state: 'uninitialized' };
    if (!keyPresent) {
      return {
        state: 'failed',
        keyFile: undefined,
        failure: failureOf('KEY_FILE_MISSING', keyFilePath, 'The database exists but its key file is missing.'),
      };
    }
    const keyFile = readKeyFile();
    if (!('protection' in keyFile)) return { state: 'failed', keyFile: undefined, failure: keyFile };
    if (!existsSync(databaseFile)) {
      return {
        state: 'failed',
        keyFile,
        failure: failureOf('DATABASE_MISSING', databaseFile, 'The key file exists but the database file is missing.'),
      };
    }
    if (keyFile.protection === 'passphrase') return { state: 'locked', keyFile };
    try {
      const key = unwrapKeychainKey(keyFile, options.keychain);
      return open(key, unwrapKeychainAuditKey(keyFile, options.keychain as Keychain), keyFile, false);
    } catch (error) {
      if (error instanceof KeyAccessError) {
        return { state: 'failed', keyFile, failure: failureOf(error.failure as StoreFailureCode, keyFilePath, error.message) };
      }
      throw error;
    }
  }

  /** Opens (or creates) the database and migrates it; maps every failure to a failed state. */
  function open(key: DatabaseKey, auditKey: AuditKey, keyFile: KeyFile, create: boolean): StoreState {
    let db: Db | undefined;
    try {
      db = openEncryptedDatabase({
        file: databaseFile,
        key,
        mode: create ? 'create' : 'open',
        scratchDirectory,
        newestSchemaVersion,
      });
      runMigrations(db, migrations);
      return { state: 'ready', db, key, auditKey, keyFile };
    } catch (error) {
      db?.close();
      const code =
        error instanceof DatabaseOpenError ? failureByOpenError[error.failure][keyFile.protection] : 'OPEN_FAILED';
      const reason = error instanceof Error ? error.message : String(error);
      return { state: 'failed', keyFile, failure: failureOf(code, databaseFile, reason) };
    }
  }

  function status(): StoreStatus {
    const keychainAvailable = isKeychainUsable(options.keychain);
    const keyProtection = current.state === 'uninitialized' ? null : (current.keyFile?.protection ?? null);
    return {
      state: current.state,
      keyProtection,
      keychainAvailable,
      hasAccounts: current.state === 'ready' ? countAccounts(current.db) > 0 : false,
      failure: current.state === 'failed' ? current.failure : null,
    };
  }

  /**
   * The key file is written (durably) before the database is created: a crash in between
   * leaves DATABASE_MISSING, whose advice (move the key file away) starts over cleanly. If the
   * database cannot be created, both are removed again, so setup can simply be retried.
   */
  async function initialize(databasePassphrase: string | undefined): Promise<void> {
    if (current.state !== 'uninitialized') {
      throw new AppError('SETUP_ALREADY_DONE', 'The store exists already.');
    }
    const usePassphrase = databasePassphrase !== undefined && databasePassphrase.length > 0;
    if (!usePassphrase && !isKeychainUsable(options.keychain)) {
      throw new AppError('PASSPHRASE_REQUIRED', 'This machine has no usable keychain: choose a database passphrase.');
    }
    const created = usePassphrase
      ? await createPassphraseKey(databasePassphrase, options.passphraseCost ?? defaultPassphraseCost)
      : createKeychainKey(options.keychain as Keychain);
    if (current.state !== 'uninitialized') {
      throw new AppError('SETUP_ALREADY_DONE', 'The store was created meanwhile.');
    }
    if (databaseFiles(databaseFile).some((path) => existsSync(path)) || existsSync(keyFilePath)) {
      throw new AppError('SETUP_ALREADY_DONE', 'Store files appeared in the data folder meanwhile.');
    }
    mkdirSync(options.dataDirectory, { recursive: true, mode: 0o700 });
    writeFileDurably(keyFilePath, `${JSON.stringify(created.keyFile, null, 2)}\n`);
    const next = open(created.key, created.auditKey, created.keyFile, true);
    if (next.state !== 'ready') {
      // Create mode refused to start unless none of these existed: they are this call's own.
      for (const path of [...databaseFiles(databaseFile), keyFilePath]) rmSync(path, { force: true });
      throw new AppError('STORE_UNAVAILABLE', next.state === 'failed' ? next.failure.reason : 'The store could not be created.');
    }
    current = next;
  }

  async function unlock(passphrase: string): Promise<void> {
    const state = current;
    if (state.state === 'ready') throw new AppError('STORE_ALREADY_OPEN', 'The store is open already.');
    if (state.state === 'uninitialized') throw new AppError('SETUP_REQUIRED', 'There is no store yet.');
    if (state.state === 'failed') throw new AppError('STORE_UNAVAILABLE', state.failure.reason);
    let key: DatabaseKey;
    try {
      key = await derivePassphraseKey(state.keyFile, passphrase);
    } catch (error) {
      if (error instanceof KeyAccessError) throw new AppError('WRONG_PASSPHRASE', error.message);
      throw error;
    }
    if (current !== state) throw new AppError('STORE_ALREADY_OPEN', 'The store was opened meanwhile.');
    let auditKey: AuditKey;
    try {
      auditKey = unwrapPassphraseAuditKey(state.keyFile, key);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      current = { state: 'failed', keyFile: state.keyFile, failure: failureOf('KEY_FILE_INVALID', keyFilePath, reason) };
      return;
    }
    current = open(key, auditKey, state.keyFile, false);
  }

  function connectionIfOpen(): Db | undefined {
    return current.state === 'ready' ? current.db : undefined;
  }

  function connection(): Db {
    switch (current.state) {
      case 'ready':
        return current.db;
      case 'locked':
        throw new AppError('STORE_LOCKED', 'Enter the database passphrase first.');
      case 'uninitialized':
        throw new AppError('SETUP_REQUIRED', 'Set up the desk first.');
      case 'failed':
        throw new AppError('STORE_UNAVAILABLE', current.failure.reason);
    }
  }

  function auditKey(): AuditKey {
    if (current.state === 'ready') return current.auditKey;
    connection();
    throw new AppError('STORE_UNAVAILABLE', 'The store is not open.');
  }

  function auditReader(): Db {
    const db = connection();
    if (current.state !== 'ready') throw new AppError('STORE_UNAVAILABLE', 'The store is not open.');
    const reader = openAuditReader(db, current.key);
    if (extensionFile === undefined) return reader;
    const extension = loadAuditSealsExtension(reader, extensionFile);
    if (extension.loaded) return reader;
    // Told once; the walks that follow use plain SQL without asking again. A library that loaded
    // but is not ours to use (another layout version) leaves nothing behind in a fresh reader.
    extensionFile = undefined;
    options.auditSealsExtension?.unavailable(extension.reason);
    reader.close();
    return openAuditReader(db, current.key);
  }

  function parallelSealCheck(reader: Db, firstSeq: number, lastSeq: number): ParallelSealCheck {
    connection();
    if (current.state !== 'ready') throw new AppError('STORE_UNAVAILABLE', 'The store is not open.');
    return startParallelSealCheck({
      reader,
      key: current.key,
      auditKey: current.auditKey,
      firstSeq,
      lastSeq,
      ...(usesAuditSealsExtension(reader) && extensionFile !== undefined ? { extensionFile } : {}),
    });
  }

  function close(): void {
    if (current.state === 'ready') {
      current.db.close();
      current = {
        state: 'failed',
        keyFile: current.keyFile,
        failure: failureOf('OPEN_FAILED', databaseFile, 'The store was closed because Seatdesk is quitting.'),
      };
    }
  }

  return {
    databaseFile,
    keyFile: keyFilePath,
    status,
    initialize,
    unlock,
    connection,
    connectionIfOpen,
    auditKey,
    openAuditReader: auditReader,
    startParallelSealCheck: parallelSealCheck,
    close,
  };
}
