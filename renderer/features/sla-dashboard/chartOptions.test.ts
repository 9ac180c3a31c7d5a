import { describe, expect, it } from 'vitest';
import type { SlaDashboard } from '../../../common/ipc/sla-dashboard';
import { messagesZhCN, type MessageKey } from '../../i18n/messages.zh-CN';
import type { MessageVariables, Translate } from '../../i18n/translate';
import { chartColors, complianceByCategoryOption, handleTimeByAgentOption, overdueByCategoryOption } from './chartOptions';
import { formatDuration, formatShare, sharePercent } from './dashboardFormat';

// The i18n store touches the document; the charts need only the messages.
const translate: Translate = (key: MessageKey, variables?: MessageVariables) =>
  messagesZhCN[key].replace(/\{(\w+)\}/g, (placeholder, name: string) => String(variables?.[name] ?? placeholder));
const font = 'Noto Sans CJK SC';

type Series = { name: string; data: unknown[]; itemStyle?: { color: string }; markLine?: { data: unknown[]; label: { formatter: string } }; label?: { formatter: (parameters: { value?: unknown }) => string } };

function seriesOf(option: ReturnType<typeof overdueByCategoryOption>): Series[] {
  return option.series as Series[];
}

function axisNames(option: ReturnType<typeof overdueByCategoryOption>): unknown {
  return (option.xAxis as { data: unknown[] }).data;
}

const open: SlaDashboard['open'] = {
  open: 9,
  overdue: 4,
  byCategory: [
    { category: 'complaint', open: 5, overdue: 3 },
    { category: 'repair', open: 4, overdue: 1 },
  ],
  byAgent: [],
};

describe('the dashboard charts', () => {
  it('draws open and overdue tickets by category, named in the desk’s language, without animation', () => {
    const option = overdueByCategoryOption(open, translate, font);
    expect(axisNames(option)).toEqual(['投诉', '报修']);
    expect(seriesOf(option).map((series) => [series.name, series.data, series.itemStyle?.color])).toEqual([
      ['未结', [5, 4], chartColors.open],
      ['超时', [3, 1], chartColors.overdue],
    ]);
    expect(option).toMatchObject({ animation: false, textStyle: { fontFamily: font } });
  });

  it('draws compliance in percent by category, with no bar where nothing is decided yet', () => {
    const option = complianceByCategoryOption(
      {
        onTime: 2,
        late: 1,
        missed: 0,
        pending: 1,
        compliance: 2 / 3,
        byCategory: [
          { category: 'consultation', onTime: 2, late: 1, missed: 0, pending: 0, compliance: 2 / 3 },
          { category: 'emergency', onTime: 0, late: 0, missed: 0, pending: 1, compliance: null },
        ],
      },
      translate,
      font,
    );
    expect(axisNames(option)).toEqual(['咨询', '报警 / 抢修']);
    const [series] = seriesOf(option);
    expect(series?.data).toEqual([66.7, null]);
    expect(series?.label?.formatter({ value: 66.7 })).toBe('66.7%');
    expect(series?.label?.formatter({ value: null })).toBe('');
    expect(option.yAxis).toMatchObject({ min: 0, max: 100 });
  });

  it('draws each agent’s mean handle time against the 3-minute line, red over it', () => {
    const option = handleTimeByAgentOption(
      {
        targetSeconds: 180,
        calls: 4,
        averageSeconds: 187.5,
        withinTarget: 3,
        byAgent: [
          { agentId: '1001', displayName: '李坐席', team: '一组', calls: 3, averageSeconds: 200, withinTarget: 2 },
          { agentId: '2001', displayName: '周班长', team: '一组', calls: 1, averageSeconds: 150, withinTarget: 1 },
        ],
      },
      translate,
      font,
    );
    expect(axisNames(option)).toEqual(['1001 李坐席', '2001 周班长']);
    const [series] = seriesOf(option);
    expect(series?.data).toEqual([
      { value: 200, itemStyle: { color: chartColors.overdue } },
      { value: 150, itemStyle: { color: chartColors.withinTarget } },
    ]);
    expect(series?.markLine).toMatchObject({ data: [{ yAxis: 180 }], label: { formatter: '目标 3:00' } });
    expect(series?.label?.formatter({ value: 200 })).toBe('3:20');
    // Whole minutes up to above the target (216 s) and the slowest agent.
    expect(option.yAxis).toMatchObject({ min: 0, max: 240, interval: 60 });
    const slow = handleTimeByAgentOption(
      { targetSeconds: 180, calls: 1, averageSeconds: 1000, withinTarget: 0, byAgent: [{ agentId: '1001', displayName: '李坐席', team: '一组', calls: 1, averageSeconds: 1000, withinTarget: 0 }] },
      translate,
      font,
    );
    expect(slow.yAxis).toMatchObject({ max: 1080, interval: 180 });
  });
});

describe('the dashboard’s figures in words', () => {
  it('writes shares as percentages and durations as minutes and seconds', () => {
    expect(formatShare(2 / 3, '—')).toBe('66.7%');
    expect(formatShare(0.5, '—')).toBe('50%');
    expect(formatShare(1, '—')).toBe('100%');
    expect(formatShare(null, '—')).toBe('—');
    expect(sharePercent(1 / 3)).toBe(33.3);
    expect(formatDuration(187.5, '—')).toBe('3:08');
    expect(formatDuration(59.4, '—')).toBe('0:59');
    expect(formatDuration(3725, '—')).toBe('62:05');
    expect(formatDuration(null, '—')).toBe('—');
  });
});
