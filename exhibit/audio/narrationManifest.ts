/**
 * The narration manifest (assets/audio/narration/manifest.json, written by `npm run narration`):
 * which audio and captions exist for each era and flagship site in each language, and for each
 * waypoint of a 3D walkthrough's tour (`waypoint/<scene>/<waypoint>`, played by
 * walkthrough/useWaypointNarration.ts).
 */
import type { Locale } from '../../content/schema.ts';

export const MANIFEST_URL = '/assets/audio/narration/manifest.json';

export interface NarrationEntry {
  /** Audio URLs in order of preference. */
  audio: string[];
  captions: string;
  /** Seconds, as generated (the player uses the file's own length once loaded). */
  duration: number;
  /** "espeak-ng <voice>" for synthesized speech, "recorded" for a museum's recording. */
  voice: string;
}

export interface NarrationManifest {
  version: 1;
  items: Record<string, Partial<Record<Locale, NarrationEntry>>>;
}

export type NarrationKind = 'era' | 'site';

let pending: Promise<NarrationManifest> | null = null;

export function loadNarrationManifest(): Promise<NarrationManifest> {
  pending ??= fetch(MANIFEST_URL)
    .then((res) => {
      if (!res.ok) throw new Error(`narration manifest: HTTP ${res.status}`);
      return res.json() as Promise<NarrationManifest>;
    })
    .catch((err: unknown) => {
      pending = null; // try again next time
      throw err;
    });
  return pending;
}

export function narrationEntry(manifest: NarrationManifest, kind: NarrationKind, id: string, lang: Locale): NarrationEntry | undefined {
  return manifest.items[`${kind}/${id}`]?.[lang];
}
