/**
 * The AudioService over a fake howler: the pool of Howls, one narration at a time, the visitor
 * reset, the idle hold, unlocking, and events from Howls that are no longer current.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const fake = vi.hoisted(() => {
  type Options = Record<string, ((id: number, err?: unknown) => void) | unknown> & { src: string[] };
  class FakeHowl {
    static all: FakeHowl[] = [];
    options: Options;
    unloaded = false;
    playing = false;
    position = 0;
    vol = 1;
    muted = false;
    /** When set, play() is refused the way a browser refuses audio before a tap. */
    static refusePlay = false;
    /** When set, play() only queues: onplay comes later (a file still loading). */
    static deferPlay = false;
    constructor(options: Options) {
      this.options = options;
      FakeHowl.all.push(this);
    }
    private emit(name: string, ...args: unknown[]) {
      const fn = this.options[name];
      if (typeof fn === 'function') fn(1, ...args);
    }
    fire(name: 'onplay' | 'onend' | 'onload' | 'onloaderror') {
      if (name === 'onplay') this.playing = true;
      if (name === 'onend') this.playing = false;
      this.emit(name);
    }
    play() {
      if (this.unloaded) throw new Error('play() on an unloaded Howl');
      if (FakeHowl.refusePlay) this.emit('onplayerror', 'not allowed');
      else if (!FakeHowl.deferPlay) this.fire('onplay');
      return 1;
    }
    pause() {
      this.playing = false;
      this.emit('onpause');
      return this;
    }
    stop() {
      this.playing = false;
      this.position = 0;
      this.emit('onstop');
      return this;
    }
    /** howler's overloads: seek() and seek(soundId) read; seek(seconds) and seek(seconds, soundId) set. */
    seek(...args: number[]) {
      const reading = args.length === 0 || (args.length === 1 && args[0] === 1);
      if (reading) return this.position;
      this.position = args[0];
      this.emit('onseek');
      return this;
    }
    volume(v?: number) {
      if (typeof v === 'number') this.vol = v;
      return this;
    }
    mute(m: boolean) {
      this.muted = m;
      return this;
    }
    duration() {
      return 100;
    }
    state() {
      return 'loaded';
    }
    unload() {
      this.unloaded = true;
    }
  }
  const resume = vi.fn(() => Promise.resolve());
  const Howler = {
    autoSuspend: true,
    ctx: undefined as undefined | { state: string; resume: typeof resume },
    _unlockAudio: vi.fn(),
    volume: vi.fn(function (this: unknown) {
      // howler creates its AudioContext on first use
      Howler.ctx ??= { state: 'suspended', resume };
      return 1;
    }),
  };
  return { FakeHowl, Howler, resume };
});

vi.mock('howler', () => ({ Howl: fake.FakeHowl, Howler: fake.Howler }));

const { AudioService, DEFAULT_VOLUME } = await import('../../exhibit/audio/AudioService.ts');
const { holdIdle, idleHoldReasons, isIdleHeld, resetVisitor } = await import('../../exhibit/visitor/visitorSession.ts');

const narration = (name: string) => ({ id: `era/${name}:en`, src: [`/assets/audio/narration/era/${name}.en.opus`] });
const alive = () => fake.FakeHowl.all.filter((h) => !h.unloaded);
const howlFor = (name: string) => fake.FakeHowl.all.filter((h) => h.options.src[0].includes(`/${name}.`)).at(-1)!;

let service: InstanceType<typeof AudioService>;

beforeEach(() => {
  fake.FakeHowl.all = [];
  fake.FakeHowl.refusePlay = false;
  fake.FakeHowl.deferPlay = false;
  fake.Howler.autoSuspend = true;
  fake.Howler.ctx = undefined;
  fake.Howler._unlockAudio.mockClear();
  fake.resume.mockClear();
  service = new AudioService({ poolSize: 3 });
});

afterEach(() => {
  service.dispose();
  resetVisitor(); // clears idle holds between tests
});

