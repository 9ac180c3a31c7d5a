import { afterEach, describe, expect, it } from 'vitest';
import { listAuditEntries } from '../../db/audit-log';
import { createScenario, type Scenario } from '../test-support';
import { decideAcknowledgment, maskHandoverText } from './handovers';

let scenario: Scenario | undefined;
afterEach(() => {
  scenario?.desk.cleanup();
  scenario = undefined;
});

type Entry = {
  id: number;
  team: string;
  shiftDate: string;
  shift: string;
  equipmentState: string;
  equipmentNote: string;
  openIssues: string;
  tickets: { number: string; status: string; category: string }[];
  staffingChanges: string;
  notes: string;
  correctsId: number | null;
  author: { agentId: string; displayName: string };
  writtenAt: string;
  acknowledgment: { by: { agentId: string; displayName: string }; at: string; note: string } | null;
  canAcknowledge: boolean;
};

type SearchAnswer = {
  entries: Entry[];
  total: number;
  page: number;
  pageSize: number;
  unacknowledged: number;
  authors: { agentId: string; displayName: string }[];
  teams: string[];
  today: string;
};

/** A desk on Sunday 2026-11-22 10:00 Shanghai with a complaint of 一组 (agent 1001) and one of 二组 (agent 1002). */
async function desk() {
  const current = (scenario = await createScenario());
  const ticket = async (agentId: string, category: string): Promise<{ number: string; id: number }> =>
    (await current.value('app:tickets.create', { channel: 'phone', category, summary: '客户反映燃气费多扣' }, agentId)).ticket;
  const ours = await ticket('1001', 'complaint');
  const theirs = await ticket('1002', 'repair');
  const db = () => current.desk.desk.store.connection();
  const write = (payload: Record<string, unknown>, who = '2001') =>
    current.call('app:handovers.write', { shiftDate: '2026-11-22', shift: 'morning', equipmentState: 'normal', ...payload }, who);
  const written = async (payload: Record<string, unknown>, who = '2001'): Promise<Entry> => {
    const result = await write(payload, who);
    if (!result.ok) throw new Error(`write failed: ${result.code} ${result.message}`);
    return result.value.entry as Entry;
  };
  const search = (payload: Record<string, unknown>, who = '2002'): Promise<SearchAnswer> => current.value('app:handovers.search', payload, who);
  const lastAudit = () => listAuditEntries(db(), { limit: 1 })[0]!;
  const handoverCount = () => db().prepare('SELECT count(*) FROM handovers').pluck().get() as number;
  return { current, ours, theirs, db, write, written, search, lastAudit, handoverCount };
}

