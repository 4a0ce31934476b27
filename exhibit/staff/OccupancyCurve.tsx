/**
 * The day's curve: people in the museum, one point per 5 minutes, as an SVG line with a text
 * summary for screen readers and the figures in a table on request.
 */
import { useId } from 'react';
import type { VisitFormat } from '../visit/format.ts';
import { useStaffStrings } from './strings.ts';
import type { OccupancySnapshot } from './types.ts';

const W = 640;
const H = 200;
const PAD = 32;

export function OccupancyCurve({ snapshot, fmt }: { snapshot: OccupancySnapshot; fmt: VisitFormat }) {
  const t = useStaffStrings();
  const titleId = useId();
  const points = snapshot.curve;
  if (!points.length) return <p>{t('occupancy.curveEmpty')}</p>;
  const times = points.map((p) => Date.parse(p.at));
  const t0 = Math.min(...times);
  const t1 = Math.max(...times, t0 + 3600_000);
  const max = Math.max(snapshot.total.capacity, ...points.map((p) => p.peak), 1);
  const x = (ms: number) => PAD + ((ms - t0) / (t1 - t0)) * (W - 2 * PAD);
  const y = (n: number) => H - PAD - (n / max) * (H - 2 * PAD);
  // A step line: the count holds until the next 5-minute point.
  let d = '';
  points.forEach((p, i) => {
    const px = x(times[i]);
    d += i === 0 ? `M${px},${y(p.total)}` : `H${px}V${y(p.total)}`;
  });
  d += `H${x(Math.max(Date.parse(snapshot.at), times[times.length - 1]))}`;
  const peak = points.reduce((a, b) => (b.peak > a.peak ? b : a));
  const summary = t('occupancy.curveLabel', {
    first: fmt.time(points[0].at),
    last: fmt.time(points[points.length - 1].at),
    peak: fmt.number(peak.peak),
    peakAt: fmt.time(peak.at),
    now: fmt.number(snapshot.total.occupancy),
  });
  return (
    <figure className="staff-curve">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={titleId} data-testid="occupancy-curve">
        <title id={titleId}>{summary}</title>
        <line x1={PAD} x2={W - PAD} y1={y(snapshot.total.capacity)} y2={y(snapshot.total.capacity)} className="staff-curve-capacity" />
        <line x1={PAD} x2={W - PAD} y1={y(snapshot.total.capacity * 0.8)} y2={y(snapshot.total.capacity * 0.8)} className="staff-curve-amber" />
        <line x1={PAD} x2={PAD} y1={PAD / 2} y2={H - PAD} className="staff-curve-axis" />
        <line x1={PAD} x2={W - PAD} y1={H - PAD} y2={H - PAD} className="staff-curve-axis" />
        <text x={PAD} y={H - PAD / 3} className="staff-curve-label">
          {fmt.time(points[0].at)}
        </text>
        <text x={W - PAD} y={H - PAD / 3} textAnchor="end" className="staff-curve-label">
          {fmt.time(new Date(t1).toISOString())}
        </text>
        <text x={PAD + 4} y={y(snapshot.total.capacity) - 4} className="staff-curve-label">
          {fmt.number(snapshot.total.capacity)}
        </text>
        <path d={d} className="staff-curve-line" />
      </svg>
      <figcaption>{summary}</figcaption>
      <details>
        <summary>{t('occupancy.curveTable')}</summary>
        <table className="staff-curve-table">
          <thead>
            <tr>
              <th scope="col">{t('occupancy.time')}</th>
              <th scope="col">{t('occupancy.total')}</th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.at}>
                <td>{fmt.time(p.at)}</td>
                <td>{fmt.number(p.total)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
