import { createHmac, hash as computeDigest, timingSafeEqual } from 'node:crypto';
import type { z } from 'zod';
import { auditCheckpointSchema as checkpointFileSchema } from '../common/ipc/audit';
import {
  auditSealBlockSize,
  checkAuditSeal,
  createAuditSeal,
  deriveAuditSealKey,
  saveAuditSeals,
  type AuditSeal,
  type SealedBlock,
} from './audit-seals';
import { cachedStatement, type Db } from './connection';

/** The `previous_hash` of the very first entry: 64 zeros. */
export const genesisHash = '0'.repeat(64);

/** How an audited action ended. */
export type AuditOutcome = 'success' | 'refused' | 'failed';

/** Extra facts about an action: flat, with text, finite numbers, booleans or null as values. */
export type AuditDetails = Readonly<Record<string, string | number | boolean | null>>;

/** One action to record, as main describes it. */
export type NewAuditEntry = Readonly<{
  /** When it happened: ISO-8601 UTC with milliseconds, exactly as `Date#toISOString` writes it. */
  occurredAt: string;
  /** The workstation's IANA time zone at that moment, e.g. `Asia/Shanghai`. */
  timeZone: string;
  /** The workstation's offset from UTC at that moment, in minutes (east positive). */
  utcOffsetMinutes: number;
  workstationId: string;
  /** The acting agent, or null before anyone signed in. */
  agentId: string | null;
  role: string | null;
  action: string;
  objectType: string | null;
  objectId: string | null;
  outcome: AuditOutcome;
  /** The error code of a refused or failed action. */
  code: string | null;
  details: AuditDetails;
}>;

/** A stored entry with its place in the chain. */
export type AuditEntry = NewAuditEntry &
  Readonly<{
    seq: number;
    /** The hash of the entry before it (or the anchor's head hash, or {@link genesisHash}). */
    previousHash: string;
    /** Hex HMAC-SHA256 over `previousHash` and the entry's canonical encoding. */
    hash: string;
  }>;

/** What a failed verification found at the first broken entry. */
export type AuditProblem = 'edited' | 'missing' | 'inserted' | 'reordered' | 'anchor-forged';

/** The result of {@link verifyAuditChain}. */
export type AuditVerification =
  | Readonly<{
      status: 'intact';
      /** How many entries were verified. */
      checked: number;
      firstSeq: number | null;
      lastSeq: number | null;
      /** Where the next entry must chain from. */
      headHash: string;
    }>
  | Readonly<{
      status: 'broken';
      /** How many entries verified before the break. */
      checked: number;
      /** The last seq known good (an anchor's `up_to_seq` counts), or null when none is. */
      intactUpTo: number | null;
      /** The seq of the first broken entry (for `anchor-forged`, the forged anchor's `up_to_seq`). */
      brokenAt: number;
      problem: AuditProblem;
      /** An English sentence for the administrator. */
      message: string;
    }>;

/** A signed statement of the chain's head, exported so that a later truncation can be proven. */
export type AuditCheckpoint = Readonly<{
  format: 'seatdesk-audit-checkpoint';
  version: 1;
  workstationId: string;
  seq: number;
  hash: string;
  createdAt: string;
  /** Hex HMAC-SHA256 over every other field, with a key derived from the audit key. */
  signature: string;
}>;

/** A checkpoint file as uploaded: unknown fields are refused. The signature is checked by {@link compareAuditCheckpoint}. */
export const auditCheckpointSchema: z.ZodType<AuditCheckpoint> = checkpointFileSchema;

/** The result of {@link compareAuditCheckpoint}. */
export type CheckpointComparison =
  | Readonly<{ status: 'match'; seq: number; newerEntries: number; message: string }>
  | Readonly<{
      status: 'mismatch';
      problem: 'bad-signature' | 'truncated' | 'diverged' | 'archived' | 'other-workstation';
      /** The checkpoint's seq; for `truncated`, the last seq still present. */
      seq: number;
      message: string;
    }>;

/** Why {@link archiveAuditEntries} refused. */
export type AuditArchiveRefusal = 'TOO_YOUNG' | 'CHAIN_BROKEN' | 'NOTHING_TO_ARCHIVE';

/** Archiving was refused; nothing was written. */
export class AuditArchiveError extends Error {
  readonly reason: AuditArchiveRefusal;

  constructor(reason: AuditArchiveRefusal, message: string) {
    super(message);
    this.name = 'AuditArchiveError';
    this.reason = reason;
  }
}

/** What {@link archiveAuditEntries} produced. The caller stores `archive` before anyone relies on it. */
export type AuditArchive = Readonly<{
  /** JSON Lines: a header, then one line per archived entry, each ending in `\n`. */
  archive: string;
  /** Hex SHA-256 of the archive's UTF-8 bytes, as recorded in the anchor. */
  digest: string;
  entryCount: number;
  /** The last archived seq (the request's bound or the newest entry, whichever is lower). */
  upToSeq: number;
  /** The hash of that entry: where the remaining chain continues. */
  headHash: string;
}>;

const auditKeyLength = 32;
const hmacBlockSize = 64;
const sha256Length = 32;
/** Entries between progress reports: whole seal blocks, so that every block a walk verifies gets sealed. */
const progressInterval = 10 * auditSealBlockSize;
const millisecondsPerDay = 86_400_000;
const defaultMinimumAgeDays = 180;
const isoTimestampPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const loneSurrogatePattern = /\p{Cs}/u;
const outcomes: ReadonlySet<string> = new Set<AuditOutcome>(['success', 'refused', 'failed']);
const checkpointKeyLabel = 'seatdesk-audit-checkpoint-v1';
const anchorKeyLabel = 'seatdesk-audit-anchor-v1';
const trailingBracket = 0x5d;
const comma = 0x2c;

