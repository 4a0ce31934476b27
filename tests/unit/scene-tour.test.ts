/**
 * The walkthrough's rules without a browser: which structures stand in a year, what changed, the
 * era of a year, and the guided tour (playing, stepping, leaving and returning to the path, the
 * idle hold while it plays, a visitor reset).
 */
import { describe, expect, it } from 'vitest';
import { changesBetween, eraAt, momentAt, standingIds, standsIn, stepSeconds } from '../../exhibit/walkthrough/timeline.ts';
import { type TourClock, TourController } from '../../exhibit/walkthrough/tour.ts';
import type { SceneData } from '../../exhibit/walkthrough/types.ts';

const structure = (id: string, years: SceneData['structures'][number]['years']) =>
  ({
    id,
    kind: 'chimney',
    position: [0, 0],
    rotation: 0,
    scale: 1,
    params: {},
    years,
    label: id,
    hotspot: { text: id },
  }) as unknown as SceneData['structures'][number];

const scene = {
  id: 'test-works',
  title: 'Test works',
  description: 'A test scene.',
  layout: 'illustrative',
  timeline: { from: 1930, to: 2025, start: 1938 },
  moments: [
    { year: 1938, text: 'Founded' },
    { year: 1950, text: 'Rail mill' },
    { year: 2011, text: 'Closed' },
  ],
  structures: [
    structure('furnace', { from: 1938, to: 2011, basis: 'site' }),
    structure('rail-mill', { from: 1950, basis: 'documented' }),
    structure('museum', { from: 2022, basis: 'plan', project: 'p01' }),
    structure('old-hall', { basis: 'undated' }),
  ],
  waypoints: [
    { id: 'a', title: 'A', narration: 'Step one.', camera: [0, 50, 100], target: [0, 0, 0], year: 1938 },
    { id: 'b', title: 'B', narration: 'Step two.', camera: [50, 50, 100], target: [0, 0, 0], year: 1950, focus: 'rail-mill' },
    { id: 'c', title: 'C', narration: 'Step three.', camera: [100, 50, 100], target: [0, 0, 0], year: 2015 },
  ],
  eras: [
    { id: 'wartime', title: 'War', colour: '#A0462C', startYear: 1937, endYear: 1949 },
    { id: 'founding', title: 'Founding', colour: '#4F6272', startYear: 1950, endYear: 1963 },
  ],
  site: { id: 'test-works', name: 'Test works' },
} as unknown as SceneData;

/** A clock the test advances by hand. */
function fakeClock() {
  let now = 0;
  let timers: { at: number; fn: () => void; id: number }[] = [];
  let next = 1;
  const clock: TourClock = {
    setTimeout: (fn, ms) => {
      const id = next++;
      timers.push({ at: now + ms, fn, id });
      return id;
    },
    clearTimeout: (h) => {
      timers = timers.filter((t) => t.id !== h);
    },
  };
  const advance = (ms: number) => {
    const until = now + ms;
    for (;;) {
      const due = timers.filter((t) => t.at <= until).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      timers = timers.filter((t) => t !== due);
      now = due.at;
      due.fn();
    }
    now = until;
  };
  return { clock, advance, pending: () => timers.length };
}

function holds() {
  const active = new Set<number>();
  let n = 0;
  const hold = () => {
    const id = ++n;
    active.add(id);
    return () => active.delete(id);
  };
  return { hold, count: () => active.size };
}

describe('the time slider', () => {
  it('shows a structure from its first to its last year, inclusive; undated ones always', () => {
    expect(standsIn({ from: 1938, to: 2011, basis: 'site' }, 1937)).toBe(false);
    expect(standsIn({ from: 1938, to: 2011, basis: 'site' }, 1938)).toBe(true);
    expect(standsIn({ from: 1938, to: 2011, basis: 'site' }, 2011)).toBe(true);
    expect(standsIn({ from: 1938, to: 2011, basis: 'site' }, 2012)).toBe(false);
    expect(standsIn({ from: 1950, basis: 'documented' }, 2025)).toBe(true);
    expect(standsIn({ basis: 'undated' }, 1930)).toBe(true);
    expect(standingIds(scene, 1937)).toEqual(['old-hall']);
    expect(standingIds(scene, 1960)).toEqual(['furnace', 'rail-mill', 'old-hall']);
    expect(standingIds(scene, 2023)).toEqual(['rail-mill', 'museum', 'old-hall']);
  });

  it('says what changed since the previous key year, and which era a year is in', () => {
    const { current, previous } = momentAt(scene, 2015);
    expect(current?.text).toBe('Closed');
    expect(previous?.year).toBe(1950);
    const changes = changesBetween(scene, 1950, 2015);
    expect(changes.appeared.map((s) => s.id)).toEqual([]);
    expect(changes.gone.map((s) => s.id)).toEqual(['furnace']);
    expect(changesBetween(scene, 1938, 1950).appeared.map((s) => s.id)).toEqual(['rail-mill']);
    expect(momentAt(scene, 1935).current).toBeUndefined();
    expect(eraAt(scene, 1945)?.id).toBe('wartime');
    expect(eraAt(scene, 1950)?.id).toBe('founding');
    expect(eraAt(scene, 1990)).toBeUndefined();
  });

  it('gives longer steps to longer narration, counting Chinese characters as denser', () => {
    expect(stepSeconds({ narration: 'Short.' })).toBe(6);
    expect(stepSeconds({ narration: 'x'.repeat(300) })).toBeGreaterThan(stepSeconds({ narration: 'x'.repeat(100) }));
    expect(stepSeconds({ narration: '汉'.repeat(100) })).toBeGreaterThan(stepSeconds({ narration: 'x'.repeat(100) }));
    expect(stepSeconds({ narration: 'whatever', seconds: 12 })).toBe(12);
  });
});

