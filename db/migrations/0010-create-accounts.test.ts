import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, insertAccountRow, type TestDatabase } from '../test-support';
import { migrations, runMigrations } from './index';

let current: TestDatabase | undefined;
afterEach(() => {
  current?.cleanup();
  current = undefined;
});

describe('migration 0010 create-accounts', () => {
  it('creates the accounts table with its constraints', () => {
    current = createTestDatabase(0);
    runMigrations(current.db, migrations, 10);
    insertAccountRow(current.db, { agentId: '1001', displayName: '张三', role: 'agent' });
    expect(() => insertAccountRow(current!.db, { agentId: '1001', displayName: '重复', role: 'agent' })).toThrow(/UNIQUE/);
    expect(() => insertAccountRow(current!.db, { agentId: 'a7', displayName: 'x', role: 'agent' })).not.toThrow();
    expect(() => insertAccountRow(current!.db, { agentId: 'A7', displayName: 'x', role: 'agent' })).toThrow(/UNIQUE/);
    expect(() => insertAccountRow(current!.db, { agentId: '1002', displayName: 'x', role: 'superuser' })).toThrow(/CHECK/);
    expect(() => insertAccountRow(current!.db, { agentId: '', displayName: 'x', role: 'agent' })).toThrow(/CHECK/);
  });
});
