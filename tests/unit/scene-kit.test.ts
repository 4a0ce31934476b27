/**
 * The kit of procedural parts and a scene's assets, without a GPU: every part builds sound
 * geometry at its defaults and at the ends of its parameter ranges, parts with the same parameters
 * are shared (drawn as instances), each real scene stays within the draw-call and triangle budgets,
 * the terrain is deterministic, and dispose() frees every geometry, material and texture it made.
 */
import { BufferGeometry, Material, Texture } from 'three';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadPack } from '../../content/load.ts';
import { KIT_PARAMS, STRUCTURE_KINDS, type StructureKind } from '../../content/scene-schema.ts';
import { createHeightField } from '../../content/scene-terrain.ts';
import { SHADER_KEYS } from '../../exhibit/kit/materials.ts';
import { buildPart, FLAT_GROUND, partKey } from '../../exhibit/kit/parts/index.ts';
import { createSceneAssets, type KitScene, setStructureRise } from '../../exhibit/kit/sceneAssets.ts';

// biome-ignore lint/suspicious/noExplicitAny: parameter objects are built generically per kind
type AnyParams = any;

const RAIL_PATH = {
  path: [
    [0, 0],
    [80, 0],
    [120, 40],
  ],
};

/** The smallest and largest value of every numeric parameter of a kind. */
function extremes(kind: StructureKind): AnyParams[] {
  const schema = KIT_PARAMS[kind];
  const shape = schema.shape as Record<
    string,
    { minValue?: number | null; maxValue?: number | null; def?: { innerType?: { minValue?: number; maxValue?: number } } }
  >;
  const low: AnyParams = {};
  const high: AnyParams = {};
  for (const [key, field] of Object.entries(shape)) {
    const inner = (field as AnyParams).def?.innerType ?? field;
    if (typeof inner.minValue === 'number' && typeof inner.maxValue === 'number') {
      low[key] = inner.minValue;
      high[key] = inner.maxValue;
    }
  }
  // Every part has numeric parameters; finding none would mean this helper no longer reads zod.
  expect(Object.keys(low).length, `${kind} numeric parameters`).toBeGreaterThan(0);
  const base = kind === 'rail-line' ? RAIL_PATH : {};
  return [schema.parse({ ...base }), schema.parse({ ...base, ...low }), schema.parse({ ...base, ...high })];
}

const trianglesOf = (g: BufferGeometry) => (g.index ? g.index.count : g.getAttribute('position').count) / 3;

function triangles(part: ReturnType<typeof buildPart>) {
  return part.groups.reduce((n, g) => n + trianglesOf(g.geometry), 0);
}

