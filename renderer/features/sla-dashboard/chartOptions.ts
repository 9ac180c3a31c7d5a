import type { SlaDashboard } from '../../../common/ipc/sla-dashboard';
import type { Translate } from '../../i18n/translate';
import { formatDuration, sharePercent } from './dashboardFormat';
import type { DashboardChartOption } from './echartsSetup';

/** The dashboard's colours: open tickets, overdue or over target, within target, a share. */
export const chartColors = { open: '#9db7e8', overdue: '#e5484d', withinTarget: '#2da44e', share: '#1f6feb' } as const;

/** Axis labels turn once there are more bars than fit side by side. */
const labelsSideBySide = 6;

function base(fontFamily: string): Pick<DashboardChartOption, 'animation' | 'textStyle' | 'tooltip' | 'grid'> {
  // Drawn at once, without animation: the figures are read, not watched.
  return { animation: false, textStyle: { fontFamily }, tooltip: { trigger: 'axis' }, grid: { left: 8, right: 16, top: 40, bottom: 8 } };
}

function categoryAxis(names: string[]): DashboardChartOption['xAxis'] {
  return { type: 'category', data: names, axisLabel: { interval: 0, rotate: names.length > labelsSideBySide ? 30 : 0 } };
}

/** Open and overdue tickets by category: two bars per category. */
export function overdueByCategoryOption(open: SlaDashboard['open'], translate: Translate, fontFamily: string): DashboardChartOption {
  const openName = translate('slaDashboard.chart.open');
  const overdueName = translate('slaDashboard.chart.overdue');
  return {
    ...base(fontFamily),
    legend: { top: 0, data: [openName, overdueName] },
    xAxis: categoryAxis(open.byCategory.map((row) => translate(`tickets.category.${row.category}`))),
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: openName, type: 'bar', data: open.byCategory.map((row) => row.open), itemStyle: { color: chartColors.open } },
      { name: overdueName, type: 'bar', data: open.byCategory.map((row) => row.overdue), itemStyle: { color: chartColors.overdue } },
    ],
  };
}

/** First-response compliance by category, in percent (no bar where nothing is decided yet). */
export function complianceByCategoryOption(firstResponse: SlaDashboard['firstResponse'], translate: Translate, fontFamily: string): DashboardChartOption {
  const name = translate('slaDashboard.chart.compliance');
  return {
    ...base(fontFamily),
    legend: { top: 0, data: [name] },
    xAxis: categoryAxis(firstResponse.byCategory.map((row) => translate(`tickets.category.${row.category}`))),
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: (value: number) => `${value}%` } },
    series: [
      {
        name,
        type: 'bar',
        data: firstResponse.byCategory.map((row) => sharePercent(row.compliance)),
        itemStyle: { color: chartColors.share },
        label: { show: true, position: 'top', formatter: (parameters: { value?: unknown }) => (typeof parameters.value === 'number' ? `${parameters.value}%` : '') },
      },
    ],
  };
}

/** Each agent's mean handle time in seconds against the target line; bars over the target in red. */
export function handleTimeByAgentOption(handleTime: SlaDashboard['handleTime'], translate: Translate, fontFamily: string): DashboardChartOption {
  const name = translate('slaDashboard.chart.average');
  const none = translate('common.none');
  // Whole minutes on the axis, about six of them, with the target line always in view.
  const highest = Math.max(handleTime.targetSeconds * 1.2, ...handleTime.byAgent.map((agent) => agent.averageSeconds));
  const step = 60 * Math.max(1, Math.ceil(highest / 60 / 6));
  return {
    ...base(fontFamily),
    legend: { top: 0, data: [name] },
    xAxis: categoryAxis(handleTime.byAgent.map((agent) => `${agent.agentId} ${agent.displayName}`)),
    yAxis: { type: 'value', min: 0, max: Math.ceil(highest / step) * step, interval: step, axisLabel: { formatter: (value: number) => formatDuration(value, none) } },
    series: [
      {
        name,
        type: 'bar',
        itemStyle: { color: chartColors.withinTarget },
        data: handleTime.byAgent.map((agent) => ({
          value: Math.round(agent.averageSeconds),
          itemStyle: { color: agent.averageSeconds > handleTime.targetSeconds ? chartColors.overdue : chartColors.withinTarget },
        })),
        label: { show: true, position: 'top', formatter: (parameters: { value?: unknown }) => (typeof parameters.value === 'number' ? formatDuration(parameters.value, none) : '') },
        markLine: {
          symbol: 'none',
          silent: true,
          lineStyle: { color: chartColors.overdue, type: 'dashed' },
          label: { position: 'insideEndTop', formatter: translate('slaDashboard.chart.target', { target: formatDuration(handleTime.targetSeconds, none) }) },
          data: [{ yAxis: handleTime.targetSeconds }],
        },
      },
    ],
  };
}
