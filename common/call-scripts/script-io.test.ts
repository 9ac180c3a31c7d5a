import { describe, expect, it } from 'vitest';
import { defaultScripts } from './default-scripts';
import { callScriptsFileMaxChars, exportCallScriptsJson, missingScriptKinds, parseCallScriptsJson } from './script-io';

describe('call-scripts files', () => {
  it('read back what they write, with a byte order mark or as a bare list', () => {
    const content = exportCallScriptsJson(defaultScripts);
    expect(content.endsWith('}\n')).toBe(true);
    expect(JSON.parse(content)).toEqual({ version: 1, scripts: defaultScripts });
    expect(parseCallScriptsJson(content)).toEqual({ ok: true, scripts: defaultScripts });
    expect(parseCallScriptsJson(`\uFEFF${content}`)).toEqual({ ok: true, scripts: defaultScripts });
    expect(parseCallScriptsJson(JSON.stringify(defaultScripts))).toEqual({ ok: true, scripts: defaultScripts });
  });

  it('write only the schema’s fields, in its order', () => {
    const extra = { ...defaultScripts[0]!, note: 'x', steps: [{ ...defaultScripts[0]!.steps[0]!, colour: 'red' }] };
    const file = JSON.parse(exportCallScriptsJson([extra])) as { scripts: Record<string, unknown>[] };
    expect(Object.keys(file.scripts[0]!)).toEqual(['id', 'name', 'kind', 'steps']);
    expect(Object.keys((file.scripts[0]!.steps as Record<string, unknown>[])[0]!)).toEqual(['id', 'title', 'template', 'required', 'targetSeconds']);
  });

  it('name each problem by its JSON path', () => {
    const file = { scripts: [{ ...defaultScripts[0]!, steps: [{ ...defaultScripts[0]!.steps[0]!, targetSeconds: 2, colour: 'red' }] }, 'text'] };
    const read = parseCallScriptsJson(JSON.stringify(file));
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.problems.map((problem) => problem.where)).toEqual(['scripts[0].steps[0].targetSeconds', 'scripts[0].steps[0]', 'scripts[1]']);
    expect(parseCallScriptsJson('42')).toMatchObject({ ok: false, problems: [{ where: '' }] });
    expect(parseCallScriptsJson('[]')).toEqual({ ok: false, problems: [{ where: '', message: 'The file has no scripts.' }] });
    expect(parseCallScriptsJson(' '.repeat(callScriptsFileMaxChars + 1))).toMatchObject({ ok: false, problems: [{ message: expect.stringMatching(/larger/) }] });
  });

  it('tell which kinds have no script', () => {
    expect(missingScriptKinds(defaultScripts)).toEqual([]);
    expect(missingScriptKinds([{ kind: 'counter' }])).toEqual(['phone', 'callback']);
  });
});
