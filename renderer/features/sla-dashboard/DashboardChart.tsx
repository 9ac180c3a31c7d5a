import { useEffect, useRef } from 'react';
import { echarts, type DashboardChartOption } from './echartsSetup';

type DashboardChartProps = {
  option: DashboardChartOption;
  /** What the chart shows, for screen readers (the table beside it has the same figures). */
  label: string;
  testId: string;
  height?: number;
};

/** One ECharts chart on canvas: created with the element, redrawn when its option changes, resized with its box. */
export function DashboardChart({ option, label, testId, height = 280 }: DashboardChartProps) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    const element = container.current;
    if (element === null) return undefined;
    const instance = echarts.init(element, undefined, { renderer: 'canvas' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      chart.current = null;
      instance.dispose();
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={container} role="img" aria-label={label} data-testid={testId} style={{ width: '100%', height }} />;
}
