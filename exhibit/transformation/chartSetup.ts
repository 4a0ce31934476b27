/**
 * chart.js, registered piece by piece: only bar charts with category and linear axes, tooltips and
 * the legend are bundled (the page is lazy-loaded, so none of it is in the first screen's JS).
 */
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

export { Chart };

/** The museum's palette for data: rust, steel, river, ochre… each ≥ 3:1 against white. */
export const SERIES_COLOURS = ['#9a3412', '#0e7490', '#475569', '#a16207', '#7c3aed', '#be123c', '#15803d'] as const;

/** Fonts and colours from the page, so charts match the text around them (and kiosks' larger type). */
export function applyPageStyle(): void {
  const root = getComputedStyle(document.documentElement);
  const body = getComputedStyle(document.body);
  Chart.defaults.font.family = body.fontFamily;
  Chart.defaults.font.size = Math.round(Number.parseFloat(root.fontSize) * 0.9) || 14;
  Chart.defaults.color = body.color;
  Chart.defaults.borderColor = 'rgba(60, 56, 50, 0.18)';
}

export function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}
