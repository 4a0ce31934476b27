/**
 * The kit's registry: scene `kind` → part builder. A built part is a handful of merged geometries
 * (one per material); parts with the same kind and parameters share one build, drawn instanced.
 */
import type { StructureKind, StructureParams } from '../../../content/scene-schema.ts';
import { building, factoryHall, housing, openAirCinema, waterTower } from './buildings.ts';
import { blastFurnace, chimney, hotBlastStoves } from './ironworks.ts';
import { inclineWinch, platform, railLine, wharf } from './transport.ts';
import type { BuiltPart, PartBuilderFn, PartContext } from './types.ts';
import { cave, dam, gantryCrane, substation } from './works.ts';

export type { BuiltPart, PartContext } from './types.ts';
export { FLAT_GROUND } from './types.ts';

export const PART_BUILDERS: { [K in StructureKind]: PartBuilderFn<K> } = {
  'blast-furnace': blastFurnace,
  'hot-blast-stoves': hotBlastStoves,
  chimney,
  'factory-hall': factoryHall,
  cave,
  'gantry-crane': gantryCrane,
  'rail-line': railLine,
  wharf,
  'water-tower': waterTower,
  housing,
  building,
  dam,
  substation,
  'incline-winch': inclineWinch,
  platform,
  'open-air-cinema': openAirCinema,
};

/** Parts whose shape depends on the ground or the water around them: never shared between structures. */
export const SITE_SPECIFIC: ReadonlySet<StructureKind> = new Set(['rail-line', 'wharf', 'incline-winch']);

export function buildPart<K extends StructureKind>(kind: K, params: StructureParams<K>, ctx: PartContext): BuiltPart {
  const builder = PART_BUILDERS[kind] as PartBuilderFn<K> | undefined;
  if (!builder) throw new Error(`the kit has no part "${kind}"`);
  return builder(params, ctx);
}

/** Structures with the same key can share one built part (and be drawn as instances of it). */
export function partKey(structure: { id: string; kind: StructureKind; params: unknown }): string {
  if (SITE_SPECIFIC.has(structure.kind)) return `${structure.kind}#${structure.id}`;
  return `${structure.kind}:${JSON.stringify(structure.params)}`;
}
