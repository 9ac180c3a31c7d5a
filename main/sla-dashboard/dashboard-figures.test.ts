import { describe, expect, it } from 'vitest';
import type { DashboardPerson } from '../../db/sla-dashboard';
import { callbackFigures, firstResponseFigures, handleTimeFigures, monthOf, openFigures, rangeInstants, shareOf, withCompliance } from './dashboard-figures';

const shanghai = 'Asia/Shanghai';

const people = new Map<number, DashboardPerson>([
  [5, { id: 5, agentId: '1001', displayName: '李坐席', team: '一组' }],
  [6, { id: 6, agentId: '1003', displayName: '赵坐席', team: '一组' }],
  [7, { id: 7, agentId: '2001', displayName: '周班长', team: '一组' }],
]);

describe('the date range', () => {
  it('defaults to the month of now in the desk’s zone', () => {
    expect(monthOf(Date.parse('2026-11-22T02:00:00.000Z'), shanghai)).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    // 16:00Z on Nov 30 is already December 1 in Shanghai, still November in UTC.
    expect(monthOf(Date.parse('2026-11-30T16:00:00.000Z'), shanghai)).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(monthOf(Date.parse('2026-11-30T16:00:00.000Z'), 'UTC')).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(monthOf(Date.parse('2028-02-10T00:00:00.000Z'), shanghai)).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(monthOf(Date.parse('2027-02-10T00:00:00.000Z'), shanghai)).toEqual({ from: '2027-02-01', to: '2027-02-28' });
  });

  it('runs from the first day’s midnight to the midnight after the last day, in the zone', () => {
    expect(rangeInstants({ from: '2026-11-01', to: '2026-11-30' }, shanghai)).toEqual({
      ok: true,
      instants: { from: '2026-10-31T16:00:00.000Z', to: '2026-11-30T16:00:00.000Z', ringFrom: '2026-10-30T16:00:00.000Z' },
    });
    expect(rangeInstants({ from: '2026-11-22', to: '2026-11-22' }, 'UTC')).toMatchObject({ instants: { from: '2026-11-22T00:00:00.000Z', to: '2026-11-23T00:00:00.000Z' } });
  });

  it('refuses a range that ends before it starts or spans more than 366 days', () => {
    expect(rangeInstants({ from: '2026-11-02', to: '2026-11-01' }, shanghai)).toEqual({ ok: false, problem: 'The range ends (2026-11-01) before it starts (2026-11-02).' });
    expect(rangeInstants({ from: '2027-01-01', to: '2028-01-01' }, shanghai).ok).toBe(true);
    expect(rangeInstants({ from: '2027-01-01', to: '2028-01-02' }, shanghai)).toEqual({ ok: false, problem: 'The range spans 367 days; at most 366.' });
    expect(rangeInstants({ from: '2026-02-30', to: '2026-03-01' }, shanghai).ok).toBe(false);
  });
});

describe('the figures', () => {
  it('adds open and overdue tickets up by category (desk order) and by agent (most overdue first)', () => {
    const figures = openFigures(
      [
        { ownerAccountId: 5, category: 'repair', open: 2, overdue: 1 },
        { ownerAccountId: 5, category: 'complaint', open: 3, overdue: 0 },
        { ownerAccountId: 6, category: 'complaint', open: 1, overdue: 1 },
        { ownerAccountId: 7, category: 'complaint', open: 1, overdue: 1 },
        { ownerAccountId: 7, category: 'retired_category', open: 4, overdue: 4 },
      ],
      people,
    );
    expect(figures).toEqual({
      open: 11,
      overdue: 7,
      byCategory: [
        { category: 'complaint', open: 5, overdue: 2 },
        { category: 'repair', open: 2, overdue: 1 },
      ],
      byAgent: [
        { agentId: '2001', displayName: '周班长', team: '一组', open: 5, overdue: 5 },
        { agentId: '1001', displayName: '李坐席', team: '一组', open: 5, overdue: 1 },
        { agentId: '1003', displayName: '赵坐席', team: '一组', open: 1, overdue: 1 },
      ],
    });
  });

  it('counts compliance over the decided first responses only: pending ones wait outside the share', () => {
    expect(withCompliance({ onTime: 3, late: 1, missed: 0, pending: 9 }).compliance).toBe(0.75);
    expect(withCompliance({ onTime: 1, late: 1, missed: 2, pending: 0 }).compliance).toBe(0.25);
    expect(withCompliance({ onTime: 0, late: 0, missed: 0, pending: 2 }).compliance).toBeNull();
    const figures = firstResponseFigures([
      { category: 'repair', onTime: 1, late: 0, missed: 1, pending: 0 },
      { category: 'consultation', onTime: 2, late: 1, missed: 0, pending: 1 },
    ]);
    expect(figures).toMatchObject({ onTime: 3, late: 1, missed: 1, pending: 1, compliance: 0.6 });
    expect(figures.byCategory.map((row) => [row.category, row.compliance])).toEqual([
      ['consultation', 2 / 3],
      ['repair', 0.5],
    ]);
  });

  it('gives the call-back rate and the unreachable share of the same whole', () => {
    expect(callbackFigures({ needed: 8, reached: 5, closedUnreachable: 2, outstanding: 1 })).toEqual({
      needed: 8,
      reached: 5,
      closedUnreachable: 2,
      outstanding: 1,
      rate: 0.625,
      unreachableShare: 0.25,
    });
    expect(callbackFigures({ needed: 0, reached: 0, closedUnreachable: 0, outstanding: 0 })).toMatchObject({ rate: null, unreachableShare: null });
    expect(shareOf(1, 3)).toBe(1 / 3);
  });

  it('averages handle time over the calls, not over the agents', () => {
    const figures = handleTimeFigures(
      [
        { agentAccountId: 6, calls: 1, totalSeconds: 400, withinTarget: 0 },
        { agentAccountId: 5, calls: 3, totalSeconds: 360, withinTarget: 3 },
      ],
      people,
      180,
    );
    expect(figures).toEqual({
      targetSeconds: 180,
      calls: 4,
      averageSeconds: 190,
      withinTarget: 3,
      byAgent: [
        { agentId: '1001', displayName: '李坐席', team: '一组', calls: 3, averageSeconds: 120, withinTarget: 3 },
        { agentId: '1003', displayName: '赵坐席', team: '一组', calls: 1, averageSeconds: 400, withinTarget: 0 },
      ],
    });
    expect(handleTimeFigures([], people, 180)).toEqual({ targetSeconds: 180, calls: 0, averageSeconds: null, withinTarget: 0, byAgent: [] });
  });
});
