/**
 * The month view: a table of days, each an accessible button that says its date and the places
 * left (or why it cannot be booked). Days that cannot be booked are disabled, not hidden.
 */
import type { CalendarDay, CalendarMonth } from './api.ts';
import type { VisitFormat } from './format.ts';
import { useVisitStrings } from './strings.ts';
import { useApi } from './useApi.ts';

function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number);
  const d = new Date(Date.UTC(y, m - 1 + n, 1));
  return d.toISOString().slice(0, 7);
}

/** Weeks of the month, Monday first; null pads the first and last week. */
function weeksOf(days: CalendarDay[]): (CalendarDay | null)[][] {
  const first = new Date(`${days[0].date}T00:00:00Z`).getUTCDay();
  const pad = (first + 6) % 7;
  const cells: (CalendarDay | null)[] = [...Array.from({ length: pad }, () => null), ...days];
  while (cells.length % 7) cells.push(null);
  return Array.from({ length: cells.length / 7 }, (_, i) => cells.slice(i * 7, i * 7 + 7));
}

const MONDAY = '2024-01-01';

export function MonthCalendar({
  museumId,
  month,
  onMonth,
  selected,
  onPick,
  fmt,
}: {
  museumId: string;
  month: string | undefined;
  onMonth: (month: string) => void;
  selected: string | undefined;
  onPick: (date: string) => void;
  fmt: VisitFormat;
}) {
  const t = useVisitStrings();
  const thisMonth = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);
  const shown = month ?? thisMonth;
  const cal = useApi<CalendarMonth>(`/api/visit/museums/${museumId}/calendar?month=${shown}`);
  const data = cal.status === 'ready' && cal.data.month === shown && cal.data.museumId === museumId ? cal.data : undefined;
  const canGoBack = data ? shown > data.today.slice(0, 7) : false;

  return (
    <section className="visit-calendar" aria-labelledby="visit-calendar-heading">
      <h2 id="visit-calendar-heading">{t('calendar.heading')}</h2>
      <div className="visit-calendar-nav">
        <button type="button" className="button button-secondary" onClick={() => onMonth(addMonths(shown, -1))} disabled={!canGoBack}>
          <span aria-hidden="true">‹ </span>
          {t('calendar.previous')}
        </button>
        <p className="visit-calendar-month" aria-live="polite">
          {fmt.month(shown)}
        </p>
        <button type="button" className="button button-secondary" onClick={() => onMonth(addMonths(shown, 1))}>
          {t('calendar.next')}
          <span aria-hidden="true"> ›</span>
        </button>
      </div>
      {!data && cal.status !== 'error' && (
        <p className="loading" role="status">
          {t('calendar.loading')}
        </p>
      )}
      {cal.status === 'error' && (
        <div className="message message-error" role="alert">
          <p>{t('problems.unknown')}</p>
          <button type="button" className="button" onClick={cal.reload}>
            {t('form.retry')}
          </button>
        </div>
      )}
      {data && (
        <table className="visit-month" data-testid="visit-calendar">
          <caption className="visually-hidden">
            {fmt.month(shown)} · {t('calendar.legend')}
          </caption>
          <thead>
            <tr>
              {Array.from({ length: 7 }, (_, i) => {
                const d = new Date(Date.parse(`${MONDAY}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10);
                return (
                  <th key={d} scope="col">
                    {fmt.weekday(d)}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {weeksOf(data.days).map((week) => (
              <tr key={week.find(Boolean)?.date}>
                {week.map((day, i) =>
                  day ? (
                    <td key={day.date}>
                      <button
                        type="button"
                        className={`visit-day visit-day-${day.state}`}
                        disabled={day.state !== 'open'}
                        aria-pressed={selected === day.date}
                        aria-label={
                          day.state === 'open'
                            ? t('calendar.dayLabelPlaces', { date: fmt.day(day.date), places: t('calendar.placesLeft', { count: day.remaining }) })
                            : t('calendar.dayLabel', { date: fmt.day(day.date), state: t(`calendar.state.${day.state}`) })
                        }
                        data-date={day.date}
                        onClick={() => onPick(day.date)}
                      >
                        <span className="visit-day-number">{Number(day.date.slice(8))}</span>
                        <span className="visit-day-info" aria-hidden="true">
                          {day.state === 'open' ? fmt.number(day.remaining) : t(`calendar.state.${day.state}`)}
                        </span>
                      </button>
                    </td>
                  ) : (
                    // biome-ignore lint/suspicious/noArrayIndexKey: padding cells have no identity
                    <td key={`pad-${i}`} />
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
