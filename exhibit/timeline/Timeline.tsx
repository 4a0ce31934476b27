/**
 * The horizontal timeline. It is a native scroller (so touch swipes, momentum and the scrollbar
 * just work) with mouse and pen dragging added; the year under the centre line is the current
 * year, shown above the track and kept in the URL (`?year=`) so a link opens at that year.
 */
import { type CSSProperties, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { EraDetail } from '../api/types.ts';
import { formatYearMonth, titleShowsYears } from '../app/format.ts';
import { useFeatureStrings } from '../i18n/useFeatureStrings.ts';
import { useLanguage } from '../i18n/useLanguage.ts';
import type en from './locales/en.json';
import { TimelineStoryDialog } from './TimelineStoryDialog.tsx';
import type { TimelineItem } from './timelineItems.ts';
import { buildScale, DEFAULT_SCALE } from './timelineScale.ts';

const ROW_TOP = 6.25; // rem: below the ruler and the era bands
const CARD_HEIGHT = 8.5;
const TODAY_COLOUR = '#3f3a34';

function remPx(): number {
  return Number.parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
}

const reducedMotion = () => window.matchMedia('(prefers-reduced-motion: reduce)').matches;

export function Timeline({ eras, items, siteNames }: { eras: EraDetail[]; items: TimelineItem[]; siteNames: ReadonlyMap<string, string> }) {
  const t = useFeatureStrings<typeof en>('timeline');
  const { language } = useLanguage();
  const [params, setParams] = useSearchParams();
  const scroller = useRef<HTMLElement>(null);
  const [box, setBox] = useState({ width: 0, rem: 16 });
  const [open, setOpen] = useState<{ item: TimelineItem; trigger: HTMLElement | null } | null>(null);

  const history = useMemo(() => {
    const eventYears = items.filter((i) => i.kind === 'event').map((i) => i.year);
    return { start: Math.min(...eras.map((e) => e.startYear), ...eventYears), end: Math.max(...eras.map((e) => e.endYear), ...eventYears) };
  }, [eras, items]);

  const scale = useMemo(() => {
    const cards = new Map<number, number>();
    for (const i of items) cards.set(i.year, (cards.get(i.year) ?? 0) + 1);
    const todayYears = items.filter((i) => i.kind === 'today').map((i) => i.year);
    const today = todayYears.length && Math.min(...todayYears) > history.end ? { start: Math.min(...todayYears), end: Math.max(...todayYears) } : undefined;
    return buildScale({ ...history, today, cards });
  }, [items, history]);

  // Where each card goes: its year's slot, then column by column, two rows.
  const placed = useMemo(() => {
    const seen = new Map<number, number>();
    return items.map((item) => {
      const k = seen.get(item.year) ?? 0;
      seen.set(item.year, k + 1);
      const col = Math.floor(k / DEFAULT_SCALE.rows);
      const row = k % DEFAULT_SCALE.rows;
      return { item, x: scale.xOf(item.year) + col * (DEFAULT_SCALE.cardWidth + DEFAULT_SCALE.gap), y: ROW_TOP + row * (CARD_HEIGHT + DEFAULT_SCALE.gap) };
    });
  }, [items, scale]);

  const stops = useMemo(() => [...new Set(items.map((i) => i.year))].sort((a, b) => a - b), [items]);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const measure = () => setBox((b) => (b.width === el.clientWidth && b.rem === remPx() ? b : { width: el.clientWidth, rem: remPx() }));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  // The year centred by scrollLeft s is the one at track position s (the track starts half a
  // viewport in). To show a year, centre its first card.
  const yearAtScroll = useCallback((left: number) => scale.yearAt(left / box.rem), [scale, box.rem]);
  const scrollFor = useCallback(
    (year: number) => {
      const y = scale.clampYear(year);
      const slot = scale.slots.find((s) => s.year === y)!;
      return (slot.x + Math.min(slot.width, DEFAULT_SCALE.cardWidth + DEFAULT_SCALE.gap) / 2) * box.rem;
    },
    [scale, box.rem],
  );

  const urlYear = Number.parseInt(params.get('year') ?? '', 10);
  const [year, setYear] = useState(() => scale.clampYear(Number.isFinite(urlYear) ? urlYear : scale.first));
  const [settledYear, setSettledYear] = useState(year);
  const written = useRef<number | null>(null);

  const goTo = useCallback(
    (target: number, smooth: boolean) => {
      const el = scroller.current;
      if (!el || !box.width) return;
      el.scrollTo({ left: scrollFor(target), behavior: smooth && !reducedMotion() ? 'smooth' : 'auto' });
    },
    [scrollFor, box.width],
  );

  // The URL leads: on first layout, on resize and when ?year= changes from outside (a link, Back).
  const yearRef = useRef(year);
  yearRef.current = year;
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-centre the current year when the layout changes
  useLayoutEffect(() => {
    goTo(yearRef.current, false);
  }, [box.width, box.rem, scale]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a ?year= we did not write ourselves moves the track
  useEffect(() => {
    if (!Number.isFinite(urlYear) || urlYear === written.current) return;
    const target = scale.clampYear(urlYear);
    setYear(target);
    goTo(target, false);
  }, [urlYear]);

  // The track leads while the visitor moves it: the year follows the scroll, the URL follows
  // once the movement settles.
  // While a step's smooth scroll is on its way, the year is already the step's target: the years
  // it passes are not shown, and a second press steps on from the target.
  const frame = useRef(0);
  const pending = useRef<{ year: number; timer: number } | null>(null);
  const settle = () => {
    if (pending.current) window.clearTimeout(pending.current.timer);
    pending.current = null;
    if (scroller.current) setYear(yearAtScroll(scroller.current.scrollLeft));
  };
  const onScroll = () => {
    cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(() => {
      if (pending.current) {
        // Arrived (scrollend is not in every browser): let the position lead again.
        if (scroller.current && Math.abs(scroller.current.scrollLeft - scrollFor(pending.current.year)) < 2) settle();
        return;
      }
      if (scroller.current) setYear(yearAtScroll(scroller.current.scrollLeft));
    });
  };
  useEffect(() => {
    const timer = window.setTimeout(() => {
      setSettledYear(year);
      const current = Number.parseInt(new URLSearchParams(window.location.search).get('year') ?? '', 10);
      if (current !== year) {
        written.current = year;
        setParams(
          (p) => {
            p.set('year', String(year));
            return p;
          },
          { replace: true },
        );
      }
    }, 250);
    return () => window.clearTimeout(timer);
  }, [year, setParams]);
  useEffect(() => () => cancelAnimationFrame(frame.current), []);

  const prevStop = [...stops].reverse().find((s) => s < year);
  const nextStop = stops.find((s) => s > year);
  const step = (to: number | undefined) => {
    if (to === undefined) return;
    if (pending.current) window.clearTimeout(pending.current.timer);
    // A safety net: if the scroll never arrives (clamped at an end), the position leads again.
    pending.current = { year: to, timer: window.setTimeout(settle, 1500) };
    setYear(to);
    goTo(to, true);
  };
  useEffect(() => () => window.clearTimeout(pending.current?.timer), []);

  const onKeyDown = (e: React.KeyboardEvent) => {
    const keys: Record<string, number | undefined> = { ArrowLeft: prevStop, ArrowRight: nextStop, Home: stops[0], End: stops.at(-1) };
    if (!(e.key in keys) || e.altKey || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    step(keys[e.key]);
  };

  // Mouse and pen drag the track; touch scrolls it natively.
  const drag = useRef<{ x: number; left: number; moved: boolean; id: number } | null>(null);
  const suppressClick = useRef(false);
  const onPointerDown = (e: React.PointerEvent) => {
    if (pending.current) settle(); // the visitor takes over from a step in progress
    if (e.pointerType === 'touch' || e.button !== 0 || !scroller.current) return;
    drag.current = { x: e.clientX, left: scroller.current.scrollLeft, moved: false, id: e.pointerId };
  };
  const onPointerMove = (e: React.PointerEvent) => {
    const d = drag.current;
    const el = scroller.current;
    if (!d || !el || d.id !== e.pointerId) return;
    const dx = e.clientX - d.x;
    if (!d.moved && Math.abs(dx) < 5) return;
    if (!d.moved) {
      d.moved = true;
      el.setPointerCapture(e.pointerId);
    }
    el.scrollLeft = d.left - dx;
  };
  const onPointerEnd = (e: React.PointerEvent) => {
    if (drag.current?.id !== e.pointerId) return;
    if (drag.current.moved) suppressClick.current = true;
    drag.current = null;
  };
  const onClickCapture = (e: React.MouseEvent) => {
    if (suppressClick.current) {
      e.preventDefault();
      e.stopPropagation();
    }
    suppressClick.current = false;
  };

  const px = (rem: number) => `${rem * box.rem + box.width / 2}px`;
  const trackWidth = scale.width * box.rem + box.width;
  const eraSpan = (era: EraDetail) => {
    const start = scale.xOf(era.startYear);
    const endSlot = scale.slots.find((s) => s.year === scale.clampYear(era.endYear))!;
    return { left: start, width: endSlot.x + endSlot.width - start };
  };
  const todaySlots = scale.gap ? scale.slots.filter((s) => s.x > scale.gap!.x) : [];
  const decades = scale.slots.filter(
    (s, i) => s.year % 10 === 0 || i === 0 || (scale.gap && s.x >= scale.gap.x + scale.gap.width && scale.slots[i - 1].x < scale.gap.x),
  );
  const isToday = (y: number) => scale.gap !== null && y > history.end;

  return (
    <div className="timeline-view">
      <div className="timeline-controls">
        <button type="button" className="button button-secondary timeline-step" onClick={() => step(prevStop)} disabled={prevStop === undefined}>
          <span aria-hidden="true">←</span> {t('prev')}
        </button>
        <p className="timeline-year" data-testid="timeline-year" data-year={year}>
          <span className="timeline-year-label">{isToday(year) ? t('today') : t('currentYear')}</span>
          <span className="timeline-year-value">{year}</span>
        </p>
        <button type="button" className="button button-secondary timeline-step" onClick={() => step(nextStop)} disabled={nextStop === undefined}>
          {t('next')} <span aria-hidden="true">→</span>
        </button>
        <p className="visually-hidden" aria-live="polite">
          {t('yearAnnouncement', { year: settledYear })}
        </p>
      </div>
      <div className="timeline-frame">
        <section
          ref={scroller}
          className="timeline-scroller"
          aria-label={t('regionLabel', { start: history.start, end: history.end })}
          // biome-ignore lint/a11y/noNoninteractiveTabindex: the track takes the arrow keys once focused
          tabIndex={0}
          onScroll={onScroll}
          onScrollEnd={() => pending.current && settle()}
          onWheel={() => pending.current && settle()}
          onKeyDown={onKeyDown}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerEnd}
          onPointerCancel={onPointerEnd}
          onClickCapture={onClickCapture}
          data-testid="timeline-scroller"
        >
          <div className="timeline-track" style={{ width: `${trackWidth}px`, height: `${ROW_TOP + 2 * CARD_HEIGHT + 2 * DEFAULT_SCALE.gap}rem` }}>
            <ol className="timeline-ruler" aria-hidden="true">
              {decades.map((s) => (
                <li key={s.year} style={{ left: px(s.x) }}>
                  {s.year}
                </li>
              ))}
            </ol>
            {eras.map((era) => {
              const span = eraSpan(era);
              return (
                <div
                  key={era.id}
                  className="timeline-band"
                  style={{ left: px(span.left), width: `${span.width * box.rem}px`, '--era-colour': era.colour } as CSSProperties}
                  data-era={era.id}
                >
                  <Link to={`/eras/${era.id}`} className="timeline-band-link">
                    {era.title}
                    {!titleShowsYears(era.title, era.startYear) && ` (${era.startYear}–${era.endYear})`}
                  </Link>
                </div>
              );
            })}
            {scale.gap && (
              <div className="timeline-break" style={{ left: px(scale.gap.x), width: `${scale.gap.width * box.rem}px` }} aria-hidden="true">
                …
              </div>
            )}
            {todaySlots.length > 0 && (
              <div
                className="timeline-band timeline-band-today"
                style={
                  {
                    left: px(todaySlots[0].x),
                    width: `${(todaySlots.at(-1)!.x + todaySlots.at(-1)!.width - todaySlots[0].x) * box.rem}px`,
                    '--era-colour': TODAY_COLOUR,
                  } as CSSProperties
                }
              >
                <span className="timeline-band-link">{t('todayBand')}</span>
              </div>
            )}
            <ol className="timeline-cards">
              {placed.map(({ item, x, y }) => (
                <li
                  key={item.key}
                  className={`timeline-card${item.year === year ? ' is-current' : ''}`}
                  style={{ left: px(x), top: `${y}rem`, '--era-colour': item.kind === 'event' ? item.colour : TODAY_COLOUR } as CSSProperties}
                  data-year={item.year}
                >
                  <button type="button" className="timeline-card-button" onClick={(e) => setOpen({ item, trigger: e.currentTarget })} data-item={item.key}>
                    <span className="timeline-card-date">{item.kind === 'event' ? formatYearMonth(language, item.year, item.month) : item.year}</span>
                    <span className="timeline-card-title">{item.kind === 'event' ? item.event.title : t('todayCard', { count: item.projects.length })}</span>
                  </button>
                </li>
              ))}
            </ol>
          </div>
        </section>
        <div className="timeline-centre" aria-hidden="true" />
      </div>
      {open && (
        <TimelineStoryDialog
          item={open.item}
          siteNames={siteNames}
          onClose={() => {
            const trigger = open.trigger;
            setOpen(null);
            trigger?.focus();
          }}
        />
      )}
    </div>
  );
}
