import type { BookingMuseum } from './api.ts';
import type { VisitFormat } from './format.ts';
import { useVisitStrings } from './strings.ts';

/** The museum select: bookable museums first; planned ones are listed but cannot be chosen. */
export function MuseumPicker({ museums, value, onChange, fmt }: { museums: BookingMuseum[]; value: string; onChange: (id: string) => void; fmt: VisitFormat }) {
  const t = useVisitStrings();
  const sorted = [...museums].sort((a, b) => Number(b.bookable) - Number(a.bookable));
  return (
    <div className="visit-field">
      <label htmlFor="visit-museum">{t('museum.label')}</label>
      <select id="visit-museum" value={value} onChange={(e) => onChange(e.target.value)}>
        {sorted.map((m) => (
          <option key={m.id} value={m.id} disabled={!m.bookable}>
            {m.bookable ? fmt.text(m.name) : t('museum.planned', { name: fmt.text(m.name) })}
          </option>
        ))}
      </select>
    </div>
  );
}
