import { idTypes, type CustomerView, type Gender, type IdType, type ProtectedField } from '../../common/ipc/customers';
import { AppError } from '../../common/ipc/result';
import { findUsableGrant, markApprovalUsed, type ApprovalPurpose } from '../../db/approvals';
import {
  findCustomerById,
  findCustomerIdsByIdentifier,
  insertCustomer,
  insertCustomerNote,
  listCustomerNotes,
  type CustomerIdentifierKind,
  type CustomerRecord,
} from '../../db/customers';
import type { Db } from '../../db/connection';
import { recordAudit } from '../audit/audit-trail';
import { openableHits } from './customer-hits';
import { linkCustomerToCurrentCall, refuseBlockedText } from '../calls/calls';
import { sessionOf, type DeskContext, type SignedInCaller } from '../desk-context';
import type { OpenCustomerView, Session } from '../session/session-registry';
import { maskAccountNumber, maskAddress, maskFreeText, maskIdNumber, maskName, maskPhone } from './masking';

/** The record's document type, `other` for a value this version does not know. */
export function idTypeOf(record: CustomerRecord): IdType {
  return (idTypes as readonly string[]).includes(record.idType) ? (record.idType as IdType) : 'other';
}

/** Whether the view's full-file grant still runs at `now`. */
function fullFileShown(view: OpenCustomerView | null, now: Date): boolean {
  const until = view?.fullFileUntil ?? null;
  return until !== null && until > now.toISOString();
}

/**
 * The customer as it may cross IPC: every protected field masked, except those revealed in the
 * open view or all of them under a full-file grant. This is the only way customer data leaves main.
 */
export function toCustomerView(db: Db, record: CustomerRecord, view: OpenCustomerView | null, now: Date): CustomerView {
  const open = view !== null && view.customerId === record.id ? view : null;
  const fullFile = fullFileShown(open, now);
  const shown = (field: ProtectedField, raw: string, mask: string, index = 0) =>
    fullFile || open?.reveals.has(`${field}:${index}`) === true ? { text: raw, masked: false } : { text: mask, masked: true };
  return {
    id: record.id,
    name: shown('name', record.fullName, maskName(record.fullName, record.gender)),
    gender: record.gender,
    phones: record.phones.map((phone, index) => shown('phone', phone, maskPhone(phone), index)),
    idType: idTypeOf(record),
    idNumber: shown('idNumber', record.idNumber, maskIdNumber(idTypeOf(record), record.idNumber)),
    address: shown('address', record.address, maskAddress(record.address)),
    accountNumbers: record.accountNumbers.map((number, index) =>
      shown('accountNumber', number, maskAccountNumber(number), index),
    ),
    createdAt: record.createdAt,
    fullFile,
    fullFileUntil: fullFile ? (open?.fullFileUntil ?? null) : null,
    // Agents type numbers into notes too: those are masked like the fields, outside a full file.
    notes: listCustomerNotes(db, record.id).map((note) => (fullFile ? note : { ...note, body: maskFreeText(note.body) })),
  };
}

function requireCustomer(db: Db, customerId: number): CustomerRecord {
  const record = findCustomerById(db, customerId);
  if (record === undefined) throw new AppError('CUSTOMER_NOT_FOUND', `No customer ${customerId}.`);
  return record;
}

/** Least privilege: a session opens only customers it found by exact number, created, or holds a grant for. */
function requireAccessible(session: Session, customerId: number): void {
  if (!session.accessibleCustomerIds.has(customerId)) {
    throw new AppError('CUSTOMER_NOT_ACCESSIBLE', 'Find the customer by phone, account or ID number first.');
  }
}

/** The masked form of a searched value, for the audit entry (the value itself is personal data). */
function maskedSearchValue(kind: CustomerIdentifierKind, value: string): string {
  if (kind === 'phone') return maskPhone(value);
  if (kind === 'idNumber') return maskIdNumber('other', value);
  return maskAccountNumber(value);
}

/** Exact search; every hit becomes openable in this session. Audited with the masked value. */
export function findCustomers(
  desk: DeskContext,
  caller: SignedInCaller,
  request: Readonly<{ kind: CustomerIdentifierKind; value: string }>,
): { customers: { id: number; name: string; phone: string }[] } {
  const session = sessionOf(desk, caller);
  const db = desk.store.connection();
  return db.transaction(() => {
    const ids = findCustomerIdsByIdentifier(db, request.kind, request.value);
    recordAudit(desk, caller.account, {
      action: 'customer.search',
      objectType: 'customer',
      details: { kind: request.kind, value: maskedSearchValue(request.kind, request.value), hits: ids.length },
    });
    return { customers: openableHits(db, session, ids) };
  })();
}

