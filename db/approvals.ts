import type { Gender } from '../common/ipc/customers';
import type { Db } from './connection';

/** What an approval grants: one customer's full file, one export, one print, one audit archive, or one audit-log export. */
export type ApprovalPurpose = 'full_file' | 'export' | 'print' | 'audit_archive' | 'audit_export';

/** The stored decision state; `expired` is computed by main from the times. */
export type StoredApprovalStatus = 'pending' | 'approved' | 'denied' | 'used' | 'withdrawn';

/** An approval request with the agent IDs of requester and decider. */
export type ApprovalRecord = Readonly<{
  id: number;
  requesterId: number;
  requesterAgentId: string;
  requesterName: string;
  requesterTeam: string;
  purpose: ApprovalPurpose;
  customerId: number | null;
  /** The customer's name and gender, for main to mask into a label; null for the audit purposes. */
  customerName: string | null;
  customerGender: Gender | null;
  reasonCode: string;
  reasonText: string;
  status: StoredApprovalStatus;
  requestedAt: string;
  deciderAgentId: string | null;
  decidedAt: string | null;
  decisionNote: string;
  expiresAt: string | null;
  usedAt: string | null;
}>;

const selectApproval = `
  SELECT p.id, p.requester_id AS requesterId, r.agent_id AS requesterAgentId, r.display_name AS requesterName,
    r.team AS requesterTeam, p.purpose, p.customer_id AS customerId, c.full_name AS customerName,
    c.gender AS customerGender, p.reason_code AS reasonCode,
    p.reason_text AS reasonText, p.status, p.requested_at AS requestedAt, d.agent_id AS deciderAgentId,
    p.decided_at AS decidedAt, p.decision_note AS decisionNote, p.expires_at AS expiresAt, p.used_at AS usedAt
  FROM approvals p
  JOIN accounts r ON r.id = p.requester_id
  LEFT JOIN accounts d ON d.id = p.decided_by
  LEFT JOIN customers c ON c.id = p.customer_id`;

/** Records a pending request and returns its id. */
export function insertApproval(
  db: Db,
  request: Readonly<{
    requesterId: number;
    purpose: ApprovalPurpose;
    customerId: number | null;
    reasonCode: string;
    reasonText: string;
    now: string;
  }>,
): number {
  const result = db
    .prepare(
      `INSERT INTO approvals (requester_id, purpose, customer_id, reason_code, reason_text, status, requested_at)
       VALUES (@requesterId, @purpose, @customerId, @reasonCode, @reasonText, 'pending', @now)`,
    )
    .run(request);
  return Number(result.lastInsertRowid);
}

/** The approval with this id, or `undefined`. */
export function findApprovalById(db: Db, id: number): ApprovalRecord | undefined {
  return db.prepare(`${selectApproval} WHERE p.id = ?`).get(id) as ApprovalRecord | undefined;
}

/** The requests an account made, newest first (at most 200). */
export function listApprovalsOfRequester(db: Db, requesterId: number): ApprovalRecord[] {
  return db
    .prepare(`${selectApproval} WHERE p.requester_id = ? ORDER BY p.requested_at DESC, p.id DESC LIMIT 200`)
    .all(requesterId) as ApprovalRecord[];
}

/**
 * The requests a team lead decides on, newest first (at most 200): those of the lead's team and
 * of accounts without a team (administrators usually), never the lead's own.
 */
export function listApprovalsForDecider(db: Db, decider: Readonly<{ id: number; team: string }>): ApprovalRecord[] {
  return db
    .prepare(
      `${selectApproval} WHERE p.requester_id <> @id AND (r.team = @team OR r.team = '')
       ORDER BY p.status = 'pending' DESC, p.requested_at DESC, p.id DESC LIMIT 200`,
    )
    .all(decider) as ApprovalRecord[];
}

/**
 * Approves or denies a pending request (compare-and-set on `pending`, so two leads cannot both
 * decide). Returns whether this call decided it. The schema refuses a decider who is the requester.
 */
export function decideApproval(
  db: Db,
  decision: Readonly<{
    id: number;
    deciderId: number;
    approve: boolean;
    note: string;
    now: string;
    expiresAt: string | null;
  }>,
): boolean {
  const result = db
    .prepare(
      `UPDATE approvals SET status = @status, decided_by = @deciderId, decided_at = @now,
         decision_note = @note, expires_at = @expiresAt
       WHERE id = @id AND status = 'pending'`,
    )
    .run({
      id: decision.id,
      deciderId: decision.deciderId,
      status: decision.approve ? 'approved' : 'denied',
      now: decision.now,
      note: decision.note,
      expiresAt: decision.approve ? decision.expiresAt : null,
    });
  return result.changes === 1;
}

/** Withdraws the requester's own pending request. Returns whether it was pending. */
export function withdrawApproval(db: Db, id: number, requesterId: number): boolean {
  return (
    db
      .prepare(`UPDATE approvals SET status = 'withdrawn' WHERE id = ? AND requester_id = ? AND status = 'pending'`)
      .run(id, requesterId).changes === 1
  );
}

/**
 * The requester's approved, unexpired grant for this purpose and customer, if any. With
 * `approvalId`, only that grant counts.
 */
export function findUsableGrant(
  db: Db,
  query: Readonly<{ requesterId: number; purpose: ApprovalPurpose; customerId: number | null; now: string; approvalId?: number }>,
): ApprovalRecord | undefined {
  return db
    .prepare(
      `${selectApproval} WHERE p.requester_id = @requesterId AND p.purpose = @purpose
         AND p.customer_id IS @customerId AND p.status = 'approved' AND p.expires_at > @now
         AND (@approvalId IS NULL OR p.id = @approvalId)
       ORDER BY p.expires_at DESC LIMIT 1`,
    )
    .get({ ...query, approvalId: query.approvalId ?? null }) as ApprovalRecord | undefined;
}

/** Marks a single-use grant (export, print, archive) as used. Returns whether it was still approved. */
export function markApprovalUsed(db: Db, id: number, now: string): boolean {
  return (
    db.prepare(`UPDATE approvals SET status = 'used', used_at = ? WHERE id = ? AND status = 'approved'`).run(now, id)
      .changes === 1
  );
}
