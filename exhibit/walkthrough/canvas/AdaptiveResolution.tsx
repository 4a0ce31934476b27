/**
 * Adaptive resolution for a canvas that renders on demand. drei's PerformanceMonitor counts
 * frames per wall-clock window, which reads an idle on-demand canvas as "slow"; here only frames
 * that follow each other closely (a glide, a drag, a transition) are timed. When their median
 * interval is long the pixel ratio steps down (to half the base at worst); when frames are quick
 * again it steps back up.
 */
import { useFrame } from '@react-three/fiber';
import { useRef } from 'react';

/** The starting pixel ratio: the device's, capped at 1.5 and at about 2.4 megapixels (4K kiosks). */
export function initialDpr(): number {
  const device = typeof window === 'undefined' ? 1 : window.devicePixelRatio || 1;
  const w = typeof window === 'undefined' ? 1280 : window.innerWidth;
  const h = typeof window === 'undefined' ? 720 : window.innerHeight;
  const byPixels = Math.sqrt(2_400_000 / Math.max(1, w * h));
  return Math.max(0.5, Math.min(device, 1.5, byPixels));
}

const WINDOW = 24;
const SLOW_MS = 40;
const FAST_MS = 20;

export function AdaptiveResolution({ base, dpr, setDpr }: { base: number; dpr: number; setDpr: (dpr: number) => void }) {
  const last = useRef(0);
  const intervals = useRef<number[]>([]);
  useFrame(() => {
    const now = performance.now();
    const gap = now - last.current;
    last.current = now;
    // A gap longer than this is idle time between on-demand frames, not a slow frame.
    if (gap > 250) {
      intervals.current = [];
      return;
    }
    intervals.current.push(gap);
    if (intervals.current.length < WINDOW) return;
    const sorted = [...intervals.current].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)];
    intervals.current = [];
    if (median > SLOW_MS && dpr > base * 0.5 + 0.01) setDpr(Math.max(base * 0.5, +(dpr * 0.8).toFixed(2)));
    else if (median < FAST_MS && dpr < base - 0.01) setDpr(Math.min(base, +(dpr * 1.15).toFixed(2)));
  });
  return null;
}
