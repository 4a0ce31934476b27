/**
 * Everything the GPU needs for one scene, built from its document and owned in one place: the
 * terrain and water, one built part per distinct (kind, parameters) drawn as instanced meshes
 * (one per material), the trees and the hotspot markers. `dispose()` frees every geometry,
 * material, texture and instance buffer — a scene leaves nothing behind (the leak test checks
 * `renderer.info.memory` after visiting every scene five times).
 *
 * Pure three.js (no React), so the R3F components stay thin and the build can be unit-tested.
 */
import {
  type BufferGeometry,
  Color,
  DataTexture,
  Float32BufferAttribute,
  FloatType,
  InstancedMesh,
  type Material,
  Matrix4,
  Mesh,
  MeshBasicMaterial,
  type MeshLambertMaterial,
  NearestFilter,
  OctahedronGeometry,
  Quaternion,
  RGBAFormat,
  Vector3,
} from 'three';
import { mergeGeometries } from 'three/examples/jsm/utils/BufferGeometryUtils.js';
import type { StructureKind } from '../../content/scene-schema.ts';
import { createKitMaterials, type KitMaterials, type ShaderKey } from './materials.ts';
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

/**
 * A set of structures drawn together. 'instanced': several structures with the same part, one
 * instance each (InstancedMesh per shader). 'merged': the structures whose part is unique, baked
 * into world space and merged into one mesh per shader for the whole scene; a small float texture
 * holds each one's base, rise and tint, which the vertex shader applies (rise and sink, highlight),
 * so the whole lot costs two draw calls instead of two per structure.
 */
export interface Batch {
  key: string;
  kind: 'instanced' | 'merged';
  meshes: (InstancedMesh | Mesh)[];
  structures: PlacedStructure[];
  /** Geometries this batch owns (freed with it). */
  geometries: BufferGeometry[];
  /** Merged batches: the per-structure state the shader reads, and the materials that read it. */
  state?: { texture: DataTexture; data: Float32Array; materials: Material[] };
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
  const place = (s: KitScene['structures'][number], part: BuiltPart, batch: Batch, index: number): PlacedStructure => {
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
    return placed;
  };

  // Parts used by several structures: instanced.
  const unique: { s: KitScene['structures'][number]; part: BuiltPart }[] = [];
  for (const [key, { part, members }] of byKey) {
    if (members.length === 1) {
      unique.push({ s: members[0], part });
      continue;
    }
    const batch: Batch = { key, kind: 'instanced', meshes: [], structures: [], geometries: part.groups.map((g) => g.geometry) };
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
      place(s, part, batch, index);
    });
    // Bounds with every instance standing (conservative while they rise and sink), so views that
    // look away from a structure skip it (a software GPU pays for every triangle sent).
    for (const p of batch.structures) setStructureRise(p, 1);
    for (const mesh of batch.meshes) {
      (mesh as InstancedMesh).computeBoundingSphere();
      mesh.frustumCulled = true;
    }
    for (const p of batch.structures) setStructureRise(p, 0);
    batches.push(batch);
  }

  // Parts used once: merged into one mesh per shader.
  if (unique.length) {
    const n = unique.length;
    const data = new Float32Array(n * 2 * 4);
    const texture = new DataTexture(data, n, 2, RGBAFormat, FloatType);
    texture.magFilter = texture.minFilter = NearestFilter;
    texture.needsUpdate = true;
    const batch: Batch = { key: 'merged', kind: 'merged', meshes: [], structures: [], geometries: [], state: { texture, data, materials: [] } };
    const byShader = new Map<ShaderKey, BufferGeometry[]>();
    const matrix = new Matrix4();
    unique.forEach(({ s, part }, k) => {
      const p = place(s, part, batch, k);
      matrix.compose(p.position, p.quaternion, new Vector3(p.scale, p.scale, p.scale));
      data.set([p.position.x, p.position.y, p.position.z, 0], k * 4);
      data.set([1, 1, 1, 1], (n + k) * 4);
      for (const g of part.groups) {
        const world = g.geometry.clone().applyMatrix4(matrix);
        world.setAttribute('aStructure', new Float32BufferAttribute(new Float32Array(world.getAttribute('position').count).fill(k), 1));
        byShader.set(g.material, [...(byShader.get(g.material) ?? []), world]);
        g.geometry.dispose();
      }
    });
    for (const [shader, list] of byShader) {
      const geometry = list.length === 1 ? list[0] : mergeGeometries(list, false);
      if (!geometry) throw new Error('could not merge the structures');
      if (list.length > 1) for (const g of list) g.dispose();
      geometry.computeBoundingSphere();
      const material = structureStateMaterial(materials.get(shader) as MeshLambertMaterial, texture);
      batch.state?.materials.push(material);
      const mesh = new Mesh(geometry, material);
      mesh.name = `merged/${shader}`;
      batch.meshes.push(mesh);
      batch.geometries.push(geometry);
    }
    batches.push(batch);
  }
  // Everything starts sunk and hidden; StructureInstances raises what stands in the tour's year.
  for (const batch of batches) for (const mesh of batch.meshes) mesh.visible = false;

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
        for (const mesh of batch.meshes) if (mesh instanceof InstancedMesh) mesh.dispose();
        for (const g of batch.geometries) g.dispose();
        if (batch.state) {
          batch.state.texture.dispose();
          for (const m of batch.state.materials) m.dispose();
        }
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

