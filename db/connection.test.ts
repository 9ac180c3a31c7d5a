import { createDecipheriv, createHmac, pbkdf2Sync } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { DatabaseOpenError, openEncryptedDatabase, sqlcipherPageSize } from './connection';
import { findCustomerById, insertCustomer } from './customers';
import { createTestDatabase, fingerprintDirectory, randomDatabaseKey, type TestDatabase } from './test-support';

const sqliteHeader = Buffer.from('SQLite format 3\0', 'latin1');
let current: TestDatabase | undefined;

afterEach(() => {
  current?.cleanup();
  current = undefined;
});


/** Copies the db, -wal and -shm of a live connection into `target`, as a crash would leave them. */
function snapshotLiveFiles(source: TestDatabase, target: string): string {
  mkdirSync(target);
  for (const name of readdirSync(source.directory).filter((entry) => entry.startsWith('seatdesk.db'))) {
    copyFileSync(join(source.directory, name), join(target, name));
  }
  return join(target, 'seatdesk.db');
}

describe('encrypted store', () => {
  it('keeps no plaintext on disk, in the database or its WAL', () => {
    current = createTestDatabase();
    const uniqueName = `测试客户-${Date.now()}-QuxvZebra`;
    current.db.pragma('wal_autocheckpoint = 0');
    insertCustomer(current.db, {
      fullName: uniqueName,
      gender: null,
      phones: ['13812345678'],
      accountNumbers: [],
      idType: 'resident_id',
      idNumber: '110101199001011234',
      address: '北京市东城区',
      now: new Date().toISOString(),
    });
    const wal = `${current.file}-wal`;
    expect(existsSync(wal)).toBe(true);
    const needles = [Buffer.from(uniqueName, 'utf8'), Buffer.from('13812345678'), Buffer.from('110101199001011234')];
    for (const file of [current.file, wal]) {
      const bytes = readFileSync(file);
      expect(bytes.length).toBeGreaterThan(0);
      for (const needle of needles) expect(bytes.includes(needle)).toBe(false);
    }
    current.db.pragma('wal_checkpoint(TRUNCATE)');
    const checkpointed = readFileSync(current.file);
    for (const needle of needles) expect(checkpointed.includes(needle)).toBe(false);
  });

  it('does not start with the SQLite header and cannot be read by plain SQLite', () => {
    current = createTestDatabase();
    current.db.close();
    const head = readFileSync(current.file).subarray(0, 16);
    expect(head.equals(sqliteHeader)).toBe(false);
    const plain = new Database(current.file, { fileMustExist: true });
    try {
      expect(() => plain.prepare('SELECT count(*) FROM sqlite_master').get()).toThrow(/not a database/);
    } finally {
      plain.close();
    }
  });

  it('reopens with the right key and finds what was written', () => {
    current = createTestDatabase();
    const id = insertCustomer(current.db, {
      fullName: '王小明',
      gender: null,
      phones: ['13900001111'],
      accountNumbers: [],
      idType: 'resident_id',
      idNumber: '',
      address: '',
      now: '2026-11-22T00:00:00.000Z',
    });
    current.db.close();
    const reopened = openEncryptedDatabase({
      file: current.file,
      key: current.key,
      mode: 'open',
      scratchDirectory: current.directory,
    });
    try {
      expect(findCustomerById(reopened, id)?.fullName).toBe('王小明');
      expect(reopened.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(reopened.pragma('synchronous', { simple: true })).toBe(2);
      expect(reopened.pragma('foreign_keys', { simple: true })).toBe(1);
    } finally {
      reopened.close();
    }
  });

  it('refuses a wrong key and leaves the database, -wal and -shm byte-identical', () => {
    current = createTestDatabase();
    current.db.pragma('wal_autocheckpoint = 0');
    insertCustomer(current.db, {
      fullName: '李四',
      gender: null,
      phones: ['13700002222'],
      accountNumbers: [],
      idType: '',
      idNumber: '',
      address: '',
      now: '2026-11-22T00:00:00.000Z',
    });
    const crashCopy = join(current.directory, 'crash');
    const file = snapshotLiveFiles(current, crashCopy);
    expect(readdirSync(crashCopy).sort()).toEqual(['seatdesk.db', 'seatdesk.db-shm', 'seatdesk.db-wal']);
    const before = fingerprintDirectory(crashCopy);
    let caught: unknown;
    try {
      openEncryptedDatabase({ file, key: randomDatabaseKey(), mode: 'open', scratchDirectory: current.directory });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DatabaseOpenError);
    expect((caught as DatabaseOpenError).failure).toBe('NOT_DECRYPTABLE');
    expect((caught as DatabaseOpenError).file).toBe(file);
    expect((caught as DatabaseOpenError).message).toContain(file);
    expect(fingerprintDirectory(crashCopy)).toEqual(before);
    // The right key still opens the crash copy and recovers the WAL content.
    const recovered = openEncryptedDatabase({ file, key: current.key, mode: 'open', scratchDirectory: current.directory });
    try {
      expect(recovered.prepare('SELECT full_name FROM customers').pluck().get()).toBe('李四');
    } finally {
      recovered.close();
    }
  });

  it('refuses a damaged file without changing it', () => {
    current = createTestDatabase();
    current.db.close();
    const bytes = readFileSync(current.file);
    bytes.fill(0x5a, 0, 4096);
    writeFileSync(current.file, bytes);
    const before = fingerprintDirectory(current.directory);
    expect(() =>
      openEncryptedDatabase({ file: current!.file, key: current!.key, mode: 'open', scratchDirectory: current!.directory }),
    ).toThrow(DatabaseOpenError);
    expect(fingerprintDirectory(current.directory)).toEqual(before);
  });

  it('never creates a database over an existing file', () => {
    current = createTestDatabase();
    current.db.close();
    const before = fingerprintDirectory(current.directory);
    expect(() =>
      openEncryptedDatabase({ file: current!.file, key: randomDatabaseKey(), mode: 'create', scratchDirectory: current!.directory }),
    ).toThrow(/Refusing to create/);
    expect(fingerprintDirectory(current.directory)).toEqual(before);
  });

  it('refuses to open a file that is not there instead of creating it', () => {
    current = createTestDatabase();
    const missing = join(current.directory, 'missing.db');
    expect(() =>
      openEncryptedDatabase({ file: missing, key: current!.key, mode: 'open', scratchDirectory: current!.directory }),
    ).toThrow(expect.objectContaining({ failure: 'MISSING' }));
    expect(existsSync(missing)).toBe(false);
  });

  it('rejects a key that is not 64 hex characters', () => {
    current = createTestDatabase();
    expect(() =>
      openEncryptedDatabase({
        file: join(current!.directory, 'new.db'),
        key: { hex: "00'; ATTACH" },
        mode: 'create',
        scratchDirectory: current!.directory,
      }),
    ).toThrow(expect.objectContaining({ failure: 'INVALID_KEY' }));
  });

  it('writes pages that SQLCipher 4\'s published scheme decrypts (AES-256-CBC, HMAC-SHA512 over page and number)', () => {
    current = createTestDatabase();
    current.db.close();
    const pageSize = sqlcipherPageSize;
    const page = readFileSync(current.file).subarray(0, pageSize);
    // SQLCipher 4: a 16-byte salt opens page 1; each page ends with a 16-byte IV and a 64-byte
    // HMAC-SHA512 of the ciphertext, the IV and the page number (little-endian), keyed by
    // PBKDF2-HMAC-SHA512(key, salt ^ 0x3a, 2 rounds, 32 bytes).
    const salt = page.subarray(0, 16);
    const key = Buffer.from(current.key.hex, 'hex');
    const hmacKey = pbkdf2Sync(key, salt.map((byte) => byte ^ 0x3a), 2, 32, 'sha512');
    const ivStart = pageSize - 80;
    const pageNumber = Buffer.alloc(4);
    pageNumber.writeUInt32LE(1);
    const expectedHmac = createHmac('sha512', hmacKey).update(page.subarray(16, ivStart + 16)).update(pageNumber).digest();
    expect(page.subarray(ivStart + 16).equals(expectedHmac)).toBe(true);
    const decipher = createDecipheriv('aes-256-cbc', key, page.subarray(ivStart, ivStart + 16)).setAutoPadding(false);
    const plain = Buffer.concat([decipher.update(page.subarray(16, ivStart)), decipher.final()]);
    // The decrypted rest of SQLite's header: page size (big-endian), WAL format 2/2, 80 reserved bytes.
    expect(plain.readUInt16BE(0)).toBe(pageSize);
    expect([plain[2], plain[3], plain[4]]).toEqual([2, 2, 80]);
  });

  it('opens a store made with SQLCipher\'s default 4096-byte pages', () => {
    current = createTestDatabase();
    const file = join(current.directory, 'earlier.db');
    const earlier = new Database(file);
    earlier.pragma(`cipher='sqlcipher'`);
    earlier.pragma('legacy=4');
    earlier.pragma(`key="x'${current.key.hex}'"`);
    earlier.pragma('journal_mode = WAL');
    earlier.exec("CREATE TABLE kept (value TEXT); INSERT INTO kept VALUES ('工单'); PRAGMA user_version = 7;");
    earlier.close();
    expect(readFileSync(file).length % 4096).toBe(0);
    const reopened = openEncryptedDatabase({ file, key: current.key, mode: 'open', scratchDirectory: current.directory, newestSchemaVersion: 7 });
    try {
      expect(reopened.prepare('SELECT value FROM kept').pluck().get()).toBe('工单');
      expect(reopened.pragma('page_size', { simple: true })).toBe(4096);
    } finally {
      reopened.close();
    }
    expect(() =>
      openEncryptedDatabase({ file, key: randomDatabaseKey(), mode: 'open', scratchDirectory: current!.directory }),
    ).toThrow(expect.objectContaining({ failure: 'NOT_DECRYPTABLE' }));
  });
});
