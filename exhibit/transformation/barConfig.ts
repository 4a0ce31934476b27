import type { ChartConfiguration, ChartEvent } from 'chart.js';
import { SERIES_COLOURS } from './chartSetup.ts';

export interface BarSeries {
  label: string;
  data: (number | [number, number])[];
  colour?: string;
}

export interface BarOptions {
  labels: string[];
  series: BarSeries[];
  /** Bars run left to right (long labels read better). */
  horizontal?: boolean;
  stacked?: boolean;
  /** Called with the index of a tapped bar. */
  onSelect?: (index: number) => void;
  /** Tick text of the value axis. */
  valueTick?: (value: number) => string;
  /** Tooltip text of a bar. */
  tooltip?: (index: number, datasetIndex: number) => string;
  valueMin?: number;
  valueMax?: number;
  valueStep?: number;
  showLegend?: boolean;
}

/** Long names are cut on the axis (the full name is in the tooltip and the table). A CJK character counts as two. */
export function shortLabel(label: string, max = 26): string {
  const cost = (ch: string) => (/[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1);
  const chars = [...label];
  if (chars.reduce((w, ch) => w + cost(ch), 0) <= max) return label;
  let width = 0;
  let out = '';
  for (const ch of chars) {
    width += cost(ch);
    if (width > max - 1) break;
    out += ch;
  }
  return `${out}…`;
}

export function barConfig(o: BarOptions): ChartConfiguration<'bar', unknown[], string> {
  const valueAxis = o.horizontal ? 'x' : 'y';
  const labelAxis = o.horizontal ? 'y' : 'x';
  return {
    type: 'bar',
    data: {
      labels: o.labels,
      datasets: o.series.map((s, i) => ({
        label: s.label,
        data: s.data,
        backgroundColor: s.colour ?? SERIES_COLOURS[i % SERIES_COLOURS.length],
        borderRadius: 2,
        maxBarThickness: 36,
        borderSkipped: false,
      })),
    },
    options: {
      indexAxis: o.horizontal ? 'y' : 'x',
      scales: {
        [valueAxis]: {
          stacked: o.stacked,
          beginAtZero: o.valueMin === undefined,
          min: o.valueMin,
          max: o.valueMax,
          ticks: { precision: 0, stepSize: o.valueStep, callback: o.valueTick ? (v: string | number) => o.valueTick?.(Number(v)) : undefined },
        },
        [labelAxis]: {
          stacked: o.stacked,
          grid: { display: false },
          ticks: { autoSkip: false, callback: (_v: string | number, index: number) => shortLabel(o.labels[index] ?? '') },
        },
      },
      plugins: {
        legend: { display: o.showLegend ?? o.series.length > 1, position: 'bottom' },
        tooltip: o.tooltip ? { callbacks: { label: (item) => o.tooltip?.(item.dataIndex, item.datasetIndex) ?? '' } } : {},
      },
      onClick: o.onSelect
        ? (_e: ChartEvent, elements: { index: number }[]) => {
            if (elements[0]) o.onSelect?.(elements[0].index);
          }
        : undefined,
      onHover: o.onSelect
        ? (e: ChartEvent, elements: unknown[]) => {
            const target = e.native?.target;
            if (target instanceof HTMLElement) target.style.cursor = elements.length ? 'pointer' : 'default';
          }
        : undefined,
    },
  };
}
