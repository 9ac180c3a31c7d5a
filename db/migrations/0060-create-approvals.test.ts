import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../test-support';
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
    db.prepare(
      `INSERT INTO accounts (agent_id, display_name, role, team, status, password_hash,
         must_change_password, created_at, updated_at, password_changed_at)
       VALUES ('1001', '张三', 'agent', '', 'active', 'h', 0, 't', 't', 't'),
              ('2001', '李四', 'team_lead', '', 'active', 'h', 0, 't', 't', 't')`,
    ).run();
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
