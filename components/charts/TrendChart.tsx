/** Loaded on demand (dynamic import): uPlot and its CSS stay out of the panel's start-up bundle. */
import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface TrendSeries {
  label: string;
  values: (number | null)[];
  color: string;
  /** Scale id: series on different units get their own axis. */
  scale?: string;
}

export interface TrendChartProps {
  title: string;
  /** 'YYYY-MM' per point (monthly), or 'YYYY-MM-DD' (daily). */
  months: string[];
  series: TrendSeries[];
  height?: number;
}

const monthStart = (m: string) => Date.UTC(Number(m.slice(0, 4)), Number(m.slice(5, 7)) - 1, m.length >= 10 ? Number(m.slice(8, 10)) : 1) / 1000;

export function TrendChart({ title, months, series, height = 180 }: TrendChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const scales = [...new Set(series.map((s) => s.scale ?? 'y'))];
    const opts: uPlot.Options = {
      title,
      width: Math.max(240, el.clientWidth || 320),
      height,
      scales: { x: { time: true } },
      // room for "10,000" on the value axes (uPlot's default width clips it)
      axes: [{}, ...scales.map((scale, i) => ({ scale, side: i === 0 ? 3 : 1, grid: { show: i === 0 }, size: 56 }))],
      series: [{}, ...series.map((s) => ({ label: s.label, stroke: s.color, width: 2, scale: s.scale ?? 'y', spanGaps: false, points: { show: true } }))],
    };
    const data: uPlot.AlignedData = [months.map(monthStart), ...series.map((s) => s.values)];
    const plot = new uPlot(opts, data, el);
    const ro = typeof ResizeObserver === 'function' ? new ResizeObserver(() => plot.setSize({ width: Math.max(240, el.clientWidth), height })) : null;
    ro?.observe(el);
    return () => {
      ro?.disconnect();
      plot.destroy();
    };
  }, [title, months.join(), JSON.stringify(series), height]);
  // the chart is decorative for assistive technology: the same figures are in the table beside it
  return <div ref={ref} class="trend-chart" aria-hidden="true" data-testid="trend-chart" />;
}
