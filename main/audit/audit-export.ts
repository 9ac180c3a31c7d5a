import { Writable } from 'node:stream';
import { setImmediate as nextTurn, setTimeout as sleep } from 'node:timers/promises';
import * as ExcelJS from 'exceljs';
import { auditExportRowLimit, type AuditFilterView } from '../../common/ipc/audit';
import { AppError } from '../../common/ipc/result';
import { findUsableGrant, markApprovalUsed } from '../../db/approvals';
import type { AuditDetails, AuditEntry } from '../../db/audit-log';
import {
  countAuditMatches,
  findAuditKeys,
  iterateAuditEntries,
  newestAuditSeq,
  type AuditCursor,
  type AuditOrder,
  type AuditQuery,
} from '../../db/audit-queries';
import type { Db } from '../../db/connection';
import type { DeskContext, SignedInCaller } from '../desk-context';
import { tickSeat } from '../session/seat-lock';
import { recordAudit, refuseAudited } from './audit-trail';
import { auditScopeOf, describeAuditView } from './audit-review';

/** A cell as both formats write it: text, a number, or empty. */
export type ExportCell = string | number | null;

/** The file formats of an audit export. */
export type AuditExportFormat = 'csv' | 'xlsx';

/** An export as it leaves main: the file, base64 for the page to save, and how many entries it holds. */
export type AuditExportFile = Readonly<{ fileName: string; mimeType: string; contentBase64: string; rowCount: number }>;

