/**
 * A test-only window into the walkthrough (`window.__walkthrough`), present only when the page was
 * opened with `?test-hooks=1` (remembered for the tab, so client-side navigation keeps it). The
 * e2e tests and the scene benchmark read the tour's state, the visible structures, the camera and
 * renderer.info through it; visitors never get it.
 */
import type { TourController } from './tour.ts';

const KEY = 'walkthrough-test-hooks';

function readFlag(): boolean {
  try {
    if (new URLSearchParams(location.search).get('test-hooks') === '1') {
      sessionStorage.setItem(KEY, '1');
      return true;
    }
    return sessionStorage.getItem(KEY) === '1';
  } catch {
    return false;
  }
}

export const testHooksEnabled: boolean = typeof window !== 'undefined' && readFlag();

/** What the canvas side reports (registered by canvas/TestProbe.tsx once three.js has loaded). */
export interface CanvasProbe {
  sceneId: string | null;
  /** The scene's assets are built and a frame has been drawn with them. */
  ready: boolean;
  /** Structures fully standing (risen), and those partly risen or sunk. */
  visible(): string[];
  /** No structure transition and no camera glide in progress. */
  settled(): boolean;
  camera(): { position: [number, number, number]; target: [number, number, number] };
  memory(): { geometries: number; textures: number };
  render(): { calls: number; triangles: number; frame: number };
  dpr(): number;
  canvasSize(): { width: number; height: number };
  /** Where a structure's hotspot marker is on screen (CSS pixels, page coordinates), if visible. */
  markerAt(id: string): { x: number; y: number } | null;
  /** The renderer, scene and camera themselves (diagnostics only). */
  three(): { scene: unknown; gl: unknown; camera: unknown };
  loseContext(): void;
  /**
   * Renders `frames` frames synchronously (camera orbiting slowly) and times each one, GPU finish
   * included: the scene, an empty scene, or one full-screen opaque layer (the fill-rate floor).
   */
  measure(frames: number, mode: 'scene' | 'empty' | 'fill'): { times: number[]; calls: number; triangles: number };
}

export const canvasProbe: { current: CanvasProbe | null } = { current: null };

let activeController: TourController | null = null;
let fallbackReason: string | null = null;

export function reportController(controller: TourController | null) {
  activeController = controller;
}

export function reportFallback(reason: string | null) {
  fallbackReason = reason;
}

if (testHooksEnabled) {
  const hooks = {
    get controller() {
      return activeController;
    },
    get state() {
      return activeController?.getState() ?? null;
    },
    get sceneId() {
      return activeController?.scene.id ?? null;
    },
    get fallback() {
      return fallbackReason;
    },
    get probe() {
      return canvasProbe.current;
    },
    setTimeScale(scale: number) {
      if (activeController) activeController.timeScale = scale;
    },
  };
  (window as unknown as { __walkthrough: typeof hooks }).__walkthrough = hooks;
}
