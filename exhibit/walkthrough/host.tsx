/**
 * The one persistent 3D canvas. It lives in its own React root, created the first time a
 * walkthrough is shown, and is moved (as a DOM node) into whichever page slot shows a scene; when
 * the slot goes away it is parked, hidden, and its scene unmounts (disposing everything the scene
 * created), but the WebGL context and renderer stay for the next scene. three.js and R3F load here
 * on demand, never with the first screen.
 *
 * If the WebGL context is lost, the canvas is torn down for good and every slot falls back to the
 * poster and text tour (`webglStatus()` says why).
 */
import { createRoot, type Root } from 'react-dom/client';
import type { TourController } from './tour.ts';

export type WebGLStatus = 'unknown' | 'ok' | 'unavailable' | 'lost';

interface HostState {
  controller: TourController | null;
  status: WebGLStatus;
}

let state: HostState = { controller: null, status: 'unknown' };
const listeners = new Set<() => void>();

export const hostStore = {
  get: () => state,
  subscribe(fn: () => void) {
    listeners.add(fn);
    return () => listeners.delete(fn);
  },
  set(patch: Partial<HostState>) {
    state = { ...state, ...patch };
    for (const fn of [...listeners]) fn();
  },
};

/** Can this browser draw WebGL at all? Checked once, with a throwaway context that is released. */
export function webglStatus(): WebGLStatus {
  if (state.status !== 'unknown') return state.status;
  let ok = false;
  try {
    const canvas = document.createElement('canvas');
    const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext | null;
    ok = !!gl;
    gl?.getExtension('WEBGL_lose_context')?.loseContext();
  } catch {
    ok = false;
  }
  hostStore.set({ status: ok ? 'ok' : 'unavailable' });
  return state.status;
}

let root: Root | null = null;
let container: HTMLDivElement | null = null;
let parking: HTMLDivElement | null = null;
let loading: Promise<void> | null = null;

function ensureParking(): HTMLDivElement {
  if (!parking) {
    // Out of sight but with a size: R3F's <Canvas> only applies updates (here: unmounting the
    // scene, which disposes it) while it measures larger than 0×0.
    parking = document.createElement('div');
    parking.setAttribute('aria-hidden', 'true');
    parking.style.cssText = 'position:fixed;left:-10000px;top:0;width:64px;height:64px;overflow:hidden;visibility:hidden;pointer-events:none';
    parking.dataset.walkthroughParking = '';
    document.body.appendChild(parking);
  }
  return parking;
}

async function ensureRoot(): Promise<void> {
  if (root) return;
  loading ??= import('./canvas/WalkthroughCanvas.tsx').then(({ WalkthroughCanvas }) => {
    if (root) return;
    container = document.createElement('div');
    container.className = 'walkthrough-canvas';
    ensureParking().appendChild(container);
    root = createRoot(container);
    root.render(<WalkthroughCanvas store={hostStore} onContextLost={contextLost} />);
  });
  try {
    await loading;
  } finally {
    loading = null;
  }
}

/** Shows `controller`'s scene in `slot` (the canvas moves there). */
export async function attachCanvas(slot: HTMLElement, controller: TourController, cancelled: () => boolean = () => false): Promise<void> {
  if (webglStatus() !== 'ok') return;
  await ensureRoot();
  // The slot may have gone while three.js was loading.
  if (cancelled() || !container || state.status !== 'ok') return;
  slot.appendChild(container);
  hostStore.set({ controller });
}

/** The slot is going away: park the canvas and let the scene unmount (and dispose). */
export function detachCanvas(controller: TourController): void {
  if (state.controller !== controller) return;
  hostStore.set({ controller: null });
  if (container) ensureParking().appendChild(container);
}

function contextLost() {
  hostStore.set({ status: 'lost', controller: null });
  // Tear the renderer down; a lost context is not trusted again this session.
  const r = root;
  root = null;
  queueMicrotask(() => {
    r?.unmount();
    container?.remove();
    container = null;
  });
}
