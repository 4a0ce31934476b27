import type { ChartConfiguration } from 'chart.js';
import { useEffect, useRef } from 'react';
import { useReportStrings } from './useReportStrings.ts';

export interface ChartSeries {
  label: string;
  data: (number | null)[];
}

/** Colours with at least 3:1 against white (WCAG non-text contrast). */
const COLOURS = ['#9a3412', '#1d4ed8', '#047857', '#7c3aed'];

/**
 * A bar or line chart. Chart.js loads with the first chart (its own chunk); the canvas is an image
 * whose text alternative points at the table every chart is shown with. Suppressed values (null)
 * are gaps.
 */
export function ReportChart(props: { title: string; kind: 'bar' | 'line'; labels: string[]; series: ChartSeries[]; horizontal?: boolean; height?: number }) {
  const t = useReportStrings();
  const canvas = useRef<HTMLCanvasElement>(null);
  const { title, kind, labels, series, horizontal, height } = props;
  const key = JSON.stringify([kind, labels, series, horizontal]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for the data
  useEffect(() => {
    let cancelled = false;
    let chart: { destroy(): void } | undefined;
    const reduced = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
    void import('./chartjs.ts').then(({ Chart }) => {
      if (cancelled || !canvas.current) return;
      const config: ChartConfiguration<'bar' | 'line', (number | null)[], string> = {
        type: kind,
        data: {
          labels,
          datasets: series.map((s, i) => ({
            label: s.label,
            data: s.data,
            backgroundColor: COLOURS[i % COLOURS.length],
            borderColor: COLOURS[i % COLOURS.length],
            spanGaps: false,
          })),
        },
        options: {
          indexAxis: horizontal ? 'y' : 'x',
          maintainAspectRatio: false,
          animation: reduced ? false : { duration: 300 },
          plugins: { legend: { display: series.length > 1 } },
          scales: { [horizontal ? 'x' : 'y']: { beginAtZero: true, ticks: { precision: 0 } } },
        },
      };
      chart = new Chart(canvas.current, config);
    });
    return () => {
      cancelled = true;
      chart?.destroy();
    };
  }, [key]);

  return (
    <div className="report-chart" style={{ height: height ?? 260 }}>
      <canvas ref={canvas} role="img" aria-label={t('chartLabel', { title })} />
    </div>
  );
}
