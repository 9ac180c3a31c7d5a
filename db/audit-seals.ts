import { createCipheriv, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { cachedStatement, type Db } from './connection';

/**
 * Entries per sealed block. Blocks are aligned on seq: block k holds seq k·1024+1 to (k+1)·1024,
 * so a block is found from any seq without a lookup.
 */
export const auditSealBlockSize = 1024;

/**
 * A seal over one whole block of audit entries, made by a chain walk right after it verified
 * every entry of the block (each entry's HMAC and its link to the one before) in the same read
 * of the database. A later walk that finds the block's stored bytes unchanged (the seal's tag
 * still matches) and its first entry chaining from the entry before the block knows the block is
 * intact without recomputing a thousand HMACs.
 *
 * The tag is AES-256-GCM's authentication tag (GMAC) with an empty plaintext, a random 96-bit
 * nonce per seal and a key derived from the audit key (HMAC-SHA256(auditKey,
 * 'seatdesk-audit-seal-v1')), over a header (label, first and last seq, entry count, count of
 * NULL columns) and the block's bytes as {@link blockBytesSql} lays them out. GMAC runs at
 * gigabytes per second on this hardware; HMAC-SHA256 runs at a sixth of that and would cost more
 * than reading the block.
 */
export type AuditSeal = Readonly<{ firstSeq: number; lastSeq: number; nonce: Buffer; tag: Buffer }>;

const sealKeyLabel = 'seatdesk-audit-seal-v1';
const nonceLength = 12;
/** Between two fields and between two rows. 0xFF never occurs in UTF-8 text nor in a decimal integer. */
const fieldSeparator = 0xff;
/** Stands for NULL. 0xFE never occurs in UTF-8 text either. */
const nullMarker = 0xfe;

/** Every column of `audit_log`, in the order the block bytes list them. */
const blockColumns = [
  'seq',
  'previous_hash',
  'hash',
  'occurred_at',
  'time_zone',
  'utc_offset_minutes',
  'workstation_id',
  'agent_id',
  'role',
  'action',
  'object_type',
  'object_id',
  'outcome',
  'code',
  'details',
] as const;
const nullableColumns: ReadonlySet<string> = new Set(['agent_id', 'role', 'object_type', 'object_id', 'code']);
const integerColumns: ReadonlySet<string> = new Set(['seq', 'utc_offset_minutes']);
const fieldsPerRow = blockColumns.length;
/** Positions in a row: the previous hash is its second field, the hash its third. */
const previousHashField = 1;
const hashField = 2;

/**
 * 1 for a row holding a value not of its column's type (INTEGER or TEXT; or NULL where the column
 * allows it), else 0: the row's types, NULL read as text where allowed, against the one list a
 * well-formed row gives. STRICT and NOT NULL are checked only when a row is written: a schema
 * edited by hand, used, and put back leaves such values in the file, with the same bytes.
 */
const rowTypeMismatchSql = `(concat_ws(',', ${blockColumns
  .map((column) => (nullableColumns.has(column) ? `typeof(ifnull(${column}, ''))` : `typeof(${column})`))
  .join(', ')}) <> '${blockColumns.map((column) => (integerColumns.has(column) ? 'integer' : 'text')).join(',')}')`;

/**
 * The block as one byte string, built by SQLite in C (a row into JavaScript costs several times
 * more): every column of every row in seq order, fields and rows separated by 0xFF, NULL written
 * as the single byte 0xFE, integers in decimal, text as its stored bytes. With it, the row count,
 * the number of NULL values and the number of rows holding a value not of its column's type (a
 * block with any is never sealed nor taken as sealed).
 *
 * The extension gives the same bytes and row count for any block, and the same NULL count and
 * the same "no mismatch" for any block without a type mismatch, the only blocks ever sealed. It
 * counts in its own way where a block has mismatches (every NULL, and values rather than rows):
 * the count the SQL would need for that costs the walk a third of its speed, and such a block is
 * walked entry by entry either way.
 *
 * Why this cannot be forged while the seal's tag still matches: every value is checked to be of
 * its column's type (text, an integer in the two INTEGER columns, or NULL where allowed). When
 * the block was sealed, its bytes held exactly 15·n − 1 separators and as many 0xFE bytes as NULL
 * values (checked by {@link createAuditSeal}). A changed block with the same bytes, the same n
 * (checked at every walk) and the same NULL count (covered by the tag) therefore has no 0xFF and
 * no 0xFE inside any value: the bytes split into the same fields, and each field is the same
 * NULL, the same integer or the same text. Every column gets its NULL marker, even those declared
 * NOT NULL: concat_ws skips a NULL argument, which would let a value move into the field before.
 */
const blockBytesSql = `SELECT count(*), ifnull(sum(${[...nullableColumns].map((column) => `(${column} IS NULL)`).join(' + ')}), 0),
  ifnull(sum(${rowTypeMismatchSql}), 0),
  CAST(group_concat(concat_ws(x'ff', ${blockColumns.map((column) => `ifnull(${column}, x'fe')`).join(', ')}), x'ff') AS BLOB)
  FROM audit_log WHERE seq >= ? AND seq <= ?`;

/**
 * The same block from the audit-seals extension (`db/audit-seals-extension.c`), which lays it out
 * byte for byte as {@link blockBytesSql} does, in one pass without building a text per row: about
 * twice as fast on one thread. Its result starts with the row, NULL and type-mismatch counts
 * (little-endian 32-bit each).
 */
const extensionBlockSql = `SELECT seatdesk_audit_block(${blockColumns.join(', ')}) FROM audit_log WHERE seq >= ? AND seq <= ?`;
/** The layout version this code expects from the extension (its LAYOUT_VERSION). */
const auditSealsExtensionVersion = 2;
const extensionVersionSql = 'SELECT seatdesk_audit_seals_version()';
/** Bytes before the block in the extension's result: the row, NULL and type-mismatch counts. */
const extensionPrefixLength = 12;
const readersWithExtension = new WeakSet<Db>();

/**
 * The extension's library file name by platform, as `scripts/build-sqlite-extension.mjs` builds
 * it into `out/native/` (not built for the others, where readers use plain SQL).
 */
export const auditSealsExtensionLibraries: Readonly<Partial<Record<NodeJS.Platform, string>>> = {
  linux: 'seatdesk-audit-seals.so',
  darwin: 'seatdesk-audit-seals.dylib',
};

/**
 * Loads the audit-seals extension from `file` into the audit reader `reader` (never into the
 * store's own connection: it goes through the C API only, SQL's `load_extension()` stays off).
 * From then on the reader's block queries use it; they give the same bytes, so seals made either
 * way check either way. Returns the reason when it cannot be used (no such file, a library for
 * another platform, or one from another build whose layout version differs): the reader then
 * keeps using plain SQL. A library that loaded but is not used stays registered on `reader`, so
 * a caller that wants nothing of it left closes that reader and opens another.
 */
export function loadAuditSealsExtension(reader: Db, file: string): { loaded: true } | { loaded: false; reason: string } {
  try {
    // The entry point, sqlite3_seatdeskauditseals_init, is the one SQLite derives from the library's name.
    reader.loadExtension(file);
    const version = cachedStatement(reader, extensionVersionSql).pluck().get();
    if (version !== auditSealsExtensionVersion) {
      return { loaded: false, reason: `${file} lays out blocks in version ${String(version)}, not ${auditSealsExtensionVersion}: a library left from another build (run npm ci)` };
    }
    readersWithExtension.add(reader);
    return { loaded: true };
  } catch (error) {
    return { loaded: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

/** Whether {@link loadAuditSealsExtension} loaded the extension into `reader`. */
export function usesAuditSealsExtension(reader: Db): boolean {
  return readersWithExtension.has(reader);
}

type BlockBytes = Readonly<{ rowCount: number; nullCount: number; typeMismatches: number; bytes: Buffer }>;

function readBlockBytes(reader: Db, firstSeq: number, lastSeq: number): BlockBytes {
  if (readersWithExtension.has(reader)) {
    const laidOut = cachedStatement(reader, extensionBlockSql).pluck().get(firstSeq, lastSeq) as Buffer | null;
    if (laidOut === null) return { rowCount: 0, nullCount: 0, typeMismatches: 0, bytes: Buffer.alloc(0) };
    return {
      rowCount: laidOut.readUInt32LE(0),
      nullCount: laidOut.readUInt32LE(4),
      typeMismatches: laidOut.readUInt32LE(8),
      bytes: laidOut.subarray(extensionPrefixLength),
    };
  }
  const [rowCount, nullCount, typeMismatches, bytes] = cachedStatement(reader, blockBytesSql).raw().get(firstSeq, lastSeq) as [
    number,
    number,
    number,
    Buffer | null,
  ];
  return { rowCount, nullCount, typeMismatches, bytes: bytes ?? Buffer.alloc(0) };
}

/** The key seals are made with: HMAC-SHA256(auditKey, 'seatdesk-audit-seal-v1'). */
export function deriveAuditSealKey(auditKey: Buffer): Buffer {
  return createHmac('sha256', auditKey).update(sealKeyLabel).digest();
}

/** The text the tag covers before the block's bytes. */
function sealHeader(firstSeq: number | string, lastSeq: number | string, rowCount: number | string, nullCount: number | string): string {
  return `${sealKeyLabel}\n${firstSeq}\n${lastSeq}\n${rowCount}\n${nullCount}\n`;
}

const sealSql = 'SELECT last_seq, nonce, tag FROM audit_seals WHERE first_seq = ?';

/**
 * What another thread needs to check seals exactly as {@link checkAuditSeal} does, on its own
 * connection: the seal and block queries, the tag's header with `{first}`, `{last}`, `{rows}`
 * and `{nulls}` to fill in, the nonce length, and a query for the previous hash of a block's
 * first entry and the hash of its last (run in the same read transaction as the block query),
 * and the same for a connection with the audit-seals extension loaded.
 */
export const auditSealCheckRecipe = {
  sealSql,
  blockSql: blockBytesSql,
  /** Without the extension: rows, NULLs, type mismatches, bytes. With it: one blob, `extensionPrefixLength` bytes of those counts, then the block. */
  extensionBlockSql,
  /** The extension is used only when this query gives `extensionVersion`. */
  extensionVersionSql,
  extensionVersion: auditSealsExtensionVersion,
  extensionPrefixLength,
  boundarySql: 'SELECT (SELECT previous_hash FROM audit_log WHERE seq = ?), (SELECT hash FROM audit_log WHERE seq = ?)',
  headerTemplate: sealHeader('{first}', '{last}', '{rows}', '{nulls}'),
  nonceLength,
} as const;

function sealTag(sealKey: Buffer, nonce: Buffer, firstSeq: number, lastSeq: number, block: BlockBytes): Buffer {
  const cipher = createCipheriv('aes-256-gcm', sealKey, nonce);
  const header = Buffer.from(sealHeader(firstSeq, lastSeq, block.rowCount, block.nullCount));
  cipher.setAAD(Buffer.concat([header, block.bytes]));
  cipher.final();
  return cipher.getAuthTag();
}

function countByte(bytes: Buffer, value: number): number {
  let count = 0;
  for (let index = bytes.indexOf(value); index !== -1; index = bytes.indexOf(value, index + 1)) count += 1;
  return count;
}

/**
 * Seals the whole block `firstSeq`..`lastSeq` as it is stored now. Call it only inside the read
 * transaction in which every entry of the block was verified, so that the seal covers exactly
 * what was verified. Returns undefined when the block is not whole or its bytes are not what
 * well-formed entries give (a value holding a 0xFF or 0xFE byte: only a byte-level edit can
 * store one); such a block is simply walked entry by entry every time.
 */
export function createAuditSeal(reader: Db, sealKey: Buffer, firstSeq: number, lastSeq: number): AuditSeal | undefined {
  const block = readBlockBytes(reader, firstSeq, lastSeq);
  if (block.rowCount !== lastSeq - firstSeq + 1 || block.typeMismatches !== 0) return undefined;
  if (countByte(block.bytes, fieldSeparator) !== fieldsPerRow * block.rowCount - 1) return undefined;
  if (countByte(block.bytes, nullMarker) !== block.nullCount) return undefined;
  const nonce = randomBytes(nonceLength);
  return { firstSeq, lastSeq, nonce, tag: sealTag(sealKey, nonce, firstSeq, lastSeq, block) };
}

/** What a sealed block says about the chain around it. */
export type SealedBlock = Readonly<{ firstPreviousHash: string; lastHash: string }>;

/** The text of field `field` of the row whose first byte is at `rowStart`. */
function fieldText(bytes: Buffer, rowStart: number, field: number): string {
  let start = rowStart;
  for (let skipped = 0; skipped < field; skipped += 1) start = bytes.indexOf(fieldSeparator, start) + 1;
  return bytes.toString('utf8', start, bytes.indexOf(fieldSeparator, start));
}

/**
 * Checks the block `firstSeq`..`lastSeq` against its seal. Returns the previous hash of its
 * first entry and the hash of its last entry when a seal exists for exactly this range, the
 * block holds all its entries and its bytes still match the tag; else undefined (no seal, or
 * the block changed since: the caller then walks it entry by entry, which says what changed).
 * The caller must still check that the first previous hash is the hash of the entry before.
 */
export function checkAuditSeal(reader: Db, sealKey: Buffer, firstSeq: number, lastSeq: number): SealedBlock | undefined {
  const seal = cachedStatement(reader, sealSql).raw().get(firstSeq) as
    | [number, Buffer, Buffer]
    | undefined;
  if (seal === undefined || seal[0] !== lastSeq || seal[1].length !== nonceLength) return undefined;
  const block = readBlockBytes(reader, firstSeq, lastSeq);
  if (block.rowCount !== lastSeq - firstSeq + 1 || block.typeMismatches !== 0) return undefined;
  const tag = sealTag(sealKey, seal[1], firstSeq, lastSeq, block);
  if (seal[2].length !== tag.length || !timingSafeEqual(seal[2], tag)) return undefined;
  // The last row starts after the separator that precedes its seq: fieldsPerRow separators from the end.
  let lastRowStart = block.bytes.length;
  for (let found = 0; found < fieldsPerRow; found += 1) lastRowStart = block.bytes.lastIndexOf(fieldSeparator, lastRowStart - 1);
  return {
    firstPreviousHash: fieldText(block.bytes, 0, previousHashField),
    lastHash: fieldText(block.bytes, lastRowStart + 1, hashField),
  };
}

/** Stores seals made by a walk, replacing older seals of the same blocks. Runs in one transaction. */
export function saveAuditSeals(db: Db, seals: readonly AuditSeal[]): void {
  if (seals.length === 0) return;
  db.transaction(() => {
    const insert = cachedStatement(db, 'INSERT OR REPLACE INTO audit_seals (first_seq, last_seq, nonce, tag) VALUES (?, ?, ?, ?)');
    for (const seal of seals) insert.run(seal.firstSeq, seal.lastSeq, seal.nonce, seal.tag);
  })();
}
