import { defaultRulebook } from '../../common/phrase-engine/default-rulebook';
import type { Db } from '../connection';

/**
 * The banned-phrase rulebook, one row a rule in display order (`position`); list fields are JSON
 * arrays of strings. Seeded with the default rulebook; `updated_by` is the agent ID of the last
 * editor, NULL for the seed.
 */
export function migrate(db: Db): void {
  db.exec(`
    CREATE TABLE phrase_rules (
      id TEXT PRIMARY KEY,
      position INTEGER NOT NULL,
      phrases TEXT NOT NULL CHECK (json_valid(phrases) AND json_type(phrases) = 'array'),
      category TEXT NOT NULL CHECK (category IN ('service', 'rude', 'regulatory', 'custom')),
      severity TEXT NOT NULL CHECK (severity IN ('warn', 'block')),
      exceptions TEXT NOT NULL CHECK (json_valid(exceptions) AND json_type(exceptions) = 'array'),
      suggestions TEXT NOT NULL CHECK (json_valid(suggestions) AND json_type(suggestions) = 'array'),
      enabled INTEGER NOT NULL CHECK (enabled IN (0, 1)),
      note TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      updated_by TEXT
    ) STRICT;
    CREATE INDEX phrase_rules_by_position ON phrase_rules (position);
  `);
  const insert = db.prepare(
    `INSERT INTO phrase_rules (id, position, phrases, category, severity, exceptions, suggestions, enabled, note,
       created_at, updated_at, updated_by)
     VALUES (@id, @position, @phrases, @category, @severity, @exceptions, @suggestions, @enabled, @note,
       strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), NULL)`,
  );
  defaultRulebook.forEach((rule, index) => {
    insert.run({
      id: rule.id,
      position: index + 1,
      phrases: JSON.stringify(rule.phrases),
      category: rule.category,
      severity: rule.severity,
      exceptions: JSON.stringify(rule.exceptions),
      suggestions: JSON.stringify(rule.suggestions),
      enabled: rule.enabled ? 1 : 0,
      note: rule.note,
    });
  });
}
