import type { KioskT } from './strings.ts';
import type { Slide } from './useShowcase.ts';

/** One slide of the attract loop: an era or a site, large enough to read from across the hall. */
export function AttractSlide({ slide, index, total, t }: { slide: Slide; index: number; total: number; t: KioskT }) {
  const years =
    slide.start !== undefined && slide.end !== undefined
      ? t('attract.years', { start: slide.start, end: slide.end })
      : slide.start !== undefined
        ? String(slide.start)
        : null;
  return (
    <article
      className={`attract-slide attract-slide-${slide.kind}`}
      style={slide.colour ? ({ '--era-colour': slide.colour } as React.CSSProperties) : undefined}
      aria-roledescription="slide"
      aria-label={t('attract.slide', { current: index + 1, total })}
      data-slide-id={slide.id}
    >
      <p className="attract-slide-kind">
        {slide.kind === 'era' ? t('attract.era') : t('attract.site')}
        {years && <span className="attract-slide-years"> · {years}</span>}
      </p>
      <h2 className="attract-slide-title">{slide.title}</h2>
      <p className="attract-slide-summary">{slide.summary}</p>
    </article>
  );
}
