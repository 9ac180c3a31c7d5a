import { afterEach, describe, expect, it } from 'vitest';
import { listAuditEntries } from '../../db/audit-log';
import { auditSealBlockSize } from '../../db/audit-seals';
import { createScenario, fillAuditLog, type Scenario } from '../test-support';

let scenario: Scenario | undefined;
afterEach(() => {
  scenario?.desk.cleanup();
  scenario = undefined;
});

type Progress = { jobId: number; checked: number; total: number; done: boolean; result: { status: string; checked: number; brokenAt?: number } | null };

async function untilDone(current: Scenario, jobId: number, agentId: string): Promise<Progress[]> {
  const seen: Progress[] = [];
  for (;;) {
    const progress = (await current.value('app:audit.verificationProgress', { jobId }, agentId)) as Progress;
    seen.push(progress);
    if (progress.done) return seen;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('audit verification in the background', () => {
  it('walks a long log in slices while other calls are answered, then audits the result', async () => {
    const current = (scenario = await createScenario());
    fillAuditLog(current, 30_000);
    const started = (await current.value('app:audit.startVerification', {}, '2001')) as Progress;
    expect(started).toMatchObject({ checked: 0, done: false, result: null });
    expect(started.total).toBeGreaterThan(30_000);
    // Asking again while it runs gives the same walk.
    expect((await current.value('app:audit.startVerification', {}, '2001')).jobId).toBe(started.jobId);
    // Someone else cannot watch (or learn about) this walk.
    expect(await current.call('app:audit.verificationProgress', { jobId: started.jobId }, '2002')).toMatchObject({
      ok: false,
      code: 'VERIFICATION_NOT_FOUND',
    });
    const seen = await untilDone(current, started.jobId, '2001');
    const last = seen.at(-1)!;
    expect(last.result).toMatchObject({ status: 'intact', checked: started.total });
    expect(last.checked).toBe(started.total);
    // The walk moved forward in steps the lead could watch.
    expect(seen.some((progress) => !progress.done && progress.checked > 0 && progress.checked < started.total)).toBe(true);
    const db = current.desk.desk.store.connection();
    const verified = listAuditEntries(db, { limit: 50 }).find((entry) => entry.action === 'audit.verify');
    expect(verified).toMatchObject({ agentId: '2001', outcome: 'success', details: { checked: started.total } });
    // The walk sealed every whole block it verified, for the next walk.
    expect(db.prepare('SELECT count(*) FROM audit_seals').pluck().get()).toBe(Math.floor(started.total / auditSealBlockSize));
    // A new start after the end is a new walk, which also covers the entries written since.
    const again = (await current.value('app:audit.startVerification', {}, '2001')) as Progress;
    expect(again.jobId).not.toBe(started.jobId);
    expect(again.total).toBeGreaterThan(started.total);
    expect((await untilDone(current, again.jobId, '2001')).at(-1)!.result).toMatchObject({ status: 'intact', checked: again.total });
  });

  it('finds an entry edited inside a sealed block', async () => {
    const current = (scenario = await createScenario());
    fillAuditLog(current, 3_000);
    const first = (await current.value('app:audit.startVerification', {}, '2001')) as Progress;
    expect((await untilDone(current, first.jobId, '2001')).at(-1)!.result).toMatchObject({ status: 'intact' });
    const db = current.desk.desk.store.connection();
    expect(db.prepare('SELECT count(*) FROM audit_seals WHERE first_seq = ?').pluck().get(auditSealBlockSize + 1)).toBe(1);
    db.exec('DROP TRIGGER audit_log_no_update');
    db.prepare(`UPDATE audit_log SET object_id = '99999' WHERE seq = ?`).run(auditSealBlockSize + 10);
    const second = (await current.value('app:audit.startVerification', {}, '2001')) as Progress;
    expect((await untilDone(current, second.jobId, '2001')).at(-1)!.result).toMatchObject({
      status: 'broken',
      brokenAt: auditSealBlockSize + 10,
      problem: 'edited',
      checked: auditSealBlockSize + 9,
    });
  });

  it('reports an entry copied to a far-off seq, without sizing its helpers by that seq', async () => {
    const current = (scenario = await createScenario());
    fillAuditLog(current, 3_000);
    const db = current.desk.desk.store.connection();
    const columns = 'occurred_at, time_zone, utc_offset_minutes, workstation_id, agent_id, role, action, object_type, object_id, outcome, code, details, previous_hash, hash';
    // An INSERT passes the append-only triggers; 2^40 would have asked for 4 GiB of helper state.
    db.prepare(`INSERT INTO audit_log (seq, ${columns}) SELECT ?, ${columns} FROM audit_log WHERE seq = 100`).run(2 ** 40);
    const started = (await current.value('app:audit.startVerification', {}, '2001')) as Progress;
    expect((await untilDone(current, started.jobId, '2001')).at(-1)!.result).toMatchObject({ status: 'broken', brokenAt: 2 ** 40, problem: 'inserted' });
  });

  it('finds an edited entry and audits the failure', async () => {
    const current = (scenario = await createScenario());
    fillAuditLog(current, 50);
    const db = current.desk.desk.store.connection();
    const target = db.prepare("SELECT seq FROM audit_log WHERE action = 'customer.view' ORDER BY seq LIMIT 1 OFFSET 20").pluck().get() as number;
    db.exec('DROP TRIGGER IF EXISTS audit_log_no_update');
    for (const name of db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log'").pluck().all() as string[]) {
      db.exec(`DROP TRIGGER "${name}"`);
    }
    db.prepare("UPDATE audit_log SET outcome = 'refused' WHERE seq = ?").run(target);
    const started = (await current.value('app:audit.startVerification', {}, '8001')) as Progress;
    const last = (await untilDone(current, started.jobId, '8001')).at(-1)!;
    expect(last.result).toMatchObject({ status: 'broken', brokenAt: target, problem: 'edited' });
    expect(listAuditEntries(db, { limit: 1 })[0]).toMatchObject({ agentId: '8001', action: 'audit.verify', outcome: 'failed', details: { brokenAt: target } });
  });
});