const mimeTypes: Record<AuditExportFormat, string> = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** Entries read per slice of the log between two turns of the event loop. */
const exportBatchSize = 2000;
/** Sheet XML allowed to wait for the zip's compressor before the export pauses for it. */
const pendingSheetBytesLimit = 1 << 20;
const byteOrderMark = '\uFEFF';
const formulaTrigger = /^[=+\-@\t\r]/;
const csvSpecial = /[",\r\n]/;

/** The stored details text: a JSON object with keys in UTF-16 order, as the entry's hash covers it. */
export function detailsText(details: AuditDetails): string {
  const members = Object.keys(details)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${JSON.stringify(details[key])}`);
  return `{${members.join(',')}}`;
}

/** The workstation's wall-clock time of an entry, `2026-11-22 10:00:00.000 +08:00`, from its UTC time and offset. */
export function localTimeOf(occurredAt: string, utcOffsetMinutes: number): string {
  const shifted = new Date(Date.parse(occurredAt) + utcOffsetMinutes * 60_000).toISOString();
  const sign = utcOffsetMinutes < 0 ? '-' : '+';
  const magnitude = Math.abs(utcOffsetMinutes);
  const offset = `${sign}${String(Math.floor(magnitude / 60)).padStart(2, '0')}:${String(magnitude % 60).padStart(2, '0')}`;
  return `${shifted.slice(0, 10)} ${shifted.slice(11, 23)} ${offset}`;
}

/** The columns of both formats: a stable English name (the header) and the value of an entry. */
export const auditExportColumns: readonly (readonly [string, (entry: AuditEntry) => ExportCell])[] = [
  ['seq', (entry) => entry.seq],
  ['occurredAt', (entry) => entry.occurredAt],
  ['localTime', (entry) => localTimeOf(entry.occurredAt, entry.utcOffsetMinutes)],
  ['timeZone', (entry) => entry.timeZone],
  ['utcOffsetMinutes', (entry) => entry.utcOffsetMinutes],
  ['workstationId', (entry) => entry.workstationId],
  ['agentId', (entry) => entry.agentId],
  ['role', (entry) => entry.role],
  ['action', (entry) => entry.action],
  ['objectType', (entry) => entry.objectType],
  ['objectId', (entry) => entry.objectId],
  ['outcome', (entry) => entry.outcome],
  ['code', (entry) => entry.code],
  ['details', (entry) => detailsText(entry.details)],
  ['previousHash', (entry) => entry.previousHash],
  ['hash', (entry) => entry.hash],
];

const columnWidths: Readonly<Record<string, number>> = {
  seq: 10,
  occurredAt: 26,
  localTime: 32,
  timeZone: 16,
  details: 60,
  previousHash: 66,
  hash: 66,
};

/**
 * One CSV cell (RFC 4180): quoted when it holds a quote, comma or line break, quotes doubled.
 * Text starting with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`, so a
 * spreadsheet shows it instead of running it as a formula. Numbers are written as they are.
 */
export function csvCell(value: ExportCell): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const safe = formulaTrigger.test(value) ? `'${value}` : value;
  return csvSpecial.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** One CSV record with its CRLF. */
export function csvRecord(cells: readonly ExportCell[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

function entryCells(entry: AuditEntry): ExportCell[] {
  return auditExportColumns.map(([, value]) => value(entry));
}

/** The view holds more entries than an export may; thrown before the entry past the limit is written. */
export class AuditExportTooLargeError extends Error {
  constructor(readonly rowLimit: number) {
    super(`The view holds more than ${rowLimit} entries; narrow the filter.`);
    this.name = 'AuditExportTooLargeError';
  }
}

/**
 * Walks the query's entries in slices of {@link exportBatchSize}: each slice's keys come from
 * the keyset query (its row-filter scan bounded per call), its rows from an iterating statement
 * handed to `write` one at a time. The statement finishes before `pause` runs, so the shared
 * connection is never held across a wait and other calls (clicks, telephony) go on while a large
 * export is written. Throws {@link AuditExportTooLargeError} rather than write past `rowLimit`.
 */
async function forEachEntry(
  db: Db,
  query: AuditQuery,
  write: (entry: AuditEntry) => void,
  pause: () => Promise<void>,
  rowLimit: number,
): Promise<number> {
  let cursor: AuditCursor | undefined;
  let written = 0;
  for (;;) {
    const slice = findAuditKeys(db, query, cursor === undefined ? { limit: exportBatchSize } : { limit: exportBatchSize, cursor });
    if (written + slice.keys.length > rowLimit) throw new AuditExportTooLargeError(rowLimit);
    for (const entry of iterateAuditEntries(db, slice.keys)) {
      write(entry);
      written += 1;
    }
    if (slice.nextCursor === null) return written;
    cursor = slice.nextCursor;
    await pause();
  }
}

/** The view as CSV: UTF-8 with a BOM (Excel reads the Chinese), CRLF line ends, a header row. */
export async function writeAuditCsv(db: Db, query: AuditQuery, rowLimit = auditExportRowLimit): Promise<{ content: Buffer; rowCount: number }> {
  const chunks: Buffer[] = [Buffer.from(`${byteOrderMark}${csvRecord(auditExportColumns.map(([name]) => name))}`, 'utf8')];
  let pending: string[] = [];
  const rowCount = await forEachEntry(
    db,
    query,
    (entry) => {
      pending.push(csvRecord(entryCells(entry)));
    },
    async () => {
      chunks.push(Buffer.from(pending.join(''), 'utf8'));
      pending = [];
      await nextTurn();
    },
    rowLimit,
  );
  chunks.push(Buffer.from(pending.join(''), 'utf8'));
  return { content: Buffer.concat(chunks), rowCount };
}

type BufferedState = Readonly<{ length?: unknown }>;
type SheetStreamInternals = Readonly<{
  buffers?: readonly BufferedState[];
  pipes?: readonly Readonly<{ _writableState?: BufferedState; _readableState?: BufferedState }>[];
}>;

function lengthOf(state: BufferedState | undefined): number {
  return typeof state?.length === 'number' ? state.length : 0;
}

/**
 * Bytes of sheet XML written but not yet taken in by the zip's compressor, or undefined when
 * they cannot be seen. exceljs 4.4.0 (pinned) buffers a streamed sheet in its own stream, which
 * the zip entry drains at the compressor's pace and which never reports backpressure; without
 * waiting on it the whole sheet would pile up in memory. The test checks these internals are found.
 */
export function pendingSheetBytes(sheet: object): number | undefined {
  const stream = (sheet as { stream?: SheetStreamInternals }).stream;
  if (stream === undefined || !Array.isArray(stream.buffers) || !Array.isArray(stream.pipes)) return undefined;
  let pending = 0;
  for (const buffer of stream.buffers) pending += lengthOf(buffer);
  for (const pipe of stream.pipes) pending += lengthOf(pipe._writableState) + lengthOf(pipe._readableState);
  return pending;
}

/**
 * The view as XLSX through exceljs's streaming `WorkbookWriter`: each row is committed (turned
 * into sheet XML) as it is read, and the export waits whenever the compressor falls behind, so
 * neither the entries nor their XML pile up. Text cells stay text (`inlineStr`): a value that
 * looks like a formula is never one.
 */
export async function writeAuditXlsx(
  db: Db,
  query: AuditQuery,
  rowLimit = auditExportRowLimit,
  onPause?: (pendingBytes: number | undefined) => void,
): Promise<{ content: Buffer; rowCount: number }> {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk);
      callback();
    },
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: false, useSharedStrings: false });
  const sheet = workbook.addWorksheet('audit-log', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = auditExportColumns.map(([name]) => ({ header: name, key: name, width: columnWidths[name] ?? 14 }));
  const rowCount = await forEachEntry(
    db,
    query,
    (entry) => {
      sheet.addRow(entryCells(entry)).commit();
    },
    async () => {
      await nextTurn();
      for (;;) {
        const pending = pendingSheetBytes(sheet);
        onPause?.(pending);
        if (pending === undefined || pending <= pendingSheetBytesLimit) return;
        await sleep(1);
      }
    },
    rowLimit,
  );
  sheet.commit();
  await workbook.commit();
  return { content: Buffer.concat(chunks), rowCount };
}

function requireExportGrant(db: Db, caller: SignedInCaller, approvalId: number, now: string) {
  const grant = findUsableGrant(db, { requesterId: caller.account.id, purpose: 'audit_export', customerId: null, now, approvalId });
  if (grant === undefined) {
    throw new AppError('APPROVAL_REQUIRED', "Exporting the audit log needs a team lead's approval (audit_export), unused and unexpired.");
  }
  return grant;
}

function fileStamp(now: Date): string {
  return now.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
}

/**
 * Exports the caller's filtered view (team scope for team leads) as CSV or XLSX under an
 * approved, unused `audit_export` grant. The entries are those present when the export started;
 * more than `rowLimit` (1,000,000) are refused (`AUDIT_EXPORT_TOO_LARGE`, audited; the grant
 * stays): counted first when the index alone answers, else found out while writing. The file
 * is written first; then, in one transaction, the grant is checked again and used and the
 * export is audited with its format, row count and filter, so nothing leaves the desk unless
 * both commit (a second export racing on the same grant gets `APPROVAL_REQUIRED`, a seat
 * locked meanwhile gets `LOCKED`).
 */
export async function exportAuditView(
  desk: DeskContext,
  caller: SignedInCaller,
  request: Readonly<{ filter: AuditFilterView; order: AuditOrder; format: AuditExportFormat; approvalId: number }>,
  options: Readonly<{ rowLimit?: number }> = {},
): Promise<AuditExportFile> {
  const rowLimit = options.rowLimit ?? auditExportRowLimit;
  const db = desk.store.connection();
  requireExportGrant(db, caller, request.approvalId, desk.now().toISOString());
  const scope = auditScopeOf(db, caller.account);
  const view = describeAuditView(request.filter, request.order, scope);
  const query: AuditQuery = { scope, filter: request.filter, order: request.order, throughSeq: newestAuditSeq(db) };
  const refuseTooLarge = () =>
    refuseAudited(
      desk,
      caller.account,
      { action: 'audit.export', objectType: 'audit', code: 'AUDIT_EXPORT_TOO_LARGE', details: { ...view, format: request.format, rowLimit, approvalId: request.approvalId } },
      `The view holds more than ${rowLimit} entries; narrow the filter.`,
    );
  // Index-only views are counted up front; one with row filters may only find out while it is written.
  const counted = countAuditMatches(db, query, rowLimit);
  if (counted.capped && counted.count >= rowLimit) throw refuseTooLarge();
  let file: { content: Buffer; rowCount: number };
  try {
    file = request.format === 'csv' ? await writeAuditCsv(db, query, rowLimit) : await writeAuditXlsx(db, query, rowLimit);
  } catch (error) {
    if (error instanceof AuditExportTooLargeError) throw refuseTooLarge();
    throw error;
  }
  return db.transaction((): AuditExportFile => {
    const session = desk.sessions.get(caller.clientKey);
    if (session !== undefined) tickSeat(desk, session);
    if (session?.seat.locked !== false) throw new AppError('LOCKED', 'The seat locked or the session ended while the export was written.');
    const now = desk.now();
    const grant = requireExportGrant(db, caller, request.approvalId, now.toISOString());
    if (!markApprovalUsed(db, grant.id, now.toISOString())) throw new AppError('APPROVAL_REQUIRED', 'The approval was used already.');
    recordAudit(desk, caller.account, {
      action: 'audit.export',
      objectType: 'audit',
      details: { ...view, format: request.format, rowCount: file.rowCount, throughSeq: query.throughSeq ?? null, approvalId: grant.id },
    });
    return {
      fileName: `seatdesk-audit-${fileStamp(now)}.${request.format}`,
      mimeType: mimeTypes[request.format],
      contentBase64: file.content.toString('base64'),
      rowCount: file.rowCount,
    };
  })();
}