describe('writing a handover entry', () => {
  it('stores the outgoing lead’s entry with its linked ticket as it stands, and audits it in the same transaction', async () => {
    const { current, ours, written, lastAudit } = await desk();
    const entry = await written({
      shift: 'evening',
      equipmentState: 'problems',
      equipmentNote: ' 3 号席耳机故障，已报修 ',
      openIssues: '燃气费争议客户明早再来电',
      ticketNumbers: [ours.number.toLowerCase(), ours.number],
      staffingChanges: '1003 明天请假',
    });
    expect(entry).toMatchObject({
      team: '一组',
      shiftDate: '2026-11-22',
      shift: 'evening',
      equipmentState: 'problems',
      equipmentNote: '3 号席耳机故障，已报修',
      tickets: [{ number: ours.number, status: 'new', category: 'complaint' }],
      staffingChanges: '1003 明天请假',
      notes: '',
      correctsId: null,
      author: { agentId: '2001', displayName: '员工2001' },
      writtenAt: '2026-11-22T02:00:00.000Z',
      acknowledgment: null,
      // The author is the outgoing lead: someone else takes the shift over.
      canAcknowledge: false,
    });
    expect(lastAudit()).toMatchObject({
      agentId: '2001',
      role: 'team_lead',
      action: 'handover.write',
      objectType: 'handover',
      objectId: String(entry.id),
      outcome: 'success',
      details: {
        team: '一组',
        shiftDate: '2026-11-22',
        shift: 'evening',
        equipmentState: 'problems',
        tickets: ours.number,
        fields: 'equipmentNote,openIssues,staffingChanges',
        correctsId: null,
      },
    });
    // The ticket moves on; the entry shows where it stands now.
    await current.value('app:tickets.transition', { ticketId: ours.id, action: 'start' }, '1001');
    const { entries } = await current.value('app:handovers.search', {}, '2002');
    expect(entries[0]).toMatchObject({ id: entry.id, tickets: [{ number: ours.number, status: 'in_progress' }], canAcknowledge: true });
  });

  it('writes nothing when the audit entry cannot be written', async () => {
    const { db, write, handoverCount } = await desk();
    db().exec(`CREATE TEMP TRIGGER refuse_handover_audit BEFORE INSERT ON audit_log WHEN NEW.action = 'handover.write'
      BEGIN SELECT RAISE(ABORT, 'audit log unavailable'); END`);
    expect(await write({ notes: '平稳' })).toMatchObject({ ok: false, code: 'INTERNAL_ERROR' });
    expect(handoverCount()).toBe(0);
    db().exec('DROP TRIGGER refuse_handover_audit');
    expect(await write({ notes: '平稳' })).toMatchObject({ ok: true });
    expect(handoverCount()).toBe(1);
  });

  it('refuses a ticket that does not exist or belongs to another team, audited, and writes nothing', async () => {
    const { current, ours, theirs, write, lastAudit, handoverCount } = await desk();
    expect(await write({ openIssues: '跟进', ticketNumbers: [ours.number, 'GD20261122-0099'] })).toMatchObject({ ok: false, code: 'HANDOVER_TICKET_NOT_FOUND' });
    expect(lastAudit()).toMatchObject({ agentId: '2001', action: 'handover.write', outcome: 'refused', code: 'HANDOVER_TICKET_NOT_FOUND', details: { ticket: 'GD20261122-0099' } });
    const otherTeam = await write({ openIssues: '跟进', ticketNumbers: [theirs.number] });
    expect(otherTeam).toMatchObject({ ok: false, code: 'HANDOVER_TICKET_OTHER_TEAM' });
    expect(otherTeam.ok ? '' : otherTeam.message).toContain(theirs.number);
    expect(lastAudit()).toMatchObject({ action: 'handover.write', outcome: 'refused', code: 'HANDOVER_TICKET_OTHER_TEAM' });
    expect(handoverCount()).toBe(0);

    // The page checks each ticket as the lead adds it, with the same rules.
    expect(await current.value('app:handovers.lookupTicket', { number: ` ${ours.number.toLowerCase()} ` }, '2001')).toEqual({
      ticket: { number: ours.number, status: 'new', category: 'complaint' },
    });
    expect(await current.call('app:handovers.lookupTicket', { number: theirs.number }, '2001')).toMatchObject({ ok: false, code: 'HANDOVER_TICKET_OTHER_TEAM' });
    expect(await current.call('app:handovers.lookupTicket', { number: 'GD20261122-0099' }, '2001')).toMatchObject({ ok: false, code: 'HANDOVER_TICKET_NOT_FOUND' });
    expect(lastAudit()).toMatchObject({ action: 'handover.lookupTicket', outcome: 'refused', code: 'HANDOVER_TICKET_NOT_FOUND', details: { ticket: 'GD20261122-0099' } });
    expect(await current.value('app:handovers.lookupTicket', { number: theirs.number }, '2003')).toMatchObject({ ticket: { category: 'repair' } });
  });

  it('checks the lengths, that something is said, the equipment note, the shift date and the team', async () => {
    const { current, write, written, handoverCount } = await desk();
    const refused = async (payload: Record<string, unknown>, who = '2001') => {
      const result = await write(payload, who);
      return result.ok ? 'ok' : `${result.code}${result.issues === undefined ? '' : ` ${result.issues.map((issue: { path: string }) => issue.path || '(root)').join(',')}`}`;
    };
    expect(await refused({ equipmentNote: ' ', openIssues: '', staffingChanges: '\n', notes: '' })).toBe('VALIDATION_FAILED (root)');
    expect(await refused({ equipmentState: 'problems', notes: '其他正常' })).toBe('VALIDATION_FAILED equipmentNote');
    expect(await refused({ openIssues: '长'.repeat(2001) })).toBe('VALIDATION_FAILED openIssues');
    expect(await refused({ equipmentNote: '长'.repeat(501) })).toBe('VALIDATION_FAILED equipmentNote');
    expect(await refused({ notes: '平稳', ticketNumbers: Array.from({ length: 21 }, (_, index) => `GD20261122-${String(index + 1).padStart(4, '0')}`) })).toBe(
      'VALIDATION_FAILED ticketNumbers',
    );
    expect(await refused({ shiftDate: '2026-11-23', notes: '提前写' })).toBe('HANDOVER_SHIFT_IN_FUTURE');
    expect(await refused({ notes: '平稳' }, '1001')).toBe('FORBIDDEN_ROLE');
    expect(await refused({ notes: '平稳' }, '8001')).toBe('FORBIDDEN_ROLE');
    await current.value('app:agents.update', { agentId: '2003', displayName: '员工2003', role: 'team_lead', team: '' }, '8001');
    expect(await refused({ notes: '平稳' }, '2003')).toBe('HANDOVER_NO_TEAM');
    expect(handoverCount()).toBe(0);
    // Last night's shift, written after midnight, is dated by the day it started.
    expect((await written({ shiftDate: '2026-11-21', shift: 'night', notes: '夜班平稳' })).shiftDate).toBe('2026-11-21');
  });

  it('keeps entries as written: a correction is a new entry naming the one it corrects, of the same team', async () => {
    const { written, write, search } = await desk();
    const original = await written({ notes: '3 号席耳机正常' });
    const correction = await written({ equipmentState: 'problems', equipmentNote: '3 号席耳机故障（上一条写错）', correctsId: original.id });
    expect(correction.correctsId).toBe(original.id);
    expect((await search({})).entries.map((entry) => [entry.id, entry.notes, entry.correctsId])).toEqual([
      [correction.id, '', original.id],
      [original.id, '3 号席耳机正常', null],
    ]);
    const otherTeam = await written({ notes: '二组平稳' }, '2003');
    expect(await write({ notes: '更正', correctsId: otherTeam.id })).toMatchObject({ ok: false, code: 'HANDOVER_NOT_FOUND' });
    expect(await write({ notes: '更正', correctsId: 999 })).toMatchObject({ ok: false, code: 'HANDOVER_NOT_FOUND' });
  });
});

