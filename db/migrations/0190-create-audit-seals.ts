import type { Db } from '../connection';

/**
 * Seals over whole blocks of 1,024 audit entries (db/audit-seals.ts): one row per block, keyed by
 * its first seq, with the GMAC nonce and tag. A walk writes them after verifying a block entry by
 * entry; later walks check a sealed block with one query instead of a thousand HMACs. A seal
 * proves nothing by itself and may be lost or damaged: the block is then walked entry by entry.
 */
export function migrate(db: Db): void {
  db.exec(`
    CREATE TABLE audit_seals (
      first_seq INTEGER PRIMARY KEY,
      last_seq INTEGER NOT NULL,
      nonce BLOB NOT NULL,
      tag BLOB NOT NULL
    ) STRICT;
  `);
}
