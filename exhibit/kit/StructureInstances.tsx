/**
 * The structures of a scene: repeated parts as instanced meshes, the rest merged (see sceneAssets.ts).
 * Structures rise from the ground when they come to stand in the chosen year and sink when they
 * go, over `TRANSITION` seconds — or at once when the visitor prefers reduced motion. Only frames
 * that change anything are requested (the canvas renders on demand).
 */
import { type ThreeEvent, useFrame, useThree } from '@react-three/fiber';
import { useEffect, useLayoutEffect, useRef } from 'react';
import { Color } from 'three';
import { type SceneAssets, setStructureRise, setStructureTint, structureAtVertex } from './sceneAssets.ts';

export const TRANSITION = 0.7;
const NORMAL = new Color(1, 1, 1);
const HIGHLIGHT = new Color(1.35, 1.12, 0.78);

export interface StructureInstancesProps {
  assets: SceneAssets;
  /** Ids of the structures standing now. */
  standing: ReadonlySet<string>;
  /** Ids drawn highlighted (the step's focus, the open hotspot). */
  highlighted: ReadonlySet<string>;
  instant: boolean;
  onSelect?: (id: string) => void;
  /** Reports whether any structure is still rising or sinking. */
  onSettledChange?: (settled: boolean) => void;
  /** Current rise of every structure, 0 … 1 (read by the test hooks). */
  rises?: Map<string, number>;
}

export function StructureInstances({ assets, standing, highlighted, instant, onSelect, onSettledChange, rises: risesOut }: StructureInstancesProps) {
  const invalidate = useThree((s) => s.invalidate);
  const rises = useRef(new Map<string, number>());
  const animating = useRef(false);
  const lastTime = useRef(0);

  // A change of year: start the transition (or jump, under reduced motion / on first show). A
  // layout effect, so no frame is ever drawn with the previous year's structures.
  useLayoutEffect(() => {
    const first = rises.current.size === 0;
    let moving = false;
    for (const [id, p] of assets.structures) {
      const target = standing.has(id) ? 1 : 0;
      const current = rises.current.get(id) ?? 0;
      if (instant || first) {
        rises.current.set(id, target);
        setStructureRise(p, target);
      } else if (current !== target) moving = true;
      else rises.current.set(id, current);
    }
    updateVisibility(assets, rises.current);
    animating.current = moving;
    lastTime.current = 0;
    if (risesOut) for (const [id, r] of rises.current) risesOut.set(id, r);
    onSettledChange?.(!moving);
    invalidate();
  }, [assets, standing, instant, invalidate, onSettledChange, risesOut]);

  useEffect(() => {
    for (const [id, p] of assets.structures) setStructureTint(p, highlighted.has(id) ? HIGHLIGHT : NORMAL);
    invalidate();
  }, [assets, highlighted, invalidate]);

  useFrame(() => {
    if (!animating.current) return;
    const now = performance.now();
    const dt = lastTime.current ? Math.min(0.1, (now - lastTime.current) / 1000) : 0;
    lastTime.current = now;
    let moving = false;
    for (const [id, p] of assets.structures) {
      const target = standing.has(id) ? 1 : 0;
      const current = rises.current.get(id) ?? 0;
      if (current === target) continue;
      const next = target > current ? Math.min(1, current + dt / TRANSITION) : Math.max(0, current - dt / TRANSITION);
      rises.current.set(id, next);
      risesOut?.set(id, next);
      setStructureRise(p, next);
      if (next !== target) moving = true;
    }
    updateVisibility(assets, rises.current);
    if (moving) invalidate();
    else {
      animating.current = false;
      onSettledChange?.(true);
    }
  });

  const click = (e: ThreeEvent<MouseEvent>) => {
    // A drag that ends over a structure is a look-around, not a tap.
    if (e.delta > 8) return;
    const batch = assets.batches.find((b) => b.meshes.includes(e.object as never));
    const placed = batch && e.face ? structureAtVertex(batch, e.object as never, e.face.a, e.instanceId) : undefined;
    if (placed && (rises.current.get(placed.id) ?? 0) > 0.5) {
      e.stopPropagation();
      onSelect?.(placed.id);
    }
  };

  return (
    <>
      {assets.batches.flatMap((batch) =>
        batch.meshes.map((mesh) => (
          // biome-ignore lint/a11y/noStaticElementInteractions: a three.js object, not a DOM element; the page lists every hotspot as a button
          <primitive key={mesh.uuid} object={mesh} dispose={null} onClick={click} />
        )),
      )}
    </>
  );
}

/** A mesh whose instances are all sunk costs no draw call. */
function updateVisibility(assets: SceneAssets, rises: Map<string, number>) {
  for (const batch of assets.batches) {
    const any = batch.structures.some((s) => (rises.get(s.id) ?? 0) > 0);
    for (const mesh of batch.meshes) mesh.visible = any;
  }
}
