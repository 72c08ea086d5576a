import { useEffect, useState } from 'preact/hooks';
import type { ComponentType } from 'preact';
import type { TrendChartProps } from './TrendChart';

/** The trend chart, loaded on first use: uPlot stays out of a view's bundle until it draws one. Null until then. */
export function useTrendChart(): ComponentType<TrendChartProps> | null {
  const [Chart, setChart] = useState<ComponentType<TrendChartProps> | null>(null);
  useEffect(() => {
    let live = true;
    void import('./TrendChart').then((m) => live && setChart(() => m.TrendChart));
    return () => {
      live = false;
    };
  }, []);
  return Chart;
}
