/**
 * Everything the GPU needs for one scene, built from its document and owned in one place: the
 * terrain and water, one built part per distinct (kind, parameters) drawn as instanced meshes
 * (one per material), the trees and the hotspot markers. `dispose()` frees every geometry,
 * material, texture and instance buffer — a scene leaves nothing behind (the leak test checks
 * `renderer.info.memory` after visiting every scene five times).
 *
 * Pure three.js (no React), so the R3F components stay thin and the build can be unit-tested.
 */
import { Color, InstancedMesh, type Material, Matrix4, Mesh, MeshBasicMaterial, OctahedronGeometry, Quaternion, Vector3 } from 'three';
import type { StructureKind } from '../../content/scene-schema.ts';
import { createKitMaterials, type KitMaterials } from './materials.ts';
import { type BuiltPart, buildPart, partKey, SITE_SPECIFIC } from './parts/index.ts';
import { samplePath } from './parts/transport.ts';
import { createHeightField, type HeightField, type RiverSpec, type TerrainSpec, terrainGeometry, waterGeometry } from './terrain.ts';
import { type KeepOut, scatterTrees, treeGeometry } from './trees.ts';

/** The parts of a scene document the kit reads (texts and dates are the walkthrough's business). */
export interface KitScene {
  terrain: TerrainSpec;
  river?: RiverSpec;
  vegetation?: { count: number; seed: number };
  sky?: { top: string; horizon: string };
  structures: {
    id: string;
    kind: StructureKind;
    position: [number, number];
    elevation?: number;
    rotation: number;
    scale: number;
    params: unknown;
  }[];
}

export interface PlacedStructure {
  id: string;
  batch: Batch;
  /** Index of this structure's instance in each of the batch's meshes. */
  index: number;
  position: Vector3;
  quaternion: Quaternion;
  scale: number;
  /** Top of the structure (world y) — where its hotspot marker floats. */
  top: number;
  footprint: number;
}

export interface Batch {
  key: string;
  part: BuiltPart;
  meshes: InstancedMesh[];
  structures: PlacedStructure[];
}

export interface SceneAssets {
  field: HeightField;
  materials: KitMaterials;
  terrain: Mesh;
  water?: Mesh;
  trees?: InstancedMesh;
  batches: Batch[];
  structures: Map<string, PlacedStructure>;
  markers: InstancedMesh;
  /** Marker instance index → structure id. */
  markerIds: string[];
  /** Radius that holds the whole model (for the camera's limits). */
  radius: number;
  dispose(): void;
}

const UP = new Vector3(0, 1, 0);
const WHITE = new Color(1, 1, 1);
const ZERO = new Matrix4().makeScale(0, 0, 0);