/** Columns of `audit_log` in the order of the canonical encoding. */
const canonicalColumns = `occurred_at, time_zone, utc_offset_minutes, workstation_id, agent_id, role, action,
  object_type, object_id, outcome, code`;

/** One raw `audit_log` row as selected by {@link entryColumns}. */
type EntryRow = [
  seq: number,
  previousHash: string,
  hash: string,
  occurredAt: string,
  timeZone: string,
  utcOffsetMinutes: number,
  workstationId: string,
  agentId: string | null,
  role: string | null,
  action: string,
  objectType: string | null,
  objectId: string | null,
  outcome: AuditOutcome,
  code: string | null,
  details: string,
];

const entryColumns = `seq, previous_hash, hash, ${canonicalColumns}, details`;
/** Positions in {@link EntryRow}. */
const firstCanonicalColumn = 3;
const canonicalFieldCount = 11;
const detailsColumn = 14;

type AnchorRow = {
  id: number;
  upToSeq: number;
  headHash: string;
  entryCount: number;
  archiveDigest: string;
  approvalId: number | null;
  archivedAt: string;
  signature: string;
};

function assertAuditKey(auditKey: Buffer): void {
  if (!Buffer.isBuffer(auditKey) || auditKey.length !== auditKeyLength) {
    throw new RangeError(`The audit key must be ${auditKeyLength} bytes.`);
  }
}

function deriveKey(auditKey: Buffer, label: string): Buffer {
  return createHmac('sha256', auditKey).update(label).digest();
}

function hmacHex(key: Buffer, text: string): string {
  return createHmac('sha256', key).update(text).digest('hex');
}

/**
 * Flat JSON object text with keys in UTF-16 code-unit order. Built by hand because a JS object
 * always lists integer-like keys ("2", "10") first, whatever order they were added in.
 */
function canonicalJsonObject(record: Readonly<Record<string, string | number | boolean | null>>): string {
  const members = Object.keys(record)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${JSON.stringify(record[key])}`);
  return `{${members.join(',')}}`;
}

function canonicalFields(entry: NewAuditEntry): unknown[] {
  return [
    entry.occurredAt,
    entry.timeZone,
    entry.utcOffsetMinutes,
    entry.workstationId,
    entry.agentId,
    entry.role,
    entry.action,
    entry.objectType,
    entry.objectId,
    entry.outcome,
    entry.code,
  ];
}

/**
 * The bytes (as UTF-8 of this text) that an entry's hash covers together with the previous hash:
 * a JSON array of occurredAt, timeZone, utcOffsetMinutes, workstationId, agentId, role, action,
 * objectType, objectId, outcome, code, then the details as a JSON object with sorted keys (the
 * text stored in `details`). Deterministic; seq is left out because the chain fixes the order.
 */
export function canonicalAuditEncoding(entry: NewAuditEntry): string {
  return joinEncoding(JSON.stringify(canonicalFields(entry)), canonicalJsonObject(entry.details));
}

function joinEncoding(fieldsJson: string, detailsJson: string): string {
  return `${fieldsJson.slice(0, -1)},${detailsJson}]`;
}

function assertWellFormedText(value: string, name: string): void {
  // SQLite stores UTF-8: a lone surrogate would be replaced on the way in, and the stored
  // entry would no longer match the hash computed here.
  if (loneSurrogatePattern.test(value)) throw new TypeError(`Audit ${name} contains a lone surrogate.`);
}

function assertText(value: unknown, name: string, nullable: boolean): void {
  if (value === null && nullable) return;
  if (typeof value !== 'string') throw new TypeError(`Audit ${name} must be text${nullable ? ' or null' : ''}.`);
  assertWellFormedText(value, name);
}

function assertIsoTimestamp(value: unknown, name: string): void {
  if (typeof value !== 'string' || !isoTimestampPattern.test(value) || Number.isNaN(Date.parse(value))) {
    throw new TypeError(`${name} must be an ISO-8601 UTC timestamp with milliseconds, as Date#toISOString writes it.`);
  }
}

function assertNewEntry(entry: NewAuditEntry): void {
  assertIsoTimestamp(entry.occurredAt, 'Audit occurredAt');
  assertText(entry.timeZone, 'timeZone', false);
  if (!Number.isSafeInteger(entry.utcOffsetMinutes) || Math.abs(entry.utcOffsetMinutes) > 24 * 60) {
    throw new TypeError('Audit utcOffsetMinutes must be a whole number of minutes within a day.');
  }
  assertText(entry.workstationId, 'workstationId', false);
  assertText(entry.agentId, 'agentId', true);
  assertText(entry.role, 'role', true);
  assertText(entry.action, 'action', false);
  assertText(entry.objectType, 'objectType', true);
  assertText(entry.objectId, 'objectId', true);
  if (!outcomes.has(entry.outcome)) throw new TypeError(`Audit outcome must be one of ${[...outcomes].join(', ')}.`);
  assertText(entry.code, 'code', true);
  const details: unknown = entry.details;
  if (typeof details !== 'object' || details === null || Array.isArray(details)) {
    throw new TypeError('Audit details must be a flat object.');
  }
  for (const [key, value] of Object.entries(details)) {
    assertWellFormedText(key, 'details key');
    if (typeof value === 'string') assertWellFormedText(value, `details.${key}`);
    else if (typeof value === 'number') {
      if (!Number.isFinite(value)) throw new TypeError(`Audit details.${key} must be a finite number.`);
    } else if (typeof value !== 'boolean' && value !== null) {
      throw new TypeError(`Audit details.${key} must be text, a number, a boolean or null.`);
    }
  }
}

/** Every anchor, oldest first. */
function readAnchors(db: Db): AnchorRow[] {
  return db
    .prepare(
      `SELECT id, up_to_seq AS upToSeq, head_hash AS headHash, entry_count AS entryCount,
         archive_digest AS archiveDigest, approval_id AS approvalId, archived_at AS archivedAt, signature
       FROM audit_anchors ORDER BY id`,
    )
    .all() as AnchorRow[];
}

