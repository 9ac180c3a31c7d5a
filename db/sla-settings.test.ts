import { afterEach, describe, expect, it } from 'vitest';
import type { CalendarYear } from '../common/deadline-calendar/working-calendar';
import type { SlaPolicy } from '../common/tickets/sla-policy';
import {
  listCalendarYearRows,
  listSlaPolicyRows,
  removeCalendarYearRow,
  removeSlaPolicyRow,
  saveCalendarYearRow,
  saveSlaPolicyRow,
} from './sla-settings';
import { createTestDatabase, type TestDatabase } from './test-support';

let current: TestDatabase | undefined;
afterEach(() => {
  current?.cleanup();
  current = undefined;
});

function database(): TestDatabase['db'] {
  current = createTestDatabase();
  return current.db;
}

const morning = { now: '2026-03-14T09:00:00.000Z', agentId: '8001' };
const noon = { now: '2026-03-14T12:00:00.000Z', agentId: '8002' };

const fasterComplaint: SlaPolicy = {
  category: 'complaint',
  firstResponse: { amount: 24, unit: 'hours' },
  reply: { amount: 3, unit: 'workingDays' },
  resolve: null,
  callback: { amount: 30, unit: 'minutes' },
};

const year2027: CalendarYear = {
  year: 2027,
  holidays: [
    { date: '2027-01-01', name: '元旦' },
    { date: '2027-02-08', name: '春节 "除夕"' },
  ],
  makeUpWorkdays: [{ date: '2027-02-06', name: '春节调休' }],
  source: '国务院办公厅通知',
};

function policyStamp(db: TestDatabase['db'], category: string): unknown {
  return db.prepare('SELECT updated_at, updated_by FROM sla_policies WHERE category = ?').get(category);
}

function yearStamp(db: TestDatabase['db'], year: number): unknown {
  return db.prepare('SELECT updated_at, updated_by FROM calendar_years WHERE year = ?').get(year);
}

describe('SLA policies', () => {
  it('replaces a seeded policy in place, stored without its category and stamped', () => {
    const db = database();
    const before = listSlaPolicyRows(db);
    expect(before).toHaveLength(22);
    saveSlaPolicyRow(db, fasterComplaint, morning);
    const after = listSlaPolicyRows(db);
    expect(after.map((row) => row.category)).toEqual(before.map((row) => row.category));
    expect(after.find((row) => row.category === 'complaint')?.policy).toEqual({
      firstResponse: { amount: 24, unit: 'hours' },
      reply: { amount: 3, unit: 'workingDays' },
      resolve: null,
      callback: { amount: 30, unit: 'minutes' },
    });
    expect(after.filter((row) => row.category !== 'complaint')).toEqual(before.filter((row) => row.category !== 'complaint'));
    expect(policyStamp(db, 'complaint')).toEqual({ updated_at: morning.now, updated_by: '8001' });
  });

  it('removes a policy, and adds it back as a new row', () => {
    const db = database();
    expect(removeSlaPolicyRow(db, 'complaint')).toBe(true);
    expect(removeSlaPolicyRow(db, 'complaint')).toBe(false);
    expect(listSlaPolicyRows(db).map((row) => row.category)).not.toContain('complaint');
    saveSlaPolicyRow(db, fasterComplaint, noon);
    expect(listSlaPolicyRows(db).at(-1)).toEqual({ category: 'complaint', policy: expect.objectContaining({ firstResponse: { amount: 24, unit: 'hours' } }) });
    expect(policyStamp(db, 'complaint')).toEqual({ updated_at: noon.now, updated_by: '8002' });
  });
});

describe('calendar years', () => {
  it('adds a year in order and replaces it with its stamp', () => {
    const db = database();
    expect(listCalendarYearRows(db).map((row) => row.year)).toEqual([2024, 2025, 2026]);
    saveCalendarYearRow(db, year2027, morning);
    expect(listCalendarYearRows(db).map((row) => row.year)).toEqual([2024, 2025, 2026, 2027]);
    expect(listCalendarYearRows(db).at(-1)).toEqual(year2027);
    expect(yearStamp(db, 2027)).toEqual({ updated_at: morning.now, updated_by: '8001' });

    const changed = { ...year2027, holidays: [], makeUpWorkdays: [], source: '' };
    saveCalendarYearRow(db, changed, noon);
    expect(listCalendarYearRows(db).at(-1)).toEqual(changed);
    expect(yearStamp(db, 2027)).toEqual({ updated_at: noon.now, updated_by: '8002' });
    expect(listCalendarYearRows(db)).toHaveLength(4);
  });

  it('replaces a seeded year and leaves the others alone', () => {
    const db = database();
    const before = listCalendarYearRows(db);
    const extra = { date: '2026-11-23', name: '测试假日' };
    const seeded = before.find((row) => row.year === 2026)!;
    saveCalendarYearRow(db, { ...(seeded as CalendarYear), holidays: [...(seeded.holidays as CalendarYear['holidays']), extra] }, morning);
    const after = listCalendarYearRows(db);
    expect((after.find((row) => row.year === 2026)!.holidays as unknown[]).at(-1)).toEqual(extra);
    expect(after.filter((row) => row.year !== 2026)).toEqual(before.filter((row) => row.year !== 2026));
  });

  it('removes a year once', () => {
    const db = database();
    expect(removeCalendarYearRow(db, 2025)).toBe(true);
    expect(removeCalendarYearRow(db, 2025)).toBe(false);
    expect(removeCalendarYearRow(db, 2031)).toBe(false);
    expect(listCalendarYearRows(db).map((row) => row.year)).toEqual([2024, 2026]);
  });
});
