/**
 * A floating marker over every structure that stands now: the visible sign that it can be tapped.
 * Markers keep roughly the same size on screen whatever the zoom; the highlighted one is amber.
 */
import { type ThreeEvent, useFrame, useThree } from '@react-three/fiber';
import { useEffect } from 'react';
import { Color, Matrix4, Quaternion, Vector3 } from 'three';
import type { SceneAssets } from '../../kit/sceneAssets.ts';

const WHITE = new Color('#fff8e6');
const AMBER = new Color('#ffb020');
const ZERO = new Matrix4().makeScale(0, 0, 0);
const m = new Matrix4();
const q = new Quaternion();
const p = new Vector3();
const s = new Vector3();

export function HotspotMarkers({
  assets,
  standing,
  highlighted,
  onSelect,
}: {
  assets: SceneAssets;
  standing: ReadonlySet<string>;
  highlighted: ReadonlySet<string>;
  onSelect: (id: string) => void;
}) {
  const camera = useThree((st) => st.camera);
  const invalidate = useThree((st) => st.invalidate);

  useEffect(() => {
    assets.markerIds.forEach((id, i) => {
      assets.markers.setColorAt(i, highlighted.has(id) ? AMBER : WHITE);
    });
    if (assets.markers.instanceColor) assets.markers.instanceColor.needsUpdate = true;
    invalidate();
  }, [assets, highlighted, invalidate]);

  useFrame(() => {
    const t = performance.now() / 1000;
    assets.markerIds.forEach((id, i) => {
      const placed = assets.structures.get(id);
      if (!placed || !standing.has(id)) {
        assets.markers.setMatrixAt(i, ZERO);
        return;
      }
      p.set(placed.position.x, placed.top, placed.position.z);
      const size = Math.min(9, Math.max(0.8, camera.position.distanceTo(p) * 0.0095));
      p.y += size * 2.2;
      s.setScalar(size);
      q.setFromAxisAngle(new Vector3(0, 1, 0), t * 0.6 + i);
      m.compose(p, q, s);
      assets.markers.setMatrixAt(i, m);
    });
    assets.markers.instanceMatrix.needsUpdate = true;
  });

  const click = (e: ThreeEvent<MouseEvent>) => {
    if (e.delta > 8 || e.instanceId === undefined) return;
    const id = assets.markerIds[e.instanceId];
    if (id && standing.has(id)) {
      e.stopPropagation();
      onSelect(id);
    }
  };
  // biome-ignore lint/a11y/noStaticElementInteractions: a three.js object, not a DOM element; the hotspot list is its accessible twin
  return <primitive object={assets.markers} dispose={null} onClick={click} />;
}
