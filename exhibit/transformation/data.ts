/**
 * The figures the transformation charts show, computed from the content API's answers. Pure: the
 * charts, their data tables and the tests all read the same numbers.
 */

import type { Locale } from '../../content/schema.ts';
import type { ContentData } from '../api/types.ts';

export type Project = ContentData<'projects'>[number];
export type Statistics = ContentData<'statistics'>;

export interface Bar {
  /** The thing counted: a district id, a project type, a project id… */
  key: string;
  label: string;
  value: number;
}

/** Investment is given in 万元 (10,000 yuan). Charts show 亿元 (100 million yuan) in Chinese and million yuan in English. */
export function toChartUnit(tenThousandYuan: number, lang: Locale): number {
  const value = lang === 'en' ? tenThousandYuan / 100 : tenThousandYuan / 10_000;
  return Math.round(value * 100) / 100;
}

const WAN = { 'zh-Hans': '万元', 'zh-Hant': '萬元' } as const;
const YI = { 'zh-Hans': '亿元', 'zh-Hant': '億元' } as const;

/** 110000 → "11亿元" / "1,100 million yuan"; 8000 → "8,000万元" / "80 million yuan". */
export function formatMoney(tenThousandYuan: number, lang: Locale): string {
  const number = (v: number) => new Intl.NumberFormat(lang, { maximumFractionDigits: 2 }).format(v);
  if (lang === 'en') return `${number(tenThousandYuan / 100)} million yuan`;
  return tenThousandYuan >= 10_000 ? `${number(tenThousandYuan / 10_000)}${YI[lang]}` : `${number(tenThousandYuan)}${WAN[lang]}`;
}

/** The same amount as a number and its unit, for large display: { number: "338.79", unit: "亿元" }. */
export function moneyParts(tenThousandYuan: number, lang: Locale): { number: string; unit: string } {
  const text = formatMoney(tenThousandYuan, lang);
  const at = text.search(lang === 'en' ? / million yuan$/ : /[万萬亿億]元$/);
  return { number: text.slice(0, at), unit: text.slice(at).trim() };
}

/** A chart-unit amount with its unit, for summaries: "11 亿元" / "1,100 million yuan". */
export function formatChartAmount(value: number, lang: Locale, unit: string): string {
  const n = new Intl.NumberFormat(lang, { maximumFractionDigits: 2 }).format(value);
  return lang === 'en' ? `${n} ${unit}` : `${n}${unit}`;
}

const byValueThenLabel = (lang: Locale) => (a: Bar, b: Bar) => b.value - a.value || a.label.localeCompare(b.label, lang);

function group(projects: Project[], keyOf: (p: Project) => string, amountOf: (p: Project) => number): Map<string, number> {
  const totals = new Map<string, number>();
  for (const p of projects) totals.set(keyOf(p), (totals.get(keyOf(p)) ?? 0) + amountOf(p));
  return totals;
}

/** Number of projects per district, most first. */
export function projectsByDistrict(projects: Project[], districtName: (id: string) => string, lang: Locale): Bar[] {
  return [
    ...group(
      projects,
      (p) => p.district,
      () => 1,
    ),
  ]
    .map(([key, value]) => ({ key, label: districtName(key), value }))
    .sort(byValueThenLabel(lang));
}

/** Number of projects per type, most first. */
export function projectsByType(projects: Project[], typeName: (type: string) => string, lang: Locale): Bar[] {
  return [
    ...group(
      projects,
      (p) => p.type,
      () => 1,
    ),
  ]
    .map(([key, value]) => ({ key, label: typeName(key), value }))
    .sort(byValueThenLabel(lang));
}

/** Total investment per district in the chart unit, largest first. */
export function investmentByDistrict(projects: Project[], districtName: (id: string) => string, lang: Locale): Bar[] {
  return [
    ...group(
      projects,
      (p) => p.district,
      (p) => p.investment,
    ),
  ]
    .map(([key, total]) => ({ key, label: districtName(key), value: toChartUnit(total, lang) }))
    .sort(byValueThenLabel(lang));
}

/** The `count` projects with the largest investment (ties: lower plan number first). */
export function largestProjects(projects: Project[], count: number, lang: Locale): Bar[] {
  return [...projects]
    .sort((a, b) => b.investment - a.investment || a.number - b.number)
    .slice(0, count)
    .map((p) => ({ key: p.id, label: p.name, value: toChartUnit(p.investment, lang) }));
}

/** "2022-07" → months since year 0 (2022 × 12 + 6), so a linear axis can draw month-accurate bars. */
export function monthIndex(yearMonth: string): number {
  const [year, month] = yearMonth.split('-').map(Number);
  return year * 12 + (month - 1);
}

export interface Span {
  key: string;
  label: string;
  start: string;
  end: string;
}

/** Projects in the order they start (then end, then plan number). */
export function projectSpans(projects: Project[]): Span[] {
  return [...projects]
    .sort((a, b) => a.start.localeCompare(b.start) || a.end.localeCompare(b.end) || a.number - b.number)
    .map((p) => ({ key: p.id, label: p.name, start: p.start, end: p.end }));
}

export interface StackedRow {
  key: string;
  central: number;
  elsewhere: number;
}

export function listedByCategory(stats: Statistics): StackedRow[] {
  const { central, elsewhere } = stats.listedPlaces;
  return (['area', 'building', 'element'] as const).map((key) => ({ key, central: central.byCategory[key], elsewhere: elsewhere.byCategory[key] }));
}

export function listedByGrade(stats: Statistics): StackedRow[] {
  const { central, elsewhere } = stats.listedPlaces;
  return (['1', '2', '3'] as const).map((key) => ({ key, central: central.byGrade[key], elsewhere: elsewhere.byGrade[key] }));
}

/** The plan's targets, without the list itself (its 140 places are the headline, not a target to compare). */
export function planTargets(stats: Statistics): Bar[] {
  return stats.targets.filter((t) => t.id !== 'listed-places').map((t) => ({ key: t.id, label: t.label, value: t.count }));
}
