import { closeSync, copyFileSync, existsSync, mkdtempSync, openSync, readSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';

/** An open connection to the encrypted store. Only main holds one. */
export type Db = Database.Database;

const statementCaches = new WeakMap<Db, Map<string, Database.Statement>>();

/**
 * The statement for `sql` on `db`, compiled once per connection. Compiling costs more than
 * running the small statements of a ticket or an audit entry, so the paths that run on every
 * click use this. A cached statement keeps its mode (`pluck`, `raw`): use one SQL text at one
 * call site only, and never for `iterate` (a second iteration of a busy statement throws).
 */
export function cachedStatement(db: Db, sql: string): Database.Statement {
  let statements = statementCaches.get(db);
  if (statements === undefined) {
    statements = new Map();
    statementCaches.set(db, statements);
  }
  let statement = statements.get(sql);
  if (statement === undefined) {
    statement = db.prepare(sql);
    statements.set(sql, statement);
  }
  return statement;
}

/**
 * Page size of new stores, in bytes. SQLCipher 4 encrypts and HMAC-SHA512-signs every page a
 * commit writes, whole; ticket and audit rows are a few hundred bytes, so pages half SQLCipher's
 * default size halve the bytes a click has to encrypt (bench/tickets.ts: the cipher's share of
 * creating a ticket fell from ~15 % to ~9 %). The file stays in SQLCipher 4's format: a
 * SQLCipher 4 tool opens it after `PRAGMA cipher_page_size = 2048`.
 */
export const sqlcipherPageSize = 2048;

/** Page sizes an existing store may have: the current one, then SQLCipher's default of earlier stores. */
const knownPageSizes: readonly number[] = [sqlcipherPageSize, 4096];

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

/** The error to throw for a failure while keying `file`: a page 1 that does not decrypt is `NOT_DECRYPTABLE`. */
function asOpenError(error: unknown, file: string): unknown {
  const code = sqliteErrorCode(error);
  return code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT'
    ? new DatabaseOpenError('NOT_DECRYPTABLE', file, `The key does not decrypt ${file}, or the file is damaged.`)
    : error;
}

/** The pragmas that key a fresh connection as a SQLCipher 4 file, in order, before any other statement. */
function keyingPragmas(key: DatabaseKey, pageSize: number, checkPageHmac: boolean): string[] {
  return [
    `cipher='sqlcipher'`,
    'legacy=4',
    // SQLCipher cannot read the page size from an encrypted file: it must be known before keying.
    `legacy_page_size=${pageSize}`,
    ...(checkPageHmac ? [] : ['hmac_check=0']),
    // A raw key (x'…') skips SQLCipher's 256,000-round PBKDF2: our keys are already random
    // or scrypt-derived. The hex was validated, so it is safe to place in the pragma text.
    `key="x'${key.hex}'"`,
  ];
}

/** Keys a fresh connection as a SQLCipher 4 file; must run before any other statement. */
function applyKey(connection: Db, key: DatabaseKey, pageSize: number): void {
  for (const pragma of keyingPragmas(key, pageSize, true)) connection.pragma(pragma);
}

function assertKeyShape(key: DatabaseKey, file: string): void {
  if (!/^[0-9a-f]{64}$/.test(key.hex)) {
    throw new DatabaseOpenError('INVALID_KEY', file, 'The database key must be 32 bytes as 64 hex characters.');
  }
}

/** What the probe learned: the key does not decrypt page 1, or it does and the schema is at this version. */
export type DatabaseProbe =
  | Readonly<{ decryptable: false }>
  | Readonly<{ decryptable: true; schemaVersion: number; pageSize: number }>;

function readFirstPage(file: string, pageSize: number): Buffer | undefined {
  const firstPage = Buffer.alloc(pageSize);
  const descriptor = openSync(file, 'r');
  try {
    return readSync(descriptor, firstPage, 0, pageSize, 0) === pageSize ? firstPage : undefined;
  } finally {
    closeSync(descriptor);
  }
}

/**
 * Checks whether `key` decrypts `file`, and reads its schema version and page size, without
 * touching the file, its `-wal` or its `-shm`: page 1 and the WAL are copied into a scratch folder
 * and opened there. Opening the real file instead would rebuild a stale `-shm` even when the key
 * is wrong, and closing it would checkpoint the WAL even when the version is too new.
 */
export function probeDatabase(file: string, key: DatabaseKey, scratchDirectory: string): DatabaseProbe {
  assertKeyShape(key, file);
  for (const pageSize of knownPageSizes) {
    const probe = probeWithPageSize(file, key, scratchDirectory, pageSize);
    if (probe.decryptable) return probe;
  }
  return { decryptable: false };
}

function probeWithPageSize(file: string, key: DatabaseKey, scratchDirectory: string, pageSize: number): DatabaseProbe {
  const firstPage = readFirstPage(file, pageSize);
  if (firstPage === undefined) return { decryptable: false };
  const probeDirectory = mkdtempSync(join(scratchDirectory, 'seatdesk-probe-'));
  try {
    const probeFile = join(probeDirectory, basename(file));
    writeFileSync(probeFile, firstPage);
    // The newest page 1 (with the newest user_version) may still be in the WAL.
    if (existsSync(`${file}-wal`)) copyFileSync(`${file}-wal`, `${probeFile}-wal`);
    const probe = new Database(probeFile, { fileMustExist: true });
    try {
      applyKey(probe, key, pageSize);
      return { decryptable: true, schemaVersion: probe.pragma('user_version', { simple: true }) as number, pageSize };
    } catch (error) {
      // Only NOTADB means page 1 did not decrypt (a wrong key, or another page size); anything
      // else (a page absent from the copy) still proves the key. The version is then unknown
      // and checked again after opening.
      return sqliteErrorCode(error) === 'SQLITE_NOTADB' ? { decryptable: false } : { decryptable: true, schemaVersion: 0, pageSize };
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
  // 64 MiB of decrypted pages instead of SQLite's 2 MiB: an agent's open tickets lie scattered
  // among everyone's, one page each, and decrypting them again on every refresh of the queue
  // costs more than the query.
  connection.pragma('cache_size = -65536');
  // Checkpoints run between clicks (checkpointWal, from main's timer); a commit copies the WAL
  // back itself only past 40 MB, so a click never waits for the database file's fsync.
  connection.pragma(`wal_autocheckpoint = ${walPagesBeforeCommitCheckpoint}`);
}

/** WAL pages after which a commit checkpoints by itself (the idle timer normally comes first). */
export const walPagesBeforeCommitCheckpoint = 10_000;

/**
 * Copies committed WAL pages into the database file without waiting for readers (a passive
 * checkpoint). Main calls it on a timer, between clicks. Returns the pages copied.
 */
export function checkpointWal(db: Db): number {
  const [status] = db.pragma('wal_checkpoint(PASSIVE)') as { busy: number; log: number; checkpointed: number }[];
  return status?.checkpointed ?? 0;
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
  /** With `open`: refuse (`FROM_FUTURE`, files untouched) a schema newer than this code knows. */
  newestSchemaVersion?: number;
}>;

/**
 * Opens (or creates) the encrypted store as a SQLCipher 4 file with WAL, `synchronous=FULL`
 * and foreign keys on. New files get {@link sqlcipherPageSize}-byte pages; files made with
 * SQLCipher's default 4096 still open. The key and schema version are probed before the real file is opened, so
 * a wrong key, a damaged file or a too-new schema leaves the database, `-wal` and `-shm`
 * byte-identical.
 * Throws {@link DatabaseOpenError}: `MISSING`, `ALREADY_EXISTS`, `NOT_DECRYPTABLE`, `FROM_FUTURE`, `INVALID_KEY`.
 */
export function openEncryptedDatabase(options: OpenDatabaseOptions): Db {
  const { file, key, mode } = options;
  assertKeyShape(key, file);
  let pageSize = sqlcipherPageSize;
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
    const probe = probeDatabase(file, key, options.scratchDirectory);
    if (!probe.decryptable) {
      throw new DatabaseOpenError(
        'NOT_DECRYPTABLE',
        file,
        `The key does not decrypt ${file}: the key is wrong or the file is damaged.`,
      );
    }
    if (options.newestSchemaVersion !== undefined && probe.schemaVersion > options.newestSchemaVersion) {
      throw new DatabaseOpenError(
        'FROM_FUTURE',
        file,
        `${file} has schema version ${probe.schemaVersion}, newer than this Seatdesk supports (${options.newestSchemaVersion}).`,
      );
    }
    pageSize = probe.pageSize;
  }
  const connection = new Database(file, { fileMustExist: mode === 'open' });
  try {
    applyKey(connection, key, pageSize);
    connection.prepare('SELECT count(*) FROM sqlite_master').get();
    configure(connection);
    return connection;
  } catch (error) {
    connection.close();
    throw asOpenError(error, file);
  }
}

/**
 * The pragmas that key an audit reader (see {@link openAuditReader}), in order, for a connection
 * opened elsewhere (a helper thread's): SQLCipher 4 without the per-page HMAC check.
 */
export function auditReaderPragmas(key: DatabaseKey, pageSize: number): readonly string[] {
  return keyingPragmas(key, pageSize, false);
}

/**
 * Opens a second, read-only connection to the store `db` is open on, for walking the audit
 * chain. It skips SQLCipher's per-page HMAC check: that check costs three times the decryption
 * (HMAC-SHA512 over every page read) and proves less than the walk itself, whose seals and entry
 * HMACs cover every byte of every entry with the audit key. A page damaged below SQLite still
 * fails: as a changed entry, or as SQLite's own corruption error. Page 1 is still checked, so a
 * wrong key throws `NOT_DECRYPTABLE`. The caller closes it when the walk is over.
 */
export function openAuditReader(db: Db, key: DatabaseKey): Db {
  const file = db.name;
  assertKeyShape(key, file);
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const reader = new Database(file, { readonly: true, fileMustExist: true });
  try {
    for (const pragma of auditReaderPragmas(key, pageSize)) reader.pragma(pragma);
    reader.prepare('SELECT count(*) FROM sqlite_master').get();
    reader.pragma('busy_timeout = 5000');
    return reader;
  } catch (error) {
    reader.close();
    throw asOpenError(error, file);
  }
}