describe('acknowledging a handover entry', () => {
  it('lets another lead of the team acknowledge once, with a note; refuses the author, other teams and a second time', async () => {
    const { current, clock, written, lastAudit } = { ...(await desk()), clock: scenario!.clock };
    const entry = await written({ openIssues: '王先生投诉未结' });
    const acknowledge = (who: string, payload: Record<string, unknown> = {}) => current.call('app:handovers.acknowledge', { handoverId: entry.id, ...payload }, who);

    expect(await acknowledge('2001')).toMatchObject({ ok: false, code: 'HANDOVER_OWN_ENTRY' });
    expect(lastAudit()).toMatchObject({ agentId: '2001', action: 'handover.acknowledge', objectId: String(entry.id), outcome: 'refused', code: 'HANDOVER_OWN_ENTRY' });
    expect(await acknowledge('2003')).toMatchObject({ ok: false, code: 'HANDOVER_NOT_FOUND' });
    expect(await acknowledge('8001')).toMatchObject({ ok: false, code: 'FORBIDDEN_ROLE' });
    expect(await acknowledge('1001')).toMatchObject({ ok: false, code: 'FORBIDDEN_ROLE' });
    expect(await current.call('app:handovers.acknowledge', { handoverId: 999 }, '2002')).toMatchObject({ ok: false, code: 'HANDOVER_NOT_FOUND' });

    // Less than the idle limit, or the seat would lock.
    clock.advance(2 * 60_000);
    const acknowledged = await acknowledge('2002', { note: ' 已阅，明早跟进 ' });
    expect(acknowledged).toMatchObject({
      ok: true,
      value: {
        entry: {
          id: entry.id,
          acknowledgment: { by: { agentId: '2002', displayName: '员工2002' }, at: '2026-11-22T02:02:00.000Z', note: '已阅，明早跟进' },
          canAcknowledge: false,
        },
      },
    });
    expect(lastAudit()).toMatchObject({
      agentId: '2002',
      action: 'handover.acknowledge',
      objectType: 'handover',
      objectId: String(entry.id),
      outcome: 'success',
      details: { team: '一组', author: '2001', note: true },
    });
    expect(await acknowledge('2002')).toMatchObject({ ok: false, code: 'HANDOVER_ALREADY_ACKNOWLEDGED' });
    // Administrators read it, acknowledgment shown.
    const { entries } = await current.value('app:handovers.search', {}, '8001');
    expect(entries[0]).toMatchObject({ id: entry.id, acknowledgment: { by: { agentId: '2002' } }, canAcknowledge: false });
  });

  it('decides who acknowledges from the entry and the caller alone', () => {
    const entry = { team: '一组', authorAccountId: 2, acknowledged: false };
    const lead = { id: 3, role: 'team_lead', team: '一组' };
    expect(decideAcknowledgment(entry, lead)).toEqual({ ok: true });
    expect(decideAcknowledgment(entry, { ...lead, id: 2 })).toEqual({ ok: false, code: 'HANDOVER_OWN_ENTRY' });
    expect(decideAcknowledgment({ ...entry, acknowledged: true }, lead)).toEqual({ ok: false, code: 'HANDOVER_ALREADY_ACKNOWLEDGED' });
    expect(decideAcknowledgment(entry, { ...lead, team: '二组' })).toEqual({ ok: false, code: 'HANDOVER_NOT_FOUND' });
    expect(decideAcknowledgment(entry, { ...lead, role: 'admin' })).toEqual({ ok: false, code: 'HANDOVER_NOT_FOUND' });
    expect(decideAcknowledgment(undefined, lead)).toEqual({ ok: false, code: 'HANDOVER_NOT_FOUND' });
    // A lead without a team never matches an entry, even one stored without a team.
    expect(decideAcknowledgment({ ...entry, team: '' }, { ...lead, team: '' })).toEqual({ ok: false, code: 'HANDOVER_NOT_FOUND' });
  });
});

