/**
 * Call scripts as a JSON file: what `callScripts.export` writes and `callScripts.import` reads.
 * The file is `{"version": 1, "scripts": [...]}`; a bare list of scripts is read too. A file
 * with any problem imports nothing and lists every problem found, each at a JSON path.
 */
import { callScriptSchema, scriptKinds, type CallScript, type ScriptKind } from './script';

/** The `version` of the file this code writes and reads. */
export const callScriptsFileVersion = 1;

/** The largest file an import accepts, in characters (a generous bound: scripts are short). */
export const callScriptsFileMaxChars = 1024 * 1024;

/** The most scripts a desk keeps (and a file may hold). */
export const callScriptsLimit = 50;

/** Something that keeps a file from being imported: where (a JSON path such as `scripts[0].steps[2].template`, '' for the file) and what. */
export type CallScriptsFileProblem = Readonly<{ where: string; message: string }>;

/** The outcome of reading a file: every script, validated, in file order; or every problem found. */
export type CallScriptsFileRead = Readonly<{ ok: true; scripts: CallScript[] }> | Readonly<{ ok: false; problems: CallScriptsFileProblem[] }>;

/** A script with its fields (and its steps' fields) in the schema's order and nothing else. */
/** A script with its fields (and each step's) in schema order and nothing else: how it is stored and exported. */
export function orderedScript(script: CallScript): CallScript {
  return {
    id: script.id,
    name: script.name,
    kind: script.kind,
    steps: script.steps.map((step) => ({
      id: step.id,
      title: step.title,
      template: step.template,
      required: step.required,
      targetSeconds: step.targetSeconds,
    })),
  };
}

/** The scripts as a file: `{"version": 1, "scripts": [...]}`, indented by two spaces, ending with a line break. */
export function exportCallScriptsJson(scripts: readonly CallScript[]): string {
  return `${JSON.stringify({ version: callScriptsFileVersion, scripts: scripts.map(orderedScript) }, null, 2)}\n`;
}

/** `scripts[0].steps[2].template` for the path `['steps', 2, 'template']` of the script at `index`. */
function pathOf(base: string, path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, part) => (typeof part === 'number' ? `${text}[${part}]` : `${text}.${String(part)}`), base);
}

/** The kinds none of `scripts` has, in {@link scriptKinds} order: a desk needs one script of each. */
export function missingScriptKinds(scripts: readonly Pick<CallScript, 'kind'>[]): ScriptKind[] {
  return scriptKinds.filter((kind) => !scripts.some((script) => script.kind === kind));
}

/**
 * Reads a file: `{"version": 1, "scripts": [...]}` or a bare list of scripts. Every script is
 * checked with {@link callScriptSchema}, and script IDs must be unique; every problem is listed.
 */
export function parseCallScriptsJson(text: string): CallScriptsFileRead {
  if (text.length > callScriptsFileMaxChars) {
    return { ok: false, problems: [{ where: '', message: `The file is larger than ${callScriptsFileMaxChars} characters.` }] };
  }
  const content = text.replace(/^\uFEFF/, '');
  if (content.trim() === '') return { ok: false, problems: [{ where: '', message: 'The file is empty.' }] };
  let document: unknown;
  try {
    document = JSON.parse(content);
  } catch (error) {
    return { ok: false, problems: [{ where: '', message: `The file is not valid JSON: ${error instanceof Error ? error.message : String(error)}` }] };
  }
  const problems: CallScriptsFileProblem[] = [];
  let list: unknown;
  let base = '';
  if (Array.isArray(document)) {
    list = document;
  } else if (typeof document === 'object' && document !== null) {
    const file = document as Record<string, unknown>;
    for (const key of Object.keys(file)) {
      if (key !== 'version' && key !== 'scripts') problems.push({ where: key, message: `"${key}" is not a field of a call-scripts file (version, scripts).` });
    }
    if ('version' in file && file.version !== callScriptsFileVersion) {
      problems.push({ where: 'version', message: `Version ${JSON.stringify(file.version)} is not one this desk reads (${callScriptsFileVersion}).` });
    }
    list = file.scripts;
    base = 'scripts';
    if (!Array.isArray(list)) {
      problems.push({ where: 'scripts', message: 'The file has no "scripts" list.' });
      return { ok: false, problems };
    }
  } else {
    return { ok: false, problems: [{ where: '', message: 'The file must hold a list of scripts, or {"version": 1, "scripts": [...]}.' }] };
  }
  const candidates = list as unknown[];
  if (candidates.length === 0) problems.push({ where: base, message: 'The file has no scripts.' });
  if (candidates.length > callScriptsLimit) {
    problems.push({ where: base, message: `The file has ${candidates.length} scripts; a desk keeps at most ${callScriptsLimit}.` });
  }
  const scripts: CallScript[] = [];
  const firstIndexOfId = new Map<string, number>();
  candidates.forEach((candidate, index) => {
    const at = `${base}[${index}]`;
    const parsed = callScriptSchema.safeParse(candidate);
    if (parsed.success) scripts.push(parsed.data);
    else for (const issue of parsed.error.issues) problems.push({ where: pathOf(at, issue.path), message: issue.message });
    const id = typeof candidate === 'object' && candidate !== null && 'id' in candidate ? candidate.id : undefined;
    if (typeof id !== 'string') return;
    const first = firstIndexOfId.get(id);
    if (first === undefined) firstIndexOfId.set(id, index);
    else problems.push({ where: `${at}.id`, message: `Script ID "${id}" is used twice (first at ${base}[${first}]).` });
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, scripts };
}
