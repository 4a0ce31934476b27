import type { DayView, SlotView } from './api.ts';
import type { VisitFormat } from './format.ts';
import { useVisitStrings } from './strings.ts';

/** The times of the chosen day as a radio-like list of buttons, each with the places left. */
export function SlotList({ day, selected, onPick, fmt }: { day: DayView; selected: string | undefined; onPick: (slot: SlotView) => void; fmt: VisitFormat }) {
  const t = useVisitStrings();
  const bookable = day.slots.filter((s) => s.state === 'open');
  return (
    <section className="visit-slots" aria-labelledby="visit-slots-heading">
      <h2 id="visit-slots-heading">{t('slots.heading', { date: fmt.day(day.date) })}</h2>
      {day.note && <p className="lead">{t('slots.note', { note: day.note })}</p>}
      {day.state === 'closed' && <p>{t('slots.closedDay')}</p>}
      {day.state !== 'closed' && bookable.length === 0 && <p>{t('slots.none')}</p>}
      <ul className="visit-slot-list">
        {day.slots.map((s) => {
          const status =
            s.state === 'open'
              ? [t('slots.left', { count: s.remaining }), s.groupRemaining > 0 ? t('slots.groupLeft', { count: s.groupRemaining }) : '']
                  .filter(Boolean)
                  .join(' · ')
              : t(`slots.${s.state}`);
          return (
            <li key={s.id}>
              <button
                type="button"
                className="visit-slot"
                disabled={s.state !== 'open'}
                aria-pressed={selected === s.id}
                data-slot={s.id}
                onClick={() => onPick(s)}
              >
                <span className="visit-slot-time">{t('slots.time', { start: s.start, end: s.end })}</span>
                <span className="visit-slot-left">{status}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
