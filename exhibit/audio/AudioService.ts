/**
 * Narration playback over howler: one narration at a time, a fixed small pool of Howls, an idle
 * hold while a narration plays, and nothing left playing after the visitor leaves.
 *
 * Why a pool: howler leaks (audio nodes, decoded buffers) when Howls are created and unloaded over
 * and over, which a kiosk running all day would do. The pool keeps at most `poolSize` Howls alive,
 * reuses the Howl of a narration played before (a kiosk replays the same few all day), and unloads
 * only the least recently used one when a new narration needs a slot.
 *
 * Narration plays through Web Audio (howler's default, not `html5: true`): seeking is immediate and
 * reliable (howler's HTML5 mode can stay "loading" after a seek while playing, waiting for a
 * `canplaythrough` that Chromium does not send again for Ogg files), there is one audio context to
 * unlock on the first touch and to keep awake on kiosks (`Howler.autoSuspend = false`). The files
 * are small (~100 kB); the cost is the decoded PCM (~23 MB for two minutes at 48 kHz), which the
 * pool bounds.
 *
 * See exhibit/audio/README.md for the API.
 */
import { Howl, Howler } from 'howler';
import { holdIdle, onVisitorReset } from '../visitor/visitorSession.ts';

export type NarrationStatus = 'idle' | 'loading' | 'playing' | 'paused' | 'ended' | 'error';

export interface NarrationRequest {
  /** Identifies the narration, e.g. "era/wartime:en" or "waypoint/816-hall:zh-Hans". */
  id: string;
  /** Audio URLs in order of preference (same origin). */
  src: string[];
}

export interface NarrationState {
  /** The narration the service holds (playing, paused or ended), or null. */
  id: string | null;
  status: NarrationStatus;
  /** Seconds; 0 until known. */
  duration: number;
  volume: number;
  muted: boolean;
  /** Set when playback was refused (the browser wants a tap first) or the file failed to load. */
  error: 'blocked' | 'load' | null;
}

export interface AudioServiceOptions {
  /** Howls kept alive at once. */
  poolSize?: number;
  /** Kiosks never let the browser suspend the audio context between narrations. */
  kiosk?: boolean;
}

export const DEFAULT_VOLUME = 0.9;

interface Slot {
  key: string;
  howl: Howl;
}

interface Current {
  id: string;
  slot: Slot;
  soundId: number | null;
}

/** The part of howler's global that unlocking touches (`_unlockAudio` is howler's own unlock routine). */
type HowlerInternals = typeof Howler & { _unlockAudio?: () => void };

export class AudioService {
  readonly poolSize: number;
  private slots: Slot[] = []; // least recently used first
  private current: Current | null = null;
  private state: NarrationState = { id: null, status: 'idle', duration: 0, volume: DEFAULT_VOLUME, muted: false, error: null };
  private listeners = new Set<(state: NarrationState) => void>();
  private releaseHold: (() => void) | null = null;
  private unlocked = false;
  private readonly offReset: () => void;
  /** Howls created since start: tests and diagnostics (stays ≤ number of distinct narrations played). */
  created = 0;

  constructor(options: AudioServiceOptions = {}) {
    this.poolSize = Math.max(1, options.poolSize ?? 3);
    if (options.kiosk) Howler.autoSuspend = false;
    // A visit ended: stop, and forget this visitor's volume and mute.
    this.offReset = onVisitorReset(() => this.reset());
  }

  getState(): NarrationState {
    return this.state;
  }

