import { auditTotalCap, type AuditCheckpointFile, type AuditCursorView, type AuditEntryView, type AuditFilterView } from '../../common/ipc/audit';
import { AppError } from '../../common/ipc/result';
import { listAgentIdsOfTeam, type AccountRecord } from '../../db/accounts';
import { findUsableGrant, markApprovalUsed } from '../../db/approvals';
import {
  archiveAuditEntries,
  AuditArchiveError,
  compareAuditCheckpoint,
  createAuditCheckpoint,
  type AuditDetails,
  type AuditEntry,
} from '../../db/audit-log';
import { countAuditMatches, findAuditPage, type AuditOrder, type AuditScope } from '../../db/audit-queries';
import type { Db } from '../../db/connection';
import type { DeskContext, SignedInCaller } from '../desk-context';
import { workstationIdOf } from '../settings/desk-settings';
import { recordAudit } from './audit-trail';

/** Whose entries an account may read: administrators everything, team leads their team's and their own. */
export function auditScopeOf(db: Db, account: AccountRecord): AuditScope {
  if (account.role === 'admin') return { kind: 'all' };
  return { kind: 'agents', agentIds: [...new Set([...listAgentIdsOfTeam(db, account.team), account.agentId])] };
}

/**
 * A review filter and order as flat audit details (absent fields as null), so the entry
 * recording a read or an export says exactly which view was read.
 */
export function describeAuditView(filter: AuditFilterView, order: AuditOrder, scope: AuditScope): AuditDetails {
  return {
    scope: scope.kind === 'all' ? 'all' : 'team',
    order,
    agentId: filter.agentId ?? null,
    action: filter.action ?? null,
    objectType: filter.objectType ?? null,
    objectId: filter.objectId ?? null,
    outcome: filter.outcome ?? null,
    from: filter.from ?? null,
    to: filter.to ?? null,
  };
}

/** An entry as review screens and exports show it. */
export function toEntryView(entry: AuditEntry): AuditEntryView {
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
    previousHash: entry.previousHash,
    hash: entry.hash,
  };
}

/**
 * A page of the filtered log in time order, after `cursor` (keyset paging on the agent/time
 * index). Team leads read their team's entries (and their own), administrators everything; an
 * agent filter outside the team finds nothing. The read is audited, with the view read, in the
 * same transaction before the page is taken. The first page carries the total, exact up to
 * 10,000.
 */
export function listAudit(
  desk: DeskContext,
  caller: SignedInCaller,
  request: Readonly<{ filter: AuditFilterView; order: AuditOrder; cursor?: AuditCursorView; limit: number }>,
) {
  const db = desk.store.connection();
  return db.transaction(() => {
    const scope = auditScopeOf(db, caller.account);
    recordAudit(desk, caller.account, {
      action: 'audit.read',
      objectType: 'audit',
      details: { ...describeAuditView(request.filter, request.order, scope), page: request.cursor === undefined ? 'first' : 'next', limit: request.limit },
    });
    const query = { scope, filter: request.filter, order: request.order };
    const page = findAuditPage(db, query, request.cursor === undefined ? { limit: request.limit } : { limit: request.limit, cursor: request.cursor });
    return {
      entries: page.entries.map(toEntryView),
      nextCursor: page.nextCursor,
      total: request.cursor === undefined ? countAuditMatches(db, query, auditTotalCap) : null,
    };
  })();
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
