import type { Db } from './connection';

/** A customer with the personal data the confidentiality rules protect. Main masks it before IPC. */
export type CustomerRecord = Readonly<{
  id: number;
  fullName: string;
  phone: string;
  idType: string;
  idNumber: string;
  address: string;
  createdAt: string;
  updatedAt: string;
}>;

/** Fields of a new customer; `now` is an ISO-8601 UTC timestamp supplied by the caller. */
export type NewCustomer = Readonly<{
  fullName: string;
  phone: string;
  idType: string;
  idNumber: string;
  address: string;
  now: string;
}>;

/** Inserts a customer and returns its id. */
export function insertCustomer(db: Db, customer: NewCustomer): number {
  const result = db
    .prepare(
      `INSERT INTO customers (full_name, phone, id_type, id_number, address, created_at, updated_at)
       VALUES (@fullName, @phone, @idType, @idNumber, @address, @now, @now)`,
    )
    .run(customer);
  return Number(result.lastInsertRowid);
}

/** The customer with this id, or `undefined`. */
export function findCustomerById(db: Db, id: number): CustomerRecord | undefined {
  return db
    .prepare(
      `SELECT id, full_name AS fullName, phone, id_type AS idType, id_number AS idNumber,
         address, created_at AS createdAt, updated_at AS updatedAt
       FROM customers WHERE id = ?`,
    )
    .get(id) as CustomerRecord | undefined;
}
