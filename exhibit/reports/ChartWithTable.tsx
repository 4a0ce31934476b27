import type { ReactNode } from 'react';
import { FigureTable } from './FigureTable.tsx';
import { type ChartSeries, ReportChart } from './ReportChart.tsx';
import { useReportStrings } from './useReportStrings.ts';

/** A chart and, one click away, the same figures as a table. */
export function ChartWithTable(props: {
  title: string;
  kind: 'bar' | 'line';
  labels: string[];
  series: ChartSeries[];
  horizontal?: boolean;
  height?: number;
  columns: string[];
  rows: ReactNode[][];
  numeric?: boolean[];
}) {
  const t = useReportStrings();
  return (
    <figure className="report-figure">
      <figcaption className="report-figure-title">{props.title}</figcaption>
      <ReportChart title={props.title} kind={props.kind} labels={props.labels} series={props.series} horizontal={props.horizontal} height={props.height} />
      <details className="report-details">
        <summary>{t('showTable')}</summary>
        <FigureTable caption={props.title} columns={props.columns} rows={props.rows} numeric={props.numeric} />
      </details>
    </figure>
  );
}
