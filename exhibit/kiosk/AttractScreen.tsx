import { useEffect, useRef, useState } from 'react';
import type { Locale } from '../../content/schema.ts';
import { LANGUAGE_NAMES, LANGUAGES } from '../i18n/detect.ts';
import { AttractSlide } from './AttractSlide.tsx';
import { useKioskT } from './strings.ts';
import type { Slide } from './useShowcase.ts';

/** Seconds per slide: calmer (and without movement) for visitors who asked for reduced motion. */
export const SLIDE_SECONDS = { moving: 8, calm: 12 } as const;

function useReducedMotion(): boolean {
  const query = '(prefers-reduced-motion: reduce)';
  const [reduced, setReduced] = useState(() => window.matchMedia?.(query).matches ?? false);
  useEffect(() => {
    const mq = window.matchMedia?.(query);
    if (!mq) return;
    const on = () => setReduced(mq.matches);
    mq.addEventListener('change', on);
    return () => mq.removeEventListener('change', on);
  }, []);
  return reduced;
}

/**
 * The attract loop: a showcase of eras and sites that invites people in, "touch to start" in the
 * three languages, and the languages to start in. A tap anywhere starts a visit in the kiosk's
 * language; a language button starts it in that language.
 */
export function AttractScreen({ slides, onStart }: { slides: Slide[]; onStart: (language?: Locale) => void }) {
  const { t, tIn, language } = useKioskT();
  const reduced = useReducedMotion();
  const [index, setIndex] = useState(0);
  const root = useRef<HTMLDivElement>(null);
  const start = useRef(onStart);
  start.current = onStart;

  useEffect(() => {
    if (slides.length < 2) return;
    const id = setInterval(() => setIndex((i) => (i + 1) % slides.length), (reduced ? SLIDE_SECONDS.calm : SLIDE_SECONDS.moving) * 1000);
    return () => clearInterval(id);
  }, [slides.length, reduced]);

  // A tap anywhere on the screen starts (the buttons below do the same for keyboards and screen readers).
  useEffect(() => {
    const el = root.current;
    if (!el) return;
    const onClick = (e: MouseEvent) => {
      if (!(e.target instanceof Element) || !e.target.closest('button')) start.current();
    };
    el.addEventListener('click', onClick);
    return () => el.removeEventListener('click', onClick);
  }, []);

  const slide = slides.length ? slides[index % slides.length] : undefined;
  return (
    <div className={`attract${reduced ? ' attract-calm' : ''}`} ref={root} data-testid="attract">
      <main id="main" className="attract-main">
        <header className="attract-header">
          <h1 className="attract-title">{t('attract.title')}</h1>
          <p className="attract-subtitle">{t('attract.subtitle')}</p>
        </header>
        <section className="attract-showcase" aria-roledescription="carousel" aria-label={t('attract.showcase')} aria-live="off">
          {slide && <AttractSlide key={`${slide.kind}-${slide.id}-${index}`} slide={slide} index={index % slides.length} total={slides.length} t={t} />}
          {slides.length > 1 && (
            <div className="attract-progress" key={`p-${index}`} style={{ animationDuration: `${SLIDE_SECONDS.moving}s` }} aria-hidden="true" />
          )}
        </section>
        <div className="attract-start">
          <button type="button" className="attract-start-button" onClick={() => onStart()} data-testid="attract-start">
            {LANGUAGES.map((lng) => (
              <span key={lng} lang={lng} className="attract-start-line">
                {tIn(lng)('attract.touchToStart')}
              </span>
            ))}
          </button>
          <fieldset className="attract-languages">
            <legend className="visually-hidden">{t('attract.chooseLanguage')}</legend>
            {LANGUAGES.map((lng) => (
              <button key={lng} type="button" lang={lng} aria-pressed={lng === language} onClick={() => onStart(lng)}>
                {LANGUAGE_NAMES[lng]}
              </button>
            ))}
          </fieldset>
        </div>
      </main>
    </div>
  );
}
