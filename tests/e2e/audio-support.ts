/**
 * Helpers for the narration tests: what the page's audio is really doing, read from howler (the
 * Howls it plays) and from the Web Audio graph (the context's state, each sound's gain).
 */
import type { Page } from '@playwright/test';

interface HowlLike {
  _src: string | string[];
  _muted: boolean;
  playing(): boolean;
  volume(): number;
  _sounds: { _node?: { gain?: { value: number } } }[];
}
type HowlerLike = { _howls: HowlLike[]; ctx?: AudioContext; autoSuspend: boolean };

/** Paths of the narration files playing now. */
export function playing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const howler = (window as unknown as { Howler?: HowlerLike }).Howler;
    if (!howler) return [];
    return howler._howls.filter((h) => h.playing()).map((h) => new URL(String(h._src), location.href).pathname);
  });
}

/** The audio context's state and clock: a running context whose time moves is really playing. */
export function audioClock(page: Page): Promise<{ state: string; time: number }> {
  return page.evaluate(() => {
    const ctx = (window as unknown as { Howler?: HowlerLike }).Howler?.ctx;
    return { state: ctx?.state ?? 'none', time: ctx?.currentTime ?? 0 };
  });
}

/** Volume and mute of the narration playing now, as the audio graph has them (the sound's gain). */
export function playingGain(page: Page): Promise<{ volume: number; muted: boolean; gain: number } | null> {
  return page.evaluate(() => {
    const howler = (window as unknown as { Howler?: HowlerLike }).Howler;
    const howl = howler?._howls.find((h) => h.playing());
    if (!howl) return null;
    const gain = howl._sounds[0]?._node?.gain?.value ?? -1;
    return { volume: Math.round(howl.volume() * 100) / 100, muted: howl._muted, gain: Math.round(gain * 100) / 100 };
  });
}
