import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, insertAccountRow, type TestDatabase } from '../test-support';
import { migrations, runMigrations } from './index';

let current: TestDatabase | undefined;
afterEach(() => {
  current?.cleanup();
  current = undefined;
});

const insertApproval = `INSERT INTO approvals (requester_id, purpose, customer_id, reason_code, reason_text,
  status, requested_at, decided_by, decided_at, decision_note, expires_at, used_at)
  VALUES (@requester, @purpose, @customer, 'complaint_handling', @reason, @status, @requestedAt, @decider, @decidedAt, @note, @expiresAt, @usedAt)`;

function approval(overrides: Record<string, unknown>): Record<string, unknown> {
  return {
    requester: 1,
    purpose: 'full_file',
    customer: 1,
    reason: '客户投诉升级',
    status: 'pending',
    requestedAt: '2026-11-22T02:00:00.000Z',
    decider: null,
    decidedAt: null,
    note: '',
    expiresAt: null,
    usedAt: null,
    ...overrides,
  };
}

describe('migration 0160 rebuild-approvals-for-audit-export', () => {
  it('keeps every request with its id and references, and accepts audit exports without a customer', () => {
    current = createTestDatabase(0);
    const { db } = current;
    runMigrations(db, migrations, 140);
    const agent = insertAccountRow(db, { agentId: '1001', team: '一组' });
    const lead = insertAccountRow(db, { agentId: '2001', displayName: '李四', role: 'team_lead', team: '一组' });
    const admin = insertAccountRow(db, { agentId: '8001', displayName: '管理员', role: 'admin' });
    db.prepare(`INSERT INTO customers (full_name, created_at, updated_at) VALUES ('王五', 't', 't')`).run();
    const decided = { decider: lead, decidedAt: '2026-11-22T02:05:00.000Z', note: '同意', expiresAt: '2026-11-22T02:35:00.000Z' };
    const rows = [
      approval({ requester: agent }),
      approval({ requester: agent, purpose: 'export', status: 'used', ...decided, usedAt: '2026-11-22T02:10:00.000Z' }),
      approval({ requester: agent, purpose: 'print', status: 'denied', ...decided, expiresAt: null }),
      approval({ requester: admin, purpose: 'audit_archive', customer: null, status: 'approved', ...decided }),
      approval({ requester: agent, status: 'withdrawn' }),
    ];
    for (const row of rows) db.prepare(insertApproval).run(row);
    // Gaps in the ids must survive: the copy keeps ids, it does not renumber.
    db.prepare('DELETE FROM approvals WHERE id = 3').run();
    const before = db.prepare('SELECT * FROM approvals ORDER BY id').all();
    expect(() => db.prepare(insertApproval).run(approval({ requester: lead, purpose: 'audit_export', customer: null }))).toThrow(/CHECK/);

    runMigrations(db, migrations, 160);

    expect(db.prepare('SELECT * FROM approvals ORDER BY id').all()).toEqual(before);
    const references = db.prepare(`SELECT "table", "from", "to" FROM pragma_foreign_key_list('approvals') ORDER BY "from"`).all();
    expect(references).toEqual([
      { table: 'customers', from: 'customer_id', to: 'id' },
      { table: 'accounts', from: 'decided_by', to: 'id' },
      { table: 'accounts', from: 'requester_id', to: 'id' },
    ]);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'approvals' ORDER BY name").pluck().all()).toEqual([
      'approvals_by_requester',
      'approvals_by_status',
    ]);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name LIKE 'approvals_rebuilt%'").pluck().get()).toBe(0);

    const exportId = Number(db.prepare(insertApproval).run(approval({ requester: lead, purpose: 'audit_export', customer: null })).lastInsertRowid);
    expect(exportId).toBe(6);
    expect(() => db.prepare(insertApproval).run(approval({ requester: lead, purpose: 'audit_export', customer: 1 }))).toThrow(/CHECK/);
    expect(() => db.prepare(insertApproval).run(approval({ purpose: 'export', customer: null }))).toThrow(/CHECK/);
    expect(() => db.prepare(insertApproval).run(approval({ purpose: 'audit_archive', customer: 1 }))).toThrow(/CHECK/);
    expect(() => db.prepare(insertApproval).run(approval({ purpose: 'browse' }))).toThrow(/CHECK/);
    expect(() => db.prepare(insertApproval).run(approval({ status: 'expired' }))).toThrow(/CHECK/);
    expect(() => db.prepare(insertApproval).run(approval({ requester: agent, ...decided, decider: agent }))).toThrow(/CHECK/);
    expect(() => db.prepare(insertApproval).run(approval({ requester: 99 }))).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare(insertApproval).run(approval({ customer: 42 }))).toThrow(/FOREIGN KEY/);
  });
});
