import type { PhraseCategory, PhraseRule, PhraseSeverity } from '../common/phrase-engine/rulebook';
import type { Db } from './connection';

/** When and by whom rules are written: an ISO time and the agent ID of the editor. */
export type PhraseRuleStamp = Readonly<{ now: string; agentId: string }>;

type PhraseRuleRow = {
  id: string;
  phrases: string;
  category: string;
  severity: string;
  exceptions: string;
  suggestions: string;
  enabled: number;
  note: string;
};

const selectRule = 'SELECT id, phrases, category, severity, exceptions, suggestions, enabled, note FROM phrase_rules';

const insertRule = `
  INSERT INTO phrase_rules (id, position, phrases, category, severity, exceptions, suggestions, enabled, note,
    created_at, updated_at, updated_by)
  VALUES (@id, (SELECT coalesce(max(position), 0) + 1 FROM phrase_rules), @phrases, @category, @severity,
    @exceptions, @suggestions, @enabled, @note, @now, @now, @agentId)`;

const updateRule = `
  UPDATE phrase_rules SET phrases = @phrases, category = @category, severity = @severity, exceptions = @exceptions,
    suggestions = @suggestions, enabled = @enabled, note = @note, updated_at = @now, updated_by = @agentId
  WHERE id = @id`;

/** The schema guarantees the category and severity (CHECK) and that the lists are JSON arrays. */
function ruleFromRow(row: PhraseRuleRow): PhraseRule {
  return {
    id: row.id,
    phrases: JSON.parse(row.phrases) as string[],
    category: row.category as PhraseCategory,
    severity: row.severity as PhraseSeverity,
    exceptions: JSON.parse(row.exceptions) as string[],
    suggestions: JSON.parse(row.suggestions) as string[],
    enabled: row.enabled === 1,
    note: row.note,
  };
}

function ruleParameters(rule: PhraseRule, stamp: PhraseRuleStamp): Record<string, string | number> {
  return {
    id: rule.id,
    phrases: JSON.stringify(rule.phrases),
    category: rule.category,
    severity: rule.severity,
    exceptions: JSON.stringify(rule.exceptions),
    suggestions: JSON.stringify(rule.suggestions),
    enabled: rule.enabled ? 1 : 0,
    note: rule.note,
    now: stamp.now,
    agentId: stamp.agentId,
  };
}

/** Every rule in display order. */
export function listPhraseRules(db: Db): PhraseRule[] {
  return (db.prepare(`${selectRule} ORDER BY position, id`).all() as PhraseRuleRow[]).map(ruleFromRow);
}

/** The rule with this ID, or `undefined`. */
export function findPhraseRule(db: Db, id: string): PhraseRule | undefined {
  const row = db.prepare(`${selectRule} WHERE id = ?`).get(id) as PhraseRuleRow | undefined;
  return row === undefined ? undefined : ruleFromRow(row);
}

/**
 * Adds a rule (validated by the caller) after the last one. Throws a SQLite constraint error if
 * its ID is taken.
 */
export function insertPhraseRule(db: Db, rule: PhraseRule, stamp: PhraseRuleStamp): void {
  db.prepare(insertRule).run(ruleParameters(rule, stamp));
}

/**
 * Rewrites the rule with `rule.id` (validated by the caller), keeping its position and creation
 * time. Returns whether there was such a rule.
 */
export function updatePhraseRule(db: Db, rule: PhraseRule, stamp: PhraseRuleStamp): boolean {
  return db.prepare(updateRule).run(ruleParameters(rule, stamp)).changes === 1;
}

/** Deletes the rule with this ID. Returns whether there was one. */
export function deletePhraseRule(db: Db, id: string): boolean {
  return db.prepare('DELETE FROM phrase_rules WHERE id = ?').run(id).changes === 1;
}

/**
 * Replaces the whole rulebook with `rules` (validated by the caller, IDs unique), in their
 * order, in one transaction: on any error nothing changes.
 */
export function replacePhraseRules(db: Db, rules: readonly PhraseRule[], stamp: PhraseRuleStamp): void {
  const insert = db.prepare(insertRule);
  db.transaction(() => {
    db.prepare('DELETE FROM phrase_rules').run();
    for (const rule of rules) insert.run(ruleParameters(rule, stamp));
  })();
}

/**
 * Merges `rules` (validated by the caller) into the rulebook in one transaction: a rule whose ID
 * exists is rewritten in place (keeping its position and creation time), a new one is added
 * after the last, in the given order. Returns how many were added and updated.
 */
export function mergePhraseRules(
  db: Db,
  rules: readonly PhraseRule[],
  stamp: PhraseRuleStamp,
): { added: number; updated: number } {
  const insert = db.prepare(insertRule);
  const update = db.prepare(updateRule);
  return db.transaction(() => {
    const counts = { added: 0, updated: 0 };
    for (const rule of rules) {
      const parameters = ruleParameters(rule, stamp);
      if (update.run(parameters).changes === 1) counts.updated++;
      else {
        insert.run(parameters);
        counts.added++;
      }
    }
    return counts;
  })();
}
