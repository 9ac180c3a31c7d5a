import type { Db } from '../connection';

/**
 * Quality inspection (质检): one scorecard per sampled call and at most one appeal per scorecard.
 *
 * A scorecard holds the lead's points per item (ranges as released: language 20, attitude 20,
 * tone 15, summarising 20, handling 25), the fatal items found (a JSON list) and the total,
 * which the database checks: the points added up, or 0 with any fatal item. It is for the agent
 * who took the call (a trigger compares with `calls`), never scored by that same person, and never
 * changed afterwards: an upheld appeal carries the revised points instead.
 *
 * An appeal is made once (`scorecard_id` is unique) by the scored agent, and reviewed once: from
 * `pending` to `upheld` (with the revised points and total, checked like the scorecard's) or
 * `rejected`, always with the reviewer, the time and a note; the reviewer is never the appellant.
 *
 * `calls_by_agent_rang` finds an agent's calls of a month for sampling and the monthly summary.
 */
export function migrate(db: Db): void {
  db.exec(`
    CREATE INDEX calls_by_agent_rang ON calls (agent_account_id, rang_at);

    CREATE TABLE quality_scorecards (
      id INTEGER PRIMARY KEY,
      call_id INTEGER NOT NULL UNIQUE REFERENCES calls (id),
      agent_account_id INTEGER NOT NULL REFERENCES accounts (id),
      scorer_account_id INTEGER NOT NULL REFERENCES accounts (id),
      language INTEGER NOT NULL CHECK (language BETWEEN 0 AND 20),
      attitude INTEGER NOT NULL CHECK (attitude BETWEEN 0 AND 20),
      tone INTEGER NOT NULL CHECK (tone BETWEEN 0 AND 15),
      summarising INTEGER NOT NULL CHECK (summarising BETWEEN 0 AND 20),
      handling INTEGER NOT NULL CHECK (handling BETWEEN 0 AND 25),
      fatal_items TEXT NOT NULL CHECK (json_valid(fatal_items) AND json_type(fatal_items) = 'array'),
      total INTEGER NOT NULL,
      comment TEXT NOT NULL CHECK (length(comment) <= 1000),
      scored_at TEXT NOT NULL,
      CHECK (total = CASE WHEN json_array_length(fatal_items) > 0 THEN 0 ELSE language + attitude + tone + summarising + handling END),
      CHECK (scorer_account_id <> agent_account_id)
    ) STRICT;
    CREATE INDEX quality_scorecards_by_agent ON quality_scorecards (agent_account_id, scored_at);

    CREATE TRIGGER quality_scorecards_for_call_agent BEFORE INSERT ON quality_scorecards
      WHEN NEW.agent_account_id IS NOT (SELECT agent_account_id FROM calls WHERE id = NEW.call_id)
      BEGIN SELECT RAISE(ABORT, 'a scorecard is for the agent who took the call'); END;
    CREATE TRIGGER quality_scorecards_unchanged BEFORE UPDATE ON quality_scorecards
      BEGIN SELECT RAISE(ABORT, 'a scorecard is never changed; an upheld appeal revises it'); END;

    CREATE TABLE quality_appeals (
      id INTEGER PRIMARY KEY,
      scorecard_id INTEGER NOT NULL UNIQUE REFERENCES quality_scorecards (id),
      appellant_account_id INTEGER NOT NULL REFERENCES accounts (id),
      reason TEXT NOT NULL CHECK (length(trim(reason)) >= 2 AND length(reason) <= 500),
      appealed_at TEXT NOT NULL,
      status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'upheld', 'rejected')),
      reviewer_account_id INTEGER REFERENCES accounts (id),
      reviewed_at TEXT,
      review_note TEXT CHECK (review_note IS NULL OR (length(trim(review_note)) >= 2 AND length(review_note) <= 1000)),
      revised_language INTEGER CHECK (revised_language BETWEEN 0 AND 20),
      revised_attitude INTEGER CHECK (revised_attitude BETWEEN 0 AND 20),
      revised_tone INTEGER CHECK (revised_tone BETWEEN 0 AND 15),
      revised_summarising INTEGER CHECK (revised_summarising BETWEEN 0 AND 20),
      revised_handling INTEGER CHECK (revised_handling BETWEEN 0 AND 25),
      revised_fatal_items TEXT CHECK (revised_fatal_items IS NULL OR (json_valid(revised_fatal_items) AND json_type(revised_fatal_items) = 'array')),
      revised_total INTEGER,
      CHECK ((status = 'pending') = (reviewer_account_id IS NULL AND reviewed_at IS NULL AND review_note IS NULL)),
      CHECK (status = 'pending' OR (reviewer_account_id IS NOT NULL AND reviewed_at IS NOT NULL AND review_note IS NOT NULL)),
      CHECK (
        CASE WHEN status = 'upheld'
          THEN revised_language IS NOT NULL AND revised_attitude IS NOT NULL AND revised_tone IS NOT NULL
            AND revised_summarising IS NOT NULL AND revised_handling IS NOT NULL AND revised_fatal_items IS NOT NULL
            AND revised_total = CASE WHEN json_array_length(revised_fatal_items) > 0 THEN 0
              ELSE revised_language + revised_attitude + revised_tone + revised_summarising + revised_handling END
          ELSE coalesce(revised_language, revised_attitude, revised_tone, revised_summarising, revised_handling, revised_fatal_items, revised_total) IS NULL
        END
      ),
      CHECK (reviewer_account_id IS NULL OR reviewer_account_id <> appellant_account_id)
    ) STRICT;
    CREATE INDEX quality_appeals_pending ON quality_appeals (status) WHERE status = 'pending';

    CREATE TRIGGER quality_appeals_by_scored_agent BEFORE INSERT ON quality_appeals
      WHEN NEW.status <> 'pending'
        OR NEW.appellant_account_id IS NOT (SELECT agent_account_id FROM quality_scorecards WHERE id = NEW.scorecard_id)
      BEGIN SELECT RAISE(ABORT, 'an appeal is made by the scored agent and starts pending'); END;
    CREATE TRIGGER quality_appeals_reviewed_once BEFORE UPDATE ON quality_appeals
      WHEN OLD.status <> 'pending'
        OR NEW.scorecard_id IS NOT OLD.scorecard_id
        OR NEW.appellant_account_id IS NOT OLD.appellant_account_id
        OR NEW.reason IS NOT OLD.reason
        OR NEW.appealed_at IS NOT OLD.appealed_at
      BEGIN SELECT RAISE(ABORT, 'an appeal is reviewed once and its request is never changed'); END;
  `);
}
