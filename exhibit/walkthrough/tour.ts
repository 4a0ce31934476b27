/**
 * The guided tour of one scene, without any three.js: which step is showing, whether the tour
 * plays by itself, whether the visitor has left the path to look around, the year on the time
 * slider and the open hotspot. The page's controls and the canvas both talk to it; the canvas
 * turns its state into camera moves and visible structures.
 *
 * While the tour plays it holds the kiosk's idle timer (a visitor watching is not gone), and a
 * kiosk visitor reset puts everything back to the start.
 */
import { holdIdle } from '../visitor/visitorSession.ts';
import { stepSeconds } from './timeline.ts';
import type { SceneData } from './types.ts';

export type TourMode = 'guided' | 'free';

export interface TourState {
  step: number;
  year: number;
  playing: boolean;
  /** The tour played to its last step by itself. */
  ended: boolean;
  mode: TourMode;
  selected: string | null;
  /** Bumped whenever the camera should (re)frame something; the canvas reacts to a change. */
  cameraSeq: number;
  /** What the camera should frame: the current step's view, or a structure chosen from the list. */
  cameraAim: { kind: 'step'; instant: boolean } | { kind: 'structure'; id: string };
  /** Bumped when the scene's texts change (another language). */
  revision: number;
}

export type CameraCommand = { kind: 'rotate'; direction: -1 | 1 } | { kind: 'tilt'; direction: -1 | 1 } | { kind: 'zoom'; direction: -1 | 1 };

export interface TourClock {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realClock: TourClock = {
  setTimeout: (fn, ms) => window.setTimeout(fn, ms),
  clearTimeout: (h) => window.clearTimeout(h as number),
};

let nextId = 1;

export class TourController {
  readonly id = nextId++;
  private state: TourState;
  private listeners = new Set<() => void>();
  private commandListeners = new Set<(c: CameraCommand) => void>();
  private timer: unknown;
  private releaseIdle: (() => void) | undefined;
  /** Speeds up the tour's timing (test hook only). */
  timeScale = 1;
  /** Step lengths set from outside (a recorded narration's duration), by waypoint id. */
  private stepLengths = new Map<string, number>();

  constructor(
    public scene: SceneData,
    private readonly clock: TourClock = realClock,
    private readonly hold: (reason: string) => () => void = holdIdle,
  ) {
    this.state = this.initial();
  }

  private initial(): TourState {
    const first = this.scene.waypoints[0];
    return {
      step: 0,
      year: first?.year ?? this.scene.timeline.start,
      playing: false,
      ended: false,
      mode: 'guided',
      selected: null,
      cameraSeq: 1,
      cameraAim: { kind: 'step', instant: true },
      revision: 0,
    };
  }

  getState = (): TourState => this.state;

  /** The same scene in another language: texts change, the tour stays where it is. */
  setScene(scene: SceneData) {
    if (scene === this.scene) return;
    this.scene = scene;
    this.set({ revision: this.state.revision + 1 });
  }

  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };

  onCameraCommand(fn: (c: CameraCommand) => void): () => void {
    this.commandListeners.add(fn);
    return () => this.commandListeners.delete(fn);
  }

  get steps() {
    return this.scene.waypoints.length;
  }

  private set(patch: Partial<TourState>) {
    this.state = { ...this.state, ...patch };
    for (const fn of [...this.listeners]) fn();
  }

  private aimAtStep(instant = false): Pick<TourState, 'cameraSeq' | 'cameraAim'> {
    return { cameraSeq: this.state.cameraSeq + 1, cameraAim: { kind: 'step', instant } };
  }

  /** Moves to a step: the camera glides there and the slider takes the step's year. */
  goTo(step: number) {
    const i = Math.max(0, Math.min(this.steps - 1, step));
    const w = this.scene.waypoints[i];
    this.set({ step: i, year: w.year ?? this.state.year, mode: 'guided', ended: false, selected: null, ...this.aimAtStep() });
    if (this.state.playing) this.schedule();
  }

  next() {
    if (this.state.step < this.steps - 1) this.goTo(this.state.step + 1);
  }

  prev() {
    if (this.state.step > 0) this.goTo(this.state.step - 1);
  }

  play() {
    if (this.state.playing) return;
    // Playing from the end starts again; from off the path, return to it first.
    if (this.state.ended || (this.state.step === this.steps - 1 && this.state.mode === 'guided')) {
      this.set({ playing: true, ended: false });
      this.goTo(0);
    } else {
      this.set({ playing: true, ended: false, mode: 'guided', selected: null, ...(this.state.mode === 'free' ? this.aimAtStep() : {}) });
      this.schedule();
    }
    this.releaseIdle ??= this.hold('walkthrough');
  }

  pause() {
    if (!this.state.playing) return;
    this.stopTimer();
    this.set({ playing: false });
    this.release();
  }

  toggle() {
    if (this.state.playing) this.pause();
    else this.play();
  }

  /** The visitor dragged the view: the tour pauses and the camera is theirs until they return. */
  leavePath() {
    if (this.state.mode === 'free' && !this.state.playing) return;
    this.pause();
    this.set({ mode: 'free' });
  }

  /** Back to the current step's view (also "reset view"). */
  returnToPath() {
    this.set({ mode: 'guided', ...this.aimAtStep() });
  }

  /** The visitor moved the time slider: the tour pauses; the camera stays where it is. */
  setYear(year: number) {
    const { from, to } = this.scene.timeline;
    const y = Math.max(from, Math.min(to, Math.round(year)));
    if (y === this.state.year) return;
    this.pause();
    this.set({ year: y });
  }

  /** Opens a hotspot's card; `frame` also turns the camera to the structure (chosen from the list). */
  select(id: string | null, options: { frame?: boolean } = {}) {
    if (id !== null && !this.scene.structures.some((s) => s.id === id)) return;
    if (id && options.frame) {
      this.pause();
      this.set({ selected: id, mode: 'free', cameraSeq: this.state.cameraSeq + 1, cameraAim: { kind: 'structure', id } });
    } else this.set({ selected: id });
  }

  camera(command: CameraCommand) {
    this.leavePath();
    for (const fn of [...this.commandListeners]) fn(command);
  }

  /** A kiosk visit ended, or the scene is shown afresh: first step, start year, paused. */
  reset() {
    this.stopTimer();
    this.release();
    this.state = { ...this.initial(), cameraSeq: this.state.cameraSeq + 1, revision: this.state.revision };
    for (const fn of [...this.listeners]) fn();
  }

  /** A step lasts `seconds` when the tour plays by itself (e.g. as long as its recorded narration). */
  setStepSeconds(waypointId: string, seconds: number) {
    this.stepLengths.set(waypointId, seconds);
    if (this.state.playing && this.scene.waypoints[this.state.step]?.id === waypointId) this.schedule();
  }

  /** Stops the clock and lets go of the idle hold (subscribers unsubscribe themselves). */
  dispose() {
    this.stopTimer();
    this.release();
    if (this.state.playing) this.state = { ...this.state, playing: false };
  }

  private schedule() {
    this.stopTimer();
    const w = this.scene.waypoints[this.state.step];
    const ms = ((this.stepLengths.get(w.id) ?? stepSeconds(w)) * 1000) / this.timeScale;
    this.timer = this.clock.setTimeout(() => {
      this.timer = undefined;
      if (!this.state.playing) return;
      if (this.state.step < this.steps - 1) this.goTo(this.state.step + 1);
      else {
        this.set({ playing: false, ended: true });
        this.release();
      }
    }, ms);
  }

  private stopTimer() {
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }

  private release() {
    this.releaseIdle?.();
    this.releaseIdle = undefined;
  }
}
