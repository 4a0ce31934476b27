/**
 * The time slider: scrub the years and only the structures that stood then are shown. The track
 * is tinted with the eras' colours; the current era's colour and name, the key moment's caption
 * and what was built or went since the previous key year are shown beside it.
 */
import { useId, useMemo } from 'react';
import { useWalkthroughT } from './strings.ts';
import { changesBetween, eraAt, momentAt, standingIds } from './timeline.ts';
import type { TourController, TourState } from './tour.ts';

const NEUTRAL = '#6b6f72';

export function TimeSlider({ controller, state }: { controller: TourController; state: TourState }) {
  const t = useWalkthroughT();
  const scene = controller.scene;
  const id = useId();
  const { from, to } = scene.timeline;
  const year = state.year;
  const era = eraAt(scene, year);
  const eraName = era?.title ?? (year < 1891 ? t('time.before') : t('time.after'));
  const colour = era?.colour ?? NEUTRAL;
  const { current, previous } = momentAt(scene, year);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the revision marks a change of language
  const changes = useMemo(
    () => (current && previous ? changesBetween(scene, previous.year, year) : { appeared: [], gone: [] }),
    [scene, current, previous, year, state.revision],
  );
  const count = standingIds(scene, year).length;

  // The track: each era's span in its colour, grey outside the eras.
  const track = useMemo(() => {
    const span = Math.max(1, to - from);
    const pct = (y: number) => `${(((Math.min(to, Math.max(from, y)) - from) / span) * 100).toFixed(2)}%`;
    const stops: string[] = [];
    let cursor = from;
    for (const e of [...scene.eras].sort((a, b) => a.startYear - b.startYear)) {
      if (e.endYear < from || e.startYear > to) continue;
      if (e.startYear > cursor) stops.push(`${NEUTRAL} ${pct(cursor)} ${pct(e.startYear)}`);
      stops.push(`${e.colour} ${pct(Math.max(e.startYear, from))} ${pct(e.endYear + 1)}`);
      cursor = e.endYear + 1;
    }
    if (cursor < to) stops.push(`${NEUTRAL} ${pct(cursor)} 100%`);
    return `linear-gradient(to right, ${stops.join(', ')})`;
  }, [scene.eras, from, to]);

  const moments = [...scene.moments].sort((a, b) => a.year - b.year);
  return (
    <section className="walkthrough-time" aria-labelledby={`${id}-h`} style={{ '--era-colour': colour } as React.CSSProperties}>
      <h3 id={`${id}-h`} className="visually-hidden">
        {t('time.heading')}
      </h3>
      <div className="walkthrough-time-row">
        <label htmlFor={`${id}-range`} className="walkthrough-time-label">
          {t('time.label')}{' '}
          <output htmlFor={`${id}-range`} className="walkthrough-year" data-testid="walkthrough-year">
            {year}
          </output>
        </label>
        <span className="walkthrough-era-chip" data-testid="walkthrough-era">
          <span className="walkthrough-era-swatch" aria-hidden="true" />
          {eraName}
        </span>
      </div>
      <input
        id={`${id}-range`}
        type="range"
        className="walkthrough-range"
        min={from}
        max={to}
        step={1}
        value={year}
        aria-valuetext={t('time.valueText', { year, era: eraName })}
        style={{ background: track }}
        onChange={(e) => controller.setYear(Number(e.currentTarget.value))}
        data-testid="walkthrough-slider"
      />
      <div className="walkthrough-time-scale" aria-hidden="true">
        <span>{from}</span>
        <span>{to}</span>
      </div>
      <div className="walkthrough-moment" data-testid="walkthrough-moment">
        {current && (
          <p>
            <strong>{current.year}</strong> {current.text}
          </p>
        )}
        {previous && (changes.appeared.length > 0 || changes.gone.length > 0) && (
          <p className="walkthrough-changes">
            {t('time.since', { year: previous.year })}{' '}
            {changes.appeared.length > 0 && t('time.appeared', { list: changes.appeared.map((s) => s.label).join(t('hotspots.separator')) })}
            {changes.appeared.length > 0 && changes.gone.length > 0 && '; '}
            {changes.gone.length > 0 && t('time.gone', { list: changes.gone.map((s) => s.label).join(t('hotspots.separator')) })}
          </p>
        )}
        <p className="walkthrough-count">{t('time.standing', { count })}</p>
      </div>
      <fieldset className="walkthrough-key-years">
        <legend className="visually-hidden">{t('time.keyYears')}</legend>
        {moments.map((m) => (
          <button key={m.year} type="button" aria-pressed={m.year === year} onClick={() => controller.setYear(m.year)}>
            {m.year}
          </button>
        ))}
      </fieldset>
    </section>
  );
}
