import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { EraEvent } from '../api/types.ts';
import { formatYearMonth } from '../app/format.ts';
import { useLanguage } from '../i18n/useLanguage.ts';

/** An era's key events as a timeline, in year order, each with links to its sites. */
export function EraEvents({ events }: { events: EraEvent[] }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const ordered = [...events].sort((a, b) => a.year - b.year || (a.month ?? 0) - (b.month ?? 0));
  return (
    <ol className="timeline" data-testid="era-events">
      {ordered.map((ev) => (
        <li key={ev.id} id={`event-${ev.id}`} className="timeline-item">
          <p className="timeline-date">{formatYearMonth(language, ev.year, ev.month)}</p>
          <h3 className="timeline-title">{ev.title}</h3>
          <p>{ev.text}</p>
          {ev.sites.length > 0 && (
            <p className="timeline-sites">
              <span className="visually-hidden">{t('era.eventSites')}: </span>
              {ev.sites.map((s) => (
                <Link key={s.id} to={`/sites/${s.id}`} className="chip-link">
                  {s.name}
                </Link>
              ))}
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}
