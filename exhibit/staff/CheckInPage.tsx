/**
 * Check-in at the door. The code field keeps the focus, so a keyboard-wedge scanner (which types
 * the QR code's text and presses Enter) checks tickets in one after another with no clicks.
 */
import { type FormEvent, useCallback, useEffect, useRef, useState } from 'react';
import { track } from '../analytics/index.ts';
import { ProblemError, type Ticket } from '../visit/api.ts';
import { useVisitFormat } from '../visit/format.ts';
import { useApi } from '../visit/useApi.ts';
import { CameraScanner } from './CameraScanner.tsx';
import { CheckInResult, type Scan } from './CheckInResult.tsx';
import { useStaff } from './session.ts';
import { type StaffT, useStaffStrings } from './strings.ts';
import type { HallOccupancy, OccupancySnapshot } from './types.ts';

function reasonOf(err: unknown, t: StaffT, fmt: ReturnType<typeof useVisitFormat>): string {
  if (!(err instanceof ProblemError)) return t('checkIn.reasons.network');
  const p = err.problem;
  const ticket = p.ticket as (Ticket & { museum: Ticket['museum'] }) | undefined;
  switch (err.slug) {
    case 'already-used':
      return t('checkIn.reasons.already-used', { time: fmt.instant(String(p.checkedInAt)) });
    case 'wrong-day':
      return t('checkIn.reasons.wrong-day', { date: ticket ? fmt.day(ticket.date) : '' });
    case 'too-early':
      return t('checkIn.reasons.too-early', { time: fmt.instant(String(p.from)) });
    case 'ticket-expired':
      return t('checkIn.reasons.ticket-expired', { time: fmt.instant(String(p.until)) });
    case 'wrong-museum':
      return t('checkIn.reasons.wrong-museum', { museum: ticket ? fmt.text(ticket.museum.name) : '' });
    case 'ticket-cancelled':
    case 'ticket-unknown':
    case 'validation':
    case 'unauthenticated':
    case 'network':
      return t(`checkIn.reasons.${err.slug}`);
    default:
      return t('checkIn.reasons.unknown', { status: p.status });
  }
}

export default function CheckInPage() {
  const t = useStaffStrings();
  const fmt = useVisitFormat();
  const { museumId, send } = useStaff();
  const snapshot = useApi<OccupancySnapshot>(`/api/staff/crowd/museums/${museumId}`);
  const halls = snapshot.status === 'ready' ? snapshot.data.halls : [];
  const [hall, setHall] = useState<string>();
  const [code, setCode] = useState('');
  const [scans, setScans] = useState<Scan[]>([]);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const hallId = hall ?? halls[0]?.id;

  // After the layout has moved focus to the new page (it does on every navigation): the code field
  // must have it, or a scanner's keystrokes go nowhere.
  useEffect(() => {
    const frame = requestAnimationFrame(() => input.current?.focus());
    return () => cancelAnimationFrame(frame);
  }, []);

  const checkIn = useCallback(
    async (raw: string) => {
      const value = raw.trim();
      if (!value) return;
      setBusy(true);
      try {
        const r = await send<{ ticket: Ticket; hall: { id: string }; crowd: HallOccupancy | null }>('/api/staff/check-in', 'POST', {
          museum: museumId,
          code: value,
          ...(hallId ? { hall: hallId } : {}),
        });
        const hallName = halls.find((h) => h.id === r.hall.id);
        track({ type: 'booking_step', step: 'checked_in' });
        setScans((s) =>
          [
            {
              ok: true as const,
              at: Date.now(),
              code: r.ticket.codeDisplay,
              party: r.ticket.partySize,
              slot: `${r.ticket.start}–${r.ticket.end}`,
              hall: r.crowd,
              hallName: hallName ? fmt.text(hallName.name) : r.hall.id,
            },
            ...s,
          ].slice(0, 6),
        );
      } catch (err) {
        setScans((s) => [{ ok: false as const, at: Date.now(), code: value, reason: reasonOf(err, t, fmt) }, ...s].slice(0, 6));
      } finally {
        setBusy(false);
        setCode('');
        input.current?.focus();
      }
    },
    [send, museumId, hallId, halls, t, fmt],
  );

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void checkIn(code);
  };
  const [latest, ...earlier] = scans;

  return (
    <section aria-labelledby="staff-checkin-heading">
      <h1 id="staff-checkin-heading">{t('checkIn.title')}</h1>
      <form onSubmit={submit} className="staff-checkin-form">
        {halls.length > 1 && (
          <div className="staff-field">
            <label htmlFor="staff-hall">{t('checkIn.hall')}</label>
            <select id="staff-hall" value={hallId} onChange={(e) => setHall(e.target.value)}>
              {halls.map((h) => (
                <option key={h.id} value={h.id}>
                  {fmt.text(h.name)}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="staff-field">
          <label htmlFor="staff-code">{t('checkIn.code')}</label>
          <p className="staff-hint" id="staff-code-hint">
            {t('checkIn.codeHint')}
          </p>
          <input
            id="staff-code"
            ref={input}
            value={code}
            onChange={(e) => setCode(e.target.value)}
            aria-describedby="staff-code-hint"
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            className="staff-code-input"
          />
        </div>
        <button type="submit" className="button" disabled={busy || !code.trim()}>
          {t('checkIn.submit')}
        </button>
      </form>
      <CameraScanner onCode={(c) => void checkIn(c)} />
      <div aria-live="assertive" aria-atomic="true">
        {latest && <CheckInResult key={latest.at} scan={latest} fmt={fmt} />}
      </div>
      {earlier.length > 0 && (
        <>
          <h2>{t('checkIn.recent')}</h2>
          <ul className="staff-recent">
            {earlier.map((s) => (
              <li key={s.at} className={s.ok ? 'staff-recent-ok' : 'staff-recent-refused'}>
                {s.ok ? `✓ ${s.code} · ${t('checkIn.party', { count: s.party })} · ${s.slot}` : `✗ ${s.code} · ${s.reason}`}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
