import type { ApprovalView } from '../../common/ipc/approvals';
import { accessReasonCodes } from '../../common/ipc/customers';
import { AppError } from '../../common/ipc/result';
import {
  decideApproval,
  findApprovalById,
  insertApproval,
  listApprovalsForDecider,
  listApprovalsOfRequester,
  withdrawApproval,
  type ApprovalPurpose,
  type ApprovalRecord,
} from '../../db/approvals';
import type { Db } from '../../db/connection';
import { findCustomerById } from '../../db/customers';
import { recordAudit } from '../audit/audit-trail';
import { maskName } from '../customers/masking';
import type { DeskContext, SignedInCaller } from '../desk-context';
import { loadDeskSettings } from '../settings/desk-settings';

/** A request nobody decided within a day has expired: the need behind it has passed. */
const pendingLifetimeMilliseconds = 24 * 60 * 60 * 1000;

type ReasonCode = (typeof accessReasonCodes)[number];

/** Where a request stands at `now`: approved grants past their time and stale requests are expired. */
export function approvalStatusAt(record: ApprovalRecord, now: Date): ApprovalView['status'] {
  if (record.status === 'approved' && record.expiresAt !== null && record.expiresAt <= now.toISOString()) return 'expired';
  if (record.status === 'pending' && Date.parse(record.requestedAt) + pendingLifetimeMilliseconds <= now.getTime()) {
    return 'expired';
  }
  return record.status;
}

function toApprovalView(record: ApprovalRecord, now: Date): ApprovalView {
  return {
    id: record.id,
    requesterAgentId: record.requesterAgentId,
    requesterName: record.requesterName,
    purpose: record.purpose,
    customerId: record.customerId,
    customerLabel: record.customerName === null ? '' : maskName(record.customerName, record.customerGender),
    reasonCode: (accessReasonCodes as readonly string[]).includes(record.reasonCode) ? (record.reasonCode as ReasonCode) : 'other',
    reasonText: record.reasonText,
    status: approvalStatusAt(record, now),
    requestedAt: record.requestedAt,
    deciderAgentId: record.deciderAgentId,
    decidedAt: record.decidedAt,
    decisionNote: record.decisionNote,
    expiresAt: record.expiresAt,
  };
}

function reread(db: Db, id: number, now: Date): ApprovalView {
  const record = findApprovalById(db, id);
  if (record === undefined) throw new AppError('APPROVAL_NOT_FOUND', `No approval ${id}.`);
  return toApprovalView(record, now);
}

/**
 * Asks a team lead for a grant. For customer purposes the caller must be able to open the
 * customer (found by exact number in this session): a request cannot be used to browse.
 */
export function requestApproval(
  desk: DeskContext,
  caller: SignedInCaller,
  request: Readonly<{ purpose: ApprovalPurpose; customerId: number | null; reasonCode: ReasonCode; reasonText: string }>,
): { approval: ApprovalView } {
  const db = desk.store.connection();
  if (request.customerId !== null) {
    if (findCustomerById(db, request.customerId) === undefined) {
      throw new AppError('CUSTOMER_NOT_FOUND', `No customer ${request.customerId}.`);
    }
    if (desk.sessions.get(caller.clientKey)?.accessibleCustomerIds.has(request.customerId) !== true) {
      throw new AppError('CUSTOMER_NOT_ACCESSIBLE', 'Find the customer by phone, account or ID number first.');
    }
  } else if (request.purpose === 'audit_export') {
    if (caller.account.role === 'agent') throw new AppError('FORBIDDEN_ROLE', 'Only team leads and administrators export the audit log.');
  } else if (caller.account.role !== 'admin') {
    throw new AppError('FORBIDDEN_ROLE', 'Only administrators archive the audit log.');
  }
  const now = desk.now();
  return db.transaction(() => {
    const id = insertApproval(db, { requesterId: caller.account.id, ...request, now: now.toISOString() });
    recordAudit(desk, caller.account, {
      action: 'approval.request',
      objectType: 'approval',
      objectId: id,
      details: { purpose: request.purpose, customerId: request.customerId, reasonCode: request.reasonCode },
    });
    return { approval: reread(db, id, now) };
  })();
}

