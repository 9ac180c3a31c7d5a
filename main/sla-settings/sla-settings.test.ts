import { afterEach, describe, expect, it } from 'vitest';
import { calendarProblemsOfMessage } from '../../common/ipc/sla-settings';
import { listAuditEntries } from '../../db/audit-log';
import { createScenario, type Scenario } from '../test-support';

let scenario: Scenario | undefined;
afterEach(() => {
  scenario?.desk.cleanup();
  scenario = undefined;
});

type Target = { kind: string; due: string | null };
type PolicyView = { category: string; firstResponse: unknown; reply: unknown; isDefault: boolean; problems: string[] };
type YearView = { year: number; holidays: { date: string; name: string }[]; makeUpWorkdays: unknown[]; source: string; problems: string[] };

/** A desk on Sunday 2026-11-22 10:00 Shanghai where agent 1001 has recorded a customer (so may open tickets for them). */
async function desk() {
  const current = (scenario = await createScenario());
  const { customer } = await current.value(
    'app:customers.create',
    { fullName: '王建国', gender: 'male', phones: ['13812345678'], idType: 'resident_id', idNumber: '110101199001011234', address: '幸福小区 3 栋', accountNumbers: [] },
    '1001',
  );
  const createTicket = async (category: string): Promise<{ targets: Target[] }> =>
    (await current.value('app:tickets.create', { customerId: customer.id, channel: 'counter', category, summary: '客户来柜台反映燃气费问题' }, '1001')).ticket;
  const list = async (who = '8001'): Promise<{ policies: PolicyView[]; years: YearView[]; timeZone: string; today: string }> =>
    current.value('app:slaSettings.list', {}, who);
  const lastAudit = () => listAuditEntries(current.desk.desk.store.connection(), { limit: 1 })[0];
  return { current, createTicket, list, lastAudit };
}

const dueOf = (ticket: { targets: Target[] }, kind: string) => ticket.targets.find((target) => target.kind === kind)?.due;

const fasterComplaint = {
  category: 'complaint',
  firstResponse: { amount: 24, unit: 'hours' },
  reply: { amount: 72, unit: 'hours' },
  resolve: null,
  callback: { amount: 72, unit: 'hours' },
};