describe('pool of Howls', () => {
  it('never keeps more than poolSize Howls alive, evicting the least recently used', () => {
    for (const name of ['a', 'b', 'c', 'd', 'e']) service.play(narration(name));
    expect(fake.FakeHowl.all).toHaveLength(5);
    expect(alive()).toHaveLength(3);
    expect(howlFor('a').unloaded).toBe(true);
    expect(howlFor('b').unloaded).toBe(true);
    expect(service.pooled().map((k) => k.match(/era\/(\w)/)?.[1])).toEqual(['c', 'd', 'e']);
  });

  it('reuses the Howl of a narration played before: create/unload cycles stay bounded', () => {
    for (let i = 0; i < 50; i++) {
      service.play(narration(i % 2 ? 'wartime' : 'founding'));
      service.stop();
    }
    expect(service.created).toBe(2);
    expect(fake.FakeHowl.all.every((h) => !h.unloaded)).toBe(true);
  });

  it('touching a pooled narration makes it the most recently used', () => {
    service.play(narration('a'));
    service.play(narration('b'));
    service.play(narration('c'));
    service.play(narration('a')); // a is now the newest
    service.play(narration('d')); // evicts b, not a
    expect(howlFor('a').unloaded).toBe(false);
    expect(howlFor('b').unloaded).toBe(true);
  });

  it('plays through Web Audio (exact seeking), one sound per Howl', () => {
    service.play(narration('a'));
    expect(howlFor('a').options).toMatchObject({ pool: 1 });
    expect(howlFor('a').options.html5).toBeFalsy();
  });
});

describe('one narration at a time', () => {
  it('starting another narration stops the one playing', () => {
    service.play(narration('a'));
    expect(howlFor('a').playing).toBe(true);
    service.play(narration('b'));
    expect(howlFor('a').playing).toBe(false);
    expect(howlFor('b').playing).toBe(true);
    expect(alive().filter((h) => h.playing)).toHaveLength(1);
    expect(service.getState()).toMatchObject({ id: 'era/b:en', status: 'playing' });
  });

  it('ignores late events from a Howl that is no longer current', () => {
    fake.FakeHowl.deferPlay = true;
    service.play(narration('a'));
    service.play(narration('b'));
    howlFor('a').fire('onplay'); // a's file finished loading after the visitor moved on
    expect(service.getState()).toMatchObject({ id: 'era/b:en', status: 'loading' });
    howlFor('b').fire('onplay');
    expect(service.getState().status).toBe('playing');
  });

  it('playing the current narration again resumes it where it was', () => {
    service.play(narration('a'));
    service.seek(42);
    service.pause();
    expect(service.getState().status).toBe('paused');
    service.play(narration('a'));
    expect(service.created).toBe(1);
    expect(service.position()).toBe(42);
    expect(service.getState().status).toBe('playing');
  });

  it('stopIf stops only the named narration', () => {
    service.play(narration('a'));
    service.stopIf('era/b:en');
    expect(service.getState().id).toBe('era/a:en');
    service.stopIf('era/a:en');
    expect(service.getState()).toMatchObject({ id: null, status: 'idle' });
    expect(howlFor('a').playing).toBe(false);
  });

  it('seek stays within the narration', () => {
    service.play(narration('a'));
    service.seek(-5);
    expect(service.position()).toBe(0);
    service.seek(500);
    expect(service.position()).toBe(100);
  });
});

