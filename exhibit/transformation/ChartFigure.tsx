import type { ChartConfiguration } from 'chart.js';
import { type ReactNode, useId, useRef } from 'react';
import { useLanguage } from '../i18n/useLanguage.ts';
import { useStoryT } from './strings.ts';
import { useChart } from './useChart.ts';

export interface TableRow {
  key: string;
  /** The row's name (first column). */
  label: string;
  /** The figures, one per value column, exactly as the chart draws them. */
  values: number[];
  /** Shown instead of the raw number when given (e.g. "2022-07"). */
  display?: ReactNode[];
  /** What tapping the row's bar does, also offered as a button in the table. */
  onSelect?: () => void;
}

interface Props {
  name: string;
  title: string;
  /** The chart in one or two sentences: the canvas's accessible name. */
  summary: string;
  hint?: string;
  /** CSS height of the drawing area. */
  height: string;
  config: ChartConfiguration<'bar', unknown[], string>;
  columns: string[];
  rows: TableRow[];
}

/**
 * A chart with its text alternative: the canvas is an image named by a summary, and a data table
 * (open it with "Data table") lists exactly the figures drawn. Every bar a finger can tap has a
 * button in the table that does the same.
 */
export function ChartFigure({ name, title, summary, hint, height, config, columns, rows }: Props) {
  const t = useStoryT();
  const { language } = useLanguage();
  const format = new Intl.NumberFormat(language, { maximumFractionDigits: 2 });
  const titleId = useId();
  const canvas = useRef<HTMLCanvasElement>(null);
  useChart(canvas, config);
  const drawn = config.data.datasets.map((d) => d.data);

  return (
    <figure className="chart" aria-labelledby={titleId} data-chart={name}>
      <h3 id={titleId} className="chart-title">
        {title}
      </h3>
      {hint && <p className="chart-hint">{hint}</p>}
      <div className="chart-canvas" style={{ height }}>
        <canvas ref={canvas} role="img" aria-label={summary} data-chart-values={JSON.stringify(drawn)} />
      </div>
      <details className="chart-table">
        <summary>{t('chart.showTable')}</summary>
        <div className="table-scroll">
          <table>
            <caption>{t('chart.tableCaption', { title })}</caption>
            <thead>
              <tr>
                {columns.map((c, i) => (
                  <th key={c} scope="col" className={i > 0 ? 'numeric' : undefined}>
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.key} data-key={row.key}>
                  <th scope="row">
                    {row.onSelect ? (
                      <button type="button" className="link-button" onClick={row.onSelect}>
                        {row.label}
                      </button>
                    ) : (
                      row.label
                    )}
                  </th>
                  {row.values.map((v, i) => (
                    <td key={columns[i + 1]} className="numeric" data-value={v}>
                      {row.display?.[i] ?? format.format(v)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
