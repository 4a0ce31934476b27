/**
 * One kit part on its own (a catalogue, a label, a test bench): `<KitPart kind="chimney" params={…} />`.
 * Builds the part with its own materials and frees both when it unmounts. Scenes use
 * StructureInstances instead, which shares parts and materials across the whole scene.
 */
import { useEffect, useMemo } from 'react';
import type { StructureKind, StructureParams } from '../../content/scene-schema.ts';
import { createKitMaterials } from './materials.ts';
import { buildPart, FLAT_GROUND } from './parts/index.ts';

export function KitPart<K extends StructureKind>({
  kind,
  params,
  position = [0, 0, 0],
  rotation = 0,
}: {
  kind: K;
  /** Complete parameters (defaults filled in, as the content API returns them). */
  params: StructureParams<K>;
  position?: [number, number, number];
  rotation?: number;
}) {
  const { part, materials } = useMemo(() => ({ part: buildPart(kind, params, FLAT_GROUND), materials: createKitMaterials() }), [kind, params]);
  useEffect(
    () => () => {
      for (const g of part.groups) g.geometry.dispose();
      materials.dispose();
    },
    [part, materials],
  );
  return (
    <group position={position} rotation={[0, (rotation * Math.PI) / 180, 0]}>
      {part.groups.map((g) => (
        <mesh key={g.material} geometry={g.geometry} material={materials.get(g.material)} dispose={null} />
      ))}
    </group>
  );
}