/** The caller's own requests. */
export function listMyApprovals(desk: DeskContext, caller: SignedInCaller): { approvals: ApprovalView[] } {
  const db = desk.store.connection();
  const now = desk.now();
  return { approvals: listApprovalsOfRequester(db, caller.account.id).map((record) => toApprovalView(record, now)) };
}

/** A team lead's inbox: the team's requests and those of accounts without a team; never the lead's own. */
export function listApprovalInbox(desk: DeskContext, caller: SignedInCaller): { approvals: ApprovalView[] } {
  const db = desk.store.connection();
  const now = desk.now();
  return {
    approvals: listApprovalsForDecider(db, { id: caller.account.id, team: caller.account.team }).map((record) =>
      toApprovalView(record, now),
    ),
  };
}

/**
 * Approves (for the configured minutes) or denies a pending request. Refuses the lead's own
 * request (`SELF_APPROVAL`), another team's (`APPROVAL_NOT_FOUND`), and one that is no longer
 * pending or has expired (`APPROVAL_ALREADY_DECIDED`). Audited in the same transaction.
 */
export function decideApprovalRequest(
  desk: DeskContext,
  caller: SignedInCaller,
  request: Readonly<{ approvalId: number; approve: boolean; note: string }>,
): { approval: ApprovalView } {
  const db = desk.store.connection();
  const now = desk.now();
  return db.transaction(() => {
    const record = findApprovalById(db, request.approvalId);
    if (record === undefined) throw new AppError('APPROVAL_NOT_FOUND', `No approval ${request.approvalId}.`);
    if (record.requesterId === caller.account.id) {
      throw new AppError('SELF_APPROVAL', 'Nobody approves their own request.');
    }
    if (record.requesterTeam !== caller.account.team && record.requesterTeam !== '') {
      throw new AppError('APPROVAL_NOT_FOUND', 'The request belongs to another team.');
    }
    if (approvalStatusAt(record, now) !== 'pending') {
      throw new AppError('APPROVAL_ALREADY_DECIDED', 'The request was decided, withdrawn or has expired.');
    }
    const grantMinutes = loadDeskSettings(db).grantMinutes;
    const expiresAt = new Date(now.getTime() + grantMinutes * 60_000).toISOString();
    const decided = decideApproval(db, {
      id: record.id,
      deciderId: caller.account.id,
      approve: request.approve,
      note: request.note,
      now: now.toISOString(),
      expiresAt,
    });
    if (!decided) throw new AppError('APPROVAL_ALREADY_DECIDED', 'Another lead decided first.');
    recordAudit(desk, caller.account, {
      action: request.approve ? 'approval.approve' : 'approval.deny',
      objectType: 'approval',
      objectId: record.id,
      details: {
        purpose: record.purpose,
        requester: record.requesterAgentId,
        customerId: record.customerId,
        expiresAt: request.approve ? expiresAt : null,
      },
    });
    return { approval: reread(db, record.id, now) };
  })();
}

/** Withdraws the caller's own pending request. */
export function withdrawApprovalRequest(
  desk: DeskContext,
  caller: SignedInCaller,
  request: Readonly<{ approvalId: number }>,
): { approval: ApprovalView } {
  const db = desk.store.connection();
  const now = desk.now();
  return db.transaction(() => {
    if (!withdrawApproval(db, request.approvalId, caller.account.id)) {
      const exists = findApprovalById(db, request.approvalId)?.requesterId === caller.account.id;
      throw new AppError(exists ? 'APPROVAL_ALREADY_DECIDED' : 'APPROVAL_NOT_FOUND', 'Nothing pending to withdraw.');
    }
    recordAudit(desk, caller.account, { action: 'approval.withdraw', objectType: 'approval', objectId: request.approvalId });
    return { approval: reread(db, request.approvalId, now) };
  })();
}
