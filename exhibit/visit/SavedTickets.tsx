import { Link } from 'react-router';
import { savedTickets } from './api.ts';
import type { VisitFormat } from './format.ts';
import { useVisitStrings } from './strings.ts';

/** Upcoming tickets saved on this device (they open without a connection). */
export function SavedTickets({ fmt }: { fmt: VisitFormat }) {
  const t = useVisitStrings();
  const now = new Date().toISOString();
  const upcoming = savedTickets().filter((s) => s.ticket.checkInUntil > now);
  if (!upcoming.length) return null;
  return (
    <nav className="visit-saved" aria-labelledby="visit-saved-heading">
      <h2 id="visit-saved-heading">{t('ticket.mine')}</h2>
      <ul>
        {upcoming.map(({ ticket }) => (
          <li key={ticket.code}>
            <Link to={`/visit/tickets/${ticket.code}`}>
              {fmt.text(ticket.museum.name)} · {t('ticket.when', { date: fmt.shortDay(ticket.date), start: ticket.start, end: ticket.end })} ·{' '}
              {t(`ticket.status.${ticket.status}`)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
