import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, bench, describe } from 'vitest';
import { openEncryptedDatabase, type Db } from '../db/connection';
import { insertCustomer } from '../db/customers';
import { migrations, runMigrations } from '../db/migrations';
import { randomDatabaseKey } from '../db/test-support';
import { hashPassword } from '../main/security/password-hashing';

const directory = mkdtempSync(join(tmpdir(), 'seatdesk-bench-'));
const key = randomDatabaseKey();
const encryptedFile = join(directory, 'encrypted.db');
const plainFile = join(directory, 'plain.db');

function migratePlain(): Db {
  const plain = new Database(plainFile);
  plain.pragma('journal_mode = WAL');
  plain.pragma('synchronous = NORMAL');
  runMigrations(plain, migrations);
  return plain;
}

const encrypted = openEncryptedDatabase({ file: encryptedFile, key, mode: 'create', scratchDirectory: directory });
runMigrations(encrypted, migrations);
const plain = migratePlain();
let counter = 0;

afterAll(() => {
  encrypted.close();
  plain.close();
  rmSync(directory, { recursive: true, force: true });
});

function customer() {
  counter += 1;
  return {
    fullName: `客户${counter}`,
    gender: null,
      phones: [`138${String(counter).padStart(8, '0')}`],
      accountNumbers: [],
    idType: 'resident_id',
    idNumber: '110101199001011234',
    address: '北京市东城区某街道 1 号',
    now: '2026-11-22T00:00:00.000Z',
  };
}

describe('commit one customer row (a durable write per call)', () => {
  bench('baseline: plain SQLite, WAL, synchronous=NORMAL', () => {
    insertCustomer(plain, customer());
  });
  bench('Seatdesk: SQLCipher 4, WAL, synchronous=FULL', () => {
    insertCustomer(encrypted, customer());
  });
});

describe('open the store', () => {
  bench('baseline: open plain SQLite and read the schema', () => {
    const connection = new Database(plainFile, { fileMustExist: true });
    connection.prepare('SELECT count(*) FROM sqlite_master').get();
    connection.close();
  });
  bench('Seatdesk: probe the key on a scratch copy, open encrypted, read the schema', () => {
    openEncryptedDatabase({ file: encryptedFile, key, mode: 'open', scratchDirectory: directory }).close();
  });
});

describe('hash one password (the cost of a sign-in)', () => {
  bench('baseline: scrypt N=2^14 (the old common default)', async () => {
    await hashPassword('Seat-desk-2026!', { logN: 14, r: 8, p: 1 });
  }, { iterations: 10, time: 0 });
  bench('Seatdesk: scrypt N=2^17, r=8, p=1 (OWASP minimum)', async () => {
    await hashPassword('Seat-desk-2026!');
  }, { iterations: 10, time: 0 });
});
