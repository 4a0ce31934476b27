/**
 * WebVTT captions for narration, parsed with media-captions (a small, maintained, spec-following
 * parser: a museum's own captions with cue settings, voice tags or entities still read right). We
 * parse rather than use the browser's TextTrack API because howler owns the audio element, which is
 * not in the page, and the transcript needs every cue up front anyway.
 */
import { parseText } from 'media-captions';

export interface Caption {
  /** Seconds. */
  start: number;
  end: number;
  /** Plain text (tags removed, entities decoded). */
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', nbsp: '\u00a0', lrm: '\u200e', rlm: '\u200f' };

/** Cue text as a visitor should read it: no <v>, <b>, <c.class> or timestamp tags, entities decoded. */
export function plainCueText(text: string): string {
  return text
    .replace(/<[^>]*>/g, '')
    .replace(/&(amp|lt|gt|nbsp|lrm|rlm);/g, (_m, name: string) => ENTITIES[name])
    .trim();
}

/** Parses WebVTT text into captions sorted by start time. */
export async function parseCaptions(vtt: string): Promise<Caption[]> {
  const { cues } = await parseText(vtt, { type: 'vtt' });
  return cues
    .map((c) => ({ start: c.startTime, end: c.endTime, text: plainCueText(c.text) }))
    .filter((c) => c.text && c.end > c.start)
    .sort((a, b) => a.start - b.start);
}

const cache = new Map<string, Promise<Caption[]>>();

/** Fetches and parses a captions file once per URL. */
export function loadCaptions(url: string): Promise<Caption[]> {
  let pending = cache.get(url);
  if (!pending) {
    pending = fetch(url)
      .then((res) => {
        if (!res.ok) throw new Error(`captions ${url}: HTTP ${res.status}`);
        return res.text();
      })
      .then(parseCaptions);
    pending.catch(() => cache.delete(url));
    cache.set(url, pending);
  }
  return pending;
}

/** The caption showing at `time` (the latest one that started, if cues overlap), or null between cues. */
export function captionAt(captions: readonly Caption[], time: number): Caption | null {
  let found: Caption | null = null;
  for (const c of captions) {
    if (c.start > time) break;
    if (time < c.end) found = c;
  }
  return found;
}
