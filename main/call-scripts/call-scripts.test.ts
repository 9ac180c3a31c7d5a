import { afterEach, describe, expect, it } from 'vitest';
import { defaultScripts } from '../../common/call-scripts/default-scripts';
import type { CallScript } from '../../common/call-scripts/script';
import { listAuditEntries } from '../../db/audit-log';
import { createScenario, type Scenario } from '../test-support';

let scenario: Scenario | undefined;
afterEach(() => {
  scenario?.desk.cleanup();
  scenario = undefined;
});

const admin = '8001';
const lead = '2001';
const agent = '1001';

const complaint: CallScript = {
  id: 'complaint',
  name: '投诉受理',
  kind: 'phone',
  steps: [
    { id: 'greeting', title: '问候', template: '您好，{company}，工号 {agentId} 为您服务。', required: true, targetSeconds: 10 },
    { id: 'record', title: '记录', template: '{customerTitle}，我已记录您的投诉。', required: true, targetSeconds: 60 },
  ],
};

async function ids(current: Scenario): Promise<string[]> {
  return (await current.value('app:callScripts.list', {}, agent)).scripts.map((script: CallScript) => script.id);
}

function lastAudit(current: Scenario) {
  return listAuditEntries(current.desk.desk.store.connection(), { limit: 1 })[0];
}

