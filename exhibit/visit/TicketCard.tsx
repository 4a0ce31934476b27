import type { Ticket } from './api.ts';
import type { VisitFormat } from './format.ts';
import { useVisitStrings } from './strings.ts';

/** The ticket itself: what, when, who, the code in letters and as a QR code. */
export function TicketCard({ ticket, fmt }: { ticket: Ticket; fmt: VisitFormat }) {
  const t = useVisitStrings();
  const status = ticket.checkedInAt ? 'used' : ticket.status;
  return (
    <article className={`visit-ticket visit-ticket-${status}`} aria-labelledby="visit-ticket-heading" data-testid="ticket">
      <p className={`visit-ticket-status visit-ticket-status-${status}`} data-testid="ticket-status">
        {t(`ticket.status.${status}`)}
      </p>
      <h2 id="visit-ticket-heading">{t('ticket.heading', { museum: fmt.text(ticket.museum.name) })}</h2>
      <p className="visit-ticket-when">{t('ticket.when', { date: fmt.day(ticket.date), start: ticket.start, end: ticket.end })}</p>
      <p>{t('ticket.party', { count: ticket.partySize })}</p>
      {ticket.group && <p>{t('ticket.group', { name: ticket.group.name, leader: ticket.group.leader })}</p>}
      {ticket.status === 'confirmed' && !ticket.checkedInAt && (
        <div className="visit-ticket-code">
          {ticket.qrSvg && (
            <img
              className="visit-ticket-qr"
              src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(ticket.qrSvg)}`}
              alt={t('ticket.qr', { code: ticket.codeDisplay })}
              width={220}
              height={220}
            />
          )}
          <p>
            <span className="visit-ticket-code-label">{t('ticket.code')}</span>
            <span className="visit-ticket-code-value" data-testid="ticket-code">
              {ticket.codeDisplay}
            </span>
          </p>
          <p className="visit-hint">{t('ticket.show', { from: fmt.instant(ticket.checkInFrom), until: fmt.instant(ticket.checkInUntil) })}</p>
        </div>
      )}
      {ticket.rescheduledAt && !ticket.checkedInAt && ticket.status === 'confirmed' && (
        <p className="visit-hint" data-testid="ticket-rescheduled">
          {t('reschedule.changedAt', { time: fmt.instant(ticket.rescheduledAt) })}
        </p>
      )}
      {ticket.checkedInAt && <p>{t('ticket.checkedIn', { time: fmt.instant(ticket.checkedInAt) })}</p>}
      {ticket.cancelledAt && <p>{t('ticket.cancelledAt', { time: fmt.instant(ticket.cancelledAt) })}</p>}
      {ticket.cancelReason && <p className="message message-error">{t('ticket.cancelReason', { reason: ticket.cancelReason })}</p>}
      {ticket.visitors.length > 0 && (
        <>
          <h3>{t('ticket.visitors')}</h3>
          <ul>
            {ticket.visitors.map((v) => (
              <li key={`${v.name}-${v.idLast4}`}>{t('ticket.visitorId', { name: v.name, last4: v.idLast4 })}</li>
            ))}
          </ul>
        </>
      )}
      <p className="visit-hint">{t('ticket.contact', { name: ticket.contactName, contact: ticket.contactHint })}</p>
    </article>
  );
}