/** Writes a structure's rise: 0 (hidden, flat on the ground) … 1 (standing). */
export function setStructureRise(p: PlacedStructure, rise: number): void {
  const state = p.batch.state;
  if (state) {
    state.data[p.index * 4 + 3] = rise;
    state.texture.needsUpdate = true;
    return;
  }
  if (rise <= 0.001) {
    for (const mesh of p.batch.meshes) (mesh as InstancedMesh).setMatrixAt(p.index, ZERO);
  } else {
    const eased = rise * rise * (3 - 2 * rise);
    s.set(p.scale * (0.85 + 0.15 * eased), p.scale * eased, p.scale * (0.85 + 0.15 * eased));
    m.compose(p.position, p.quaternion, s);
    for (const mesh of p.batch.meshes) (mesh as InstancedMesh).setMatrixAt(p.index, m);
  }
  for (const mesh of p.batch.meshes) (mesh as InstancedMesh).instanceMatrix.needsUpdate = true;
}

export function setStructureTint(p: PlacedStructure, tint: Color): void {
  const state = p.batch.state;
  if (state) {
    const row = state.data.length / 8;
    state.data.set([tint.r, tint.g, tint.b, 1], (row + p.index) * 4);
    state.texture.needsUpdate = true;
    return;
  }
  for (const mesh of p.batch.meshes) {
    const inst = mesh as InstancedMesh;
    inst.setColorAt(p.index, tint);
    if (inst.instanceColor) inst.instanceColor.needsUpdate = true;
  }
}

/** The structure a vertex of a batch's mesh belongs to (for taps in the 3D view). */
export function structureAtVertex(batch: Batch, mesh: Mesh | InstancedMesh, vertex: number, instanceId: number | undefined): PlacedStructure | undefined {
  if (batch.kind === 'instanced') return instanceId === undefined ? undefined : batch.structures.find((s) => s.index === instanceId);
  const attr = mesh.geometry.getAttribute('aStructure');
  return attr && vertex < attr.count ? batch.structures[Math.round(attr.getX(vertex))] : undefined;
}

/**
 * A kit material that reads each structure's base, rise and tint from `state` (a float texture:
 * row 0 base xyz + rise, row 1 tint) by the vertex's `aStructure` index: rising scales the
 * structure up from its base, a sunk one is moved off screen, a highlighted one is tinted.
 */
function structureStateMaterial(base: MeshLambertMaterial, state: DataTexture): MeshLambertMaterial {
  const material = base.clone();
  material.onBeforeCompile = (shader) => {
    shader.uniforms.uStructures = { value: state };
    shader.vertexShader = shader.vertexShader
      .replace('#include <common>', '#include <common>\nattribute float aStructure;\nuniform sampler2D uStructures;')
      .replace('#include <color_vertex>', '#include <color_vertex>\nvColor.rgb *= texelFetch(uStructures, ivec2(int(aStructure + 0.5), 1), 0).rgb;')
      .replace(
        '#include <begin_vertex>',
        [
          '#include <begin_vertex>',
          'vec4 stBase = texelFetch(uStructures, ivec2(int(aStructure + 0.5), 0), 0);',
          'float stRise = stBase.w;',
          'float stEase = stRise * stRise * (3.0 - 2.0 * stRise);',
          'transformed = stBase.xyz + (transformed - stBase.xyz) * vec3(0.85 + 0.15 * stEase, stEase, 0.85 + 0.15 * stEase);',
        ].join('\n'),
      )
      .replace('#include <project_vertex>', '#include <project_vertex>\nif (stRise < 0.001) gl_Position = vec4(2.0, 2.0, 2.0, 1.0);');
  };
  material.customProgramCacheKey = () => 'kit-structure-state';
  material.name = `${base.name}+state`;
  return material;
}
