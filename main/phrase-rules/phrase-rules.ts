import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { rulebookImportProblemLimit, type phraseTestHitSchema, type RulebookFormat } from '../../common/ipc/phrase-rules';
import { AppError } from '../../common/ipc/result';
import { compilePhraseRules, type PhraseMatcher } from '../../common/phrase-engine/matcher';
import type { PhraseRule } from '../../common/phrase-engine/rulebook';
import { exportRulebookCsv, exportRulebookJson, parseRulebookCsv, parseRulebookJson } from '../../common/phrase-engine/rulebook-io';
import type { Db } from '../../db/connection';
import {
  deletePhraseRule,
  findPhraseRule,
  insertPhraseRule,
  listPhraseRules,
  mergePhraseRules,
  replacePhraseRules,
  updatePhraseRule,
} from '../../db/phrase-rules';
import { recordAudit } from '../audit/audit-trail';
import { stampOf, type DeskContext, type SignedInCaller } from '../desk-context';

type PhraseTestHit = z.input<typeof phraseTestHitSchema>;

const ruleFields = ['phrases', 'category', 'severity', 'exceptions', 'suggestions', 'enabled', 'note'] as const;

type CompiledRulebook = { matcher: PhraseMatcher; rules: PhraseRule[]; tables?: string; revision?: string };

// The compiled rulebook per open database, dropped whenever a rule changes.
const compiledRulebooks = new WeakMap<Db, CompiledRulebook>();

function compiledRulebook(db: Db): CompiledRulebook {
  let compiled = compiledRulebooks.get(db);
  if (compiled === undefined) {
    const rules = listPhraseRules(db);
    compiled = { matcher: compilePhraseRules(rules), rules };
    compiledRulebooks.set(db, compiled);
  }
  return compiled;
}

/**
 * The compiled rulebook for a desk to check typed text with (serialised once per change and
 * kept); just the revision when the caller has it already.
 */
export function compiledRulebookFor(
  desk: DeskContext,
  request: { knownRevision?: string | undefined },
): { revision: string; tables?: string; advice?: { id: string; severity: PhraseRule['severity']; suggestions: string[] }[] } {
  const compiled = compiledRulebook(desk.store.connection());
  if (compiled.tables === undefined || compiled.revision === undefined) {
    const bytes = compiled.matcher.serialize();
    compiled.tables = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
    compiled.revision = createHash('sha256').update(bytes).update(JSON.stringify(compiled.rules)).digest('hex').slice(0, 32);
  }
  if (request.knownRevision === compiled.revision) return { revision: compiled.revision };
  return {
    revision: compiled.revision,
    tables: compiled.tables,
    advice: compiled.rules.filter((rule) => rule.enabled).map((rule) => ({ id: rule.id, severity: rule.severity, suggestions: rule.suggestions })),
  };
}

/** The compiled rulebook of the open store (compiled once per change). */
export function currentPhraseMatcher(desk: DeskContext): PhraseMatcher {
  return compiledRulebook(desk.store.connection()).matcher;
}

/** The fields whose values differ between two versions of a rule. */
function changedRuleFields(before: PhraseRule, after: PhraseRule): string[] {
  return ruleFields.filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]));
}

/** Every rule, in display order. */
export function listRulebook(desk: DeskContext): { rules: PhraseRule[] } {
  return { rules: listPhraseRules(desk.store.connection()) };
}

/** Adds a rule; refuses an ID already in use. */
export function createPhraseRule(desk: DeskContext, caller: SignedInCaller, request: { rule: PhraseRule }): { rule: PhraseRule } {
  const db = desk.store.connection();
  db.transaction(() => {
    if (findPhraseRule(db, request.rule.id) !== undefined) {
      throw new AppError('PHRASE_RULE_EXISTS', `Rule ${request.rule.id} already exists.`);
    }
    insertPhraseRule(db, request.rule, stampOf(desk, caller));
    recordAudit(desk, caller.account, {
      action: 'phraseRule.create',
      objectType: 'phraseRule',
      objectId: request.rule.id,
      details: { phrases: request.rule.phrases.length, severity: request.rule.severity, enabled: request.rule.enabled },
    });
  })();
  compiledRulebooks.delete(db);
  return { rule: request.rule };
}

/** Replaces a rule; the audit entry names the fields that changed and the phrases before and after. */
export function updateRule(desk: DeskContext, caller: SignedInCaller, request: { rule: PhraseRule }): { rule: PhraseRule } {
  const db = desk.store.connection();
  db.transaction(() => {
    const before = findPhraseRule(db, request.rule.id);
    if (before === undefined) throw new AppError('PHRASE_RULE_NOT_FOUND', `Rule ${request.rule.id} does not exist.`);
    const changed = changedRuleFields(before, request.rule);
    if (changed.length === 0) return;
    updatePhraseRule(db, request.rule, stampOf(desk, caller));
    recordAudit(desk, caller.account, {
      action: 'phraseRule.update',
      objectType: 'phraseRule',
      objectId: request.rule.id,
      details: {
        changed: changed.join(','),
        phrasesBefore: before.phrases.join(' | '),
        phrasesAfter: request.rule.phrases.join(' | '),
        enabled: request.rule.enabled,
      },
    });
  })();
  compiledRulebooks.delete(db);
  return { rule: request.rule };
}

