import { type FormEvent, useEffect, useState } from 'react';
import type { ReportFilters } from './useReport.ts';
import { useReportStrings } from './useReportStrings.ts';

const DAY_MS = 86_400_000;
const minus = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) - days * DAY_MS).toISOString().slice(0, 10);

/**
 * Date range (native date inputs: keyboard, screen readers and touch for free), visitor source,
 * and presets counted back from the report's last day (the museum's "today").
 */
export function RangeForm({
  value,
  today,
  onChange,
}: {
  value: Required<Pick<ReportFilters, 'from' | 'to'>> & ReportFilters;
  today: string;
  onChange(f: ReportFilters): void;
}) {
  const t = useReportStrings();
  const [from, setFrom] = useState(value.from);
  const [to, setTo] = useState(value.to);
  const [source, setSource] = useState(value.source ?? '');
  useEffect(() => {
    setFrom(value.from);
    setTo(value.to);
  }, [value.from, value.to]);
  const invalid = from > to;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!invalid) onChange({ from, to, source: (source || undefined) as ReportFilters['source'] });
  };
  const preset = (days: number) => onChange({ from: minus(today, days - 1), to: today, source: (source || undefined) as ReportFilters['source'] });
  return (
    <form className="report-range" onSubmit={submit}>
      <fieldset>
        <legend>{t('range.legend')}</legend>
        <div className="report-range-fields">
          <label>
            {t('range.from')}
            <input type="date" value={from} max={today} required onChange={(e) => setFrom(e.target.value)} aria-invalid={invalid} />
          </label>
          <label>
            {t('range.to')}
            <input
              type="date"
              value={to}
              max={today}
              required
              onChange={(e) => setTo(e.target.value)}
              aria-invalid={invalid}
              aria-describedby={invalid ? 'range-error' : undefined}
            />
          </label>
          <label>
            {t('range.source')}
            <select value={source} onChange={(e) => setSource(e.target.value)}>
              <option value="">{t('range.all')}</option>
              <option value="kiosk">{t('range.kiosk')}</option>
              <option value="web">{t('range.web')}</option>
            </select>
          </label>
          <button type="submit" className="button" disabled={invalid}>
            {t('range.show')}
          </button>
        </div>
        {invalid && (
          <p id="range-error" className="report-range-error" role="alert">
            {t('range.invalid')}
          </p>
        )}
        <div className="report-presets">
          {[7, 30, 90].map((d) => (
            <button key={d} type="button" className="button button-secondary" onClick={() => preset(d)}>
              {t(`range.last${d as 7 | 30 | 90}`)}
            </button>
          ))}
        </div>
      </fieldset>
    </form>
  );
}
