/** The site list's filters live in the URL (`/sites?era=wartime&cluster=core-dadukou`). */
import type { Category } from '../../content/schema.ts';

export const FILTER_KEYS = ['era', 'cluster', 'category', 'grade', 'district'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type SiteFilterValues = Partial<Record<FilterKey, string>>;

export const CATEGORIES = ['area', 'building', 'element'] as const satisfies readonly Category[];
export const GRADES = ['1', '2', '3'] as const;

export function readFilters(params: URLSearchParams): SiteFilterValues {
  const out: SiteFilterValues = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key);
    if (value) out[key] = value;
  }
  return out;
}