describe('call scripts through the desk', () => {
  it('lets every signed-in role read the scripts, exactly in the script shape', async () => {
    const current = (scenario = await createScenario());
    for (const who of [agent, lead, admin]) {
      expect(await current.value('app:callScripts.list', {}, who)).toEqual({ scripts: defaultScripts });
    }
    expect(await current.call('app:callScripts.list', {}, 'nobody')).toMatchObject({ ok: false, code: 'NOT_SIGNED_IN' });
  });

  it('lets only administrators save and remove; team leads may export', async () => {
    const current = (scenario = await createScenario());
    for (const who of [agent, lead]) {
      expect(await current.call('app:callScripts.save', { script: complaint }, who)).toMatchObject({ ok: false, code: 'FORBIDDEN_ROLE' });
      expect(await current.call('app:callScripts.remove', { id: 'phone' }, who)).toMatchObject({ ok: false, code: 'FORBIDDEN_ROLE' });
      expect(await current.call('app:callScripts.import', { mode: 'merge', content: '[]' }, who)).toMatchObject({ ok: false, code: 'FORBIDDEN_ROLE' });
    }
    expect(await current.call('app:callScripts.export', {}, agent)).toMatchObject({ ok: false, code: 'FORBIDDEN_ROLE' });
    expect(await current.call('app:callScripts.export', {}, lead)).toMatchObject({ ok: true });
    expect(await ids(current)).toEqual(['phone', 'counter', 'callback']);
  });

  it('creates, updates and renames a script, each audited with what changed', async () => {
    const current = (scenario = await createScenario());
    expect(await current.value('app:callScripts.save', { script: complaint }, admin)).toEqual({ script: complaint, created: true });
    expect(await ids(current)).toEqual(['phone', 'counter', 'callback', 'complaint']);
    expect(lastAudit(current)).toMatchObject({
      agentId: admin,
      action: 'callScript.create',
      objectType: 'callScript',
      objectId: 'complaint',
      details: { name: '投诉受理', kind: 'phone', steps: 2 },
    });

    const edited: CallScript = {
      ...complaint,
      steps: [{ ...complaint.steps[0]!, template: '您好，{company}。工单 {ticketNumber}' }, { id: 'closing', title: '结束', template: '再见！', required: false, targetSeconds: null }],
    };
    expect(await current.value('app:callScripts.save', { script: edited }, admin)).toEqual({ script: edited, created: false });
    expect(lastAudit(current)).toMatchObject({
      action: 'callScript.update',
      objectId: 'complaint',
      details: { changed: 'steps', stepsAdded: 'closing', stepsRemoved: 'record', stepsChanged: 'greeting', stepsReordered: false },
    });

    const renamed = { ...edited, id: 'complaints', name: '投诉' };
    await current.value('app:callScripts.save', { script: renamed, previousId: 'complaint' }, admin);
    expect(await ids(current)).toEqual(['phone', 'counter', 'callback', 'complaints']);
    expect(lastAudit(current)).toMatchObject({ action: 'callScript.update', objectId: 'complaints', details: { changed: 'id,name', previousId: 'complaint' } });

    const seq = lastAudit(current)!.seq;
    await current.value('app:callScripts.save', { script: renamed, previousId: 'complaints' }, admin);
    expect(lastAudit(current)!.seq).toBe(seq);

    expect(await current.call('app:callScripts.save', { script: renamed, previousId: 'gone' }, admin)).toMatchObject({ ok: false, code: 'CALL_SCRIPT_NOT_FOUND' });
    expect(await current.call('app:callScripts.save', { script: { ...renamed, id: 'phone' }, previousId: 'complaints' }, admin)).toMatchObject({
      ok: false,
      code: 'CALL_SCRIPT_EXISTS',
    });
    expect(await ids(current)).toEqual(['phone', 'counter', 'callback', 'complaints']);
  });

  it('refuses to remove or re-kind the last script of a kind, and unknown IDs', async () => {
    const current = (scenario = await createScenario());
    expect(await current.call('app:callScripts.remove', { id: 'counter' }, admin)).toMatchObject({ ok: false, code: 'CALL_SCRIPT_LAST_OF_KIND' });
    const counter = defaultScripts[1]!;
    expect(await current.call('app:callScripts.save', { script: { ...counter, kind: 'phone' } }, admin)).toMatchObject({
      ok: false,
      code: 'CALL_SCRIPT_LAST_OF_KIND',
    });
    expect(await current.call('app:callScripts.remove', { id: 'nothing' }, admin)).toMatchObject({ ok: false, code: 'CALL_SCRIPT_NOT_FOUND' });

    await current.value('app:callScripts.save', { script: complaint }, admin);
    await current.value('app:callScripts.remove', { id: 'phone' }, admin);
    expect(lastAudit(current)).toMatchObject({ action: 'callScript.delete', objectId: 'phone', details: { name: '电话接听', kind: 'phone' } });
    expect(await current.call('app:callScripts.remove', { id: 'complaint' }, admin)).toMatchObject({ ok: false, code: 'CALL_SCRIPT_LAST_OF_KIND' });
    expect(await ids(current)).toEqual(['counter', 'callback', 'complaint']);
  });

  it('exports a file that imports back unchanged, both audited', async () => {
    const current = (scenario = await createScenario());
    await current.value('app:callScripts.save', { script: complaint }, admin);
    const exported = await current.value('app:callScripts.export', {}, lead);
    expect(exported.fileName).toMatch(/^seatdesk-call-scripts-\d{4}-\d\d-\d\d\.json$/);
    const file = JSON.parse(exported.content);
    expect(file).toEqual({ version: 1, scripts: [...defaultScripts, complaint] });
    expect(exported.content).toContain('\n  "scripts": [\n');
    expect(lastAudit(current)).toMatchObject({ agentId: lead, action: 'callScripts.export', details: { scripts: 4 } });

    await current.value('app:callScripts.remove', { id: 'complaint' }, admin);
    await current.value('app:callScripts.save', { script: { ...defaultScripts[0]!, name: '改过' } }, admin);
    expect(await current.value('app:callScripts.import', { mode: 'replace', content: exported.content }, admin)).toEqual({
      imported: true,
      added: 1,
      updated: 3,
      removed: 0,
    });
    expect((await current.value('app:callScripts.list', {}, agent)).scripts).toEqual([...defaultScripts, complaint]);
    expect(lastAudit(current)).toMatchObject({ action: 'callScripts.import', outcome: 'success', details: { mode: 'replace', scripts: 4, added: 1 } });
  });

  it('merges a bare list by ID, and replaces everything with a full set', async () => {
    const current = (scenario = await createScenario());
    const renamedPhone = { ...defaultScripts[0]!, name: '来电' };
    expect(await current.value('app:callScripts.import', { mode: 'merge', content: JSON.stringify([complaint, renamedPhone]) }, admin)).toEqual({
      imported: true,
      added: 1,
      updated: 1,
      removed: 0,
    });
    expect(await ids(current)).toEqual(['phone', 'counter', 'callback', 'complaint']);
    const replacement = { scripts: [complaint, defaultScripts[1], defaultScripts[2]] };
    expect(await current.value('app:callScripts.import', { mode: 'replace', content: JSON.stringify(replacement) }, admin)).toEqual({
      imported: true,
      added: 0,
      updated: 3,
      removed: 1,
    });
    expect(await ids(current)).toEqual(['complaint', 'counter', 'callback']);
  });

  it('imports nothing from a file with any problem, and lists every problem by where it is', async () => {
    const current = (scenario = await createScenario());
    const before = await current.value('app:callScripts.list', {}, agent);
    const refused = async (mode: 'merge' | 'replace', content: string) => {
      const result = await current.value('app:callScripts.import', { mode, content }, admin);
      expect(result.imported).toBe(false);
      expect(await current.value('app:callScripts.list', {}, agent)).toEqual(before);
      return result;
    };

    expect((await refused('merge', '{"scripts": [')).problems).toEqual([{ where: '', message: expect.stringMatching(/not valid JSON/) }]);
    expect((await refused('merge', '')).problems).toEqual([{ where: '', message: 'The file is empty.' }]);
    expect((await refused('merge', '{"version": 2, "scripts": [], "extra": 1}')).problems.map((problem: { where: string }) => problem.where)).toEqual([
      'extra',
      'version',
      'scripts',
    ]);

    const broken = {
      version: 1,
      scripts: [
        complaint,
        { ...complaint, steps: [complaint.steps[0], { ...complaint.steps[1], template: '您好，{公司}' }] },
        { ...complaint, id: 'other', kind: 'email' },
      ],
    };
    const result = await refused('merge', JSON.stringify(broken));
    expect(result.problems).toEqual([
      { where: 'scripts[1].steps[1].template', message: expect.stringMatching(/"\{公司\}" is not a script variable/) },
      { where: 'scripts[1].id', message: expect.stringMatching(/"complaint" is used twice \(first at scripts\[0\]\)/) },
      { where: 'scripts[2].kind', message: expect.any(String) },
    ]);

    const onlyPhone = await refused('replace', JSON.stringify({ version: 1, scripts: [complaint] }));
    expect(onlyPhone.problems).toEqual([{ where: '', message: expect.stringMatching(/counter, callback/) }]);
    const reKinded = await refused('merge', JSON.stringify([{ ...defaultScripts[2]!, kind: 'phone' }]));
    expect(reKinded.problems[0].message).toMatch(/callback/);

    const many = Array.from({ length: 120 }, (_unused, index) => ({ ...complaint, id: `s${index}`, kind: 'mail' }));
    const capped = await refused('merge', JSON.stringify(many));
    expect(capped.problems).toHaveLength(100);
    expect(capped.moreProblems).toBe(21);

    expect(lastAudit(current)).toMatchObject({ agentId: admin, action: 'callScripts.import', outcome: 'failed', details: { mode: 'merge', problems: 121 } });
  });
});