describe('kit parts', () => {
  for (const kind of STRUCTURE_KINDS) {
    it(`${kind}: builds finite, merged geometry at its defaults and at the ends of its ranges`, () => {
      for (const params of extremes(kind)) {
        const part = buildPart(kind, params, FLAT_GROUND);
        expect(part.groups.length).toBeGreaterThan(0);
        // One geometry per material, never two groups of the same material.
        const materials = part.groups.map((g) => g.material);
        expect(new Set(materials).size).toBe(materials.length);
        for (const g of part.groups) {
          expect(SHADER_KEYS).toContain(g.material);
          expect(g.geometry.getAttribute('color')).toBeTruthy();
          const pos = g.geometry.getAttribute('position');
          // Indexed (corners welded), whole triangles.
          expect(g.geometry.index?.count ?? 0).toBeGreaterThan(0);
          expect((g.geometry.index?.count ?? 0) % 3).toBe(0);
          expect([...(pos.array as Float32Array)].every(Number.isFinite)).toBe(true);
          expect(g.geometry.getAttribute('normal')).toBeTruthy();
          expect(g.geometry.getAttribute('uv')).toBeTruthy();
        }
        expect(part.height).toBeGreaterThan(0);
        expect(Number.isFinite(part.footprint)).toBe(true);
        // Handsome but not extravagant: a single part stays well inside a scene's 300k budget.
        expect(triangles(part)).toBeLessThan(40_000);
        for (const g of part.groups) g.geometry.dispose();
      }
    });
  }

  it('gives parts with the same parameters the same key (one build, drawn as instances) and site-specific parts their own', () => {
    const a = { id: 'a', kind: 'chimney' as const, params: KIT_PARAMS.chimney.parse({}) };
    const b = { id: 'b', kind: 'chimney' as const, params: KIT_PARAMS.chimney.parse({}) };
    const c = { id: 'c', kind: 'chimney' as const, params: KIT_PARAMS.chimney.parse({ height: 60 }) };
    expect(partKey(a)).toBe(partKey(b));
    expect(partKey(a)).not.toBe(partKey(c));
    const r1 = { id: 'r1', kind: 'rail-line' as const, params: KIT_PARAMS['rail-line'].parse(RAIL_PATH) };
    const r2 = { id: 'r2', kind: 'rail-line' as const, params: KIT_PARAMS['rail-line'].parse(RAIL_PATH) };
    expect(partKey(r1)).not.toBe(partKey(r2));
  });

  it('lays a rail line on the ground and on piers over water', () => {
    const params = KIT_PARAMS['rail-line'].parse({
      path: [
        [0, 0],
        [60, 0],
      ],
      wagons: 0,
      locomotive: false,
    });
    const onGround = buildPart('rail-line', params, FLAT_GROUND);
    const overWater = buildPart('rail-line', params, { groundAt: (x) => (x > 20 && x < 40 ? -10 : 0), waterLevel: -2 });
    // Deck and piers add concrete: more triangles in the solid (untextured) group.
    const solid = (p: typeof onGround) => p.groups.find((g) => g.material === 'solid')?.geometry.index?.count ?? 0;
    expect(solid(overWater)).toBeGreaterThan(solid(onGround));
  });
});

describe('terrain', () => {
  const terrain = {
    size: 400,
    segments: 64,
    base: 10,
    hills: [{ x: 0, z: -150, radius: 80, height: 60, stretch: 1, angle: 0 }],
    noise: { amplitude: 2, scale: 50, seed: 7 },
    terraces: [{ x: 50, z: 50, width: 60, depth: 40, height: 20, angle: 0 }],
    grass: '#7d8f5a',
    rock: '#8a7f70',
  };
  const river = {
    path: [
      [-200, 150],
      [200, 150],
    ] as [number, number][],
    width: 60,
    level: 0,
    colour: '#4f7480',
  };

  it('is the same for the same parameters, and changes with the seed', () => {
    const a = createHeightField(terrain, river);
    const b = createHeightField(terrain, river);
    const c = createHeightField({ ...terrain, noise: { ...terrain.noise, seed: 8 } }, river);
    const samples = [
      [0, 0],
      [-120, 40],
      [33, -77],
    ];
    for (const [x, z] of samples) expect(a.heightAt(x, z)).toBe(b.heightAt(x, z));
    expect(samples.some(([x, z]) => a.heightAt(x, z) !== c.heightAt(x, z))).toBe(true);
  });

  it('rises on a hill, is flat on a terrace and is under water in the river', () => {
    const f = createHeightField(terrain, river);
    expect(f.heightAt(0, -150)).toBeGreaterThan(60);
    expect(f.heightAt(50, 50)).toBeCloseTo(20, 5);
    expect(f.heightAt(60, 60)).toBeCloseTo(20, 5);
    expect(f.heightAt(0, 150)).toBeLessThan(-3);
    expect(f.wet(0, 150)).toBe(true);
    expect(f.wet(0, 0)).toBe(false);
  });
});

