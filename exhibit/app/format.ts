/** Small display formatters that follow the current language. */
import type { Locale } from '../../content/schema.ts';

/** "1937" or, with a month, "March 1937" / "1937年3月". */
export function formatYearMonth(language: Locale, year: number, month?: number): string {
  if (!month) return String(year);
  return new Intl.DateTimeFormat(language, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(Date.UTC(year, month - 1, 1));
}

/** "2022-07" → "July 2022" / "2022年7月". */
export function formatIsoMonth(language: Locale, value: string): string {
  const [year, month] = value.split('-').map(Number);
  return year && month ? formatYearMonth(language, year, month) : value;
}

export function formatNumber(language: Locale, value: number): string {
  return new Intl.NumberFormat(language).format(value);
}

/** Long texts keep their paragraph breaks. */
export function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n|\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}

/**
 * The annex gives investment in 万元 (10,000 yuan). Chinese readers get that unit as is; English
 * readers get yuan in words ("1.1 billion").
 */
export function formatInvestment(language: Locale, tenThousandYuan: number): string {
  if (language === 'en') {
    return new Intl.NumberFormat('en', { notation: 'compact', compactDisplay: 'long', maximumFractionDigits: 2 }).format(tenThousandYuan * 10_000);
  }
  return formatNumber(language, tenThousandYuan);
}

/** Era titles may already carry their years ("抗战时期（1937—1949）"); then don't repeat them. */
export function titleShowsYears(title: string, startYear: number): boolean {
  return title.includes(String(startYear));
}
