import { useFrame, useThree } from '@react-three/fiber';
import { useEffect } from 'react';
import { Vector3 } from 'three';
import type { SceneAssets } from '../../kit/sceneAssets.ts';
import type { SceneData } from '../types.ts';
import { runtime } from './runtime.ts';

const p = new Vector3();

/**
 * The name of the structure in focus, over its marker: a plain HTML element beside the canvas
 * (no font is fetched, no extra React root), moved each frame to the projected position.
 */
export function SelectionLabel({ assets, scene, id }: { assets: SceneAssets; scene: SceneData; id: string | null }) {
  const camera = useThree((s) => s.camera);
  const size = useThree((s) => s.size);
  const invalidate = useThree((s) => s.invalidate);
  const placed = id ? assets.structures.get(id) : undefined;
  const label = id ? scene.structures.find((s) => s.id === id)?.label : undefined;

  useEffect(() => {
    const el = runtime.label;
    if (!el) return;
    el.textContent = label ?? '';
    el.hidden = !label;
    invalidate();
    return () => {
      el.hidden = true;
    };
  }, [label, invalidate]);

  useFrame(() => {
    const el = runtime.label;
    if (!el || !placed || !label) return;
    p.set(placed.position.x, placed.top, placed.position.z).project(camera);
    const visible = p.z < 1 && Math.abs(p.x) < 1.1 && Math.abs(p.y) < 1.1;
    el.style.visibility = visible ? 'visible' : 'hidden';
    el.style.transform = `translate(${((p.x + 1) / 2) * size.width}px, ${((1 - p.y) / 2) * size.height}px) translate(-50%, -160%)`;
  });
  return null;
}
