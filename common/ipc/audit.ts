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
  /** The hash of the entry before it in the chain. */
  previousHash: z.string(),
  hash: z.string(),
});

/** One audit entry. */
export type AuditEntryView = z.infer<typeof auditEntryViewSchema>;

/** How audited actions end. */
export const auditOutcomes = ['success', 'refused', 'failed'] as const;

/** A review's total is exact up to this many entries, then shown as "10,000+". */
export const auditTotalCap = 10_000;

/** The most entries one export may hold; a larger view is refused (`AUDIT_EXPORT_TOO_LARGE`). */
export const auditExportRowLimit = 1_000_000;

/** File formats of an audit export. */
export const auditExportFormats = ['csv', 'xlsx'] as const;

const storedTimePattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** A UTC time, normalised to the form the log stores (`Date#toISOString`, with milliseconds). */
const auditTimeSchema = z.iso.datetime().transform((value) => new Date(value).toISOString());

/**
 * What a review narrows the log to; every field optional. `action` is exact, or a family ending
 * in `.*` (`customer.*`). `from` is inclusive, `to` exclusive.
 */
export const auditFilterSchema = z
  .strictObject({
    agentId: z.string().trim().min(1).max(40).optional(),
    action: z
      .string()
      .trim()
      .max(80)
      .regex(/^[A-Za-z0-9_:-]+(\.[A-Za-z0-9_:-]+)*(\.\*)?$/, 'an action such as customer.reveal, or a family such as customer.*')
      .optional(),
    objectType: z.string().trim().min(1).max(40).optional(),
    objectId: z.string().trim().min(1).max(80).optional(),
    outcome: z.enum(auditOutcomes).optional(),
    from: auditTimeSchema.optional(),
    to: auditTimeSchema.optional(),
  })
  .refine((filter) => filter.from === undefined || filter.to === undefined || filter.from < filter.to, {
    message: 'the start must come before the end',
    path: ['to'],
  });

/** A review filter as main applies it. */
export type AuditFilterView = z.infer<typeof auditFilterSchema>;

/** Where a page ended: its last entry's time and seq; the next page starts strictly after it. */
export const auditCursorSchema = z.strictObject({
  occurredAt: z.string().regex(storedTimePattern, 'an ISO-8601 UTC time with milliseconds'),
  seq: z.number().int().positive(),
});

/** A page cursor. */
export type AuditCursorView = z.infer<typeof auditCursorSchema>;

/** Time descending (newest first) or ascending; entries of the same millisecond go by seq. */
const auditOrderSchema = z.enum(['desc', 'asc']).default('desc');

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

/** A background verification: entries checked of those expected, and the result once done. */
export const auditVerificationProgressSchema = z.object({
  jobId: z.number().int(),
  checked: z.number().int(),
  total: z.number().int(),
  done: z.boolean(),
  result: auditVerificationSchema.nullable(),
});

/** A background verification's progress. */
export type AuditVerificationProgress = z.infer<typeof auditVerificationProgressSchema>;

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
  /**
   * A page of the filtered log in time order, continuing after `cursor` (keyset paging). Team
   * leads see their team's entries and their own, administrators all. The first page (no
   * cursor) carries the total, exact up to {@link auditTotalCap}. Every call is audited.
   */
  list: defineChannel({
    access: ['team_lead', 'admin'],
    request: z.strictObject({
      filter: auditFilterSchema.default({}),
      order: auditOrderSchema,
      cursor: auditCursorSchema.optional(),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    response: z.object({
      entries: z.array(auditEntryViewSchema),
      nextCursor: auditCursorSchema.nullable(),
      total: z.object({ count: z.number().int(), capped: z.boolean() }).nullable(),
    }),
  }),
  /**
   * The filtered view as a file (CSV with a BOM, or XLSX), at most {@link auditExportRowLimit}
   * entries. Uses up an approved `audit_export` grant; audited with the format, the row count
   * and the filter. The file comes back as base64 for the page to save.
   */
  export: defineChannel({
    access: ['team_lead', 'admin'],
    request: z.strictObject({
      filter: auditFilterSchema.default({}),
      order: auditOrderSchema,
      format: z.enum(auditExportFormats),
      approvalId: z.number().int().positive(),
    }),
    response: z.object({
      fileName: z.string(),
      mimeType: z.string(),
      contentBase64: z.string(),
      rowCount: z.number().int(),
    }),
  }),
  /**
   * Starts walking the chain in the background (a running walk of the caller's is returned
   * instead); poll `verificationProgress` with the job ID. The result is audited.
   */
  startVerification: defineChannel({
    access: ['team_lead', 'admin'],
    request: z.strictObject({}),
    response: auditVerificationProgressSchema,
  }),
  /** How far the caller's walk got, and its result once over. */
  verificationProgress: defineChannel({
    access: ['team_lead', 'admin'],
    request: z.strictObject({ jobId: z.number().int().positive() }),
    response: auditVerificationProgressSchema,
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
