import type { AuditCheckpointFile } from '../../common/ipc/audit';
import { AppError } from '../../common/ipc/result';
import { listAgentIdsOfTeam } from '../../db/accounts';
import { findUsableGrant, markApprovalUsed } from '../../db/approvals';
import {
  archiveAuditEntries,
  AuditArchiveError,
  compareAuditCheckpoint,
  countAuditEntries,
  createAuditCheckpoint,
  listAuditEntries,
  verifyAuditChain,
  type AuditEntry,
} from '../../db/audit-log';
import type { DeskContext, SignedInCaller } from '../desk-context';
import { workstationIdOf } from '../settings/desk-settings';
import { recordAudit } from './audit-trail';

function toEntryView(entry: AuditEntry) {
  return {
    seq: entry.seq,
    occurredAt: entry.occurredAt,
    timeZone: entry.timeZone,
    utcOffsetMinutes: entry.utcOffsetMinutes,
    workstationId: entry.workstationId,
    agentId: entry.agentId,
    role: entry.role,
    action: entry.action,
    objectType: entry.objectType,
    objectId: entry.objectId,
    outcome: entry.outcome,
    code: entry.code,
    details: { ...entry.details },
    hash: entry.hash,
  };
}

/**
 * A page of the audit log, newest first. Team leads read their team's entries (and their own),
 * administrators everything. The read itself is audited before the page is returned.
 */
export function listAudit(desk: DeskContext, caller: SignedInCaller, request: Readonly<{ beforeSeq?: number; limit: number }>) {
  const db = desk.store.connection();
  return db.transaction(() => {
    const agentIds =
      caller.account.role === 'admin'
        ? undefined
        : [...new Set([...listAgentIdsOfTeam(db, caller.account.team), caller.account.agentId])];
    recordAudit(desk, caller.account, {
      action: 'audit.read',
      objectType: 'audit',
      details: { beforeSeq: request.beforeSeq ?? null, limit: request.limit, scope: agentIds === undefined ? 'all' : 'team' },
    });
    const entries = listAuditEntries(db, {
      limit: request.limit,
      ...(request.beforeSeq === undefined ? {} : { beforeSeq: request.beforeSeq }),
      ...(agentIds === undefined ? {} : { agentIds }),
    });
    return { entries: entries.map(toEntryView), total: countAuditEntries(db) };
  })();
}

/** Walks the whole chain; the verification and its result are audited. */
export function verifyAudit(desk: DeskContext, caller: SignedInCaller) {
  const db = desk.store.connection();
  const result = verifyAuditChain(db, desk.store.auditKey());
  recordAudit(desk, caller.account, {
    action: 'audit.verify',
    objectType: 'audit',
    outcome: result.status === 'intact' ? 'success' : 'failed',
    details:
      result.status === 'intact'
        ? { checked: result.checked, lastSeq: result.lastSeq }
        : { checked: result.checked, brokenAt: result.brokenAt, problem: result.problem },
  });
  return result;
}

/** Signs the chain's head as a checkpoint file to keep outside the desk. Audited. */
export function exportCheckpoint(desk: DeskContext, caller: SignedInCaller) {
  const db = desk.store.connection();
  return db.transaction(() => {
    const checkpoint = createAuditCheckpoint(db, desk.store.auditKey(), desk.now().toISOString(), workstationIdOf(db));
    recordAudit(desk, caller.account, {
      action: 'audit.checkpoint.export',
      objectType: 'audit',
      details: { seq: checkpoint.seq },
    });
    return { fileName: `seatdesk-audit-checkpoint-${checkpoint.workstationId}-${checkpoint.seq}.json`, checkpoint };
  })();
}

/** Compares a kept checkpoint with the chain now: detects a cut-off tail. Audited with the outcome. */
export function compareCheckpoint(desk: DeskContext, caller: SignedInCaller, request: Readonly<{ checkpoint: AuditCheckpointFile }>) {
  const db = desk.store.connection();
  const result = compareAuditCheckpoint(db, desk.store.auditKey(), request.checkpoint, workstationIdOf(db));
  recordAudit(desk, caller.account, {
    action: 'audit.checkpoint.compare',
    objectType: 'audit',
    outcome: result.status === 'match' ? 'success' : 'failed',
    details: { seq: request.checkpoint.seq, status: result.status, problem: result.status === 'match' ? null : result.problem },
  });
  return result;
}

/**
 * Archives entries older than 180 days under an approved, unused `audit_archive` grant: the
 * export, the deletion, the grant's use and the audit entry commit together.
 */
export function archiveAudit(desk: DeskContext, caller: SignedInCaller, request: Readonly<{ upToSeq: number; approvalId: number }>) {
  const db = desk.store.connection();
  return db.transaction(() => {
    const now = desk.now().toISOString();
    const grant = findUsableGrant(db, {
      requesterId: caller.account.id,
      purpose: 'audit_archive',
      customerId: null,
      now,
      approvalId: request.approvalId,
    });
    if (grant === undefined) throw new AppError('APPROVAL_REQUIRED', 'Archiving the audit log needs an approved, unexpired request.');
    let archived;
    try {
      archived = archiveAuditEntries(db, desk.store.auditKey(), { upToSeq: request.upToSeq, now, approvalId: grant.id });
    } catch (error) {
      if (error instanceof AuditArchiveError) {
        const code = { TOO_YOUNG: 'AUDIT_TOO_YOUNG', CHAIN_BROKEN: 'AUDIT_CHAIN_BROKEN', NOTHING_TO_ARCHIVE: 'AUDIT_NOTHING_TO_ARCHIVE' } as const;
        throw new AppError(code[error.reason], error.message);
      }
      throw error;
    }
    markApprovalUsed(db, grant.id, now);
    recordAudit(desk, caller.account, {
      action: 'audit.archive',
      objectType: 'audit',
      details: { approvalId: grant.id, upToSeq: archived.upToSeq, entryCount: archived.entryCount, digest: archived.digest },
    });
    return {
      fileName: `seatdesk-audit-archive-${archived.upToSeq}.jsonl`,
      content: archived.archive,
      entryCount: archived.entryCount,
      digest: archived.digest,
    };
  })();
}
