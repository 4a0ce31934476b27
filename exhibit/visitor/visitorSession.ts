/**
 * Seams between features and the kiosk lifecycle (exhibit/kiosk/).
 *
 * - Visitor reset: when a kiosk visit ends, every feature forgets the visitor. Features subscribe
 *   with `onVisitorReset(fn)` (stop audio, reset the 3D camera, clear forms, end the analytics
 *   session…); the kiosk lifecycle calls `resetVisitor()`.
 * - Idle holds: while narration or a guided walkthrough plays, the visitor is watching, not gone.
 *   A feature calls `const release = holdIdle('narration')` and `release()` when it stops; the
 *   kiosk's idle timer pauses while any hold is active.
 * - Visitor start: `onVisitorStart(fn)` runs when a new visit begins (attract screen tapped, or
 *   page load on the web).
 */
type Listener = () => void;

const resetListeners = new Set<Listener>();
const startListeners = new Set<Listener>();
const holdListeners = new Set<(held: boolean) => void>();
const holds = new Map<number, string>();
let nextHold = 1;

export function onVisitorReset(fn: Listener): () => void {
  resetListeners.add(fn);
  return () => resetListeners.delete(fn);
}

export function onVisitorStart(fn: Listener): () => void {
  startListeners.add(fn);
  return () => startListeners.delete(fn);
}

/** Ends the current visit: every subscriber forgets the visitor. Errors in one never stop the rest. */
export function resetVisitor(): void {
  for (const fn of [...resetListeners]) {
    try {
      fn();
    } catch (err) {
      console.error('visitor reset listener failed', err);
    }
  }
  holds.clear();
  notifyHolds();
}

export function startVisitor(): void {
  for (const fn of [...startListeners]) {
    try {
      fn();
    } catch (err) {
      console.error('visitor start listener failed', err);
    }
  }
}

/** Keeps the kiosk from going idle until the returned function is called. Calling it twice is harmless. */
export function holdIdle(reason: string): () => void {
  const id = nextHold++;
  holds.set(id, reason);
  notifyHolds();
  return () => {
    if (holds.delete(id)) notifyHolds();
  };
}

export function isIdleHeld(): boolean {
  return holds.size > 0;
}

export function idleHoldReasons(): string[] {
  return [...holds.values()];
}

export function onIdleHoldChange(fn: (held: boolean) => void): () => void {
  holdListeners.add(fn);
  return () => holdListeners.delete(fn);
}

function notifyHolds() {
  const held = holds.size > 0;
  for (const fn of [...holdListeners]) fn(held);
}