/** Opens a customer (masked), ending the previous view and its reveals. Audited. */
export function viewCustomer(desk: DeskContext, caller: SignedInCaller, request: Readonly<{ customerId: number }>): { customer: CustomerView } {
  const session = sessionOf(desk, caller);
  requireAccessible(session, request.customerId);
  const db = desk.store.connection();
  return db.transaction(() => {
    const record = requireCustomer(db, request.customerId);
    session.openView = { customerId: record.id, reveals: new Set(), fullFileUntil: null };
    linkCustomerToCurrentCall(desk, caller, record.id);
    recordAudit(desk, caller.account, { action: 'customer.view', objectType: 'customer', objectId: record.id });
    return { customer: toCustomerView(db, record, session.openView, desk.now()) };
  })();
}

/** Ends the open view; its reveals end with it. */
export function closeCustomerView(desk: DeskContext, caller: SignedInCaller): Record<string, never> {
  sessionOf(desk, caller).openView = null;
  return {};
}

function fieldExists(record: CustomerRecord, field: ProtectedField, index: number): boolean {
  if (field === 'phone') return index < record.phones.length;
  if (field === 'accountNumber') return index < record.accountNumbers.length;
  return index === 0;
}

function rawValue(record: CustomerRecord, field: ProtectedField, index: number): string {
  switch (field) {
    case 'name':
      return record.fullName;
    case 'phone':
      return record.phones[index] ?? '';
    case 'idNumber':
      return record.idNumber;
    case 'address':
      return record.address;
    case 'accountNumber':
      return record.accountNumbers[index] ?? '';
  }
}

/** Reveals one field of the open customer until the view ends. Needs a reason; audited with it. */
export function revealCustomerField(
  desk: DeskContext,
  caller: SignedInCaller,
  request: Readonly<{ customerId: number; field: ProtectedField; index: number; reasonCode: string; reasonText: string }>,
): { customer: CustomerView; value: string } {
  const session = sessionOf(desk, caller);
  const view = session.openView;
  if (view?.customerId !== request.customerId) {
    throw new AppError('NO_OPEN_VIEW', 'Open the customer before revealing a field.');
  }
  const db = desk.store.connection();
  return db.transaction(() => {
    const record = requireCustomer(db, request.customerId);
    if (!fieldExists(record, request.field, request.index)) {
      throw new AppError('VALIDATION_FAILED', 'The customer has no such field.');
    }
    view.reveals.add(`${request.field}:${request.index}`);
    recordAudit(desk, caller.account, {
      action: 'customer.reveal',
      objectType: 'customer',
      objectId: record.id,
      details: { field: request.field, index: request.index, reasonCode: request.reasonCode, reason: maskFreeText(request.reasonText) },
    });
    return { customer: toCustomerView(db, record, view, desk.now()), value: rawValue(record, request.field, request.index) };
  })();
}

/** Records a new customer, audited in the same transaction, and opens it. */
export function createCustomer(
  desk: DeskContext,
  caller: SignedInCaller,
  request: Readonly<{
    fullName: string;
    gender: Gender | null;
    phones: readonly string[];
    idType: IdType;
    idNumber: string;
    address: string;
    accountNumbers: readonly string[];
  }>,
): { customer: CustomerView } {
  const session = sessionOf(desk, caller);
  const db = desk.store.connection();
  return db.transaction(() => {
    const id = insertCustomer(db, { ...request, now: desk.now().toISOString() });
    recordAudit(desk, caller.account, {
      action: 'customer.create',
      objectType: 'customer',
      objectId: id,
      details: { phones: request.phones.length, accountNumbers: request.accountNumbers.length },
    });
    session.accessibleCustomerIds.add(id);
    session.openView = { customerId: id, reveals: new Set(), fullFileUntil: null };
    linkCustomerToCurrentCall(desk, caller, id);
    return { customer: toCustomerView(db, requireCustomer(db, id), session.openView, desk.now()) };
  })();
}

/** Adds a contact note to the open customer; audited (without the note's text). */
export function addCustomerNote(
  desk: DeskContext,
  caller: SignedInCaller,
  request: Readonly<{ customerId: number; body: string }>,
): { customer: CustomerView } {
  const session = sessionOf(desk, caller);
  if (session.openView?.customerId !== request.customerId) {
    throw new AppError('NO_OPEN_VIEW', 'Open the customer before adding a note.');
  }
  refuseBlockedText(desk, caller, request.body, 'The note');
  const db = desk.store.connection();
  return db.transaction(() => {
    const record = requireCustomer(db, request.customerId);
    const noteId = insertCustomerNote(db, {
      customerId: record.id,
      authorAccountId: caller.account.id,
      body: request.body,
      now: desk.now().toISOString(),
    });
    recordAudit(desk, caller.account, {
      action: 'customer.note.create',
      objectType: 'customer',
      objectId: record.id,
      details: { noteId, length: request.body.length },
    });
    return { customer: toCustomerView(db, record, session.openView, desk.now()) };
  })();
}