/** The anchor the chain resumes from: the one reaching furthest. */
function newestAnchor(db: Db): AnchorRow | undefined {
  return cachedStatement(
      db,
      `SELECT id, up_to_seq AS upToSeq, head_hash AS headHash, entry_count AS entryCount,
         archive_digest AS archiveDigest, approval_id AS approvalId, archived_at AS archivedAt, signature
       FROM audit_anchors ORDER BY up_to_seq DESC, id DESC LIMIT 1`,
    )
    .get() as AnchorRow | undefined;
}

function anchorSignature(anchorKey: Buffer, anchor: Omit<AnchorRow, 'id' | 'signature'>): string {
  return hmacHex(
    anchorKey,
    canonicalJsonObject({
      format: 'seatdesk-audit-anchor',
      version: 1,
      upToSeq: anchor.upToSeq,
      headHash: anchor.headHash,
      entryCount: anchor.entryCount,
      archiveDigest: anchor.archiveDigest,
      approvalId: anchor.approvalId,
      archivedAt: anchor.archivedAt,
    }),
  );
}

function sameHexDigest(actual: string, expected: string): boolean {
  const actualBytes = Buffer.from(actual, 'hex');
  const expectedBytes = Buffer.from(expected, 'hex');
  // Buffer.from drops invalid hex silently, so the text length is checked as well.
  return (
    actual.length === expected.length &&
    actualBytes.length === expectedBytes.length &&
    timingSafeEqual(actualBytes, expectedBytes)
  );
}

/**
 * HMAC-SHA256 over `previousHash ‖ canonical encoding`, for the verification loop. RFC 2104 by
 * hand with one-shot digests into reused buffers: a `createHmac` object per entry costs about
 * as much again as the hashing. The result is identical to `createHmac('sha256', auditKey)`.
 */
function createEntryHasher(auditKey: Buffer): (previousHash: string, fieldsJson: string, detailsJson: string) => string {
  const outerInput = Buffer.alloc(hmacBlockSize + sha256Length);
  let innerInput = Buffer.alloc(4096);
  for (let index = 0; index < hmacBlockSize; index += 1) {
    const keyByte = index < auditKey.length ? (auditKey[index] as number) : 0;
    innerInput[index] = keyByte ^ 0x36;
    outerInput[index] = keyByte ^ 0x5c;
  }
  return (previousHash, fieldsJson, detailsJson) => {
    // UTF-8 needs at most 3 bytes per UTF-16 code unit.
    const largest = hmacBlockSize + 3 * (previousHash.length + fieldsJson.length + detailsJson.length) + 2;
    if (largest > innerInput.length) {
      const larger = Buffer.alloc(Math.max(largest, innerInput.length * 2));
      innerInput.copy(larger, 0, 0, hmacBlockSize);
      innerInput = larger;
    }
    let length = hmacBlockSize;
    length += innerInput.write(previousHash, length, 'utf8');
    length += innerInput.write(fieldsJson, length, 'utf8');
    // Reopen the fields array for the details object: `[…]` becomes `[…,{…}]`.
    length -= 1;
    innerInput[length] = comma;
    length += 1;
    length += innerInput.write(detailsJson, length, 'utf8');
    innerInput[length] = trailingBracket;
    length += 1;
    computeDigest('sha256', innerInput.subarray(0, length), 'buffer').copy(outerInput, hmacBlockSize);
    return computeDigest('sha256', outerInput, 'hex');
  };
}

