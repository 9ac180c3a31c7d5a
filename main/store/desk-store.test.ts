import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { auditSealsExtensionLibraries, usesAuditSealsExtension } from '../../db/audit-seals';
import { fingerprintDirectory } from '../../db/test-support';
import { migrations } from '../../db/migrations';
import { createFakeKeychain, createTestDesk, testCost, type TestDesk } from '../test-support';
import { createDeskStore, databaseFileName, keyFileName } from './desk-store';

let desk: TestDesk | undefined;
afterEach(() => {
  desk?.cleanup();
  desk = undefined;
});


describe('desk store life cycle', () => {
  it('starts uninitialized and refuses to initialize without keychain or passphrase', async () => {
    desk = createTestDesk();
    expect(desk.desk.store.status()).toMatchObject({ state: 'uninitialized', keychainAvailable: false });
    await expect(desk.desk.store.initialize(undefined)).rejects.toMatchObject({ code: 'PASSPHRASE_REQUIRED' });
    expect(readdirSync(desk.dataDirectory)).toEqual([]);
  });

  it('creates a passphrase store that is locked after a restart and opens with the passphrase', async () => {
    desk = createTestDesk();
    await desk.desk.store.initialize('branch-counter-passphrase');
    expect(desk.desk.store.status()).toMatchObject({ state: 'ready', keyProtection: 'passphrase', hasAccounts: false });
    const keyFileText = readFileSync(join(desk.dataDirectory, keyFileName), 'utf8');
    expect(keyFileText).not.toContain('branch-counter-passphrase');
    desk = desk.restart();
    expect(desk.desk.store.status().state).toBe('locked');
    expect(() => desk!.desk.store.connection()).toThrow(expect.objectContaining({ code: 'STORE_LOCKED' }));
    const before = fingerprintDirectory(desk.dataDirectory);
    await expect(desk.desk.store.unlock('not-the-passphrase')).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' });
    expect(fingerprintDirectory(desk.dataDirectory)).toEqual(before);
    await desk.desk.store.unlock('branch-counter-passphrase');
    expect(desk.desk.store.status().state).toBe('ready');
    await expect(desk.desk.store.unlock('branch-counter-passphrase')).rejects.toMatchObject({ code: 'STORE_ALREADY_OPEN' });
  });

  it('opens a keychain store at start and refuses when the backend changed', async () => {
    const keychain = createFakeKeychain('gnome_libsecret');
    desk = createTestDesk(keychain);
    await desk.desk.store.initialize(undefined);
    expect(desk.desk.store.status()).toMatchObject({ state: 'ready', keyProtection: 'keychain' });
    desk = desk.restart();
    expect(desk.desk.store.status().state).toBe('ready');
    keychain.setBackend('basic_text');
    desk = desk.restart();
    expect(desk.desk.store.status()).toMatchObject({ state: 'failed', failure: { code: 'KEYCHAIN_UNAVAILABLE' } });
    keychain.setBackend('kwallet5');
    desk = desk.restart();
    expect(desk.desk.store.status()).toMatchObject({ state: 'failed', failure: { code: 'KEYCHAIN_BACKEND_CHANGED' } });
  });

  it('reports a damaged database by file name and leaves it unchanged', async () => {
    desk = createTestDesk();
    await desk.desk.store.initialize('branch-counter-passphrase');
    desk.close();
    const file = join(desk.dataDirectory, databaseFileName);
    const bytes = readFileSync(file);
    bytes.fill(0, 0, 4096);
    writeFileSync(file, bytes);
    desk = desk.restart();
    const before = fingerprintDirectory(desk.dataDirectory);
    await desk.desk.store.unlock('branch-counter-passphrase');
    const status = desk.desk.store.status();
    expect(status).toMatchObject({ state: 'failed', failure: { code: 'DATABASE_DAMAGED', file } });
    expect(status.failure?.advice).toMatch(/Restore seatdesk.db from backup/);
    expect(fingerprintDirectory(desk.dataDirectory)).toEqual(before);
  });

  it('refuses to start over when the key file or the database is missing', async () => {
    desk = createTestDesk();
    await desk.desk.store.initialize('branch-counter-passphrase');
    desk.close();
    const keyFile = join(desk.dataDirectory, keyFileName);
    renameSync(keyFile, `${keyFile}.away`);
    desk = desk.restart();
    expect(desk.desk.store.status()).toMatchObject({ state: 'failed', failure: { code: 'KEY_FILE_MISSING' } });
    await expect(desk.desk.store.initialize('another-passphrase-123')).rejects.toMatchObject({ code: 'SETUP_ALREADY_DONE' });
    renameSync(`${keyFile}.away`, keyFile);
    renameSync(join(desk.dataDirectory, databaseFileName), join(desk.dataDirectory, 'elsewhere.db'));
    desk = desk.restart();
    expect(desk.desk.store.status()).toMatchObject({ state: 'failed', failure: { code: 'DATABASE_MISSING' } });
    expect(existsSync(join(desk.dataDirectory, databaseFileName))).toBe(false);
  });

  it('refuses a key file that was tampered with', async () => {
    desk = createTestDesk();
    await desk.desk.store.initialize('branch-counter-passphrase');
    desk.close();
    writeFileSync(join(desk.dataDirectory, keyFileName), '{"version":1,"protection":"plain","key":"00"}');
    desk = desk.restart();
    expect(desk.desk.store.status()).toMatchObject({ state: 'failed', failure: { code: 'KEY_FILE_INVALID' } });
  });

  it('removes what a failed setup created, so setup can be retried', async () => {
    const dataDirectory = mkdtempSync(join(tmpdir(), 'seatdesk-failing-setup-'));
    try {
      const failing = [...migrations, { version: 9990, name: 'broken', migrate: () => { throw new Error('disk full'); } }];
      const store = createDeskStore({ dataDirectory, keychain: undefined, passphraseCost: testCost, migrations: failing });
      await expect(store.initialize('branch-counter-passphrase')).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });
      expect(readdirSync(dataDirectory)).toEqual([]);
      expect(store.status().state).toBe('uninitialized');
      const retried = createDeskStore({ dataDirectory, keychain: undefined, passphraseCost: testCost });
      await retried.initialize('branch-counter-passphrase');
      expect(retried.status().state).toBe('ready');
      retried.close();
    } finally {
      rmSync(dataDirectory, { recursive: true, force: true });
    }
  });

  it('refuses a database from a newer Seatdesk without touching its files, even mid-WAL', async () => {
    desk = createTestDesk();
    await desk.desk.store.initialize('branch-counter-passphrase');
    const db = desk.desk.store.connection();
    db.pragma('wal_autocheckpoint = 0');
    db.pragma('user_version = 9990');
    const crashCopy = join(desk.dataDirectory, 'crash');
    mkdirSync(crashCopy);
    for (const name of readdirSync(desk.dataDirectory).filter((entry) => entry.startsWith('seatdesk.'))) {
      copyFileSync(join(desk.dataDirectory, name), join(crashCopy, name));
    }
    expect(readdirSync(crashCopy).sort()).toEqual([databaseFileName, `${databaseFileName}-shm`, `${databaseFileName}-wal`, keyFileName]);
    const before = fingerprintDirectory(crashCopy);
    const store = createDeskStore({ dataDirectory: crashCopy, keychain: undefined });
    await store.unlock('branch-counter-passphrase');
    expect(store.status()).toMatchObject({ state: 'failed', failure: { code: 'DATABASE_FROM_FUTURE' } });
    expect(fingerprintDirectory(crashCopy)).toEqual(before);
  });

  it('lets only one of two concurrent unlocks open the store', async () => {
    desk = createTestDesk();
    await desk.desk.store.initialize('branch-counter-passphrase');
    desk = desk.restart();
    const results = await Promise.allSettled([
      desk.desk.store.unlock('branch-counter-passphrase'),
      desk.desk.store.unlock('branch-counter-passphrase'),
    ]);
    expect(results.map((result) => result.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(results.find((result) => result.status === 'rejected')).toMatchObject({ reason: { code: 'STORE_ALREADY_OPEN' } });
    expect(desk.desk.store.status().state).toBe('ready');
  });
});

describe('audit readers', () => {
  it.runIf(auditSealsExtensionLibraries[process.platform] !== undefined)('carry the audit-seals extension main found', async () => {
    desk = createTestDesk();
    await desk.desk.store.initialize('branch-counter-passphrase');
    const reader = desk.desk.store.openAuditReader();
    expect(usesAuditSealsExtension(reader)).toBe(true);
    reader.close();
    expect(desk.errors).toEqual([]);
  });

  it('tell once that the extension does not load, and walk with plain SQL', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'seatdesk-store-'));
    const reasons: string[] = [];
    const store = createDeskStore({
      dataDirectory: directory,
      keychain: createFakeKeychain('gnome_libsecret'),
      passphraseCost: testCost,
      auditSealsExtension: { file: join(directory, 'missing-library.so'), unavailable: (reason) => reasons.push(reason) },
    });
    try {
      await store.initialize(undefined);
      for (let attempt = 0; attempt < 2; attempt += 1) {
        const reader = store.openAuditReader();
        expect(usesAuditSealsExtension(reader)).toBe(false);
        expect(reader.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(0);
        reader.close();
      }
      expect(reasons).toEqual([expect.stringContaining('missing-library.so')]);
    } finally {
      store.close();
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