describe('the handover history', () => {
  it('searches the team’s entries by text, ticket number, shift dates, author and acknowledgment, newest first, paged', async () => {
    const { current, ours, written, search } = await desk();
    const first = await written({ shiftDate: '2026-11-20', equipmentState: 'problems', equipmentNote: '3 号席耳机故障，已报修' });
    const second = await written({ shiftDate: '2026-11-21', openIssues: '客户投诉升级', ticketNumbers: [ours.number] }, '2002');
    const third = await written({ shiftDate: '2026-11-22', notes: 'ＡＢＣ 系统升级完成' });
    await written({ notes: '二组耳机正常' }, '2003');
    await current.value('app:handovers.acknowledge', { handoverId: first.id, note: '新耳机已领' }, '2002');

    const ids = async (payload: Record<string, unknown>, who = '2002') => (await search(payload, who)).entries.map((entry) => entry.id);
    expect(await ids({})).toEqual([third.id, second.id, first.id]);
    expect(await ids({ text: '耳机' })).toEqual([first.id]);
    expect(await ids({ text: '新耳机' })).toEqual([first.id]);
    expect(await ids({ text: ours.number.toLowerCase() })).toEqual([second.id]);
    expect(await ids({ text: 'abc' })).toEqual([third.id]);
    expect(await ids({ from: '2026-11-21' })).toEqual([third.id, second.id]);
    expect(await ids({ from: '2026-11-20', to: '2026-11-21' })).toEqual([second.id, first.id]);
    expect(await ids({ authorAgentId: '2002' })).toEqual([second.id]);
    expect(await ids({ unacknowledgedOnly: true })).toEqual([third.id, second.id]);
    expect(await ids({ unacknowledgedOnly: true, text: '投诉' })).toEqual([second.id]);

    const firstPage = await search({ page: 1, pageSize: 2 });
    expect(firstPage).toMatchObject({ total: 3, page: 1, pageSize: 2, unacknowledged: 2, teams: ['一组'], today: '2026-11-22' });
    expect(firstPage.entries.map((entry) => entry.id)).toEqual([third.id, second.id]);
    expect(firstPage.authors).toEqual([
      { agentId: '2001', displayName: '员工2001' },
      { agentId: '2002', displayName: '员工2002' },
    ]);
    expect((await search({ page: 2, pageSize: 2 })).entries.map((entry) => entry.id)).toEqual([first.id]);
    expect((await search({ page: 3, pageSize: 2 })).entries).toEqual([]);
  });

  it('shows team leads their own team only, administrators every team, agents nothing', async () => {
    const { current, written, search } = await desk();
    const ourEntry = await written({ notes: '一组平稳' });
    const theirEntry = await written({ notes: '二组平稳' }, '2003');
    expect((await search({}, '2003')).entries.map((entry) => entry.id)).toEqual([theirEntry.id]);
    expect(await current.call('app:handovers.search', { team: '一组' }, '2003')).toMatchObject({ ok: false, code: 'FORBIDDEN_ROLE' });
    expect((await search({ team: '二组' }, '2003')).total).toBe(1);
    const all = await search({}, '8001');
    expect(all.entries.map((entry) => [entry.id, entry.team])).toEqual([
      [theirEntry.id, '二组'],
      [ourEntry.id, '一组'],
    ]);
    expect(all).toMatchObject({ teams: ['一组', '二组'], unacknowledged: 2 });
    expect((await search({ team: '一组' }, '8001')).entries.map((entry) => entry.id)).toEqual([ourEntry.id]);
    expect(await current.call('app:handovers.search', {}, '1001')).toMatchObject({ ok: false, code: 'FORBIDDEN_ROLE' });
  });
});

