import type { CallScript, ScriptKind, ScriptStep } from '../common/call-scripts/script';
import { orderedScript } from '../common/call-scripts/script-io';
import type { Db } from './connection';

/** When and by whom scripts are written: an ISO time and the agent ID of the editor. */
export type CallScriptStamp = Readonly<{ now: string; agentId: string }>;

type CallScriptRow = { id: string; name: string; kind: string; steps: string };

const selectScript = 'SELECT id, name, kind, steps FROM call_scripts';

const insertScript = `
  INSERT INTO call_scripts (id, name, kind, steps, position, updated_at, updated_by)
  VALUES (@id, @name, @kind, @steps, (SELECT coalesce(max(position), 0) + 1 FROM call_scripts), @now, @agentId)`;

const updateScript = `
  UPDATE call_scripts SET id = @id, name = @name, kind = @kind, steps = @steps, updated_at = @now, updated_by = @agentId
  WHERE id = @previousId`;

/** The schema guarantees the kind (CHECK) and that steps are a JSON array; their content was checked when saved. */
function scriptFromRow(row: CallScriptRow): CallScript {
  return { id: row.id, name: row.name, kind: row.kind as ScriptKind, steps: JSON.parse(row.steps) as ScriptStep[] };
}

function scriptParameters(script: CallScript, stamp: CallScriptStamp, previousId = script.id): Record<string, string> {
  return { id: script.id, previousId, name: script.name, kind: script.kind, steps: JSON.stringify(orderedScript(script).steps), now: stamp.now, agentId: stamp.agentId };
}

/** Every script in display order (position, then ID). */
export function listCallScripts(db: Db): CallScript[] {
  return (db.prepare(`${selectScript} ORDER BY position, id`).all() as CallScriptRow[]).map(scriptFromRow);
}

/** The script with this ID (exact, case matters), or `undefined`. */
export function findCallScript(db: Db, id: string): CallScript | undefined {
  const row = db.prepare(`${selectScript} WHERE id = ?`).get(id) as CallScriptRow | undefined;
  return row === undefined ? undefined : scriptFromRow(row);
}

/**
 * Writes a script (validated by the caller): the script with ID `previousId` (default: the
 * script's own ID) is rewritten in place, keeping its position, and takes the script's ID;
 * without such a script, the script is added after the last. Throws a SQLite constraint error
 * when a rename takes another script's ID. Answers which of the two happened.
 */
export function upsertCallScript(db: Db, script: CallScript, stamp: CallScriptStamp, previousId = script.id): 'created' | 'updated' {
  return db.transaction(() => {
    const parameters = scriptParameters(script, stamp, previousId);
    if (db.prepare(updateScript).run(parameters).changes === 1) return 'updated' as const;
    db.prepare(insertScript).run(parameters);
    return 'created' as const;
  })();
}

/** Deletes the script with this ID. Returns whether there was one. */
export function removeCallScript(db: Db, id: string): boolean {
  return db.prepare('DELETE FROM call_scripts WHERE id = ?').run(id).changes === 1;
}

/**
 * Replaces every script with `scripts` (validated by the caller, IDs unique), in their order,
 * in one transaction: on any error nothing changes.
 */
export function replaceCallScripts(db: Db, scripts: readonly CallScript[], stamp: CallScriptStamp): void {
  const insert = db.prepare(insertScript);
  db.transaction(() => {
    db.prepare('DELETE FROM call_scripts').run();
    for (const script of scripts) insert.run(scriptParameters(script, stamp));
  })();
}

/**
 * Merges `scripts` (validated by the caller, IDs unique) in one transaction: a script whose ID
 * exists is rewritten in place, a new one is added after the last, in the given order. Returns
 * how many were added and updated.
 */
export function mergeCallScripts(db: Db, scripts: readonly CallScript[], stamp: CallScriptStamp): { added: number; updated: number } {
  const insert = db.prepare(insertScript);
  const update = db.prepare(updateScript);
  return db.transaction(() => {
    const counts = { added: 0, updated: 0 };
    for (const script of scripts) {
      const parameters = scriptParameters(script, stamp);
      if (update.run(parameters).changes === 1) counts.updated++;
      else {
        insert.run(parameters);
        counts.added++;
      }
    }
    return counts;
  })();
}
