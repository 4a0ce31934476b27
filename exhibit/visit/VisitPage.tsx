/**
 * Booking a visit: museum → day (month calendar with the places left) → time → form. After booking
 * the visitor lands on the ticket page, which is saved on the device.
 */
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { track } from '../analytics/index.ts';
import { usePageTitle } from '../app/usePageTitle.ts';
import { type BookingMuseum, type DayView, type SlotView, saveTicket } from './api.ts';
import { BookingForm } from './BookingForm.tsx';
import { useVisitFormat } from './format.ts';
import { MonthCalendar } from './MonthCalendar.tsx';
import { MuseumPicker } from './MuseumPicker.tsx';
import { SavedTickets } from './SavedTickets.tsx';
import { SlotList } from './SlotList.tsx';
import { useVisitStrings } from './strings.ts';
import { useApi } from './useApi.ts';
import './visit.css';

export default function VisitPage() {
  const t = useVisitStrings();
  const fmt = useVisitFormat();
  usePageTitle(t('title'));
  const navigate = useNavigate();
  const museums = useApi<{ data: BookingMuseum[] }>('/api/visit/museums');
  const list = museums.status === 'ready' ? museums.data.data : [];
  const [museumId, setMuseumId] = useState<string>();
  const [month, setMonth] = useState<string>();
  const [date, setDate] = useState<string>();
  const [slot, setSlot] = useState<SlotView>();
  const museum = list.find((m) => m.id === museumId) ?? list.find((m) => m.bookable);
  const day = useApi<DayView>(museum && date ? `/api/visit/museums/${museum.id}/days/${date}` : null);
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

  useEffect(() => {
    track({ type: 'booking_step', step: 'calendar' });
  }, []);

  const pickMuseum = (id: string) => {
    setMuseumId(id);
    setDate(undefined);
    setSlot(undefined);
  };

  return (
    <div className="page visit-page">
      <h1>{t('title')}</h1>
      <p className="lead">{t('intro')}</p>
      <SavedTickets fmt={fmt} />
      {museums.status === 'loading' && (
        <p className="loading" role="status">
          {t('calendar.loading')}
        </p>
      )}
      {museums.status === 'error' && (
        <div className="message message-error" role="alert">
          <p>{t('problems.unknown')}</p>
          <button type="button" className="button" onClick={museums.reload}>
            {t('form.retry')}
          </button>
        </div>
      )}
      {museum && (
        <>
          <MuseumPicker museums={list} value={museum.id} onChange={pickMuseum} fmt={fmt} />
          <p className="visit-rules">
            {t('museum.rules', {
              max: museum.rules.maxPartySize,
              groupMin: museum.rules.groupMinSize,
              groupMax: museum.rules.groupMaxSize,
              hours: museum.rules.cancelCutoffMinutes / 60,
            })}{' '}
            {t('calendar.soonNote', { days: museum.rules.saleOpensDaysBefore, time: museum.rules.saleOpensTime })}
          </p>
          {museum.rules.realName && <p className="visit-rules">{t('museum.realName')}</p>}
          <MonthCalendar
            museumId={museum.id}
            month={month}
            onMonth={setMonth}
            selected={date}
            onPick={(d) => {
              setDate(d);
              setSlot(undefined);
            }}
            fmt={fmt}
          />
          {day.status === 'ready' && day.data.date === date && <SlotList day={day.data} selected={slot?.id} onPick={setSlot} fmt={fmt} />}
          {slot && day.status === 'ready' && (
            <BookingForm
              key={slot.id}
              museum={museum}
              slot={slot}
              today={today}
              fmt={fmt}
              onBooked={(ticket) => {
                saveTicket(ticket);
                navigate(`/visit/tickets/${ticket.code}`);
              }}
              onSlotGone={day.reload}
            />
          )}
        </>
      )}
    </div>
  );
}
