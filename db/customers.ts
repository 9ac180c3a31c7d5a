import type { Gender } from '../common/ipc/customers';
import type { Db } from './connection';

/** A customer with the personal data the confidentiality rules protect. Main masks it before IPC. */
export type CustomerRecord = Readonly<{
  id: number;
  fullName: string;
  gender: Gender | null;
  phones: readonly string[];
  idType: string;
  idNumber: string;
  address: string;
  accountNumbers: readonly string[];
  createdAt: string;
  updatedAt: string;
}>;

/** Fields of a new customer; `now` is an ISO-8601 UTC timestamp supplied by the caller. */
export type NewCustomer = Omit<CustomerRecord, 'id' | 'createdAt' | 'updatedAt'> & Readonly<{ now: string }>;

/** What an exact customer search may match on: no names, no partial values. */
export type CustomerIdentifierKind = 'phone' | 'accountNumber' | 'idNumber';

/** The exact-match key of a phone number: digits only, without a +86 / 0086 country prefix. */
export function phoneLookupKey(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return digits.replace(/^(0086|86)(?=1\d{10}$)/, '');
}

/** The exact-match key of an account or ID number: letters and digits only, upper case. */
export function identifierLookupKey(value: string): string {
  return value.replace(/[^0-9A-Za-z]/g, '').toUpperCase();
}

type CustomerRow = {
  id: number;
  full_name: string;
  gender: Gender | null;
  id_type: string;
  id_number: string;
  address: string;
  created_at: string;
  updated_at: string;
};

/** Inserts a customer with its phones and account numbers (in one transaction) and returns its id. */
export function insertCustomer(db: Db, customer: NewCustomer): number {
  return db.transaction(() => {
    const result = db
      .prepare(
        `INSERT INTO customers (full_name, gender, id_type, id_number, id_lookup, address, created_at, updated_at)
         VALUES (@fullName, @gender, @idType, @idNumber, @idLookup, @address, @now, @now)`,
      )
      .run({
        fullName: customer.fullName,
        gender: customer.gender,
        idType: customer.idType,
        idNumber: customer.idNumber,
        idLookup: identifierLookupKey(customer.idNumber),
        address: customer.address,
        now: customer.now,
      });
    const id = Number(result.lastInsertRowid);
    const insertPhone = db.prepare('INSERT INTO customer_phones (customer_id, phone, lookup) VALUES (?, ?, ?)');
    for (const phone of customer.phones) insertPhone.run(id, phone, phoneLookupKey(phone));
    const insertAccount = db.prepare(
      'INSERT INTO customer_accounts (customer_id, account_number, lookup) VALUES (?, ?, ?)',
    );
    for (const accountNumber of customer.accountNumbers) {
      insertAccount.run(id, accountNumber, identifierLookupKey(accountNumber));
    }
    return id;
  })();
}

/** The customer with this id (with phones and account numbers), or `undefined`. */
export function findCustomerById(db: Db, id: number): CustomerRecord | undefined {
  const row = db.prepare('SELECT * FROM customers WHERE id = ?').get(id) as CustomerRow | undefined;
  if (row === undefined) return undefined;
  const phones = db.prepare('SELECT phone FROM customer_phones WHERE customer_id = ? ORDER BY id').pluck().all(id) as string[];
  const accountNumbers = db
    .prepare('SELECT account_number FROM customer_accounts WHERE customer_id = ? ORDER BY id')
    .pluck()
    .all(id) as string[];
  return {
    id: row.id,
    fullName: row.full_name,
    gender: row.gender,
    phones,
    idType: row.id_type,
    idNumber: row.id_number,
    address: row.address,
    accountNumbers,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/**
 * Ids of the customers whose phone, account number or ID number equals `value` exactly (after
 * normalisation). There is deliberately no partial or name search: agents may not browse.
 */
export function findCustomerIdsByIdentifier(db: Db, kind: CustomerIdentifierKind, value: string): number[] {
  const sql = {
    phone: 'SELECT DISTINCT customer_id FROM customer_phones WHERE lookup = ? ORDER BY customer_id LIMIT 20',
    accountNumber: 'SELECT DISTINCT customer_id FROM customer_accounts WHERE lookup = ? ORDER BY customer_id LIMIT 20',
    idNumber: 'SELECT id FROM customers WHERE id_lookup = ? ORDER BY id LIMIT 20',
  }[kind];
  const key = kind === 'phone' ? phoneLookupKey(value) : identifierLookupKey(value);
  if (key.length === 0) return [];
  return db.prepare(sql).pluck().all(key) as number[];
}

/** A contact note written on a customer's record. */
export type CustomerNote = Readonly<{ id: number; authorAgentId: string; body: string; createdAt: string }>;

/** Adds a note to a customer's record and returns its id. */
export function insertCustomerNote(
  db: Db,
  note: Readonly<{ customerId: number; authorAccountId: number; body: string; now: string }>,
): number {
  const result = db
    .prepare('INSERT INTO customer_notes (customer_id, author_account_id, body, created_at) VALUES (?, ?, ?, ?)')
    .run(note.customerId, note.authorAccountId, note.body, note.now);
  return Number(result.lastInsertRowid);
}

/** A customer's notes, newest first (at most 50). */
export function listCustomerNotes(db: Db, customerId: number): CustomerNote[] {
  return db
    .prepare(
      `SELECT n.id, a.agent_id AS authorAgentId, n.body, n.created_at AS createdAt
       FROM customer_notes n JOIN accounts a ON a.id = n.author_account_id
       WHERE n.customer_id = ? ORDER BY n.created_at DESC, n.id DESC LIMIT 50`,
    )
    .all(customerId) as CustomerNote[];
}
