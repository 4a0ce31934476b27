/** Data the admin pages share: the halls of the published content, and who each user id is. */
import type { Locale } from '../../content/schema.ts';
import type { Loaded } from './useFetch.ts';
import { useFetch } from './useFetch.ts';

export interface HallChoice {
  /** "<museum>/<hall>", as kiosks and counters are registered with. */
  id: string;
  name: Partial<Record<Locale, string>>;
  museumName: Partial<Record<Locale, string>>;
}

export interface AccountSummary {
  id: number;
  username: string;
  displayName: string;
}

/** Text in the interface language, else Simplified Chinese (the content's source language). */
export function inLanguage(text: Partial<Record<Locale, string>> | undefined, language: string): string | undefined {
  if (!text) return undefined;
  return text[language as Locale] ?? text['zh-Hans'] ?? text.en;
}

/** The halls of every museum in the published content (what the server checks a hallId against). */
export function useHalls(): [Loaded<{ halls: HallChoice[] }>, () => void] {
  return useFetch<{ halls: HallChoice[] }>('/api/curator/playlists/targets');
}

/** "Museum · Hall" in the interface language, or the id when the hall is not in the content. */
export function hallLabel(halls: HallChoice[] | undefined, id: string, language: string): string {
  const h = halls?.find((x) => x.id === id);
  if (!h) return id;
  return `${inLanguage(h.museumName, language) ?? ''} · ${inLanguage(h.name, language) ?? h.id}`;
}

export function useAccounts() {
  return useFetch<{ users: AccountSummary[] }>('/api/admin/users');
}
