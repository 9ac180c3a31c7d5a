import type { Db } from '../connection';

/**
 * Customers get a gender (for 先生/女士), several phone numbers and account numbers, each with
 * a normalised lookup key for exact search, a normalised ID-number key, and contact notes.
 */
export function migrate(db: Db): void {
  db.exec(`
    ALTER TABLE customers ADD COLUMN gender TEXT CHECK (gender IN ('male', 'female'));
    ALTER TABLE customers ADD COLUMN id_lookup TEXT NOT NULL DEFAULT '';
    UPDATE customers SET id_lookup = upper(replace(id_number, ' ', ''));
    CREATE INDEX customers_by_id_lookup ON customers (id_lookup);

    CREATE TABLE customer_phones (
      id INTEGER PRIMARY KEY,
      customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
      phone TEXT NOT NULL,
      lookup TEXT NOT NULL CHECK (length(lookup) > 0)
    ) STRICT;
    CREATE INDEX customer_phones_by_lookup ON customer_phones (lookup);
    CREATE INDEX customer_phones_by_customer ON customer_phones (customer_id);
    INSERT INTO customer_phones (customer_id, phone, lookup)
      SELECT id, phone, replace(replace(phone, ' ', ''), '-', '') FROM customers WHERE phone <> '';
    DROP INDEX customers_by_phone;
    ALTER TABLE customers DROP COLUMN phone;

    CREATE TABLE customer_accounts (
      id INTEGER PRIMARY KEY,
      customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
      account_number TEXT NOT NULL,
      lookup TEXT NOT NULL CHECK (length(lookup) > 0)
    ) STRICT;
    CREATE INDEX customer_accounts_by_lookup ON customer_accounts (lookup);
    CREATE INDEX customer_accounts_by_customer ON customer_accounts (customer_id);

    CREATE TABLE customer_notes (
      id INTEGER PRIMARY KEY,
      customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
      author_account_id INTEGER NOT NULL REFERENCES accounts (id),
      body TEXT NOT NULL CHECK (length(body) BETWEEN 1 AND 4000),
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX customer_notes_by_customer ON customer_notes (customer_id, created_at);
  `);
}
