import type { VisitFormat } from '../visit/format.ts';
import { useStaffStrings } from './strings.ts';
import type { HallOccupancy } from './types.ts';

/** One hall: people inside against capacity, the warning level in words, count buttons. */
export function HallCard({ hall, fmt, onCount }: { hall: HallOccupancy; fmt: VisitFormat; onCount?: (entries: number, exits: number) => void }) {
  const t = useStaffStrings();
  const name = fmt.text(hall.name);
  const percent = new Intl.NumberFormat(fmt.language, { style: 'percent', maximumFractionDigits: 0 }).format(hall.ratio);
  return (
    <section className={`staff-hall staff-level-${hall.level}`} aria-labelledby={`hall-${hall.id}`} data-testid={`hall-${hall.id}`}>
      <h3 id={`hall-${hall.id}`}>{name}</h3>
      <p className="staff-hall-count" data-testid={`hall-${hall.id}-occupancy`}>
        {t('occupancy.inside', { occupancy: fmt.number(hall.occupancy), capacity: fmt.number(hall.capacity), percent })}
      </p>
      <meter
        min={0}
        max={hall.capacity}
        low={hall.capacity * 0.8 - 0.001}
        high={hall.capacity - 0.001}
        optimum={0}
        value={Math.min(hall.occupancy, hall.capacity)}
        aria-label={name}
      />
      <p className={`staff-level staff-level-text-${hall.level}`} data-testid={`hall-${hall.id}-level`}>
        <span aria-hidden="true">{hall.level === 'red' ? '⛔ ' : hall.level === 'amber' ? '⚠ ' : '● '}</span>
        {t(`occupancy.level.${hall.level}`)}
      </p>
      <p className="staff-hint">{t('occupancy.flow', { entries: fmt.number(hall.entries), exits: fmt.number(hall.exits) })}</p>
      {onCount && (
        <div className="staff-count-buttons">
          <button type="button" className="button" aria-label={t('occupancy.countInLabel', { hall: name })} onClick={() => onCount(1, 0)}>
            + {t('occupancy.countIn')}
          </button>
          <button
            type="button"
            className="button button-secondary"
            aria-label={t('occupancy.countOutLabel', { hall: name })}
            onClick={() => onCount(0, 1)}
            disabled={hall.occupancy === 0}
          >
            − {t('occupancy.countOut')}
          </button>
        </div>
      )}
    </section>
  );
}
