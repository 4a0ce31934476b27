import type { BufferGeometry } from 'three';
import type { StructureKind, StructureParams } from '../../../content/scene-schema.ts';
import type { ShaderKey } from '../materials.ts';

/** What a part builder may ask about the ground around it (local coordinates, relative to its base). */
export interface PartContext {
  /** Ground height at local (x, z), relative to the part's base. */
  groundAt(x: number, z: number): number;
  /** Water level relative to the part's base, if the scene has a river. */
  waterLevel: number | undefined;
}

export const FLAT_GROUND: PartContext = { groundAt: () => 0, waterLevel: undefined };

export interface BuiltPart {
  /** One merged geometry per shader: one draw call each (or one instanced draw for repeats). */
  groups: { material: ShaderKey; geometry: BufferGeometry }[];
  /** Height of the part above its base, metres (for markers and labels). */
  height: number;
  /** Radius of the part's footprint, metres (trees keep clear of it). */
  footprint: number;
}

export type PartBuilderFn<K extends StructureKind> = (params: StructureParams<K>, ctx: PartContext) => BuiltPart;
