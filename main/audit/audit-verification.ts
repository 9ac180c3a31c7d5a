import { AppError } from '../../common/ipc/result';
import { startAuditChainWalk, type AuditChainWalk, type AuditVerification } from '../../db/audit-log';
import { auditSealBlockSize, saveAuditSeals } from '../../db/audit-seals';
import type { Db } from '../../db/connection';
import type { ParallelSealCheck } from './parallel-seal-check';
import type { DeskContext, SignedInCaller } from '../desk-context';
import { recordAudit } from './audit-trail';

/** How long one slice of a walk may hold main's event loop before other calls get their turn. */
const sliceMilliseconds = 40;
/** Entries per step inside a slice: whole blocks, so that the blocks walked entry by entry get sealed. */
const stepEntries = 2 * auditSealBlockSize;

type VerificationJob = {
  readonly id: number;
  readonly accountId: number;
  readonly walk: AuditChainWalk;
  /** The walk's own read-only connection, closed when the walk ends. */
  readonly reader: Db;
  /** The threads checking sealed blocks for the walk, stopped when the walk ends. */
  readonly helper: ParallelSealCheck;
  result: AuditVerification | undefined;
};

/** A verification as the lead watches it: how far it got, and its result once over. */
export type VerificationProgress = Readonly<{
  jobId: number;
  checked: number;
  total: number;
  done: boolean;
  result: AuditVerification | null;
}>;

const jobsByDesk = new WeakMap<DeskContext, Map<number, VerificationJob>>();
let lastJobId = 0;

function jobsOf(desk: DeskContext): Map<number, VerificationJob> {
  let jobs = jobsByDesk.get(desk);
  if (jobs === undefined) {
    jobs = new Map();
    jobsByDesk.set(desk, jobs);
  }
  return jobs;
}

function progressOf(job: VerificationJob): VerificationProgress {
  return { jobId: job.id, checked: job.walk.checked(), total: job.walk.total, done: job.result !== undefined, result: job.result ?? null };
}

function recordResult(desk: DeskContext, caller: SignedInCaller, result: AuditVerification): void {
  recordAudit(desk, caller.account, {
    action: 'audit.verify',
    objectType: 'audit',
    outcome: result.status === 'intact' ? 'success' : 'failed',
    details:
      result.status === 'intact'
        ? { checked: result.checked, lastSeq: result.lastSeq }
        : { checked: result.checked, brokenAt: result.brokenAt, problem: result.problem },
  });
}

function runSlice(desk: DeskContext, caller: SignedInCaller, job: VerificationJob): void {
  const sliceEnd = performance.now() + sliceMilliseconds;
  try {
    while (job.result === undefined && performance.now() < sliceEnd) job.result = job.walk.step(stepEntries);
    saveAuditSeals(desk.store.connection(), job.walk.takeSeals());
    if (job.result === undefined) {
      setImmediate(() => runSlice(desk, caller, job));
      return;
    }
    job.helper.stop();
    job.reader.close();
    recordResult(desk, caller, job.result);
  } catch {
    // The store was closed under the walk (it runs outside any call, so nothing may escape):
    // the job is dropped and the lead starts again once the store is open.
    job.helper.stop();
    job.reader.close();
    jobsOf(desk).delete(job.id);
  }
}

/**
 * Starts walking the whole hash chain on main's event loop, a slice at a time, so the desk
 * stays responsive and the lead sees the progress (`auditVerificationProgress`). A second start
 * by the same person while a walk runs returns that walk. The result is audited when the walk
 * ends; a walk covers the entries present when it starts.
 */
export function startAuditVerification(desk: DeskContext, caller: SignedInCaller): VerificationProgress {
  const jobs = jobsOf(desk);
  for (const job of jobs.values()) {
    if (job.accountId === caller.account.id && job.result === undefined) return progressOf(job);
  }
  // Finished walks of this person are forgotten once a new one starts.
  for (const [id, job] of jobs) if (job.accountId === caller.account.id) jobs.delete(id);
  const reader = desk.store.openAuditReader();
  let walk: AuditChainWalk;
  let helper: ParallelSealCheck | undefined;
  try {
    const newestSeq = (reader.prepare('SELECT max(seq) FROM audit_log').pluck().get() as number | null) ?? 0;
    helper = desk.store.startParallelSealCheck(reader, 1, newestSeq);
    walk = startAuditChainWalk(desk.store.connection(), desk.store.auditKey(), { reader, sealsCheckedElsewhere: helper.checkedElsewhere });
  } catch (error) {
    helper?.stop();
    reader.close();
    throw error;
  }
  lastJobId += 1;
  const job: VerificationJob = { id: lastJobId, accountId: caller.account.id, walk, reader, helper, result: undefined };
  jobs.set(job.id, job);
  setImmediate(() => runSlice(desk, caller, job));
  return progressOf(job);
}

/** How far the caller's verification got; `VERIFICATION_NOT_FOUND` for another person's, a stopped or an unknown walk. */
export function auditVerificationProgress(desk: DeskContext, caller: SignedInCaller, request: Readonly<{ jobId: number }>): VerificationProgress {
  const job = jobsOf(desk).get(request.jobId);
  if (job === undefined || job.accountId !== caller.account.id) {
    throw new AppError('VERIFICATION_NOT_FOUND', 'No such verification: it stopped when the store was locked, or someone else started it.');
  }
  return progressOf(job);
}
