/**
 * React side of the AudioService: the service (loaded on demand), its state, and the position of
 * the current narration, refreshed a few times a second while it plays.
 */
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { AudioService, NarrationState } from './AudioService.ts';
import { loadAudioService, loadedAudioService } from './audioLifecycle.ts';

const IDLE: NarrationState = { id: null, status: 'idle', duration: 0, volume: 0.9, muted: false, error: null };
const noop = () => () => {};

export function useAudioService(): AudioService | null {
  const [service, setService] = useState(loadedAudioService);
  useEffect(() => {
    if (service) return;
    let live = true;
    loadAudioService().then(
      (s) => live && setService(s),
      () => {},
    );
    return () => {
      live = false;
    };
  }, [service]);
  return service;
}

export function useNarrationState(service: AudioService | null): NarrationState {
  return useSyncExternalStore(service ? (fn) => service.subscribe(fn) : noop, () => service?.getState() ?? IDLE);
}

/**
 * Seconds into the current narration; polled while playing, read again on every state change. The
 * setter lets a seek show at once (a slider that jumped back to the old position before the next
 * poll would report that old position as a second seek).
 */
export function useNarrationPosition(service: AudioService | null, state: NarrationState): [number, (seconds: number) => void] {
  const [position, setPosition] = useState(0);
  useEffect(() => {
    if (!service) return;
    setPosition(service.position());
    if (state.status !== 'playing') return;
    const timer = setInterval(() => setPosition(service.position()), 200);
    return () => clearInterval(timer);
  }, [service, state]);
  return [position, setPosition];
}

/** 83.4 → "1:23" */
export function formatClock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
