import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../test-support';
import { migrations, runMigrations } from './index';

let current: TestDatabase | undefined;
afterEach(() => {
  current?.cleanup();
  current = undefined;
});

describe('migration 0190 create-audit-seals', () => {
  it('adds the seal table, one seal per block, typed strictly', () => {
    current = createTestDatabase(0);
    const { db } = current;
    runMigrations(db, migrations, 180);
    const tables = () => db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
    expect(tables()).not.toContain('audit_seals');
    runMigrations(db, migrations, 190);
    expect(tables()).toContain('audit_seals');
    const insert = db.prepare('INSERT INTO audit_seals (first_seq, last_seq, nonce, tag) VALUES (?, ?, ?, ?)');
    insert.run(1, 1024, Buffer.alloc(12), Buffer.alloc(16));
    expect(() => insert.run(1, 1024, Buffer.alloc(12), Buffer.alloc(16))).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => insert.run(1025, 'end', Buffer.alloc(12), Buffer.alloc(16))).toThrow(/cannot store TEXT value in INTEGER column/);
    expect(() => insert.run(2049, 3072, null, Buffer.alloc(16))).toThrow(/NOT NULL/);
  });
});
