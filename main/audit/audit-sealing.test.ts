import { afterEach, describe, expect, it } from 'vitest';
import { auditSealBlockSize } from '../../db/audit-seals';
import { createScenario, fillAuditLog, type Scenario } from '../test-support';
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
    fillAuditLog(current, 3 * auditSealBlockSize);
    const db = store.connection();
    expect(sealRecentAuditBlocks(current.desk.desk)).toBe(2);
    expect(sealRecentAuditBlocks(current.desk.desk)).toBe(1);
    expect(sealRecentAuditBlocks(current.desk.desk)).toBe(0);
    expect(db.prepare('SELECT first_seq FROM audit_seals ORDER BY first_seq').pluck().all()).toEqual([1, 1025, 2049]);
    // A closed store is simply skipped until it opens again.
    store.close();
    expect(sealRecentAuditBlocks(current.desk.desk)).toBe(0);
  });
});
