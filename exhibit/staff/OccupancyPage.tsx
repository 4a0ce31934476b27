/** The occupancy dashboard: every hall and the whole museum, live, with the day's curve. */
import { useState } from 'react';
import { ProblemError } from '../visit/api.ts';
import { useVisitFormat } from '../visit/format.ts';
import { HallCard } from './HallCard.tsx';
import { OccupancyCurve } from './OccupancyCurve.tsx';
import { useStaff } from './session.ts';
import { useStaffStrings } from './strings.ts';
import { useOccupancyStream } from './useOccupancyStream.ts';

export default function OccupancyPage() {
  const t = useStaffStrings();
  const fmt = useVisitFormat();
  const { museumId, send } = useStaff();
  const { snapshot, state } = useOccupancyStream(museumId);
  const [error, setError] = useState<string>();

  const count = async (hall: string, entries: number, exits: number) => {
    setError(undefined);
    try {
      await send(`/api/staff/crowd/museums/${museumId}/halls/${hall}/count`, 'POST', { entries, exits });
    } catch (err) {
      setError(err instanceof ProblemError ? (err.problem.detail ?? err.problem.title) : String(err));
    }
  };
  const percent = (r: number) => new Intl.NumberFormat(fmt.language, { style: 'percent', maximumFractionDigits: 0 }).format(r);

  return (
    <section aria-labelledby="staff-occupancy-heading">
      <h1 id="staff-occupancy-heading">{t('occupancy.title')}</h1>
      <p className={`staff-stream staff-stream-${state}`} role="status" data-testid="stream-state">
        {t(`occupancy.${state}`)}
        {snapshot && state === 'live' ? ` · ${t('occupancy.updated', { time: fmt.time(snapshot.at) })}` : ''}
      </p>
      {error && (
        <p className="message message-error" role="alert">
          {error}
        </p>
      )}
      {snapshot && (
        <>
          {snapshot.closed && <p className="message">{t('occupancy.closed')}</p>}
          <section className={`staff-hall staff-total staff-level-${snapshot.total.level}`} aria-labelledby="staff-total-heading" data-testid="museum-total">
            <h2 id="staff-total-heading">{t('occupancy.museum')}</h2>
            <p className="staff-hall-count">
              {t('occupancy.inside', {
                occupancy: fmt.number(snapshot.total.occupancy),
                capacity: fmt.number(snapshot.total.capacity),
                percent: percent(snapshot.total.ratio),
              })}
            </p>
            <p className="staff-level">{t(`occupancy.level.${snapshot.total.level}`)}</p>
            <p className="staff-hint">{t('occupancy.flow', { entries: fmt.number(snapshot.total.entries), exits: fmt.number(snapshot.total.exits) })}</p>
          </section>
          {snapshot.halls
            .filter((h) => h.oneOutOneIn)
            .map((h) => (
              <p key={h.id} className="message message-error staff-alert" role="alert">
                {t('checkIn.oneOutOneIn', { hall: fmt.text(h.name) })}
              </p>
            ))}
          <div className="staff-halls">
            {snapshot.halls.map((h) => (
              <HallCard key={h.id} hall={h} fmt={fmt} onCount={(entries, exits) => void count(h.id, entries, exits)} />
            ))}
          </div>
          <h2>{t('occupancy.curve')}</h2>
          <OccupancyCurve snapshot={snapshot} fmt={fmt} />
        </>
      )}
    </section>
  );
}
