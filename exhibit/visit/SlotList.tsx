import type { DayView, SlotView } from './api.ts';
import type { VisitFormat } from './format.ts';
import { useVisitStrings } from './strings.ts';

/**
 * When a booking moves: its party (which must fit into the new time, from the group quota for a
 * group) and its current slot (shown, but not offered).
 */
export interface SlotNeed {
  partySize: number;
  kind: 'individual' | 'group';
  currentSlotId: string;
}

const placesFor = (s: SlotView, kind: SlotNeed['kind']) => (kind === 'group' ? s.groupRemaining : s.remaining);

/** The times of the chosen day as a radio-like list of buttons, each with the places left. */
export function SlotList({
  day,
  selected,
  onPick,
  fmt,
  need,
}: {
  day: DayView;
  selected: string | undefined;
  onPick: (slot: SlotView) => void;
  fmt: VisitFormat;
  need?: SlotNeed;
}) {
  const t = useVisitStrings();
  const fits = (s: SlotView) => !need || (s.id !== need.currentSlotId && placesFor(s, need.kind) >= need.partySize);
  const bookable = day.slots.filter((s) => s.state === 'open' && fits(s));
  return (
    <section className="visit-slots" aria-labelledby="visit-slots-heading">
      <h2 id="visit-slots-heading">{t('slots.heading', { date: fmt.day(day.date) })}</h2>
      {day.note && <p className="lead">{t('slots.note', { note: day.note })}</p>}
      {day.state === 'closed' && <p>{t('slots.closedDay')}</p>}
      {day.state !== 'closed' && bookable.length === 0 && (
        <p>{need && day.slots.some((s) => s.state === 'open' && s.id !== need.currentSlotId) ? t('reschedule.noneFits') : t('slots.none')}</p>
      )}
      <ul className="visit-slot-list">
        {day.slots.map((s) => {
          const current = need?.currentSlotId === s.id;
          const left =
            s.state === 'open'
              ? [t('slots.left', { count: s.remaining }), s.groupRemaining > 0 ? t('slots.groupLeft', { count: s.groupRemaining }) : '']
                  .filter(Boolean)
                  .join(' · ')
              : t(`slots.${s.state}`);
          const status = current ? t('reschedule.slotCurrent') : s.state === 'open' && !fits(s) ? `${left} · ${t('reschedule.tooFew')}` : left;
          return (
            <li key={s.id}>
              <button
                type="button"
                className={`visit-slot${current ? ' visit-slot-current' : ''}`}
                disabled={s.state !== 'open' || !fits(s)}
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