describe('a scene’s assets', () => {
  afterEach(() => vi.restoreAllMocks());

  it('stay within 150 draw calls and 300k triangles for every scene in the pack, all structures standing', async () => {
    const pack = await loadPack();
    for (const scene of pack.scenes) {
      const assets = createSceneAssets(scene as unknown as KitScene);
      for (const p of assets.structures.values()) setStructureRise(p, 1);
      const meshes = [assets.terrain, assets.water, assets.trees, assets.markers].filter(Boolean);
      const drawCalls = meshes.length + assets.batches.reduce((n, b) => n + b.meshes.length, 0);
      let tris = 0;
      for (const b of assets.batches) {
        for (const m of b.meshes) tris += trianglesOf(m.geometry) * ('count' in m && typeof m.count === 'number' ? m.count : 1);
      }
      tris += (assets.terrain.geometry.getIndex()?.count ?? 0) / 3;
      tris += assets.trees ? trianglesOf(assets.trees.geometry) * assets.trees.count : 0;
      expect(drawCalls, `${scene.id} draw calls`).toBeLessThanOrEqual(150);
      expect(tris, `${scene.id} triangles`).toBeLessThanOrEqual(300_000);
      assets.dispose();
    }
  });

  it('shares one built part between structures with the same parameters', async () => {
    const pack = await loadPack();
    const wangjiang = pack.scenes.find((s) => s.id === 'wangjiang-works');
    if (!wangjiang) throw new Error('no wangjiang scene');
    const assets = createSceneAssets(wangjiang as unknown as KitScene);
    const caves = assets.batches.find((b) => b.structures.some((s) => s.id === 'cave-1'));
    expect(caves?.structures.map((s) => s.id).sort()).toEqual(['cave-1', 'cave-2', 'cave-3']);
    expect(caves?.meshes.every((m) => m.count === 3)).toBe(true);
    assets.dispose();
  });

  it('frees every geometry, material and texture it created', async () => {
    const created = { geometries: new Set<BufferGeometry>(), materials: new Set<Material>(), textures: new Set<Texture>() };
    const disposed = { geometries: new Set<BufferGeometry>(), materials: new Set<Material>(), textures: new Set<Texture>() };
    const geometryDispose = BufferGeometry.prototype.dispose;
    vi.spyOn(BufferGeometry.prototype, 'dispose').mockImplementation(function (this: BufferGeometry) {
      disposed.geometries.add(this);
      geometryDispose.call(this);
    });
    const materialDispose = Material.prototype.dispose;
    vi.spyOn(Material.prototype, 'dispose').mockImplementation(function (this: Material) {
      disposed.materials.add(this);
      materialDispose.call(this);
    });
    const textureDispose = Texture.prototype.dispose;
    vi.spyOn(Texture.prototype, 'dispose').mockImplementation(function (this: Texture) {
      disposed.textures.add(this);
      textureDispose.call(this);
    });
    const pack = await loadPack();
    const scene = pack.scenes.find((s) => s.id === 'dadukou-steel-works');
    const assets = createSceneAssets(scene as unknown as KitScene);
    // What the renderer would see: every mesh's geometry and material, every material's map.
    const meshes = [assets.terrain, assets.water, assets.trees, assets.markers, ...assets.batches.flatMap((b) => b.meshes)].filter(
      (m): m is NonNullable<typeof m> => Boolean(m),
    );
    for (const m of meshes) {
      created.geometries.add(m.geometry);
      const mats = Array.isArray(m.material) ? m.material : [m.material];
      for (const mat of mats) {
        created.materials.add(mat);
        const map = (mat as { map?: Texture | null }).map;
        if (map) created.textures.add(map);
      }
    }
    // The merged structures' state texture (read by their shader, not a material map).
    for (const b of assets.batches) if (b.state) created.textures.add(b.state.texture);
    expect(created.textures.size).toBeGreaterThan(0);
    assets.dispose();
    for (const g of created.geometries) expect(disposed.geometries.has(g), g.type).toBe(true);
    for (const mat of created.materials) expect(disposed.materials.has(mat), mat.name || mat.type).toBe(true);
    for (const t of created.textures) expect(disposed.textures.has(t)).toBe(true);
  });
});
