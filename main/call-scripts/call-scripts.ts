import {
  callScriptsLimit,
  exportCallScriptsJson,
  missingScriptKinds,
  parseCallScriptsJson,
  type CallScriptsFileProblem,
} from '../../common/call-scripts/script-io';
import type { CallScript, ScriptStep } from '../../common/call-scripts/script';
import { callScriptImportProblemLimit, type CallScriptImportMode } from '../../common/ipc/call-scripts';
import { AppError } from '../../common/ipc/result';
import {
  listCallScripts,
  mergeCallScripts,
  removeCallScript,
  replaceCallScripts,
  upsertCallScript,
} from '../../db/call-scripts';
import { recordAudit } from '../audit/audit-trail';
import { stampOf, type DeskContext, type SignedInCaller } from '../desk-context';

const sameStep = (first: ScriptStep, second: ScriptStep) => JSON.stringify(first) === JSON.stringify(second);

/**
 * What changed between two versions of a script, for the audit entry: the fields, and the step
 * IDs added, removed and changed, and whether the order of the remaining steps changed.
 */
function scriptChanges(before: CallScript, after: CallScript): Record<string, string | boolean> {
  const fields = (['id', 'name', 'kind', 'steps'] as const).filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]));
  const beforeIds = before.steps.map((step) => step.id);
  const afterIds = after.steps.map((step) => step.id);
  const kept = afterIds.filter((id) => beforeIds.includes(id));
  return {
    changed: fields.join(','),
    stepsAdded: afterIds.filter((id) => !beforeIds.includes(id)).join(','),
    stepsRemoved: beforeIds.filter((id) => !afterIds.includes(id)).join(','),
    stepsChanged: after.steps
      .filter((step) => {
        const old = before.steps.find((candidate) => candidate.id === step.id);
        return old !== undefined && !sameStep(old, step);
      })
      .map((step) => step.id)
      .join(','),
    stepsReordered: kept.join(',') !== beforeIds.filter((id) => afterIds.includes(id)).join(','),
  };
}

function refuseIfKindLeftEmpty(scripts: readonly CallScript[], message: string): void {
  const missing = missingScriptKinds(scripts);
  if (missing.length > 0) throw new AppError('CALL_SCRIPT_LAST_OF_KIND', `${message} (no ${missing.join(', ')} script would be left).`);
}

/** Every script, in display order. */
export function listScripts(desk: DeskContext): { scripts: CallScript[] } {
  return { scripts: listCallScripts(desk.store.connection()) };
}

/**
 * Saves one script (see `callScripts.save`): replaces the script `previousId` (renaming it when
 * the ID changed) or, without it, the script with the same ID, else adds it at the end. Audited.
 */
export function saveScript(
  desk: DeskContext,
  caller: SignedInCaller,
  request: { script: CallScript; previousId?: string | undefined },
): { script: CallScript; created: boolean } {
  const db = desk.store.connection();
  const { script } = request;
  const previousId = request.previousId ?? script.id;
  return db.transaction(() => {
    const all = listCallScripts(db);
    const before = all.find((candidate) => candidate.id === previousId);
    if (before === undefined && request.previousId !== undefined) {
      throw new AppError('CALL_SCRIPT_NOT_FOUND', `Script ${request.previousId} does not exist.`);
    }
    if (previousId !== script.id && all.some((candidate) => candidate.id === script.id)) {
      throw new AppError('CALL_SCRIPT_EXISTS', `Script ${script.id} already exists.`);
    }
    if (before === undefined) {
      if (all.length >= callScriptsLimit) throw new AppError('VALIDATION_FAILED', `A desk keeps at most ${callScriptsLimit} scripts.`);
      upsertCallScript(db, script, stampOf(desk, caller));
      recordAudit(desk, caller.account, {
        action: 'callScript.create',
        objectType: 'callScript',
        objectId: script.id,
        details: { name: script.name, kind: script.kind, steps: script.steps.length },
      });
      return { script, created: true };
    }
    refuseIfKindLeftEmpty(
      all.map((candidate) => (candidate.id === previousId ? script : candidate)),
      `Script ${previousId} is the last ${before.kind} script`,
    );
    const changes = scriptChanges(before, script);
    if (changes.changed === '') return { script, created: false };
    upsertCallScript(db, script, stampOf(desk, caller), previousId);
    recordAudit(desk, caller.account, {
      action: 'callScript.update',
      objectType: 'callScript',
      objectId: script.id,
      details: { ...changes, ...(previousId === script.id ? {} : { previousId }), kind: script.kind, steps: script.steps.length },
    });
    return { script, created: false };
  })();
}