describe('the guided tour', () => {
  it('opens at the first step in its year, paused', () => {
    const tour = new TourController(scene, fakeClock().clock, holds().hold);
    expect(tour.getState()).toMatchObject({ step: 0, year: 1938, playing: false, mode: 'guided', selected: null });
  });

  it('plays to the end by itself, moving the slider to each step’s year, holding the kiosk awake only while it plays', () => {
    const { clock, advance } = fakeClock();
    const idle = holds();
    const tour = new TourController(scene, clock, idle.hold);
    tour.play();
    expect(idle.count()).toBe(1);
    advance(stepSeconds(scene.waypoints[0]) * 1000);
    expect(tour.getState()).toMatchObject({ step: 1, year: 1950, playing: true });
    advance(stepSeconds(scene.waypoints[1]) * 1000);
    expect(tour.getState()).toMatchObject({ step: 2, year: 2015 });
    advance(stepSeconds(scene.waypoints[2]) * 1000);
    expect(tour.getState()).toMatchObject({ step: 2, playing: false, ended: true });
    expect(idle.count()).toBe(0);
    // Playing again starts over.
    tour.play();
    expect(tour.getState()).toMatchObject({ step: 0, playing: true, ended: false });
    tour.pause();
    expect(idle.count()).toBe(0);
  });

  it('a step with a recorded narration lasts as long as the recording', () => {
    const { clock, advance } = fakeClock();
    const tour = new TourController(scene, clock, holds().hold);
    tour.play();
    tour.setStepSeconds('a', 30);
    advance(29_000);
    expect(tour.getState().step).toBe(0);
    advance(1_000);
    expect(tour.getState().step).toBe(1);
  });

  it('steps back and forward within the path, and each step asks the camera to move', () => {
    const tour = new TourController(scene, fakeClock().clock, holds().hold);
    const seq = tour.getState().cameraSeq;
    tour.prev();
    expect(tour.getState().step).toBe(0);
    tour.next();
    tour.next();
    tour.next();
    expect(tour.getState().step).toBe(2);
    expect(tour.getState().cameraSeq).toBe(seq + 2);
    tour.goTo(1);
    expect(tour.getState()).toMatchObject({ step: 1, year: 1950, cameraAim: { kind: 'step' } });
  });

  it('pauses when the visitor drags the view, and returns to the step’s view on request', () => {
    const { clock, advance, pending } = fakeClock();
    const idle = holds();
    const tour = new TourController(scene, clock, idle.hold);
    tour.play();
    tour.leavePath();
    expect(tour.getState()).toMatchObject({ mode: 'free', playing: false });
    expect(idle.count()).toBe(0);
    expect(pending()).toBe(0);
    advance(60_000);
    expect(tour.getState().step).toBe(0);
    const seq = tour.getState().cameraSeq;
    tour.returnToPath();
    expect(tour.getState()).toMatchObject({ mode: 'guided', cameraSeq: seq + 1, cameraAim: { kind: 'step' } });
  });

  it('scrubbing the years pauses the tour and stays within the timeline', () => {
    const tour = new TourController(scene, fakeClock().clock, holds().hold);
    tour.play();
    tour.setYear(1800);
    expect(tour.getState()).toMatchObject({ year: 1930, playing: false });
    tour.setYear(2099.6);
    expect(tour.getState().year).toBe(2025);
  });

  it('a hotspot chosen from the list turns the camera to it (off the path); an unknown one is ignored', () => {
    const tour = new TourController(scene, fakeClock().clock, holds().hold);
    tour.select('furnace', { frame: true });
    expect(tour.getState()).toMatchObject({ selected: 'furnace', mode: 'free', cameraAim: { kind: 'structure', id: 'furnace' } });
    tour.select('no-such-thing');
    expect(tour.getState().selected).toBe('furnace');
    tour.select(null);
    expect(tour.getState().selected).toBeNull();
  });

  it('a visitor reset puts the tour back to its start and lets go of the kiosk', () => {
    const { clock, pending } = fakeClock();
    const idle = holds();
    const tour = new TourController(scene, clock, idle.hold);
    tour.play();
    tour.next();
    tour.select('furnace');
    tour.setYear(2000);
    tour.reset();
    expect(tour.getState()).toMatchObject({ step: 0, year: 1938, playing: false, mode: 'guided', selected: null, cameraAim: { kind: 'step', instant: true } });
    expect(idle.count()).toBe(0);
    expect(pending()).toBe(0);
  });

  it('camera buttons leave the path and reach the canvas', () => {
    const tour = new TourController(scene, fakeClock().clock, holds().hold);
    const seen: string[] = [];
    const off = tour.onCameraCommand((c) => seen.push(`${c.kind}:${c.direction}`));
    tour.camera({ kind: 'zoom', direction: 1 });
    tour.camera({ kind: 'rotate', direction: -1 });
    off();
    tour.camera({ kind: 'tilt', direction: 1 });
    expect(seen).toEqual(['zoom:1', 'rotate:-1']);
    expect(tour.getState().mode).toBe('free');
  });
});
