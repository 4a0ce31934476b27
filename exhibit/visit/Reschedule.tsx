/**
 * Moving a booking to another day or time of the same museum, in one step on the server (the
 * new places are taken and the old ones freed together, or nothing happens). The visitor picks a
 * day and a time with the booking pages' own calendar and time list — only times with room for
 * the whole party are offered — then confirms. The ticket code (and so its QR code) stays the same.
 */
import { useEffect, useRef, useState } from 'react';
import { api, type DayView, ProblemError, type SlotView, type Ticket } from './api.ts';
import type { VisitFormat } from './format.ts';
import { MonthCalendar } from './MonthCalendar.tsx';
import { SlotList } from './SlotList.tsx';
import { useVisitStrings, type VisitT } from './strings.ts';
import { useApi } from './useApi.ts';

/** Problems that are about the chosen time: the visitor can choose another one. */
const SLOT_PROBLEMS = ['sold-out', 'slot-closed', 'day-closed', 'day-full', 'slot-past', 'slot-unknown', 'not-on-sale', 'id-already-booked'] as const;
/** Problems that are about the ticket itself: moving is not possible any more. */
const TICKET_PROBLEMS = ['change-cutoff', 'ticket-cancelled', 'already-used', 'ticket-unknown'] as const;

function problemText(err: unknown, t: VisitT): string {
  if (!(err instanceof ProblemError)) return t('problems.unknown');
  const slug = err.slug;
  if ((SLOT_PROBLEMS as readonly string[]).includes(slug)) return t(`problems.${slug as (typeof SLOT_PROBLEMS)[number]}`);
  switch (slug) {
    case 'change-cutoff':
      return t('reschedule.tooLate');
    case 'ticket-cancelled':
      return t('reschedule.cancelled');
    case 'already-used':
      return t('reschedule.used');
    case 'ticket-unknown':
      return t('ticket.notFound');
    case 'same-slot':
      return t('reschedule.sameSlot');
    case 'network':
      return t('reschedule.network');
    default:
      return t('problems.unknown');
  }
}

