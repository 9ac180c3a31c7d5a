import { z } from 'zod';
import { defineChannel } from './channel';
import { accessReasonCodes } from './customers';

/** What a grant allows: one customer's full file, one export, one print, one audit archive, or one audit-log export. */
export const approvalPurposes = ['full_file', 'export', 'print', 'audit_archive', 'audit_export'] as const;

/** Purposes about the audit log rather than a customer: their requests name no customer. */
export const auditApprovalPurposes: readonly (typeof approvalPurposes)[number][] = ['audit_archive', 'audit_export'];

/** Where a request stands; `expired` covers approved grants past their time and requests left undecided for a day. */
export const approvalStatuses = ['pending', 'approved', 'denied', 'used', 'withdrawn', 'expired'] as const;

/** An approval request as requester and lead see it (the customer only as a masked label). */
export const approvalViewSchema = z.object({
  id: z.number().int(),
  requesterAgentId: z.string(),
  requesterName: z.string(),
  purpose: z.enum(approvalPurposes),
  customerId: z.number().int().nullable(),
  customerLabel: z.string(),
  reasonCode: z.enum(accessReasonCodes),
  reasonText: z.string(),
  status: z.enum(approvalStatuses),
  requestedAt: z.string(),
  deciderAgentId: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string(),
  expiresAt: z.string().nullable(),
});

/** An approval request. */
export type ApprovalView = z.infer<typeof approvalViewSchema>;

const approvalResponse = z.object({ approval: approvalViewSchema });
const approvalListResponse = z.object({ approvals: z.array(approvalViewSchema) });

/** Channels of approvals: an agent asks with a reason, a team lead (never the requester) decides. */
export const approvalsChannels = {
  request: defineChannel({
    access: ['agent', 'team_lead', 'admin'],
    request: z
      .strictObject({
        purpose: z.enum(approvalPurposes),
        customerId: z.number().int().positive().nullable(),
        reasonCode: z.enum(accessReasonCodes),
        reasonText: z.string().trim().min(2).max(200),
      })
      .refine((request) => auditApprovalPurposes.includes(request.purpose) === (request.customerId === null), {
        message: 'a customer is required for customer purposes, and none for the audit purposes',
        path: ['customerId'],
      }),
    response: approvalResponse,
  }),
  /** The caller's own requests, newest first. */
  mine: defineChannel({
    access: ['agent', 'team_lead', 'admin'],
    request: z.strictObject({}),
    response: approvalListResponse,
  }),
  /** A team lead's inbox: the team's requests (pending first), never the lead's own. */
  inbox: defineChannel({
    access: ['team_lead'],
    request: z.strictObject({}),
    response: approvalListResponse,
  }),
  /** Approves or denies a pending request; a lead cannot decide their own (`SELF_APPROVAL`). */
  decide: defineChannel({
    access: ['team_lead'],
    request: z.strictObject({
      approvalId: z.number().int().positive(),
      approve: z.boolean(),
      note: z.string().trim().max(200),
    }),
    response: approvalResponse,
  }),
  /** Withdraws the caller's own pending request. */
  withdraw: defineChannel({
    access: ['agent', 'team_lead', 'admin'],
    request: z.strictObject({ approvalId: z.number().int().positive() }),
    response: approvalResponse,
  }),
};
