import { z } from 'zod';
import { defineChannel } from './channel';

/** One audit entry as review screens show it (never unmasked personal data: none is recorded). */
export const auditEntryViewSchema = z.object({
  seq: z.number().int(),
  occurredAt: z.string(),
  timeZone: z.string(),
  utcOffsetMinutes: z.number().int(),
  workstationId: z.string(),
  agentId: z.string().nullable(),
  role: z.string().nullable(),
  action: z.string(),
  objectType: z.string().nullable(),
  objectId: z.string().nullable(),
  outcome: z.enum(['success', 'refused', 'failed']),
  code: z.string().nullable(),
  details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  hash: z.string(),
});

/** One audit entry. */
export type AuditEntryView = z.infer<typeof auditEntryViewSchema>;

/** Result of walking the hash chain. */
export const auditVerificationSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('intact'),
    checked: z.number().int(),
    firstSeq: z.number().int().nullable(),
    lastSeq: z.number().int().nullable(),
    headHash: z.string(),
  }),
  z.object({
    status: z.literal('broken'),
    checked: z.number().int(),
    intactUpTo: z.number().int().nullable(),
    brokenAt: z.number().int(),
    problem: z.enum(['edited', 'missing', 'inserted', 'reordered', 'anchor-forged']),
    message: z.string(),
  }),
]);

const hexDigestSchema = z.string().regex(/^[0-9a-f]{64}$/, '64 lower-case hex characters');

/** A signed record of the chain's head, exported to a file and compared later (detects a cut-off tail). */
export const auditCheckpointSchema = z.strictObject({
  format: z.literal('seatdesk-audit-checkpoint'),
  version: z.literal(1),
  workstationId: z.string().min(1).max(200),
  seq: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  hash: hexDigestSchema,
  createdAt: z.iso.datetime(),
  signature: hexDigestSchema,
});

/** A signed audit checkpoint. */
export type AuditCheckpointFile = z.infer<typeof auditCheckpointSchema>;

/** Result of comparing a checkpoint with the chain now. */
export const checkpointComparisonSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('match'), seq: z.number().int(), newerEntries: z.number().int(), message: z.string() }),
  z.object({
    status: z.literal('mismatch'),
    problem: z.enum(['bad-signature', 'truncated', 'diverged', 'archived', 'other-workstation']),
    seq: z.number().int(),
    message: z.string(),
  }),
]);

/** Channels of the audit log. Every read of it is itself audited. */
export const auditChannels = {
  /** Newest first; team leads see their team's entries, administrators all. */
  list: defineChannel({
    access: ['team_lead', 'admin'],
    request: z.strictObject({
      beforeSeq: z.number().int().positive().optional(),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    response: z.object({ entries: z.array(auditEntryViewSchema), total: z.number().int() }),
  }),
  verify: defineChannel({
    access: ['team_lead', 'admin'],
    request: z.strictObject({}),
    response: auditVerificationSchema,
  }),
  exportCheckpoint: defineChannel({
    access: ['team_lead', 'admin'],
    request: z.strictObject({}),
    response: z.object({ fileName: z.string(), checkpoint: auditCheckpointSchema }),
  }),
  compareCheckpoint: defineChannel({
    access: ['team_lead', 'admin'],
    request: z.strictObject({ checkpoint: auditCheckpointSchema }),
    response: checkpointComparisonSchema,
  }),
  /**
   * Archives (exports, then removes) entries up to `upToSeq`, all older than 180 days; needs an
   * approved `audit_archive` grant; the remaining chain stays verifiable from a signed anchor.
   */
  archive: defineChannel({
    access: ['admin'],
    request: z.strictObject({ upToSeq: z.number().int().positive(), approvalId: z.number().int().positive() }),
    response: z.object({ fileName: z.string(), content: z.string(), entryCount: z.number().int(), digest: z.string() }),
  }),
};