  subscribe(fn: (state: NarrationState) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /**
   * Call inside a user gesture (the attract screen's first touch): creates and resumes the audio
   * context and lets howler unlock its HTML5 audio pool, so later narration may start without a tap.
   */
  unlock(): void {
    if (this.unlocked) return;
    this.unlocked = true;
    const howler = Howler as HowlerInternals;
    howler.volume(howler.volume()); // runs howler's audio-context setup if it has not run yet
    // howler's routine may rebuild the context (iOS sample-rate fix) and unload every Howl: only
    // while the pool is empty, which it is on a first touch.
    if (this.slots.length === 0) howler._unlockAudio?.();
    const ctx = howler.ctx;
    if (ctx && ctx.state !== 'running') void ctx.resume().catch(() => {});
  }

  isUnlocked(): boolean {
    return this.unlocked;
  }

  /** Plays a narration, stopping any other. Playing the current one again resumes it. */
  play(request: NarrationRequest): void {
    if (this.current && this.current.id === request.id) {
      if (this.state.status === 'playing' || this.state.status === 'loading') return;
      const { slot, soundId } = this.current;
      if (this.state.status === 'ended') slot.howl.seek(0, soundId ?? undefined);
      // 'loading' until howler reports that playback really started (onplay).
      this.update({ error: null, status: 'loading' });
      this.current.soundId = slot.howl.play(soundId ?? undefined);
      return;
    }
    this.stop();
    const slot = this.acquire(request.src);
    const howl = slot.howl;
    howl.volume(this.state.volume);
    howl.mute(this.state.muted);
    this.current = { id: request.id, slot, soundId: null };
    this.update({ id: request.id, status: 'loading', duration: howl.duration() || 0, error: null });
    this.current.soundId = howl.play();
  }

  pause(): void {
    if (!this.current) return;
    this.current.slot.howl.pause(this.current.soundId ?? undefined);
    if (this.state.status === 'loading') this.update({ status: 'paused' });
  }

  /** Plays if paused, pauses if playing. */
  toggle(): void {
    if (!this.current) return;
    if (this.state.status === 'playing' || this.state.status === 'loading') this.pause();
    else {
      const { id, slot } = this.current;
      this.play({ id, src: slotSources(slot) });
    }
  }

  /** Stops and forgets the current narration (the Howl stays in the pool). */
  stop(): void {
    const current = this.current;
    if (!current) return;
    this.current = null;
    current.slot.howl.stop(current.soundId ?? undefined);
    this.update({ id: null, status: 'idle', duration: 0, error: null });
  }

  /** Stops only if `id` is the current narration (a page cleaning up after itself). */
  stopIf(id: string): void {
    if (this.current?.id === id) this.stop();
  }

  seek(seconds: number): void {
    if (!this.current) return;
    const { slot, soundId } = this.current;
    const duration = slot.howl.duration() || this.state.duration;
    const to = Math.max(0, duration ? Math.min(seconds, duration) : seconds);
    slot.howl.seek(to, soundId ?? undefined);
    if (this.state.status === 'ended') this.update({ status: 'paused' });
    this.notify();
  }

  /** Seconds into the current narration. */
  position(): number {
    if (!this.current) return 0;
    const { slot, soundId } = this.current;
    const at = slot.howl.seek(soundId ?? undefined);
    return typeof at === 'number' && Number.isFinite(at) ? at : 0;
  }

  setVolume(volume: number): void {
    const v = Math.min(1, Math.max(0, volume));
    this.current?.slot.howl.volume(v);
    this.update({ volume: v });
  }

  setMuted(muted: boolean): void {
    this.current?.slot.howl.mute(muted);
    this.update({ muted });
  }

  /** A visit ended: stop, and go back to the default volume, unmuted. */
  reset(): void {
    this.stop();
    this.update({ volume: DEFAULT_VOLUME, muted: false });
  }

  /** Unloads every Howl (tests, hot reload). */
  dispose(): void {
    this.stop();
    for (const slot of this.slots) slot.howl.unload();
    this.slots = [];
    this.offReset();
    this.listeners.clear();
  }

  /** Keys of the Howls alive now, least recently used first. */
  pooled(): string[] {
    return this.slots.map((s) => s.key);
  }

  private acquire(src: string[]): Slot {
    const key = src.join('|');
    const found = this.slots.findIndex((s) => s.key === key);
    if (found >= 0) {
      const [slot] = this.slots.splice(found, 1);
      this.slots.push(slot);
      return slot;
    }
    if (this.slots.length >= this.poolSize) {
      // The current narration was stopped before acquire(), so the oldest slot is free to go.
      const evicted = this.slots.shift();
      evicted?.howl.unload();
    }
    const slot: Slot = { key, howl: this.create(src, key) };
    this.slots.push(slot);
    return slot;
  }

  private create(src: string[], key: string): Howl {
    this.created++;
    const mine = () => this.current?.slot.key === key;
    const howl: Howl = new Howl({
      src,
      pool: 1,
      preload: true,
      onload: () => {
        if (mine()) this.update({ duration: howl.duration() });
      },
      onplay: () => {
        if (mine()) this.update({ status: 'playing', duration: howl.duration() || this.state.duration, error: null });
      },
      onpause: () => {
        if (mine() && this.state.status !== 'ended') this.update({ status: 'paused' });
      },
      onend: () => {
        if (mine()) this.update({ status: 'ended' });
      },
      onseek: () => {
        if (mine()) this.notify();
      },
      onloaderror: () => {
        if (mine()) this.update({ status: 'error', error: 'load' });
      },
      onplayerror: () => {
        // The browser refused to start without a tap: wait for one (the next Play press is one).
        if (mine()) this.update({ status: 'paused', error: 'blocked' });
      },
    });
    return howl;
  }

  private update(patch: Partial<NarrationState>): void {
    this.state = { ...this.state, ...patch };
    // Narration playing means a visitor is listening: the kiosk must not go idle.
    const playing = this.state.status === 'playing' || this.state.status === 'loading';
    if (playing && !this.releaseHold) this.releaseHold = holdIdle('narration');
    if (!playing && this.releaseHold) {
      this.releaseHold();
      this.releaseHold = null;
    }
    this.notify();
  }

  private notify(): void {
    for (const fn of [...this.listeners]) fn(this.state);
  }
}

function slotSources(slot: Slot): string[] {
  return slot.key.split('|');
}

let instance: AudioService | null = null;

/** The app's one AudioService (created on first use). */
export function getAudioService(options?: AudioServiceOptions): AudioService {
  instance ??= new AudioService(options);
  return instance;
}