describe('idle hold', () => {
  it('holds the kiosk awake only while a narration plays', () => {
    expect(isIdleHeld()).toBe(false);
    service.play(narration('a'));
    expect(idleHoldReasons()).toEqual(['narration']);
    service.pause();
    expect(isIdleHeld()).toBe(false);
    service.toggle();
    expect(isIdleHeld()).toBe(true);
    howlFor('a').fire('onend');
    expect(service.getState().status).toBe('ended');
    expect(isIdleHeld()).toBe(false);
    service.play(narration('b'));
    service.stop();
    expect(isIdleHeld()).toBe(false);
  });

  it('keeps exactly one hold however many times playback starts', () => {
    service.play(narration('a'));
    service.play(narration('b'));
    service.play(narration('c'));
    expect(idleHoldReasons()).toEqual(['narration']);
  });

  it('does not release holds that belong to others', () => {
    const release = holdIdle('walkthrough');
    service.play(narration('a'));
    service.stop();
    expect(idleHoldReasons()).toEqual(['walkthrough']);
    release();
  });

  it('a refused start (no tap yet) is not playing: no hold, and the visitor is told', () => {
    fake.FakeHowl.refusePlay = true;
    service.play(narration('a'));
    expect(service.getState()).toMatchObject({ status: 'paused', error: 'blocked' });
    expect(isIdleHeld()).toBe(false);
    fake.FakeHowl.refusePlay = false;
    service.play(narration('a')); // the next press of Play is a tap
    expect(service.getState()).toMatchObject({ status: 'playing', error: null });
  });

  it('a file that fails to load is an error, not a hold', () => {
    fake.FakeHowl.deferPlay = true;
    service.play(narration('a'));
    expect(isIdleHeld()).toBe(true);
    howlFor('a').fire('onloaderror');
    expect(service.getState()).toMatchObject({ status: 'error', error: 'load' });
    expect(isIdleHeld()).toBe(false);
  });
});

describe('visitor reset', () => {
  it('stops the narration and forgets the visitor’s volume and mute', () => {
    service.play(narration('a'));
    service.setVolume(0.3);
    service.setMuted(true);
    expect(howlFor('a')).toMatchObject({ vol: 0.3, muted: true });
    resetVisitor();
    expect(service.getState()).toMatchObject({ id: null, status: 'idle', volume: DEFAULT_VOLUME, muted: false });
    expect(howlFor('a').playing).toBe(false);
    expect(isIdleHeld()).toBe(false);
    service.play(narration('b'));
    expect(howlFor('b')).toMatchObject({ vol: DEFAULT_VOLUME, muted: false });
  });

  it('a disposed service no longer listens for resets', () => {
    const other = new AudioService();
    const stop = vi.spyOn(other, 'stop');
    other.dispose();
    stop.mockClear();
    resetVisitor();
    expect(stop).not.toHaveBeenCalled();
  });
});

describe('volume and mute', () => {
  it('apply to the current narration and carry over to the next', () => {
    service.play(narration('a'));
    service.setVolume(2);
    expect(service.getState().volume).toBe(1);
    service.setVolume(0.5);
    service.setMuted(true);
    service.play(narration('b'));
    expect(howlFor('b')).toMatchObject({ vol: 0.5, muted: true });
  });

  it('tells subscribers about every change', () => {
    const seen: string[] = [];
    const off = service.subscribe((s) => seen.push(`${s.status}:${s.volume}`));
    service.play(narration('a'));
    service.setVolume(0.4);
    off();
    service.pause();
    expect(seen).toEqual(['loading:0.9', 'playing:0.9', 'playing:0.4']);
  });
});

describe('unlocking and kiosks', () => {
  it('unlock sets up and resumes the audio context once, inside the gesture', () => {
    expect(service.isUnlocked()).toBe(false);
    service.unlock();
    service.unlock();
    expect(fake.Howler.volume).toHaveBeenCalled();
    expect(fake.Howler._unlockAudio).toHaveBeenCalledTimes(1);
    expect(fake.resume).toHaveBeenCalledTimes(1);
    expect(service.isUnlocked()).toBe(true);
  });

  it('kiosks keep the audio context from suspending between narrations', () => {
    new AudioService({ kiosk: false }).dispose();
    expect(fake.Howler.autoSuspend).toBe(true);
    new AudioService({ kiosk: true }).dispose();
    expect(fake.Howler.autoSuspend).toBe(false);
  });
});
