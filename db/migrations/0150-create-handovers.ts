import type { Db } from '../connection';

/**
 * The shift handover log (交接班): one row per entry an outgoing team lead writes for their
 * team, the tickets it links (in the order written) and at most one acknowledgment by the
 * incoming lead, never the author. All three tables are append-only: triggers refuse UPDATE and DELETE, so an
 * entry is corrected by a new one (`corrects_id`) and acknowledged once (the primary key).
 * `search_text` holds what the history's text search matches: the entry's text as the desk
 * shows it (masked), main writes it with the entry.
 */
export function migrate(db: Db): void {
  db.exec(`
    CREATE TABLE handovers (
      id INTEGER PRIMARY KEY,
      team TEXT NOT NULL CHECK (length(team) > 0),
      shift_date TEXT NOT NULL CHECK (shift_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
      shift TEXT NOT NULL CHECK (shift IN ('morning', 'middle', 'evening', 'night')),
      equipment_state TEXT NOT NULL CHECK (equipment_state IN ('normal', 'problems')),
      equipment_note TEXT NOT NULL,
      open_issues TEXT NOT NULL,
      staffing_changes TEXT NOT NULL,
      notes TEXT NOT NULL,
      corrects_id INTEGER REFERENCES handovers (id),
      author_account_id INTEGER NOT NULL REFERENCES accounts (id),
      written_at TEXT NOT NULL,
      search_text TEXT NOT NULL,
      CHECK (length(trim(equipment_note)) + length(trim(open_issues)) + length(trim(staffing_changes)) + length(trim(notes)) > 0),
      CHECK (equipment_state = 'normal' OR length(trim(equipment_note)) > 0)
    ) STRICT;
    CREATE INDEX handovers_by_team ON handovers (team, id);

    CREATE TABLE handover_tickets (
      handover_id INTEGER NOT NULL REFERENCES handovers (id),
      ticket_id INTEGER NOT NULL REFERENCES tickets (id),
      position INTEGER NOT NULL CHECK (position >= 0),
      PRIMARY KEY (handover_id, ticket_id)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE handover_acknowledgments (
      handover_id INTEGER PRIMARY KEY REFERENCES handovers (id),
      account_id INTEGER NOT NULL REFERENCES accounts (id),
      acknowledged_at TEXT NOT NULL,
      note TEXT NOT NULL,
      search_text TEXT NOT NULL
    ) STRICT;

    CREATE TRIGGER handovers_no_update BEFORE UPDATE ON handovers
    BEGIN
      SELECT RAISE(ABORT, 'handovers is append-only: write a correction instead');
    END;
    CREATE TRIGGER handovers_no_delete BEFORE DELETE ON handovers
    BEGIN
      SELECT RAISE(ABORT, 'handovers is append-only');
    END;
    CREATE TRIGGER handover_tickets_no_update BEFORE UPDATE ON handover_tickets
    BEGIN
      SELECT RAISE(ABORT, 'handover_tickets is append-only');
    END;
    CREATE TRIGGER handover_tickets_no_delete BEFORE DELETE ON handover_tickets
    BEGIN
      SELECT RAISE(ABORT, 'handover_tickets is append-only');
    END;
    CREATE TRIGGER handover_acknowledgments_not_by_author BEFORE INSERT ON handover_acknowledgments
    WHEN NEW.account_id = (SELECT author_account_id FROM handovers WHERE id = NEW.handover_id)
    BEGIN
      SELECT RAISE(ABORT, 'the author of a handover cannot acknowledge it');
    END;
    CREATE TRIGGER handover_acknowledgments_no_update BEFORE UPDATE ON handover_acknowledgments
    BEGIN
      SELECT RAISE(ABORT, 'handover_acknowledgments is append-only');
    END;
    CREATE TRIGGER handover_acknowledgments_no_delete BEFORE DELETE ON handover_acknowledgments
    BEGIN
      SELECT RAISE(ABORT, 'handover_acknowledgments is append-only');
    END;
  `);
}
