import type { Db } from '../connection';

/**
 * Calls as the telephony middleware reports them (ring, answer, hang-up), with the customer the
 * caller's number found, and the banned phrases heard or typed during each call: rule, severity,
 * source and time only, never the words around them.
 */
export function migrate(db: Db): void {
  db.exec(`
    CREATE TABLE calls (
      id INTEGER PRIMARY KEY,
      call_key TEXT NOT NULL UNIQUE,
      direction TEXT NOT NULL CHECK (direction IN ('inbound', 'outbound', 'walk_in')),
      caller_number TEXT NOT NULL,
      called_number TEXT NOT NULL,
      queue TEXT NOT NULL,
      customer_id INTEGER REFERENCES customers (id),
      rang_at TEXT NOT NULL,
      answered_at TEXT,
      ended_at TEXT,
      outcome TEXT CHECK (outcome IN ('answered', 'missed')),
      duration_seconds INTEGER CHECK (duration_seconds >= 0),
      CHECK ((ended_at IS NULL) = (outcome IS NULL))
    ) STRICT;
    CREATE INDEX calls_by_rang_at ON calls (rang_at);

    CREATE TABLE call_phrase_hits (
      id INTEGER PRIMARY KEY,
      call_id INTEGER NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
      rule_id TEXT NOT NULL,
      severity TEXT NOT NULL CHECK (severity IN ('warn', 'block')),
      source TEXT NOT NULL CHECK (source IN ('agent', 'customer', 'typed')),
      found_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX call_phrase_hits_by_call ON call_phrase_hits (call_id);
  `);
}
