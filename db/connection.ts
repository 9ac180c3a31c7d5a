import { closeSync, existsSync, mkdtempSync, openSync, readSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';

/** An open connection to the encrypted store. Only main holds one. */
export type Db = Database.Database;

/** Page size of SQLCipher 4 files (its default, which we never change). */
const sqlcipherPageSize = 4096;

/** A raw 256-bit database key as 64 lower-case hex characters. Never logged, never sent over IPC. */
export type DatabaseKey = Readonly<{ hex: string }>;

/** Why an encrypted database could not be opened or created. */
export type DatabaseOpenFailure =
  | 'NOT_DECRYPTABLE'
  | 'MISSING'
  | 'ALREADY_EXISTS'
  | 'FROM_FUTURE'
  | 'INVALID_KEY';

/**
 * Opening the store failed. `file` names the database file so the message can tell the
 * administrator which file is concerned. `NOT_DECRYPTABLE` means the key does not decrypt the
 * first page: a wrong key or a damaged file (the two cannot be told apart from the file).
 */
export class DatabaseOpenError extends Error {
  readonly failure: DatabaseOpenFailure;
  readonly file: string;

  constructor(failure: DatabaseOpenFailure, file: string, message: string) {
    super(message);
    this.name = 'DatabaseOpenError';
    this.failure = failure;
    this.file = file;
  }
}

/** The database file and its two WAL companions. */
export function databaseFiles(file: string): readonly string[] {
  return [file, `${file}-wal`, `${file}-shm`];
}

function sqliteErrorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string'
    ? error.code
    : undefined;
}

/** Keys a fresh connection as a SQLCipher 4 file; must run before any other statement. */
function applyKey(connection: Db, key: DatabaseKey): void {
  connection.pragma(`cipher='sqlcipher'`);
  connection.pragma('legacy=4');
  // A raw key (x'…') skips SQLCipher's 256,000-round PBKDF2: our keys are already random
  // or scrypt-derived. The hex was validated, so it is safe to place in the pragma text.
  connection.pragma(`key="x'${key.hex}'"`);
}

function assertKeyShape(key: DatabaseKey, file: string): void {
  if (!/^[0-9a-f]{64}$/.test(key.hex)) {
    throw new DatabaseOpenError('INVALID_KEY', file, 'The database key must be 32 bytes as 64 hex characters.');
  }
}

/**
 * Checks that `key` decrypts `file` without touching the file or its `-wal`/`-shm`: only the
 * first page is copied into a scratch folder and opened there. (Opening the real file with a
 * wrong key rebuilds a stale `-shm` before the decryption fails, so the probe cannot be done in
 * place.) Returns true when the key decrypts the first page.
 */
export function keyDecryptsDatabase(file: string, key: DatabaseKey, scratchDirectory: string): boolean {
  assertKeyShape(key, file);
  const probeDirectory = mkdtempSync(join(scratchDirectory, 'seatdesk-probe-'));
  try {
    const firstPage = Buffer.alloc(sqlcipherPageSize);
    const descriptor = openSync(file, 'r');
    let bytesRead: number;
    try {
      bytesRead = readSync(descriptor, firstPage, 0, sqlcipherPageSize, 0);
    } finally {
      closeSync(descriptor);
    }
    if (bytesRead < sqlcipherPageSize) return false;
    const probeFile = join(probeDirectory, basename(file));
    writeFileSync(probeFile, firstPage);
    const probe = new Database(probeFile, { fileMustExist: true });
    try {
      applyKey(probe, key);
      // Reading the schema decrypts page 1. Later pages are absent from the copy, so
      // SQLITE_CORRUPT (a missing page) still means the key was right; only NOTADB means
      // page 1 did not decrypt.
      probe.prepare('SELECT count(*) FROM sqlite_master').get();
      return true;
    } catch (error) {
      return sqliteErrorCode(error) !== 'SQLITE_NOTADB';
    } finally {
      probe.close();
    }
  } finally {
    rmSync(probeDirectory, { recursive: true, force: true });
  }
}

function configure(connection: Db): void {
  connection.pragma('journal_mode = WAL');
  // better-sqlite3 lowers synchronous to NORMAL when reopening a WAL database; "saved" must
  // mean saved across power loss for audit and tickets.
  connection.pragma('synchronous = FULL');
  connection.pragma('foreign_keys = ON');
  connection.pragma('busy_timeout = 5000');
}

/** Options for {@link openEncryptedDatabase}. */
export type OpenDatabaseOptions = Readonly<{
  /** Path of the database file, chosen by main. */
  file: string;
  /** The raw key, from main's key handling. */
  key: DatabaseKey;
  /** `create` makes a new file and refuses if one (or a `-wal`/`-shm`) exists; `open` needs it to exist. */
  mode: 'create' | 'open';
  /** A folder for the key probe's scratch copy of the first page. */
  scratchDirectory: string;
}>;

/**
 * Opens (or creates) the encrypted store as a SQLCipher 4 file with WAL, `synchronous=FULL`
 * and foreign keys on. The key is probed before the real file is opened, so a wrong key or a
 * damaged file leaves the database, `-wal` and `-shm` byte-identical.
 * Throws {@link DatabaseOpenError}: `MISSING`, `ALREADY_EXISTS`, `NOT_DECRYPTABLE`, `INVALID_KEY`.
 */
export function openEncryptedDatabase(options: OpenDatabaseOptions): Db {
  const { file, key, mode } = options;
  assertKeyShape(key, file);
  if (mode === 'create') {
    const existing = databaseFiles(file).filter((path) => existsSync(path));
    if (existing.length > 0) {
      throw new DatabaseOpenError(
        'ALREADY_EXISTS',
        file,
        `Refusing to create a new database over existing files: ${existing.join(', ')}`,
      );
    }
  } else {
    if (!existsSync(file)) {
      throw new DatabaseOpenError('MISSING', file, `Database file not found: ${file}`);
    }
    if (!keyDecryptsDatabase(file, key, options.scratchDirectory)) {
      throw new DatabaseOpenError(
        'NOT_DECRYPTABLE',
        file,
        `The key does not decrypt ${file}: the key is wrong or the file is damaged.`,
      );
    }
  }
  const connection = new Database(file, { fileMustExist: mode === 'open' });
  try {
    applyKey(connection, key);
    connection.prepare('SELECT count(*) FROM sqlite_master').get();
    configure(connection);
    return connection;
  } catch (error) {
    connection.close();
    const code = sqliteErrorCode(error);
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
      throw new DatabaseOpenError('NOT_DECRYPTABLE', file, `The key does not decrypt ${file}, or the file is damaged.`);
    }
    throw error;
  }
}
