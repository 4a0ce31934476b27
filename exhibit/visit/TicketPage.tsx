/**
 * A ticket. Shown at once from the copy saved on this device, then refreshed from the server;
 * without a connection the saved copy (with its QR code) stays on screen, so the ticket works
 * offline once it has been opened. Until the cut-off the visitor can move the booking to another
 * day or time (Reschedule.tsx) or cancel it.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { usePageTitle } from '../app/usePageTitle.ts';
import { api, ProblemError, type SavedTicket, savedTicket, saveTicket, type Ticket } from './api.ts';
import { downloadTicket } from './downloadTicket.ts';
import { useVisitFormat } from './format.ts';
import { Reschedule } from './Reschedule.tsx';
import { useVisitStrings } from './strings.ts';
import { TicketCard } from './TicketCard.tsx';
import './visit.css';

const RETRY_MS = 5_000;

type Source = { ticket: Ticket; saved?: SavedTicket; offline: boolean };

export default function TicketPage() {
  const { code = '' } = useParams();
  const t = useVisitStrings();
  const fmt = useVisitFormat();
  usePageTitle(t('ticket.title'));
  const [shown, setShown] = useState<Source | undefined>(() => {
    const saved = savedTicket(code);
    return saved ? { ticket: saved.ticket, saved, offline: false } : undefined;
  });
  const [missing, setMissing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [cancelError, setCancelError] = useState<string>();
  const [announce, setAnnounce] = useState<string>();
  const [moving, setMoving] = useState(false);
  const [moveError, setMoveError] = useState<string>();
  const changeButton = useRef<HTMLButtonElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const moveErrorRef = useRef<HTMLDivElement>(null);
  /**
   * Where the focus goes when the picker closes: back to its button (or the page heading if that
   * is gone), or to the reason when the server refused the move.
   */
  const refocus = useRef<'button' | 'error' | null>(null);
  useEffect(() => {
    if (moving || !refocus.current) return;
    const target = refocus.current === 'error' ? moveErrorRef.current : (changeButton.current ?? heading.current);
    refocus.current = null;
    target?.focus();
  });

  const retry = useRef<number | undefined>(undefined);
  const refresh = useCallback(async () => {
    window.clearTimeout(retry.current);
    try {
      const { ticket } = await api<{ ticket: Ticket }>(`/api/visit/tickets/${encodeURIComponent(code)}`);
      saveTicket(ticket);
      setShown({ ticket, offline: false });
      setMissing(false);
    } catch (err) {
      if (err instanceof ProblemError && err.problem.status === 404) return setMissing(true);
      const saved = savedTicket(code);
      if (saved) setShown({ ticket: saved.ticket, saved, offline: true });
      // The browser says it is online but the server did not answer (a flaky network, a restart):
      // no "online" event will come, so look again shortly.
      if (navigator.onLine) retry.current = window.setTimeout(() => void refresh(), RETRY_MS);
    }
  }, [code]);

  useEffect(() => {
    void refresh();
    const stopRetry = () => window.clearTimeout(retry.current);
    const online = () => void refresh();
    const offline = () => setShown((s) => (s ? { ...s, saved: savedTicket(code), offline: true } : s));
    window.addEventListener('online', online);
    window.addEventListener('offline', offline);
    return () => {
      stopRetry();
      window.removeEventListener('online', online);
      window.removeEventListener('offline', offline);
    };
  }, [refresh, code]);

  async function cancel() {
    setCancelError(undefined);
    try {
      const { ticket } = await api<{ ticket: Ticket }>(`/api/visit/tickets/${encodeURIComponent(code)}/cancel`, { method: 'POST' });
      saveTicket({ ...ticket, qrSvg: shown?.ticket.qrSvg });
      setShown({ ticket: { ...ticket, qrSvg: shown?.ticket.qrSvg }, offline: false });
      setConfirming(false);
      setAnnounce(t('ticket.cancelled'));
    } catch (err) {
      setCancelError(
        err instanceof ProblemError && err.slug === 'network'
          ? t('problems.network')
          : err instanceof ProblemError && err.slug === 'change-cutoff'
            ? t('ticket.cancelTooLate')
            : t('problems.unknown'),
      );
    }
  }

  if (missing && !shown) {
    return (
      <div className="page visit-page">
        <h1>{t('ticket.title')}</h1>
        <p className="message message-error" role="alert">
          {t('ticket.notFound')}
        </p>
        <Link to="/visit">{t('ticket.back')}</Link>
      </div>
    );
  }
  if (!shown) {
    return (
      <div className="page visit-page">
        <h1>{t('ticket.title')}</h1>
        <p className="loading" role="status">
          {t('ticket.loading')}
        </p>
      </div>
    );
  }
  const { ticket } = shown;
  // The same rules as the server's for both (visitors may cancel or move until the cut-off).
  const cancellable = ticket.status === 'confirmed' && !ticket.checkedInAt && new Date() < new Date(ticket.cancellableUntil);
  const closePicker = (focus: 'button' | 'error' = 'button') => {
    refocus.current = focus;
    setMoving(false);
  };
  const when = (x: Ticket) => t('ticket.when', { date: fmt.day(x.date), start: x.start, end: x.end });
  return (
    <div className="page visit-page">
      <h1 tabIndex={-1} ref={heading}>
        {t('ticket.title')}
      </h1>
      <p role="status" className="visually-hidden" data-testid="ticket-announce">
        {announce}
      </p>
      {moving && cancellable ? (
        <Reschedule
          ticket={ticket}
          fmt={fmt}
          onMoved={(moved) => {
            const withQr = { ...moved, qrSvg: moved.qrSvg ?? ticket.qrSvg };
            saveTicket(withQr);
            setShown({ ticket: withQr, offline: false });
            setAnnounce(t('reschedule.done', { when: when(moved) }));
            closePicker();
          }}
          onClose={() => closePicker()}
          onRefused={(message) => {
            setMoveError(message);
            closePicker('error');
            void refresh();
          }}
        />
      ) : (
        <>
          {shown.offline && shown.saved && (
            <p className="message visit-offline" data-testid="ticket-offline">
              {t('ticket.offline', { time: fmt.instant(shown.saved.savedAt) })}
            </p>
          )}
          <TicketCard ticket={ticket} fmt={fmt} />
          {ticket.status === 'confirmed' && !ticket.checkedInAt && (
            <div className="visit-ticket-actions">
              <p className="visit-hint">{t('ticket.saved')}</p>
              <button
                type="button"
                className="button button-secondary"
                onClick={() =>
                  downloadTicket(
                    ticket,
                    {
                      title: t('ticket.heading', { museum: fmt.text(ticket.museum.name) }),
                      when: t('ticket.when', { date: fmt.day(ticket.date), start: ticket.start, end: ticket.end }),
                      party: t('ticket.party', { count: ticket.partySize }),
                      code: t('ticket.show', { from: fmt.instant(ticket.checkInFrom), until: fmt.instant(ticket.checkInUntil) }),
                    },
                    fmt.language,
                  )
                }
              >
                {t('ticket.download')}
              </button>
            </div>
          )}
          {moveError && (
            <div className="message message-error" role="alert" tabIndex={-1} ref={moveErrorRef} data-testid="reschedule-refused">
              <p>{moveError}</p>
              <p>{t('reschedule.unchanged')}</p>
            </div>
          )}
          {cancellable && !confirming && !shown.offline && (
            <div className="visit-ticket-actions">
              <p className="visit-hint">{t('reschedule.until', { time: fmt.instant(ticket.cancellableUntil) })}</p>
              <button
                type="button"
                className="button"
                ref={changeButton}
                onClick={() => {
                  setMoveError(undefined);
                  setAnnounce(undefined);
                  setMoving(true);
                }}
              >
                {t('reschedule.open')}
              </button>
            </div>
          )}
          {cancellable && shown.offline && <p className="visit-hint">{t('reschedule.offline')}</p>}
          {cancellable && !confirming && (
            <div className="visit-ticket-actions">
              <p className="visit-hint">{t('ticket.cancelUntil', { time: fmt.instant(ticket.cancellableUntil) })}</p>
              <button type="button" className="button button-secondary" onClick={() => setConfirming(true)}>
                {t('ticket.cancel')}
              </button>
            </div>
          )}
          {cancellable && confirming && (
            <fieldset className="visit-ticket-actions visit-cancel">
              <legend>{t('ticket.cancelQuestion')}</legend>
              <button type="button" className="button" onClick={() => void cancel()}>
                {t('ticket.cancelConfirm')}
              </button>{' '}
              <button type="button" className="button button-secondary" onClick={() => setConfirming(false)}>
                {t('ticket.cancelKeep')}
              </button>
            </fieldset>
          )}
          {ticket.status === 'confirmed' && !ticket.checkedInAt && !cancellable && (
            <p className="visit-hint">
              {t('ticket.cancelTooLate')} {t('reschedule.tooLate')}
            </p>
          )}
          {cancelError && (
            <p className="message message-error" role="alert">
              {cancelError}
            </p>
          )}
          <p>
            <Link to="/visit">{t('ticket.back')}</Link>
          </p>
        </>
      )}
    </div>
  );
}
