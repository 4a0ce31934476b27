/**
 * The small, always-loaded part of audio: unlock on the first touch, stop when the visitor leaves a
 * page. howler and the AudioService load on demand (a page with a player, or at start on a kiosk),
 * so the first screen of the web app does not pay for them.
 */
import { useEffect } from 'react';
import { useLocation } from 'react-router';
import { useKioskMode } from '../app/KioskMode.tsx';
import type { AudioService } from './AudioService.ts';

let service: AudioService | null = null;
let loading: Promise<AudioService> | null = null;
let kioskMode = false;

/** The app's AudioService, loading howler on first call. */
export function loadAudioService(): Promise<AudioService> {
  loading ??= import('./AudioService.ts').then(
    (m) => {
      // A child page may ask before the layout's effect has said whether this is a kiosk: main.tsx
      // has already marked <html class="kiosk">.
      service = m.getAudioService({ kiosk: kioskMode || document.documentElement.classList.contains('kiosk') });
      return service;
    },
    (err: unknown) => {
      loading = null; // a failed chunk load may succeed next time
      throw err;
    },
  );
  return loading;
}

/** The AudioService if it has loaded, else null (never starts a load). */
export function loadedAudioService(): AudioService | null {
  return service;
}

/** Stops whatever narration plays (no-op if audio never loaded). */
export function stopAudio(): void {
  service?.stop();
}

// Events that give a page "user activation" (a touch activates on release, not on press).
const GESTURES = ['pointerup', 'touchend', 'click', 'keydown'] as const;

/**
 * Unlocks audio on the visitor's first touch, click or key (on a kiosk: the attract screen's first
 * touch). On kiosks the service is loaded at once so the unlock runs inside that very gesture, as
 * strict browsers require; elsewhere it loads then, and the first Play press unlocks anyway.
 */
export function installAudioUnlock({ kiosk }: { kiosk: boolean }): () => void {
  kioskMode = kiosk;
  if (kiosk) void loadAudioService().catch(() => {});
  const onGesture = (event: Event) => {
    if (!event.isTrusted || (event instanceof KeyboardEvent && event.key === 'Escape')) return;
    remove();
    if (service) service.unlock();
    else
      void loadAudioService().then(
        (s) => s.unlock(),
        () => {},
      );
  };
  const remove = () => {
    for (const type of GESTURES) window.removeEventListener(type, onGesture, true);
  };
  for (const type of GESTURES) window.addEventListener(type, onGesture, true);
  return remove;
}

/** For the app layout: unlock on first touch, and stop narration when the visitor leaves a page. */
export function useAudioLifecycle(): void {
  const kiosk = useKioskMode();
  const { pathname } = useLocation();
  useEffect(() => installAudioUnlock({ kiosk }), [kiosk]);
  // The cleanup runs when the path changes: the page being left stops talking.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on each new pathname on purpose
  useEffect(() => stopAudio, [pathname]);
}