export function createSceneAssets(scene: KitScene): SceneAssets {
  const field = createHeightField(scene.terrain, scene.river, scene.structures as never);
  const materials = createKitMaterials({ water: scene.river?.colour });
  const terrain = new Mesh(terrainGeometry(field, scene.terrain, scene.sky?.top), materials.terrain);
  terrain.name = 'terrain';
  // Drawn after the structures and trees: where they stand, the depth test skips shading the ground.
  terrain.renderOrder = 1;
  // Water after the terrain: the depth test then skips the water the ground hides.
  const water = scene.river ? new Mesh(waterGeometry(scene.terrain.size, scene.river), materials.water) : undefined;
  if (water) {
    water.name = 'water';
    water.renderOrder = 2;
  }
  const radius = (scene.terrain.size / 2) * Math.SQRT2;

  // Build each distinct part once; structures that share a key become instances of it.
  const byKey = new Map<string, { part: BuiltPart; members: KitScene['structures'] }>();
  const bases = new Map<string, number>();
  for (const s of scene.structures) {
    const key = partKey(s);
    const [x, z] = s.position;
    let entry = byKey.get(key);
    if (SITE_SPECIFIC.has(s.kind)) {
      // A wharf stands at the water's edge (its back against the bank), whatever the bank's height.
      const waterside = s.kind === 'wharf' && field.waterLevel !== undefined ? field.waterLevel : undefined;
      const base = s.elevation ?? waterside ?? field.heightAt(x, z);
      bases.set(s.id, base);
      const r = (s.rotation * Math.PI) / 180;
      const cos = Math.cos(r);
      const sin = Math.sin(r);
      const toWorld = (lx: number, lz: number): [number, number] => [x + (lx * cos + lz * sin) * s.scale, z + (-lx * sin + lz * cos) * s.scale];
      const ctx = {
        groundAt: (lx: number, lz: number) => (field.heightAt(...toWorld(lx, lz)) - base) / s.scale,
        waterLevel: field.waterLevel !== undefined ? (field.waterLevel - base) / s.scale : undefined,
      };
      entry = { part: buildPart(s.kind, s.params as never, ctx), members: [] };
      byKey.set(key, entry);
    } else if (!entry) {
      entry = { part: buildPart(s.kind, s.params as never, { groundAt: () => 0, waterLevel: undefined }), members: [] };
      byKey.set(key, entry);
    }
    entry.members.push(s);
  }

  const batches: Batch[] = [];
  const structures = new Map<string, PlacedStructure>();
  for (const [key, { part, members }] of byKey) {
    const batch: Batch = { key, part, meshes: [], structures: [] };
    for (const group of part.groups) {
      const mesh = new InstancedMesh(group.geometry, materials.get(group.material), members.length);
      mesh.name = `${key}/${group.material}`;
      for (let i = 0; i < members.length; i++) {
        mesh.setMatrixAt(i, ZERO);
        mesh.setColorAt(i, WHITE);
      }
      batch.meshes.push(mesh);
    }
    members.forEach((s, index) => {
      const [x, z] = s.position;
      // The ground at its position is its level site's height (see padFor in content/scene-terrain.ts).
      const base = bases.get(s.id) ?? s.elevation ?? field.heightAt(x, z);
      const placed: PlacedStructure = {
        id: s.id,
        batch,
        index,
        position: new Vector3(x, base, z),
        quaternion: new Quaternion().setFromAxisAngle(UP, (s.rotation * Math.PI) / 180),
        scale: s.scale,
        top: base + part.height * s.scale,
        footprint: part.footprint * s.scale,
      };
      batch.structures.push(placed);
      structures.set(s.id, placed);
    });
    // Bounds with every instance standing (conservative while they rise and sink), so views that
    // look away from a structure skip it (a software GPU pays for every triangle sent).
    for (const p of batch.structures) setStructureRise(p, 1);
    for (const mesh of batch.meshes) {
      mesh.computeBoundingSphere();
      mesh.frustumCulled = true;
    }
    for (const p of batch.structures) setStructureRise(p, 0);
    batches.push(batch);
  }

  let trees: InstancedMesh | undefined;
  if (scene.vegetation && scene.vegetation.count > 0) {
    const keepOut: KeepOut[] = [];
    for (const s of scene.structures) {
      const p = structures.get(s.id);
      if (!p) continue;
      if (s.kind === 'rail-line') {
        const r = (s.rotation * Math.PI) / 180;
        for (const pt of samplePath((s.params as { path: [number, number][] }).path, 8)) {
          keepOut.push({
            x: p.position.x + (pt.x * Math.cos(r) + pt.z * Math.sin(r)) * s.scale,
            z: p.position.z + (-pt.x * Math.sin(r) + pt.z * Math.cos(r)) * s.scale,
            r: 7,
          });
        }
      } else keepOut.push({ x: p.position.x, z: p.position.z, r: p.footprint + 4 });
    }
    const { matrices, colours } = scatterTrees(field, scene.vegetation.count, scene.vegetation.seed, keepOut);
    if (matrices.length) {
      // The trees' light is baked into their colours (see lighting.ts): no lighting per pixel.
      const material = new MeshBasicMaterial({ vertexColors: true });
      trees = new InstancedMesh(treeGeometry(scene.sky?.top), material, matrices.length);
      trees.name = 'trees';
      matrices.forEach((m, i) => {
        trees?.setMatrixAt(i, m);
        trees?.setColorAt(i, colours[i]);
      });
      trees.computeBoundingSphere();
    }
  }

  const markerIds = scene.structures.map((s) => s.id);
  const markerGeometry = new OctahedronGeometry(1, 0);
  markerGeometry.scale(0.8, 1.3, 0.8);
  const markers = new InstancedMesh(markerGeometry, materials.marker, markerIds.length);
  markers.name = 'hotspot-markers';
  markers.frustumCulled = false;
  markerIds.forEach((_, i) => {
    markers.setMatrixAt(i, ZERO);
    markers.setColorAt(i, WHITE);
  });

  return {
    field,
    materials,
    terrain,
    water,
    trees,
    batches,
    structures,
    markers,
    markerIds,
    radius,
    dispose() {
      terrain.geometry.dispose();
      water?.geometry.dispose();
      for (const batch of batches) {
        for (const mesh of batch.meshes) mesh.dispose();
        for (const g of batch.part.groups) g.geometry.dispose();
      }
      if (trees) {
        trees.geometry.dispose();
        (trees.material as Material).dispose();
        trees.dispose();
      }
      markers.geometry.dispose();
      markers.dispose();
      materials.dispose();
    },
  };
}

const m = new Matrix4();
const s = new Vector3();

/** Writes a structure's instance matrices: `rise` 0 (hidden, flat on the ground) … 1 (standing). */
export function setStructureRise(p: PlacedStructure, rise: number): void {
  if (rise <= 0.001) {
    for (const mesh of p.batch.meshes) mesh.setMatrixAt(p.index, ZERO);
  } else {
    const eased = rise * rise * (3 - 2 * rise);
    s.set(p.scale * (0.85 + 0.15 * eased), p.scale * eased, p.scale * (0.85 + 0.15 * eased));
    m.compose(p.position, p.quaternion, s);
    for (const mesh of p.batch.meshes) mesh.setMatrixAt(p.index, m);
  }
  for (const mesh of p.batch.meshes) mesh.instanceMatrix.needsUpdate = true;
}

export function setStructureTint(p: PlacedStructure, tint: Color): void {
  for (const mesh of p.batch.meshes) {
    mesh.setColorAt(p.index, tint);
    if (mesh.instanceColor) mesh.instanceColor.needsUpdate = true;
  }
}
