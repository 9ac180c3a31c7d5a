import { afterEach, describe, expect, it } from 'vitest';
import { appendAuditEntry } from '../../db/audit-log';
import { auditSealBlockSize } from '../../db/audit-seals';
import { createScenario, type Scenario } from '../test-support';
import { sealRecentAuditBlocks } from './audit-sealing';

let scenario: Scenario | undefined;
afterEach(() => {
  scenario?.desk.cleanup();
  scenario = undefined;
});

describe('background audit sealing', () => {
  it('seals the newest whole blocks of an open store, two per run', async () => {
    const current = (scenario = await createScenario());
    const { store } = current.desk.desk;
    const db = store.connection();
    db.transaction(() => {
      for (let index = 0; index < 3 * auditSealBlockSize; index += 1) {
        appendAuditEntry(db, store.auditKey(), {
          occurredAt: '2026-11-22T01:00:00.000Z',
          timeZone: 'Asia/Shanghai',
          utcOffsetMinutes: 480,
          workstationId: 'WS-0001',
          agentId: '1001',
          role: 'agent',
          action: 'customer.view',
          objectType: 'customer',
          objectId: String(index),
          outcome: 'success',
          code: null,
          details: { index },
        });
      }
    })();
    expect(sealRecentAuditBlocks(current.desk.desk)).toBe(2);
    expect(sealRecentAuditBlocks(current.desk.desk)).toBe(1);
    expect(sealRecentAuditBlocks(current.desk.desk)).toBe(0);
    expect(db.prepare('SELECT first_seq FROM audit_seals ORDER BY first_seq').pluck().all()).toEqual([1, 1025, 2049]);
  });
});