export function Reschedule({
  ticket,
  fmt,
  onMoved,
  onClose,
  onRefused,
}: {
  ticket: Ticket;
  fmt: VisitFormat;
  /** The booking moved: the ticket as the server now has it. */
  onMoved: (ticket: Ticket) => void;
  /** The visitor keeps the current time. */
  onClose: () => void;
  /** The ticket cannot be moved any more (cancelled, used, past the cut-off): why, in words. */
  onRefused: (message: string) => void;
}) {
  const t = useVisitStrings();
  const [month, setMonth] = useState(ticket.date.slice(0, 7));
  const [date, setDate] = useState(ticket.date);
  const [slot, setSlot] = useState<SlotView>();
  const [step, setStep] = useState<'pick' | 'confirm'>('pick');
  const [sending, setSending] = useState(false);
  /** What went wrong; `retry` when the same move may simply be tried again (no answer, say). */
  const [error, setError] = useState<{ text: string; retry: boolean }>();
  const day = useApi<DayView>(`/api/visit/museums/${encodeURIComponent(ticket.museum.id)}/days/${date}`);
  const pickHeading = useRef<HTMLHeadingElement>(null);
  const confirmHeading = useRef<HTMLHeadingElement>(null);
  const errorRef = useRef<HTMLDivElement>(null);
  const when = (x: { date: string; start: string; end: string }) => t('ticket.when', { date: fmt.day(x.date), start: x.start, end: x.end });
  const party = t('ticket.party', { count: ticket.partySize });

  // Each step takes the focus, so a keyboard or screen-reader user starts where it begins.
  useEffect(() => {
    (step === 'pick' ? pickHeading : confirmHeading).current?.focus();
  }, [step]);
  useEffect(() => {
    if (error) errorRef.current?.focus();
  }, [error]);

  const chooseAgain = () => {
    setError(undefined);
    setSlot(undefined);
    setStep('pick');
  };

  async function move(target: SlotView) {
    setSending(true);
    setError(undefined);
    try {
      const { ticket: moved } = await api<{ ticket: Ticket }>(`/api/visit/tickets/${encodeURIComponent(ticket.code)}/reschedule`, {
        method: 'POST',
        body: JSON.stringify({ slotId: target.id }),
      });
      onMoved(moved);
    } catch (err) {
      // An answer lost on the way (a retry after a network failure) may find the move already made.
      if (err instanceof ProblemError && err.slug === 'same-slot') {
        const now = await api<{ ticket: Ticket }>(`/api/visit/tickets/${encodeURIComponent(ticket.code)}`).catch(() => undefined);
        if (now?.ticket.slotId === target.id) return onMoved(now.ticket);
      }
      const slug = err instanceof ProblemError ? err.slug : 'unknown';
      if ((TICKET_PROBLEMS as readonly string[]).includes(slug)) return onRefused(problemText(err, t));
      setError({ text: problemText(err, t), retry: !(SLOT_PROBLEMS as readonly string[]).includes(slug) && slug !== 'same-slot' });
      day.reload(); // the times as they are now, for choosing another
    } finally {
      setSending(false);
    }
  }

  return (
    <section
      className="visit-reschedule"
      aria-labelledby={step === 'pick' ? 'visit-reschedule-heading' : 'visit-reschedule-confirm-heading'}
      data-testid="reschedule"
    >
      {step === 'pick' && (
        <>
          <h2 id="visit-reschedule-heading" tabIndex={-1} ref={pickHeading}>
            {t('reschedule.heading')}
          </h2>
          <p>{t('reschedule.current', { when: when(ticket), party })}</p>
          <p className="visit-hint">
            {t('reschedule.fitHint', { party })}
            {ticket.kind === 'group' && ` ${t('reschedule.groupQuota')}`}
          </p>
          <MonthCalendar
            museumId={ticket.museum.id}
            month={month}
            onMonth={setMonth}
            selected={date}
            onPick={(d) => {
              setDate(d);
              setSlot(undefined);
            }}
            fmt={fmt}
          />
          {day.status === 'ready' && day.data.date === date && (
            <SlotList
              day={day.data}
              selected={slot?.id}
              onPick={(s) => {
                setSlot(s);
                setStep('confirm');
              }}
              fmt={fmt}
              need={{ partySize: ticket.partySize, kind: ticket.kind, currentSlotId: ticket.slotId }}
            />
          )}
          {day.status === 'error' && (
            <div className="message message-error" role="alert">
              <p>{t('problems.unknown')}</p>
              <button type="button" className="button" onClick={day.reload}>
                {t('form.retry')}
              </button>
            </div>
          )}
          <div className="visit-ticket-actions">
            <button type="button" className="button button-secondary" onClick={onClose}>
              {t('reschedule.keep')}
            </button>
          </div>
        </>
      )}
      {step === 'confirm' && slot && (
        <>
          <h2 id="visit-reschedule-confirm-heading" tabIndex={-1} ref={confirmHeading}>
            {t('reschedule.confirmHeading')}
          </h2>
          <ul className="visit-reschedule-change">
            <li>{t('reschedule.from', { when: when(ticket) })}</li>
            <li>
              <strong>{t('reschedule.to', { when: when(slot) })}</strong>
            </li>
            <li>{party}</li>
          </ul>
          <p className="visit-hint">{t('reschedule.confirmNote')}</p>
          {error && (
            <div className="message message-error visit-summary" role="alert" tabIndex={-1} ref={errorRef} data-testid="reschedule-error">
              <p>{error.text}</p>
              <p>{t('reschedule.unchanged')}</p>
            </div>
          )}
          <div className="visit-ticket-actions visit-reschedule-buttons">
            {(!error || error.retry) && (
              <button type="button" className="button" onClick={() => void move(slot)} disabled={sending}>
                {sending ? t('reschedule.sending') : error ? t('form.retry') : t('reschedule.confirm')}
              </button>
            )}
            <button type="button" className="button button-secondary" onClick={chooseAgain} disabled={sending}>
              {t('reschedule.back')}
            </button>
            <button type="button" className="button button-secondary" onClick={onClose} disabled={sending}>
              {t('reschedule.keep')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
