import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, insertAccountRow, type TestDatabase } from '../test-support';
import { migrations, runMigrations } from './index';

let current: TestDatabase | undefined;
afterEach(() => {
  current?.cleanup();
  current = undefined;
});

const insertEntry = `INSERT INTO audit_log (seq, occurred_at, time_zone, utc_offset_minutes, workstation_id, agent_id,
    role, action, object_type, object_id, outcome, code, details, previous_hash, hash)
  VALUES (@seq, @occurredAt, 'Asia/Shanghai', 480, 'WS-01', '1001', 'agent', 'customer.view', 'customer', '7',
    'success', NULL, '{"reason":"来电核实"}', @previousHash, @hash)`;

describe('migration 0030 create-audit-log', () => {
  it('adds the audit tables and keeps accounts and customers untouched', () => {
    current = createTestDatabase(0);
    runMigrations(current.db, migrations, 20);
    insertAccountRow(current.db, { agentId: '1001', role: 'admin', team: '一组' });
    current.db
      .prepare(`INSERT INTO customers (full_name, phone, created_at, updated_at) VALUES ('王五', '13800000000', 't', 't')`)
      .run();
    const accounts = current.db.prepare('SELECT * FROM accounts').all();
    const customers = current.db.prepare('SELECT * FROM customers').all();

    expect(runMigrations(current.db, migrations, 30)).toEqual({ fromVersion: 20, toVersion: 30, applied: [30] });

    expect(current.db.prepare('SELECT * FROM accounts').all()).toEqual(accounts);
    expect(current.db.prepare('SELECT * FROM customers').all()).toEqual(customers);
    const objects = current.db
      .prepare(`SELECT type, name FROM sqlite_master WHERE name LIKE 'audit%' ORDER BY type, name`)
      .all();
    expect(objects).toEqual([
      { type: 'index', name: 'audit_log_by_agent_time' },
      { type: 'index', name: 'audit_log_by_hash' },
      { type: 'table', name: 'audit_anchors' },
      { type: 'table', name: 'audit_log' },
      { type: 'trigger', name: 'audit_anchors_no_delete' },
      { type: 'trigger', name: 'audit_anchors_no_update' },
      { type: 'trigger', name: 'audit_log_no_delete' },
      { type: 'trigger', name: 'audit_log_no_update' },
    ]);
  });

  it('refuses to change or delete entries and anchors, except archived entries older than 180 days', () => {
    current = createTestDatabase(0);
    runMigrations(current.db, migrations, 30);
    const { db } = current;
    const insert = db.prepare(insertEntry);
    insert.run({ seq: 1, occurredAt: '2024-05-01T08:00:00.000Z', previousHash: '0'.repeat(64), hash: 'a'.repeat(64) });
    insert.run({ seq: 2, occurredAt: new Date().toISOString(), previousHash: 'a'.repeat(64), hash: 'b'.repeat(64) });

    expect(() => db.prepare(`UPDATE audit_log SET outcome = 'failed' WHERE seq = 2`).run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log WHERE seq = 2').run()).toThrow(/keeps every entry/);
    // Old but not yet behind an anchor: still kept.
    expect(() => db.prepare('DELETE FROM audit_log WHERE seq = 1').run()).toThrow(/keeps every entry/);
    expect(() =>
      db.prepare(`INSERT INTO audit_log (seq, occurred_at, time_zone, utc_offset_minutes, workstation_id, action, outcome,
          details, previous_hash, hash) VALUES (3, 't', 'UTC', 0, 'WS-01', 'x', 'lost', '{}', 'p', 'h')`).run(),
    ).toThrow(/CHECK constraint/);

    db.prepare(
      `INSERT INTO audit_anchors (up_to_seq, head_hash, entry_count, archive_digest, approval_id, archived_at, signature)
       VALUES (2, ?, 2, ?, NULL, ?, ?)`,
    ).run('b'.repeat(64), 'c'.repeat(64), new Date().toISOString(), 'd'.repeat(64));
    // Behind the anchor, only the entry older than 180 days may go.
    expect(() => db.prepare('DELETE FROM audit_log WHERE seq = 2').run()).toThrow(/keeps every entry/);
    expect(db.prepare('DELETE FROM audit_log WHERE seq = 1').run().changes).toBe(1);
    expect(() => db.prepare('UPDATE audit_anchors SET approval_id = 1').run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_anchors').run()).toThrow(/append-only/);
    expect(db.prepare('SELECT seq FROM audit_log').pluck().all()).toEqual([2]);
  });
});