function requireGrant(
  db: Db,
  caller: SignedInCaller,
  purpose: ApprovalPurpose,
  customerId: number,
  now: string,
  approvalId?: number,
) {
  const grant = findUsableGrant(db, {
    requesterId: caller.account.id,
    purpose,
    customerId,
    now,
    ...(approvalId === undefined ? {} : { approvalId }),
  });
  if (grant === undefined) {
    throw new AppError('APPROVAL_REQUIRED', `A team lead's approval (${purpose}) is needed, and it must not have expired.`);
  }
  return grant;
}

/** Opens the full, unmasked file under the caller's approved, unexpired grant. Audited. */
export function openFullFile(desk: DeskContext, caller: SignedInCaller, request: Readonly<{ customerId: number }>): { customer: CustomerView } {
  const session = sessionOf(desk, caller);
  const db = desk.store.connection();
  return db.transaction(() => {
    const grant = requireGrant(db, caller, 'full_file', request.customerId, desk.now().toISOString());
    const record = requireCustomer(db, request.customerId);
    session.accessibleCustomerIds.add(record.id);
    session.openView = { customerId: record.id, reveals: new Set(), fullFileUntil: grant.expiresAt };
    recordAudit(desk, caller.account, {
      action: 'customer.openFullFile',
      objectType: 'customer',
      objectId: record.id,
      details: { approvalId: grant.id, expiresAt: grant.expiresAt },
    });
    return { customer: toCustomerView(db, record, session.openView, desk.now()) };
  })();
}

const exportedFields = ['name', 'gender', 'phones', 'idType', 'idNumber', 'address', 'accountNumbers', 'createdAt'] as const;

function exportRows(record: CustomerRecord): { label: string; value: string }[] {
  return [
    { label: 'name', value: record.fullName },
    { label: 'gender', value: record.gender ?? '' },
    { label: 'phones', value: record.phones.join(' / ') },
    { label: 'idType', value: record.idType },
    { label: 'idNumber', value: record.idNumber },
    { label: 'address', value: record.address },
    { label: 'accountNumbers', value: record.accountNumbers.join(' / ') },
    { label: 'createdAt', value: record.createdAt },
  ];
}

function csvCell(value: string): string {
  // A leading =, +, - or @ would run as a formula in a spreadsheet.
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * Uses a single-use grant (export or print) and audits the use with what left the desk, in one
 * transaction: a second use of the same grant is refused.
 */
function useGrant(
  desk: DeskContext,
  caller: SignedInCaller,
  purpose: 'export' | 'print',
  request: Readonly<{ customerId: number; approvalId: number }>,
): CustomerRecord {
  const db = desk.store.connection();
  return db.transaction(() => {
    const now = desk.now().toISOString();
    const grant = requireGrant(db, caller, purpose, request.customerId, now, request.approvalId);
    const record = requireCustomer(db, request.customerId);
    if (!markApprovalUsed(db, grant.id, now)) throw new AppError('APPROVAL_REQUIRED', 'The approval was used already.');
    recordAudit(desk, caller.account, {
      action: purpose === 'export' ? 'customer.export' : 'customer.print',
      objectType: 'customer',
      objectId: record.id,
      details: { approvalId: grant.id, fields: exportedFields.join(',') },
    });
    return record;
  })();
}

/** Exports the full record as CSV (with a BOM, so Excel reads the Chinese) under an export grant. */
export function exportCustomer(
  desk: DeskContext,
  caller: SignedInCaller,
  request: Readonly<{ customerId: number; approvalId: number }>,
): { fileName: string; mimeType: 'text/csv'; content: string } {
  const record = useGrant(desk, caller, 'export', request);
  const rows = exportRows(record);
  const content = `\uFEFF${rows.map((row) => csvCell(row.label)).join(',')}\r\n${rows.map((row) => csvCell(row.value)).join(',')}\r\n`;
  return { fileName: `customer-${record.id}.csv`, mimeType: 'text/csv', content };
}

/** The full record as a printable sheet under a print grant. */
export function printCustomer(
  desk: DeskContext,
  caller: SignedInCaller,
  request: Readonly<{ customerId: number; approvalId: number }>,
): { title: string; rows: { label: string; value: string }[]; printedBy: string; printedAt: string } {
  const record = useGrant(desk, caller, 'print', request);
  return {
    title: `customer-${record.id}`,
    rows: exportRows(record),
    printedBy: caller.account.agentId,
    printedAt: desk.now().toISOString(),
  };
}
