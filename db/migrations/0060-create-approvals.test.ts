import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, insertAccountRow, type TestDatabase } from '../test-support';
import { migrations, runMigrations } from './index';

let current: TestDatabase | undefined;
afterEach(() => {
  current?.cleanup();
  current = undefined;
});

const insertApproval = `INSERT INTO approvals (requester_id, purpose, customer_id, reason_code, reason_text,
  status, requested_at, decided_by) VALUES (?, ?, ?, 'complaint', 'text', 'pending', 't', ?)`;

describe('migration 0060 create-approvals', () => {
  it('refuses self-approval and purposes without their object', () => {
    current = createTestDatabase(0);
    const { db } = current;
    runMigrations(db, migrations, 50);
    insertAccountRow(db, { agentId: '1001' });
    insertAccountRow(db, { agentId: '2001', displayName: '李四', role: 'team_lead' });
    db.prepare(`INSERT INTO customers (full_name, created_at, updated_at) VALUES ('王五', 't', 't')`).run();
    runMigrations(db, migrations, 60);
    db.prepare(insertApproval).run(1, 'full_file', 1, 2);
    expect(() => db.prepare(insertApproval).run(1, 'full_file', 1, 1)).toThrow(/CHECK/);
    expect(() => db.prepare(insertApproval).run(1, 'export', null, null)).toThrow(/CHECK/);
    expect(() => db.prepare(insertApproval).run(1, 'audit_archive', 1, null)).toThrow(/CHECK/);
    expect(() => db.prepare(insertApproval).run(1, 'browse', 1, null)).toThrow(/CHECK/);
    db.prepare(insertApproval).run(1, 'audit_archive', null, null);
    expect(db.prepare('SELECT count(*) FROM approvals').pluck().get()).toBe(2);
  });
});
