import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, bench, describe } from 'vitest';
import { appendAuditEntry, verifyAuditChain, type NewAuditEntry } from '../db/audit-log';
import { openEncryptedDatabase } from '../db/connection';
import { insertCustomer, insertCustomerNote } from '../db/customers';
import { migrations, runMigrations } from '../db/migrations';
import { randomDatabaseKey } from '../db/test-support';

const directory = mkdtempSync(join(tmpdir(), 'seatdesk-audit-bench-'));
const db = openEncryptedDatabase({ file: join(directory, 'audit.db'), key: randomDatabaseKey(), mode: 'create', scratchDirectory: directory });
runMigrations(db, migrations);
const auditKey = randomBytes(32);
const now = '2026-11-22T02:00:00.000Z';
db.prepare(
  `INSERT INTO accounts (agent_id, display_name, role, team, status, password_hash, must_change_password,
     created_at, updated_at, password_changed_at) VALUES ('1001', '李坐席', 'agent', '一组', 'active', 'h', 0, ?, ?, ?)`,
).run(now, now, now);
const customerId = insertCustomer(db, {
  fullName: '王小明',
  gender: 'male',
  phones: ['13812345678'],
  idType: 'resident_id',
  idNumber: '110105194912310021',
  address: '北京市朝阳区建国路88号',
  accountNumbers: [],
  now,
});

function entry(index: number): NewAuditEntry {
  return {
    occurredAt: now,
    timeZone: 'Asia/Shanghai',
    utcOffsetMinutes: 480,
    workstationId: 'WS-BENCH',
    agentId: '1001',
    role: 'agent',
    action: 'customer.note.create',
    objectType: 'customer',
    objectId: String(customerId),
    outcome: 'success',
    code: null,
    details: { noteId: index, length: 12 },
  };
}

// 20,000 entries to walk; the chain grows further as the first group runs.
db.transaction(() => {
  for (let index = 0; index < 20_000; index += 1) appendAuditEntry(db, auditKey, entry(index));
})();

afterAll(() => {
  db.close();
  rmSync(directory, { recursive: true, force: true });
});

const note = () => insertCustomerNote(db, { customerId, authorAccountId: 1, body: '客户咨询账单，已解释。', now });

describe('save a contact note (a durable write per call, synchronous=FULL)', () => {
  bench('baseline: the note alone', () => {
    note();
  });
  bench('Seatdesk: the note and its chained audit entry, one transaction', () => {
    db.transaction(() => {
      const noteId = note();
      appendAuditEntry(db, auditKey, entry(noteId));
    })();
  });
});

describe('walk 20,000+ audit entries', () => {
  bench('baseline: read every row, no hashing', () => {
    let count = 0;
    for (const row of db.prepare('SELECT * FROM audit_log ORDER BY seq').raw().iterate()) if (row !== undefined) count += 1;
    if (count === 0) throw new Error('no rows');
  }, { iterations: 5 });
  bench('Seatdesk: verify the HMAC chain', () => {
    if (verifyAuditChain(db, auditKey).status !== 'intact') throw new Error('chain broken');
  }, { iterations: 5 });
});