/** Deletes a script; refuses an unknown ID and the last script of its kind. Audited. */
export function removeScript(desk: DeskContext, caller: SignedInCaller, request: { id: string }): Record<string, never> {
  const db = desk.store.connection();
  db.transaction(() => {
    const all = listCallScripts(db);
    const before = all.find((candidate) => candidate.id === request.id);
    if (before === undefined) throw new AppError('CALL_SCRIPT_NOT_FOUND', `Script ${request.id} does not exist.`);
    refuseIfKindLeftEmpty(
      all.filter((candidate) => candidate.id !== request.id),
      `Script ${request.id} is the last ${before.kind} script`,
    );
    removeCallScript(db, request.id);
    recordAudit(desk, caller.account, {
      action: 'callScript.delete',
      objectType: 'callScript',
      objectId: request.id,
      details: { name: before.name, kind: before.kind, steps: before.steps.map((step) => step.id).join(',') },
    });
  })();
  return {};
}

type ImportResult =
  | { imported: true; added: number; updated: number; removed: number }
  | { imported: false; problems: CallScriptsFileProblem[]; moreProblems: number };

/**
 * Imports a scripts file, merged or replacing every script. The whole file is checked first; a
 * file with any problem, or one that would leave a kind without a script, imports nothing.
 * Both outcomes are audited (`callScripts.import`).
 */
export function importScripts(desk: DeskContext, caller: SignedInCaller, request: { mode: CallScriptImportMode; content: string }): ImportResult {
  const db = desk.store.connection();
  return db.transaction((): ImportResult => {
    const parsed = parseCallScriptsJson(request.content);
    let problems: CallScriptsFileProblem[] = parsed.ok ? [] : parsed.problems;
    const before = listCallScripts(db);
    if (parsed.ok) {
      const incoming = new Set(parsed.scripts.map((script) => script.id));
      const after = request.mode === 'replace' ? parsed.scripts : [...before.filter((script) => !incoming.has(script.id)), ...parsed.scripts];
      const missing = missingScriptKinds(after);
      if (missing.length > 0) {
        problems = [{ where: '', message: `After this import no script would be of kind ${missing.join(', ')}; a desk needs one of each (phone, counter, callback).` }];
      } else if (after.length > callScriptsLimit) {
        problems = [{ where: '', message: `After this import the desk would have ${after.length} scripts; it keeps at most ${callScriptsLimit}.` }];
      }
    }
    if (!parsed.ok || problems.length > 0) {
      recordAudit(desk, caller.account, {
        action: 'callScripts.import',
        objectType: 'callScripts',
        outcome: 'failed',
        details: { mode: request.mode, problems: problems.length },
      });
      return {
        imported: false,
        problems: problems.slice(0, callScriptImportProblemLimit),
        moreProblems: Math.max(0, problems.length - callScriptImportProblemLimit),
      };
    }
    const stamp = stampOf(desk, caller);
    const beforeIds = new Set(before.map((script) => script.id));
    const afterIds = new Set(parsed.scripts.map((script) => script.id));
    let counts: { added: number; updated: number; removed: number };
    if (request.mode === 'replace') {
      replaceCallScripts(db, parsed.scripts, stamp);
      counts = {
        added: [...afterIds].filter((id) => !beforeIds.has(id)).length,
        updated: [...afterIds].filter((id) => beforeIds.has(id)).length,
        removed: [...beforeIds].filter((id) => !afterIds.has(id)).length,
      };
    } else {
      counts = { ...mergeCallScripts(db, parsed.scripts, stamp), removed: 0 };
    }
    recordAudit(desk, caller.account, {
      action: 'callScripts.import',
      objectType: 'callScripts',
      details: { mode: request.mode, scripts: parsed.scripts.length, ...counts },
    });
    return { imported: true, ...counts };
  })();
}

/** Every script as a JSON file `import` reads back; audited (`callScripts.export`). */
export function exportScripts(desk: DeskContext, caller: SignedInCaller): { fileName: string; content: string } {
  const scripts = listCallScripts(desk.store.connection());
  recordAudit(desk, caller.account, { action: 'callScripts.export', objectType: 'callScripts', details: { scripts: scripts.length } });
  return { fileName: `seatdesk-call-scripts-${desk.now().toISOString().slice(0, 10)}.json`, content: exportCallScriptsJson(scripts) };
}

