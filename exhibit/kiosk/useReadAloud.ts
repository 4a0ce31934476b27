/**
 * Audio mode: while "read aloud" is on, each page's main text is read when the page has loaded,
 * and again on request. Speaking holds the kiosk's idle timer. Stops on navigation, when switched
 * off, and at reset (the controls unmount with the visit).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useLocation } from 'react-router';
import type { Locale } from '../../content/schema.ts';
import { LANGUAGES } from '../i18n/detect.ts';
import { holdIdle } from '../visitor/visitorSession.ts';
import { browserSpeechEngine, createReader, mainTextBlocks, type ReaderState } from './readAloud.ts';

/** Wait for the page's content (no loading message, an h1) before reading: at most this long. */
const SETTLE_MS = 5000;

export function useReadAloud(enabled: boolean, language: string) {
  const [state, setState] = useState<ReaderState>('idle');
  const reader = useRef<ReturnType<typeof createReader> | null>(null);
  if (!reader.current) reader.current = createReader({ engine: browserSpeechEngine(), hold: () => holdIdle('read-aloud'), onState: setState });
  const { pathname } = useLocation();
  const lang: Locale = (LANGUAGES as readonly string[]).includes(language) ? (language as Locale) : 'zh-Hans';

  const readPage = useCallback(() => {
    const main = document.getElementById('main');
    if (main) reader.current?.read(mainTextBlocks(main), lang);
  }, [lang]);

  const stop = useCallback(() => reader.current?.stop(), []);

  // Read each page (and the same page in a new language) once its content is there.
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-read on a new page on purpose
  useEffect(() => {
    if (!enabled) {
      reader.current?.stop();
      return;
    }
    reader.current?.stop();
    const started = Date.now();
    const id = setInterval(() => {
      const main = document.getElementById('main');
      const ready = main?.querySelector('h1') && !main.querySelector('.loading');
      if (ready || Date.now() - started > SETTLE_MS) {
        clearInterval(id);
        readPage();
      }
    }, 250);
    return () => clearInterval(id);
  }, [enabled, pathname, readPage]);

  useEffect(() => () => reader.current?.stop(), []);

  return { state, readPage, stop };
}