/** Deletes a rule; the audit entry keeps its phrases. */
export function removePhraseRule(desk: DeskContext, caller: SignedInCaller, request: { id: string }): Record<string, never> {
  const db = desk.store.connection();
  db.transaction(() => {
    const before = findPhraseRule(db, request.id);
    if (before === undefined) throw new AppError('PHRASE_RULE_NOT_FOUND', `Rule ${request.id} does not exist.`);
    deletePhraseRule(db, request.id);
    recordAudit(desk, caller.account, {
      action: 'phraseRule.delete',
      objectType: 'phraseRule',
      objectId: request.id,
      details: { phrases: before.phrases.join(' | '), category: before.category, severity: before.severity },
    });
  })();
  compiledRulebooks.delete(db);
  return {};
}

/** Checks a sentence against the stored rulebook, or against it with `draft` saved (and enabled). */
export function testPhrases(desk: DeskContext, request: { text: string; draft?: PhraseRule | undefined }): { hits: PhraseTestHit[] } {
  // The cached compile holds the stored rules too: the test box (one call a pause in typing)
  // reads nothing from the database unless a rule changed.
  const compiled = compiledRulebook(desk.store.connection());
  let rules = compiled.rules;
  let matcher = compiled.matcher;
  if (request.draft !== undefined) {
    const draft = { ...request.draft, enabled: true };
    rules = rules.some((rule) => rule.id === draft.id) ? rules.map((rule) => (rule.id === draft.id ? draft : rule)) : [...rules, draft];
    matcher = compilePhraseRules(rules);
  }
  const byId = new Map(rules.map((rule) => [rule.id, rule]));
  return {
    hits: matcher.scan(request.text).map((hit) => {
      const rule = byId.get(hit.ruleId)!;
      return { ...hit, category: rule.category, suggestions: rule.suggestions };
    }),
  };
}

type ImportResult =
  | { imported: true; added: number; updated: number; removed: number }
  | { imported: false; problems: { line: number; message: string }[]; moreProblems: number };

/** Imports a rulebook file; any problem in the file imports nothing. Both outcomes are audited. */
export function importRulebook(
  desk: DeskContext,
  caller: SignedInCaller,
  request: { format: RulebookFormat; mode: 'replace' | 'merge'; content: string },
): ImportResult {
  const db = desk.store.connection();
  const parsed = request.format === 'json' ? parseRulebookJson(request.content) : parseRulebookCsv(request.content);
  if (!parsed.ok) {
    recordAudit(desk, caller.account, {
      action: 'phraseRules.import',
      objectType: 'phraseRulebook',
      outcome: 'failed',
      details: { format: request.format, mode: request.mode, problems: parsed.problems.length },
    });
    return {
      imported: false,
      problems: parsed.problems.slice(0, rulebookImportProblemLimit),
      moreProblems: Math.max(0, parsed.problems.length - rulebookImportProblemLimit),
    };
  }
  const result = db.transaction((): ImportResult => {
    const stamp = stampOf(desk, caller);
    let counts: { added: number; updated: number; removed: number };
    if (request.mode === 'replace') {
      const before = new Set(listPhraseRules(db).map((rule) => rule.id));
      const after = new Set(parsed.rules.map((rule) => rule.id));
      replacePhraseRules(db, parsed.rules, stamp);
      counts = {
        added: [...after].filter((id) => !before.has(id)).length,
        updated: [...after].filter((id) => before.has(id)).length,
        removed: [...before].filter((id) => !after.has(id)).length,
      };
    } else {
      counts = { ...mergePhraseRules(db, parsed.rules, stamp), removed: 0 };
    }
    recordAudit(desk, caller.account, {
      action: 'phraseRules.import',
      objectType: 'phraseRulebook',
      details: { format: request.format, mode: request.mode, rules: parsed.rules.length, ...counts },
    });
    return { imported: true, ...counts };
  })();
  compiledRulebooks.delete(db);
  return result;
}

/** The rulebook as a file; audited. */
export function exportRulebook(
  desk: DeskContext,
  caller: SignedInCaller,
  request: { format: RulebookFormat },
): { fileName: string; mimeType: string; content: string } {
  const rules = listPhraseRules(desk.store.connection());
  recordAudit(desk, caller.account, {
    action: 'phraseRules.export',
    objectType: 'phraseRulebook',
    details: { format: request.format, rules: rules.length },
  });
  const date = desk.now().toISOString().slice(0, 10);
  return request.format === 'json'
    ? { fileName: `seatdesk-phrase-rules-${date}.json`, mimeType: 'application/json', content: exportRulebookJson(rules) }
    : { fileName: `seatdesk-phrase-rules-${date}.csv`, mimeType: 'text/csv', content: exportRulebookCsv(rules) };
}