describe('SLA settings', () => {
  it('lists every category with the seeded defaults, the calendar years and the desk’s zone', async () => {
    const { list } = await desk();
    const settings = await list();
    expect(settings.policies).toHaveLength(22);
    expect(settings.policies.every((policy) => policy.isDefault && policy.problems.length === 0)).toBe(true);
    expect(settings.policies.find((policy) => policy.category === 'complaint')).toMatchObject({
      firstResponse: { amount: 48, unit: 'hours' },
      defaultTargets: { firstResponse: { amount: 48, unit: 'hours' } },
    });
    expect(settings.years.map((year) => [year.year, year.problems])).toEqual([
      [2024, []],
      [2025, []],
      [2026, []],
    ]);
    expect(settings).toMatchObject({ timeZone: 'Asia/Shanghai', today: '2026-11-22' });
    // Team leads read the settings too.
    expect((await list('2001')).policies).toHaveLength(22);
  });

  it('gives tickets created after a saved policy the new first-response deadline, and keeps the older ones', async () => {
    const { current, createTicket, list, lastAudit } = await desk();
    const before = await createTicket('complaint');
    expect(dueOf(before, 'firstResponse')).toBe('2026-11-24T02:00:00.000Z');

    const saved = await current.value('app:slaSettings.savePolicy', { policy: fasterComplaint }, '8001');
    expect(saved.policy).toMatchObject({ category: 'complaint', firstResponse: { amount: 24, unit: 'hours' }, isDefault: false });
    expect(lastAudit()).toMatchObject({
      agentId: '8001',
      action: 'slaPolicy.save',
      objectId: 'complaint',
      outcome: 'success',
      details: {
        before: 'firstResponse 48h, reply 72h, resolve -, callback 72h',
        after: 'firstResponse 24h, reply 72h, resolve -, callback 72h',
        isDefault: false,
      },
    });
    expect((await list()).policies.find((policy) => policy.category === 'complaint')).toMatchObject({ isDefault: false, firstResponse: { amount: 24 } });

    const after = await createTicket('complaint');
    expect(dueOf(after, 'firstResponse')).toBe('2026-11-23T02:00:00.000Z');
    const queue = (await current.value('app:tickets.mine', {}, '1001')).tickets as { id: number; targets: Target[] }[];
    expect(dueOf(queue.find((ticket) => ticket.id === (before as unknown as { id: number }).id)!, 'firstResponse')).toBe('2026-11-24T02:00:00.000Z');

    // Saving the same targets again changes nothing and records nothing.
    const entries = listAuditEntries(current.desk.desk.store.connection(), { limit: 500 }).length;
    await current.value('app:slaSettings.savePolicy', { policy: fasterComplaint }, '8001');
    expect(listAuditEntries(current.desk.desk.store.connection(), { limit: 500 })).toHaveLength(entries);
  });

  it('resets a policy to the built-in default for the tickets created afterwards', async () => {
    const { current, createTicket, list, lastAudit } = await desk();
    await current.value('app:slaSettings.savePolicy', { policy: { ...fasterComplaint, resolve: { amount: 5, unit: 'workingDays' } } }, '8001');
    const reset = await current.value('app:slaSettings.resetPolicy', { category: 'complaint' }, '8001');
    expect(reset.policy).toMatchObject({ firstResponse: { amount: 48, unit: 'hours' }, resolve: null, isDefault: true });
    expect(lastAudit()).toMatchObject({
      action: 'slaPolicy.reset',
      objectId: 'complaint',
      details: { before: 'firstResponse 24h, reply 72h, resolve 5wd, callback 72h', after: 'firstResponse 48h, reply 72h, resolve -, callback 72h' },
    });
    expect((await list()).policies.every((policy) => policy.isDefault)).toBe(true);
    const ticket = await createTicket('complaint');
    expect(dueOf(ticket, 'firstResponse')).toBe('2026-11-24T02:00:00.000Z');
    expect(dueOf(ticket, 'resolve')).toBeUndefined();
  });

  it('refuses team leads and agents every change, and agents the list', async () => {
    const { current, list } = await desk();
    const before = await list();
    const changes: [string, object][] = [
      ['app:slaSettings.savePolicy', { policy: fasterComplaint }],
      ['app:slaSettings.resetPolicy', { category: 'complaint' }],
      ['app:slaSettings.saveCalendarYear', { calendarYear: { year: 2027, holidays: [], makeUpWorkdays: [], source: '' } }],
      ['app:slaSettings.removeCalendarYear', { year: 2026 }],
      ['app:slaSettings.importCalendarYears', { content: '{"year": 2027, "holidays": [], "makeUpWorkdays": [], "source": ""}' }],
    ];
    for (const who of ['2001', '1001']) {
      for (const [channel, payload] of changes) {
        expect(await current.call(channel, payload, who), `${channel} by ${who}`).toMatchObject({ ok: false, code: 'FORBIDDEN_ROLE' });
      }
    }
    expect(await current.call('app:slaSettings.list', {}, '1001')).toMatchObject({ ok: false, code: 'FORBIDDEN_ROLE' });
    expect(await list()).toEqual(before);
    const refusals = listAuditEntries(current.desk.desk.store.connection(), { limit: 20 }).filter((entry) => entry.action.startsWith('app:slaSettings.'));
    expect(refusals.filter((entry) => entry.outcome === 'refused' && entry.code === 'FORBIDDEN_ROLE')).toHaveLength(11);
  });

  it('refuses an invalid calendar year with every problem named, and changes nothing', async () => {
    const { current, list, lastAudit } = await desk();
    const before = await list();
    const broken = {
      year: 2026,
      holidays: [
        { date: '2026-11-28', name: '测试假日' },
        { date: '2027-01-01', name: '元旦' },
      ],
      makeUpWorkdays: [
        { date: '2026-11-28', name: '调休' },
        { date: '2026-11-24', name: '调休' },
      ],
      source: '测试',
    };
    const result = await current.call('app:slaSettings.saveCalendarYear', { calendarYear: broken }, '8001');
    expect(result).toMatchObject({ ok: false, code: 'CALENDAR_YEAR_INVALID' });
    expect(calendarProblemsOfMessage(result.ok ? '' : result.message)).toEqual([
      '2027-01-01 (holiday) is not in 2026.',
      '2026-11-28 is listed twice.',
      '2026-11-24 is a weekday; only a Saturday or Sunday can be a make-up working day.',
    ]);
    expect(lastAudit()).toMatchObject({ action: 'calendarYear.save', objectId: '2026', outcome: 'refused', code: 'CALENDAR_YEAR_INVALID', details: { problems: 3 } });
    expect(await list()).toEqual(before);
  });

  it('moves a working-day deadline when a saved year gains a holiday, audited with the dates', async () => {
    const { current, createTicket, list, lastAudit } = await desk();
    // A consultation's reply is due in 2 working days: from Sunday, Monday and Tuesday count.
    expect(dueOf(await createTicket('consultation'), 'reply')).toBe('2026-11-24T16:00:00.000Z');

    const stored = (await list()).years.find((year) => year.year === 2026)!;
    const withHoliday = { year: 2026, source: stored.source, makeUpWorkdays: stored.makeUpWorkdays, holidays: [...stored.holidays, { date: '2026-11-23', name: '临时停业' }] };
    const saved = await current.value('app:slaSettings.saveCalendarYear', { calendarYear: withHoliday }, '8001');
    expect(saved).toMatchObject({ created: false, calendarYear: { year: 2026, problems: [] } });
    expect(lastAudit()).toMatchObject({
      action: 'calendarYear.save',
      objectId: '2026',
      details: { created: false, holidays: '19 -> 20', holidaysAdded: '2026-11-23', holidaysRemoved: '', makeUpWorkdays: '6 -> 6', sourceChanged: false },
    });
    // Monday is now a holiday: Tuesday and Wednesday count.
    expect(dueOf(await createTicket('consultation'), 'reply')).toBe('2026-11-25T16:00:00.000Z');
    expect((await list()).years.find((year) => year.year === 2026)!.holidays.at(-1)).toEqual({ date: '2026-11-23', name: '临时停业' });

    // Without the year, its days count Monday to Friday again.
    await current.value('app:slaSettings.removeCalendarYear', { year: 2026 }, '8001');
    expect(lastAudit()).toMatchObject({ action: 'calendarYear.remove', objectId: '2026', details: { holidays: 20, makeUpWorkdays: 6 } });
    expect(dueOf(await createTicket('consultation'), 'reply')).toBe('2026-11-24T16:00:00.000Z');
    expect(await current.call('app:slaSettings.removeCalendarYear', { year: 2026 }, '8001')).toMatchObject({ ok: false, code: 'CALENDAR_YEAR_NOT_FOUND' });
  });

  it('imports years all or nothing and audits both outcomes', async () => {
    const { current, list, lastAudit } = await desk();
    const before = await list();
    const year2027 = { year: 2027, holidays: [{ date: '2027-01-01', name: '元旦' }], makeUpWorkdays: [], source: '国务院办公厅通知' };
    const badFile = JSON.stringify([year2027, { ...year2027, year: 2028, makeUpWorkdays: [{ date: '2028-01-03', name: '调休' }] }]);
    const refused = await current.value('app:slaSettings.importCalendarYears', { content: badFile }, '8001');
    expect(refused).toEqual({
      imported: false,
      problems: [
        { where: '[1]', message: '2027-01-01 (holiday) is not in 2028.' },
        { where: '[1]', message: '2028-01-03 is a weekday; only a Saturday or Sunday can be a make-up working day.' },
      ],
      moreProblems: 0,
    });
    expect(lastAudit()).toMatchObject({ action: 'calendarYears.import', outcome: 'failed', details: { problems: 2 } });
    expect(await list()).toEqual(before);

    const tooMany = JSON.stringify(Array.from({ length: 21 }, (_, index) => ({ ...year2027, year: 2030 + index, holidays: [] })));
    expect((await current.value('app:slaSettings.importCalendarYears', { content: tooMany }, '8001')).problems[0]).toEqual({
      where: '',
      message: 'The file has 21 years; one import takes at most 20.',
    });
    expect((await current.value('app:slaSettings.importCalendarYears', { content: '{"year": 2027,' }, '8001')).problems[0].message).toMatch(/^The file is not valid JSON/);

    const file = JSON.stringify([year2027, { ...before.years[2]!, problems: undefined, source: '核对后重新导入' }]);
    expect(await current.value('app:slaSettings.importCalendarYears', { content: file }, '8001')).toEqual({ imported: true, years: [2027, 2026], added: 1, updated: 1 });
    expect(lastAudit()).toMatchObject({ action: 'calendarYears.import', outcome: 'success', details: { years: '2027,2026', added: 1, updated: 1 } });
    const after = await list();
    expect(after.years.map((year) => [year.year, year.source])).toEqual([
      [2024, before.years[0]!.source],
      [2025, before.years[1]!.source],
      [2026, '核对后重新导入'],
      [2027, '国务院办公厅通知'],
    ]);
    // A single year (not in a list) imports too.
    expect(await current.value('app:slaSettings.importCalendarYears', { content: JSON.stringify({ ...year2027, holidays: [] }) }, '8001')).toMatchObject({
      imported: true,
      years: [2027],
      updated: 1,
    });
  });

  it('lists a stored year that no longer validates with its problems instead of hiding it', async () => {
    const { current, list } = await desk();
    current.desk.desk.store
      .connection()
      .prepare("UPDATE calendar_years SET make_up_workdays = ? WHERE year = 2025")
      .run(JSON.stringify([{ date: '2025-01-27', name: '调休' }, { date: 7 }]));
    const year2025 = (await list()).years.find((year) => year.year === 2025)!;
    expect(year2025.makeUpWorkdays).toEqual([{ date: '2025-01-27', name: '调休' }]);
    expect(year2025.holidays).toHaveLength(18);
    expect(year2025.problems.length).toBeGreaterThan(0);
    expect(year2025.problems.join(' ')).toMatch(/makeUpWorkdays\[1\]\.date/);
  });
});