/** The seq after every stored and archived entry, and the hash the next entry chains from. */
function chainHead(db: Db): Readonly<{ seq: number; hash: string }> {
  const newest = cachedStatement(db, 'SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as
    | { seq: number; hash: string }
    | undefined;
  const anchor = newestAnchor(db);
  if (newest !== undefined && (anchor === undefined || newest.seq > anchor.upToSeq)) return newest;
  if (anchor !== undefined) return { seq: anchor.upToSeq, hash: anchor.headHash };
  return { seq: 0, hash: genesisHash };
}

/**
 * Appends one entry and returns it. Its previous hash is the hash of the newest row, else the
 * newest anchor's head hash, else {@link genesisHash}; its hash is hex HMAC-SHA256(auditKey,
 * previousHash ‖ {@link canonicalAuditEncoding}). Its seq follows every stored and archived entry.
 * Opens no transaction of its own: callers call it inside theirs so that the action and its
 * entry commit together. Throws `RangeError` for an audit key that is not 32 bytes and
 * `TypeError` for a malformed entry (see {@link NewAuditEntry}).
 */
export function appendAuditEntry(db: Db, auditKey: Buffer, entry: NewAuditEntry): AuditEntry {
  assertAuditKey(auditKey);
  assertNewEntry(entry);
  const head = chainHead(db);
  const detailsJson = canonicalJsonObject(entry.details);
  const hash = createHmac('sha256', auditKey)
    .update(head.hash)
    .update(joinEncoding(JSON.stringify(canonicalFields(entry)), detailsJson))
    .digest('hex');
  const seq = head.seq + 1;
  cachedStatement(
    db,
    `INSERT INTO audit_log (seq, ${canonicalColumns}, details, previous_hash, hash)
     VALUES (@seq, @occurredAt, @timeZone, @utcOffsetMinutes, @workstationId, @agentId, @role, @action,
       @objectType, @objectId, @outcome, @code, @details, @previousHash, @hash)`,
  ).run({ ...entry, seq, details: detailsJson, previousHash: head.hash, hash });
  return { ...entry, seq, previousHash: head.hash, hash };
}

type ChainFailure = Readonly<{ seq: number; previousHash: string; hash: string; selfValid: boolean }>;

/**
 * The log numbers its entries from 1, and never reaches 2^53 (a JavaScript number holds every seq
 * below exactly). An entry outside that range was inserted by hand, and a walk could not reach it:
 * it is reported before any walk starts. Two lookups at the ends of the seq index.
 */
function entryOutsideSeqRange(reader: Db): AuditVerification | undefined {
  const [lowest, highest] = cachedStatement(reader, 'SELECT min(seq), max(seq) FROM audit_log').raw().safeIntegers().get() as [
    bigint | null,
    bigint | null,
  ];
  const outside = lowest !== null && lowest < 1n ? lowest : highest !== null && highest > BigInt(Number.MAX_SAFE_INTEGER) ? highest : undefined;
  if (outside === undefined) return undefined;
  return {
    status: 'broken',
    checked: 0,
    intactUpTo: null,
    brokenAt: Number(outside),
    problem: 'inserted',
    message: `Entry ${outside} was inserted: the log numbers its entries from 1 up to ${Number.MAX_SAFE_INTEGER}.`,
  };
}

/** A walk of the hash chain done in slices, so that a long log can show progress between them. */
export type AuditChainWalk = Readonly<{
  /** Entries the walk expects to check: every seq after the archive anchor, up to the newest at the start. */
  total: number;
  /** Entries checked so far. */
  checked: () => number;
  /** Of those, the entries checked through their block's seal (see db/audit-seals.ts). */
  checkedBySeal: () => number;
  /**
   * Checks up to `maxEntries` more entries in seq order (a whole block is always checked whole,
   * so a step may check up to a block more). Returns the result when the walk is over (every
   * entry checked, or the first failure found), else undefined.
   */
  step: (maxEntries: number) => AuditVerification | undefined;
  /**
   * Seals for the whole blocks this walk verified entry by entry since the last call, for
   * {@link saveAuditSeals}.
   */
  takeSeals: () => AuditSeal[];
}>;

/** Options of a walk. */
export type AuditWalkOptions = Readonly<{
  /**
   * The connection the walk reads entries through; default `db`. A reader from
   * {@link openAuditReader} skips SQLCipher's per-page HMAC, which costs more than the walk's
   * own checks (those cover every byte of every entry with the audit key).
   */
  reader?: Db;
  /**
   * Blocks another thread checked against their seals (with `auditSealCheckRecipe`): what it
   * found (null: no valid seal, so the block is walked entry by entry), or undefined to check the
   * block here. Asked once per whole block, in seq order.
   */
  sealsCheckedElsewhere?: (firstSeq: number) => SealedBlock | null | undefined;
}>;

/** Where a walk that does not start at the anchor picks up: after this seq, from this previous hash. */
type WalkResumption = Readonly<{ afterSeq: number; previousHash: string }>;

function startWalk(
  db: Db,
  auditKey: Buffer,
  upToSeq: number,
  options: AuditWalkOptions | undefined,
  resumption?: WalkResumption,
): AuditChainWalk {
  assertAuditKey(auditKey);
  const reader = options?.reader ?? db;
  const anchors = readAnchors(reader);
  const anchorKey = deriveKey(auditKey, anchorKeyLabel);
  let start: AnchorRow | undefined;
  let forged: AuditVerification | undefined;
  for (const anchor of anchors) {
    if (!sameHexDigest(anchor.signature, anchorSignature(anchorKey, anchor))) {
      forged = {
        status: 'broken',
        checked: 0,
        intactUpTo: null,
        brokenAt: anchor.upToSeq,
        problem: 'anchor-forged',
        message: `The archive anchor up to entry ${anchor.upToSeq} has an invalid signature: it was forged or altered.`,
      };
      break;
    }
    if (start === undefined || anchor.upToSeq > start.upToSeq) start = anchor;
  }
  forged ??= entryOutsideSeqRange(reader);
  const archivedUpTo = start?.upToSeq ?? 0;
  // The newest seq now, so that entries appended during a sliced walk (its own audit entry
  // among them) are left for the next walk. Seqs run without gaps in an intact log, so the
  // expected count needs no count(*), which would decrypt every page once more.
  const lastSeq = Math.min(upToSeq, (cachedStatement(reader, 'SELECT max(seq) FROM audit_log').pluck().get() as number | null) ?? 0);
  const total = Math.max(0, lastSeq - (resumption?.afterSeq ?? archivedUpTo));
  // Each slice is its own query: an open iterator would keep the connection busy between slices.
  const slice = cachedStatement(reader, `SELECT ${entryColumns} FROM audit_log WHERE seq > ? AND seq <= ? ORDER BY seq LIMIT ?`).raw();
  const hashEntry = createEntryHasher(auditKey);
  const sealKey = deriveAuditSealKey(auditKey);
  const fields: unknown[] = new Array<unknown>(canonicalFieldCount);
  let expectedPrevious = resumption?.previousHash ?? start?.headHash ?? genesisHash;
  let lastGoodSeq: number | null = resumption?.afterSeq ?? start?.upToSeq ?? null;
  let lastReadSeq = resumption?.afterSeq ?? archivedUpTo;
  // Archiving deleted everything up to the anchor: a row found there was put back.
  let archivedRangeChecked = resumption !== undefined || archivedUpTo === 0;
  let firstSeq: number | null = null;
  let checked = 0;
  let checkedBySeal = 0;
  let seals: AuditSeal[] = [];
  let result: AuditVerification | undefined = forged;

  /** Checks up to `limit` rows after `lastReadSeq` up to `upper`, one by one. */
  function walkRows(upper: number, limit: number): Readonly<{ read: number; failure?: ChainFailure }> {
    const rows = slice.all(lastReadSeq, upper, limit) as EntryRow[];
    for (const row of rows) {
      const seq = row[0];
      lastReadSeq = seq;
      for (let index = 0; index < canonicalFieldCount; index += 1) fields[index] = row[firstCanonicalColumn + index];
      // Text where text belongs, or the entry was changed below the app (a hand-edited schema
      // lets NULL or a BLOB in): such an entry is reported, never hashed as something else.
      const [, previousHash, hash] = row;
      const details: unknown = row[detailsColumn];
      const wellTyped = typeof previousHash === 'string' && typeof hash === 'string' && typeof details === 'string';
      const selfValid = wellTyped && hashEntry(previousHash, JSON.stringify(fields), details) === hash;
      if (!selfValid || previousHash !== expectedPrevious) {
        const failure = { seq, previousHash: typeof previousHash === 'string' ? previousHash : '', hash: typeof hash === 'string' ? hash : '', selfValid };
        return { read: rows.length, failure };
      }
      expectedPrevious = hash;
      lastGoodSeq = seq;
      firstSeq ??= seq;
      checked += 1;
    }
    if (rows.length < limit) {
      // Nothing more up to `upper`. Seqs have no gaps in an intact log: after a gap, go straight to
      // the next entry (whose link shows what is missing) instead of through every empty block.
      const next = cachedStatement(reader, 'SELECT min(seq) FROM audit_log WHERE seq > ?').pluck().get(upper) as number | null;
      lastReadSeq = next === null ? upper : Math.max(upper, next - 1);
    }
    return { read: rows.length };
  }

  function step(maxEntries: number): AuditVerification | undefined {
    if (result !== undefined) return result;
    if (!archivedRangeChecked) {
      archivedRangeChecked = true;
      const [row] = slice.all(0, archivedUpTo, 1) as EntryRow[];
      if (row !== undefined) return finish({ seq: row[0], previousHash: row[1], hash: row[2], selfValid: false });
    }
    let budget = Math.max(1, Math.trunc(maxEntries));
    while (budget > 0) {
      if (lastReadSeq >= lastSeq) return finish(undefined);
      const first = lastReadSeq + 1;
      const blockLast = Math.ceil(first / auditSealBlockSize) * auditSealBlockSize;
      const upper = Math.min(lastSeq, blockLast);
      const wholeBlock = (first - 1) % auditSealBlockSize === 0 && upper === blockLast;
      if (wholeBlock) {
        const elsewhere = options?.sealsCheckedElsewhere?.(first);
        const sealed = elsewhere === undefined ? checkAuditSeal(reader, sealKey, first, upper) : (elsewhere ?? undefined);
        if (sealed !== undefined && sealed.firstPreviousHash === expectedPrevious) {
          expectedPrevious = sealed.lastHash;
          lastGoodSeq = upper;
          lastReadSeq = upper;
          firstSeq ??= first;
          checked += auditSealBlockSize;
          checkedBySeal += auditSealBlockSize;
          budget -= auditSealBlockSize;
          continue;
        }
      }
      // A whole block is read whole even past the budget: read in two steps it could not be sealed.
      const limit = wholeBlock ? auditSealBlockSize : Math.min(budget, upper - lastReadSeq);
      let walked: Readonly<{ read: number; failure?: ChainFailure }>;
      if (wholeBlock) {
        // One read transaction, so that the seal covers exactly the rows just verified.
        walked = reader.transaction(() => {
          const rows = walkRows(upper, limit);
          if (rows.failure === undefined && rows.read === auditSealBlockSize) {
            const seal = createAuditSeal(reader, sealKey, first, upper);
            if (seal !== undefined) seals.push(seal);
          }
          return rows;
        })();
      } else {
        walked = walkRows(upper, limit);
      }
      if (walked.failure !== undefined) return finish(walked.failure);
      budget -= walked.read;
    }
    return undefined;
  }

  function finish(failure: ChainFailure | undefined): AuditVerification {
    if (failure === undefined) {
      result = { status: 'intact', checked, firstSeq, lastSeq: firstSeq === null ? null : lastGoodSeq, headHash: expectedPrevious };
    } else {
      const { problem, message } = classifyFailure(reader, failure, expectedPrevious, lastGoodSeq, archivedUpTo);
      result = { status: 'broken', checked, intactUpTo: lastGoodSeq, brokenAt: failure.seq, problem, message };
    }
    return result;
  }

  function takeSeals(): AuditSeal[] {
    const taken = seals;
    seals = [];
    return taken;
  }

  return { total, checked: () => checked, checkedBySeal: () => checkedBySeal, step, takeSeals };
}

/** Walks entries with seq ≤ `upToSeq` from the newest anchor (or genesis), in one go, storing the seals it makes. */
function walkChain(
  db: Db,
  auditKey: Buffer,
  upToSeq: number,
  options: (AuditWalkOptions & Readonly<{ onProgress?: (checked: number, total: number) => void }>) | undefined,
): AuditVerification {
  const walk = startWalk(db, auditKey, upToSeq, options);
  const onProgress = options?.onProgress;
  for (;;) {
    const result = walk.step(progressInterval);
    saveAuditSeals(db, walk.takeSeals());
    if (result !== undefined) {
      if (result.status === 'intact') onProgress?.(walk.checked(), walk.total);
      return result;
    }
    onProgress?.(walk.checked(), walk.total);
  }
}

/**
 * Seals up to `maxBlocks` whole blocks written since the newest seal (or since the archive
 * anchor), each verified entry by entry first. The walk starts from the previous hash the first
 * of them names: the link to the blocks before is checked by every full walk. Main runs it
 * between clicks, so that a desk keeps its log sealed as it writes it and the lead's walk is
 * fast even the first time. At a broken entry it stops and seals nothing more: the lead's walk
 * reports the break. Returns how many blocks it sealed.
 */
export function sealNewAuditBlocks(db: Db, auditKey: Buffer, options: AuditWalkOptions & Readonly<{ maxBlocks: number }>): number {
  assertAuditKey(auditKey);
  const reader = options.reader ?? db;
  const newestSealed = (cachedStatement(reader, 'SELECT max(last_seq) FROM audit_seals').pluck().get() as number | null) ?? 0;
  const archivedUpTo = newestAnchor(reader)?.upToSeq ?? 0;
  const afterSeq = Math.max(newestSealed, Math.ceil(archivedUpTo / auditSealBlockSize) * auditSealBlockSize);
  const newest = (cachedStatement(reader, 'SELECT max(seq) FROM audit_log').pluck().get() as number | null) ?? 0;
  const upToSeq = Math.min(Math.floor(newest / auditSealBlockSize) * auditSealBlockSize, afterSeq + options.maxBlocks * auditSealBlockSize);
  if (upToSeq <= afterSeq) return 0;
  const previousHash = cachedStatement(reader, 'SELECT previous_hash FROM audit_log WHERE seq = ?').pluck().get(afterSeq + 1) as
    | string
    | undefined;
  if (previousHash === undefined) return 0;
  const walk = startWalk(db, auditKey, upToSeq, options, { afterSeq, previousHash });
  let sealed = 0;
  for (let result: AuditVerification | undefined; result === undefined; ) {
    result = walk.step(auditSealBlockSize);
    const seals = walk.takeSeals();
    saveAuditSeals(db, seals);
    sealed += seals.length;
  }
  return sealed;
}

function describeMissing(seq: number, lastGoodSeq: number | null): string {
  const firstMissing = (lastGoodSeq ?? 0) + 1;
  const lastMissing = seq - 1;
  const after = lastGoodSeq === null ? 'the start of the log' : `entry ${lastGoodSeq}`;
  if (lastMissing < firstMissing) {
    return `Entries are missing between ${after} and entry ${seq}; the later entries were renumbered to hide the gap.`;
  }
  const missing = firstMissing === lastMissing ? `Entry ${firstMissing} is` : `Entries ${firstMissing} to ${lastMissing} are`;
  return `${missing} missing: entry ${seq} does not follow ${after}.`;
}

/**
 * Names the first failure. A row failing its own HMAC is `inserted` when the next row chains
 * past it, else `edited`; at the end of the log there is no next row, so a forged appended
 * entry and an edited newest entry look alike and are both reported as `edited`. A row with a
 * valid HMAC but the wrong predecessor is `reordered` when its predecessor is elsewhere in the
 * log, else `missing`.
 */
function classifyFailure(
  db: Db,
  failure: ChainFailure,
  expectedPrevious: string,
  lastGoodSeq: number | null,
  archivedUpTo: number,
): Readonly<{ problem: AuditProblem; message: string }> {
  const { seq } = failure;
  if (seq <= archivedUpTo) {
    return {
      problem: 'inserted',
      message: `Entry ${seq} lies inside the archived range (up to entry ${archivedUpTo}) and should not exist.`,
    };
  }
  if (!failure.selfValid) {
    const nextPrevious = db
      .prepare('SELECT previous_hash FROM audit_log WHERE seq > ? ORDER BY seq LIMIT 1')
      .pluck()
      .get(seq) as string | undefined;
    if (nextPrevious === expectedPrevious) {
      return { problem: 'inserted', message: `Entry ${seq} was inserted: the entries around it chain past it.` };
    }
    if (nextPrevious === undefined && failure.previousHash === expectedPrevious) {
      return {
        problem: 'edited',
        message: `Entry ${seq} does not match its hash: it was edited after it was written, or forged and appended (the newest entry cannot tell the two apart).`,
      };
    }
    return { problem: 'edited', message: `Entry ${seq} was edited after it was written.` };
  }
  // A real entry copied to a second place is a duplicate insertion, not a reordering.
  const copies = db.prepare('SELECT count(*) FROM audit_log WHERE hash = ?').pluck().get(failure.hash) as number;
  if (copies > 1) {
    return { problem: 'inserted', message: `Entry ${seq} is a copy of another entry, inserted again.` };
  }
  const predecessorSeq = db
    .prepare('SELECT seq FROM audit_log WHERE hash = ? ORDER BY seq LIMIT 1')
    .pluck()
    .get(failure.previousHash) as number | undefined;
  if (predecessorSeq !== undefined) {
    const expected = lastGoodSeq === null ? 'instead of first' : `instead of after entry ${lastGoodSeq}`;
    const place = predecessorSeq > seq ? 'which now comes after it' : expected;
    return {
      problem: 'reordered',
      message: `Entry ${seq} is out of order: it was written after entry ${predecessorSeq}, ${place}.`,
    };
  }
  return { problem: 'missing', message: describeMissing(seq, lastGoodSeq) };
}

/**
 * Walks the whole chain in seq order from the newest anchor (every anchor's signature is checked
 * first) or from genesis, and reports the first failure at its exact seq (see
 * {@link AuditProblem}). `onProgress` is called every 10,240 entries (ten seal blocks) and once at the end of an
 * intact walk. Writes nothing but the seals of the blocks it verified entry by entry, so that
 * the next walk checks them at a block a query; throws `RangeError` for an audit key that is not
 * 32 bytes.
 */
export function verifyAuditChain(
  db: Db,
  auditKey: Buffer,
  options?: AuditWalkOptions & Readonly<{ onProgress?: (checked: number, total: number) => void }>,
): AuditVerification {
  return walkChain(db, auditKey, Number.MAX_SAFE_INTEGER, options);
}

/**
 * Starts the same walk as {@link verifyAuditChain}, to be done in slices (`step`) with other
 * work between them, e.g. on main's event loop while the lead watches the progress. The walk
 * covers the entries present at the start. It writes nothing: the caller stores `takeSeals()`
 * with {@link saveAuditSeals}.
 */
export function startAuditChainWalk(db: Db, auditKey: Buffer, options?: AuditWalkOptions): AuditChainWalk {
  return startWalk(db, auditKey, Number.MAX_SAFE_INTEGER, options);
}

function checkpointSignature(auditKey: Buffer, checkpoint: Omit<AuditCheckpoint, 'signature'>): string {
  return hmacHex(
    deriveKey(auditKey, checkpointKeyLabel),
    canonicalJsonObject({
      format: checkpoint.format,
      version: checkpoint.version,
      workstationId: checkpoint.workstationId,
      seq: checkpoint.seq,
      hash: checkpoint.hash,
      createdAt: checkpoint.createdAt,
    }),
  );
}

/**
 * Signs the current head (its seq and hash; seq 0 and {@link genesisHash} for an empty log) so
 * that it can be kept outside the workstation. The signing key is HMAC(auditKey,
 * 'seatdesk-audit-checkpoint-v1'); the signature covers every other field as canonical JSON.
 */
export function createAuditCheckpoint(db: Db, auditKey: Buffer, createdAt: string, workstationId: string): AuditCheckpoint {
  assertAuditKey(auditKey);
  const head = chainHead(db);
  const unsigned = {
    format: 'seatdesk-audit-checkpoint',
    version: 1,
    workstationId,
    seq: head.seq,
    hash: head.hash,
    createdAt,
  } as const;
  return { ...unsigned, signature: checkpointSignature(auditKey, unsigned) };
}

function countEntriesAfter(db: Db, seq: number): number {
  return db.prepare('SELECT count(*) FROM audit_log WHERE seq > ?').pluck().get(seq) as number;
}

function matched(db: Db, seq: number): CheckpointComparison {
  const newerEntries = countEntriesAfter(db, seq);
  return {
    status: 'match',
    seq,
    newerEntries,
    message: `The log still holds entry ${seq} as the checkpoint recorded it, and ${newerEntries} newer ${newerEntries === 1 ? 'entry' : 'entries'}.`,
  };
}

/**
 * Checks a checkpoint against the log, in this order: `bad-signature` (timing-safe), then
 * `other-workstation` (made on another workstation than `workstationId`). A seq at or below the
 * newest anchor's `up_to_seq` matches only at exactly that seq with its head hash; other archived
 * seqs are `archived` (check them against the archive file), and a different hash there is
 * `diverged`. Otherwise: `truncated` when the entry is gone and nothing after it exists (`seq` is
 * then the last seq still present), `diverged` when the entry has another hash or is gone with
 * later entries present, else `match` with the number of newer entries.
 */
export function compareAuditCheckpoint(
  db: Db,
  auditKey: Buffer,
  checkpoint: AuditCheckpoint,
  workstationId: string,
): CheckpointComparison {
  assertAuditKey(auditKey);
  const { seq } = checkpoint;
  if (!sameHexDigest(checkpoint.signature, checkpointSignature(auditKey, checkpoint))) {
    return {
      status: 'mismatch',
      problem: 'bad-signature',
      seq,
      message: 'The checkpoint signature is invalid: the file was altered or made with another audit key.',
    };
  }
  if (checkpoint.workstationId !== workstationId) {
    return {
      status: 'mismatch',
      problem: 'other-workstation',
      seq,
      message: `The checkpoint was made on workstation ${checkpoint.workstationId}, not on ${workstationId}.`,
    };
  }
  const diverged: CheckpointComparison = {
    status: 'mismatch',
    problem: 'diverged',
    seq,
    message: `Entry ${seq} differs from the one the checkpoint recorded: the log was rewritten.`,
  };
  const anchor = newestAnchor(db);
  const archivedUpTo = anchor?.upToSeq ?? 0;
  if (anchor !== undefined && seq <= archivedUpTo) {
    if (seq < archivedUpTo) {
      return {
        status: 'mismatch',
        problem: 'archived',
        seq,
        message: `Entry ${seq} was archived (entries up to ${archivedUpTo}); check the checkpoint against the archive file.`,
      };
    }
    return checkpoint.hash === anchor.headHash ? matched(db, seq) : diverged;
  }
  if (seq === 0) return checkpoint.hash === genesisHash ? matched(db, seq) : diverged;
  const hash = db.prepare('SELECT hash FROM audit_log WHERE seq = ?').pluck().get(seq) as string | undefined;
  if (hash !== undefined) return hash === checkpoint.hash ? matched(db, seq) : diverged;
  if (countEntriesAfter(db, seq) > 0) {
    return { ...diverged, message: `Entry ${seq}, which the checkpoint recorded, is gone while later entries remain.` };
  }
  const lastPresent = chainHead(db).seq;
  return {
    status: 'mismatch',
    problem: 'truncated',
    seq: lastPresent,
    message: `The log was cut: it ends at entry ${lastPresent}, but the checkpoint recorded entry ${seq}.`,
  };
}

/** A stored row as selected below: the entry with its details still as JSON text. */
type EntryRecordRow = Omit<AuditEntry, 'details'> & { details: string };

const entryRecordColumns = `seq, occurred_at AS occurredAt, time_zone AS timeZone,
  utc_offset_minutes AS utcOffsetMinutes, workstation_id AS workstationId, agent_id AS agentId, role,
  action, object_type AS objectType, object_id AS objectId, outcome, code, details,
  previous_hash AS previousHash, hash`;

function toEntry(row: EntryRecordRow): AuditEntry {
  return { ...row, details: JSON.parse(row.details) as AuditDetails };
}

const listLimitMaximum = 500;

/**
 * Entries newest first: those with seq below `beforeSeq` (to page backwards), whose actor is
 * one of `agentIds` (exact match; an empty list matches nothing) when given. `limit` is clamped
 * to 1..500.
 */
export function listAuditEntries(
  db: Db,
  query: Readonly<{ beforeSeq?: number; limit: number; agentIds?: readonly string[] }>,
): AuditEntry[] {
  const limit = Number.isFinite(query.limit) ? Math.min(listLimitMaximum, Math.max(1, Math.trunc(query.limit))) : 1;
  const rows = db
    .prepare(
      `SELECT ${entryRecordColumns} FROM audit_log
       WHERE (@beforeSeq IS NULL OR seq < @beforeSeq)
         AND (@agentIds IS NULL OR agent_id IN (SELECT value FROM json_each(@agentIds)))
       ORDER BY seq DESC LIMIT @limit`,
    )
    .all({
      beforeSeq: query.beforeSeq ?? null,
      agentIds: query.agentIds === undefined ? null : JSON.stringify(query.agentIds),
      limit,
    }) as EntryRecordRow[];
  return rows.map(toEntry);
}

/** How many entries the log holds (archived ones excluded). */
export function countAuditEntries(db: Db): number {
  return db.prepare('SELECT count(*) FROM audit_log').pluck().get() as number;
}

function archiveLine(row: EntryRecordRow): string {
  const { details, ...rest } = row;
  // The stored details text is inserted verbatim so the line carries exactly the hashed bytes.
  return `${JSON.stringify(rest).slice(0, -1)},"details":${details}}`;
}

function isDeleteRefusal(error: unknown): boolean {
  return (
    error instanceof Error &&
    'code' in error &&
    error.code === 'SQLITE_CONSTRAINT_TRIGGER' &&
    error.message.includes('audit_log keeps every entry')
  );
}

/**
 * Archives every entry with seq ≤ `upToSeq`, in one transaction: builds the archive (JSON
 * Lines: a header `{format:'seatdesk-audit-archive', version:1, fromSeq, upToSeq, headHash,
 * entryCount, archivedAt}`, then one line per entry with every field including seq,
 * previousHash and hash), its SHA-256 digest, inserts an anchor signed with HMAC(auditKey,
 * 'seatdesk-audit-anchor-v1') over its fields, and deletes the entries. Throws
 * {@link AuditArchiveError}: `NOTHING_TO_ARCHIVE`, `TOO_YOUNG` (an entry is younger than
 * `minimumAgeDays`, default 180, before `now`, or than 180 days by SQLite's clock, which the
 * delete trigger enforces), `CHAIN_BROKEN` (the entries do not verify).
 */
export function archiveAuditEntries(
  db: Db,
  auditKey: Buffer,
  request: Readonly<{ upToSeq: number; now: string; approvalId: number | null; minimumAgeDays?: number }>,
): AuditArchive {
  assertAuditKey(auditKey);
  assertIsoTimestamp(request.now, 'The archive time');
  const minimumAgeDays = request.minimumAgeDays ?? defaultMinimumAgeDays;
  if (!Number.isSafeInteger(request.upToSeq) || !Number.isFinite(minimumAgeDays) || minimumAgeDays < 0) {
    throw new RangeError('upToSeq must be a whole number and minimumAgeDays a non-negative number.');
  }
  return db.transaction((): AuditArchive => {
    const range = db
      .prepare('SELECT min(seq) AS fromSeq, max(seq) AS upToSeq, count(*) AS entryCount, max(occurred_at) AS newest FROM audit_log WHERE seq <= ?')
      .get(request.upToSeq) as { fromSeq: number | null; upToSeq: number | null; entryCount: number; newest: string | null };
    if (range.fromSeq === null || range.upToSeq === null || range.newest === null) {
      throw new AuditArchiveError('NOTHING_TO_ARCHIVE', `No entries up to ${request.upToSeq} are left to archive.`);
    }
    const cutoff = new Date(Date.parse(request.now) - minimumAgeDays * millisecondsPerDay).toISOString();
    if (range.newest > cutoff) {
      throw new AuditArchiveError(
        'TOO_YOUNG',
        `Entries up to ${range.upToSeq} include some from ${range.newest}, less than ${minimumAgeDays} days before ${request.now}.`,
      );
    }
    const verification = walkChain(db, auditKey, range.upToSeq, undefined);
    if (verification.status === 'broken') throw new AuditArchiveError('CHAIN_BROKEN', verification.message);
    const header = {
      format: 'seatdesk-audit-archive',
      version: 1,
      fromSeq: range.fromSeq,
      upToSeq: range.upToSeq,
      headHash: verification.headHash,
      entryCount: range.entryCount,
      archivedAt: request.now,
    };
    const lines = [JSON.stringify(header)];
    const rows = db
      .prepare(`SELECT ${entryRecordColumns} FROM audit_log WHERE seq <= ? ORDER BY seq`)
      .iterate(range.upToSeq) as IterableIterator<EntryRecordRow>;
    for (const row of rows) lines.push(archiveLine(row));
    const archive = `${lines.join('\n')}\n`;
    const digest = computeDigest('sha256', archive, 'hex');
    const anchor = {
      upToSeq: range.upToSeq,
      headHash: verification.headHash,
      entryCount: range.entryCount,
      archiveDigest: digest,
      approvalId: request.approvalId,
      archivedAt: request.now,
    };
    db.prepare(
      `INSERT INTO audit_anchors (up_to_seq, head_hash, entry_count, archive_digest, approval_id, archived_at, signature)
       VALUES (@upToSeq, @headHash, @entryCount, @archiveDigest, @approvalId, @archivedAt, @signature)`,
    ).run({ ...anchor, signature: anchorSignature(deriveKey(auditKey, anchorKeyLabel), anchor) });
    try {
      db.prepare('DELETE FROM audit_log WHERE seq <= ?').run(range.upToSeq);
      db.prepare('DELETE FROM audit_seals WHERE first_seq <= ?').run(range.upToSeq);
    } catch (error) {
      if (!isDeleteRefusal(error)) throw error;
      throw new AuditArchiveError(
        'TOO_YOUNG',
        `Entries up to ${range.upToSeq} include some less than 180 days old by the database clock.`,
      );
    }
    return { archive, digest, entryCount: range.entryCount, upToSeq: range.upToSeq, headHash: verification.headHash };
  })();
}
