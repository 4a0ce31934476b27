import type { ChartConfiguration } from 'chart.js';
import { type RefObject, useEffect } from 'react';
import { applyPageStyle, Chart, prefersReducedMotion } from './chartSetup.ts';

/**
 * Draws a chart.js chart on the canvas while the component is mounted; redraws when the config
 * object changes (memoise it), so a language switch or a filter gives a fresh chart.
 */
export function useChart(canvas: RefObject<HTMLCanvasElement | null>, config: ChartConfiguration<'bar', unknown[], string>): void {
  useEffect(() => {
    if (!canvas.current) return;
    applyPageStyle();
    const chart = new Chart(canvas.current, {
      ...config,
      options: {
        responsive: true,
        maintainAspectRatio: false,
        ...config.options,
        animation: prefersReducedMotion() ? false : { duration: 400 },
      },
    });
    // Labels were measured with whatever font was there; once the museum's faces have loaded
    // (font-display: swap), lay the chart out again so long CJK labels fit.
    const relayout = () => {
      applyPageStyle();
      chart.update('none');
    };
    const fonts = document.fonts;
    void fonts?.ready.then(() => chart.canvas && relayout());
    fonts?.addEventListener('loadingdone', relayout);
    return () => {
      fonts?.removeEventListener('loadingdone', relayout);
      chart.destroy();
    };
  }, [canvas, config]);
}
