import type { Db } from '../connection';

/** Customers with the personal data the confidentiality rules protect (name, phone, ID, address). */
export function migrate(db: Db): void {
  db.exec(`
    CREATE TABLE customers (
      id INTEGER PRIMARY KEY,
      full_name TEXT NOT NULL,
      phone TEXT NOT NULL DEFAULT '',
      id_type TEXT NOT NULL DEFAULT '',
      id_number TEXT NOT NULL DEFAULT '',
      address TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX customers_by_phone ON customers (phone);
    CREATE INDEX customers_by_id_number ON customers (id_number);
  `);
}