describe('customer numbers typed into the log', () => {
  it('are shown masked (ticket numbers whole), stored as typed, never in the audit entry, and a full number finds nothing', async () => {
    const { current, ours, db, written, search, lastAudit } = await desk();
    const entry = await written({
      openIssues: `客户 13812345678 来电两次，身份证 110101199001011234，见 ${ours.number}`,
      ticketNumbers: [ours.number],
    });
    expect(entry.openIssues).toBe(`客户 *******5678 来电两次，身份证 **************1234，见 ${ours.number}`);
    expect(JSON.stringify(lastAudit())).not.toMatch(/13812345678|110101199001011234/);
    expect(db().prepare('SELECT open_issues FROM handovers WHERE id = ?').pluck().get(entry.id)).toContain('13812345678');

    const acknowledged = await current.value('app:handovers.acknowledge', { handoverId: entry.id, note: '已回电 13812345678' }, '2002');
    expect(acknowledged.entry.acknowledgment.note).toBe('已回电 *******5678');
    expect((await search({})).entries[0]!.openIssues).toBe(entry.openIssues);

    expect((await search({ text: '13812345678' })).total).toBe(0);
    expect((await search({ text: '110101199001011234' })).total).toBe(0);
    expect((await search({ text: '5678' })).total).toBe(1);
    expect((await search({ text: ours.number })).total).toBe(1);
  });

  it('mask like notes, keeping only ticket numbers shaped like the desk’s', () => {
    expect(maskHandoverText('GD20261122-0003 和 gd20261122-10000 跟进')).toBe('GD20261122-0003 和 gd20261122-10000 跟进');
    expect(maskHandoverText('电话13900001111')).toBe('电话*******1111');
    // A landline cannot pass for a ticket number, nor can a number run on after one.
    expect(maskHandoverText('GD62345678-0001')).toBe('GD********-0001');
    expect(maskHandoverText('GD20261122-000313812345678')).toBe('GD********-***********5678');
    expect(maskHandoverText('')).toBe('');
  });
});
