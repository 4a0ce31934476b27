/**
 * The terrain as geometry: `terrainGeometry` turns the scene's height field (content/scene-terrain.ts)
 * into a diorama block: the ground with vertex colours (grass, rock on steep slopes, mud
 * on the banks) and earth-coloured sides, so a scene reads as a museum model of the site.
 */
import { BufferGeometry, Color, Float32BufferAttribute, PlaneGeometry } from 'three';
import { type HeightField, type RiverSpec, random, smoothstep, type TerrainSpec } from '../../content/scene-terrain.ts';
import { makeBaker } from './lighting.ts';

export type { HeightField, HillSpec, RiverSpec, TerraceSpec, TerrainSpec } from '../../content/scene-terrain.ts';
export { createHeightField } from '../../content/scene-terrain.ts';

const EARTH = new Color('#6d5a45');
const EARTH_DARK = new Color('#4a3d30');
const MUD = new Color('#8d7b62');
const SILT = new Color('#5d6a62');

/**
 * The terrain as a diorama block: a ground grid with vertex colours and four sides going down to
 * `bottom`. Returns one indexed geometry (one draw call).
 */
export function terrainGeometry(field: HeightField, terrain: TerrainSpec, skyTop = '#9db8cf'): BufferGeometry {
  const bake = makeBaker(skyTop);
  const { size, segments } = terrain;
  const plane = new PlaneGeometry(size, size, segments, segments);
  plane.rotateX(-Math.PI / 2);
  const pos = plane.getAttribute('position');
  let minH = Number.POSITIVE_INFINITY;
  for (let i = 0; i < pos.count; i++) {
    const h = field.heightAt(pos.getX(i), pos.getZ(i));
    pos.setY(i, h);
    minH = Math.min(minH, h);
  }
  plane.computeVertexNormals();
  const normals = plane.getAttribute('normal');
  const grass = new Color(terrain.grass);
  const rock = new Color(terrain.rock);
  const colours = new Float32Array(pos.count * 3);
  const c = new Color();
  const rnd = random(terrain.noise.seed + 11);
  for (let i = 0; i < pos.count; i++) {
    const x = pos.getX(i);
    const z = pos.getZ(i);
    const h = pos.getY(i);
    const steep = 1 - normals.getY(i);
    c.copy(grass).lerp(rock, smoothstep(0.3, 0.55, steep));
    // Slight mottling, so large slopes are not flat colour.
    c.multiplyScalar(0.93 + rnd() * 0.12);
    if (field.waterLevel !== undefined) {
      const above = h - field.waterLevel;
      if (above < 0) c.copy(SILT);
      else if (above < 2.5 && field.riverDistance(x, z) < Number.POSITIVE_INFINITY) c.lerp(MUD, 1 - smoothstep(0.3, 2.5, above));
    }
    bake(c, normals.getX(i), normals.getY(i), normals.getZ(i));
    colours.set([c.r, c.g, c.b], i * 3);
  }
  plane.setAttribute('color', new Float32BufferAttribute(colours, 3));
  plane.deleteAttribute('uv');

  // Sides: for each edge, a strip from the ground (or the water surface, where the river leaves
  // the model) down to the bottom of the block.
  const bottom = Math.min(minH, field.waterLevel ?? minH) - 14;
  const sideV: number[] = [];
  const sideN: number[] = [];
  const sideC: number[] = [];
  const sideI: number[] = [];
  const half = size / 2;
  const step = size / segments;
  const edges: { at: (t: number) => [number, number]; n: [number, number, number] }[] = [
    { at: (t) => [-half + t, half], n: [0, 0, 1] },
    { at: (t) => [half - t, -half], n: [0, 0, -1] },
    { at: (t) => [half, half - t], n: [1, 0, 0] },
    { at: (t) => [-half, -half + t], n: [-1, 0, 0] },
  ];
  const water = new Color('#4a6d78');
  for (const edge of edges) {
    const start = sideV.length / 3;
    for (let k = 0; k <= segments; k++) {
      const [x, z] = edge.at(k * step);
      const h = field.heightAt(x, z);
      const top = field.waterLevel !== undefined ? Math.max(h, field.waterLevel) : h;
      // Three rows: top (ground or water surface), ground, bottom.
      for (const [y, col] of [
        [top, top > h ? water : EARTH],
        [h, EARTH],
        [bottom, EARTH_DARK],
      ] as const) {
        sideV.push(x, y, z);
        sideN.push(...edge.n);
        const lit = bake(col.clone(), edge.n[0], edge.n[1], edge.n[2]);
        sideC.push(lit.r, lit.g, lit.b);
      }
    }
    for (let k = 0; k < segments; k++) {
      const a = start + k * 3;
      const b = start + (k + 1) * 3;
      for (let row = 0; row < 2; row++) {
        sideI.push(a + row, a + row + 1, b + row, b + row, a + row + 1, b + row + 1);
      }
    }
  }
  // Merge ground and sides into one indexed geometry.
  const groundIndex = Array.from(plane.getIndex()?.array ?? []);
  const groundCount = pos.count;
  const positions = new Float32Array((groundCount + sideV.length / 3) * 3);
  positions.set(pos.array as Float32Array, 0);
  positions.set(sideV, groundCount * 3);
  const normalArr = new Float32Array(positions.length);
  normalArr.set(normals.array as Float32Array, 0);
  normalArr.set(sideN, groundCount * 3);
  const colourArr = new Float32Array(positions.length);
  colourArr.set(colours, 0);
  colourArr.set(sideC, groundCount * 3);
  const out = new BufferGeometry();
  out.setAttribute('position', new Float32BufferAttribute(positions, 3));
  out.setAttribute('normal', new Float32BufferAttribute(normalArr, 3));
  out.setAttribute('color', new Float32BufferAttribute(colourArr, 3));
  out.setIndex([...groundIndex, ...sideI.map((i) => i + groundCount)]);
  out.computeBoundingSphere();
  plane.dispose();
  return out;
}

/**
 * The water surface: a ribbon along the river at its level, as wide as the river and its banks,
 * kept inside the model (the terrain hides it wherever the ground is above the water).
 */
export function waterGeometry(size: number, river: RiverSpec): BufferGeometry {
  const half = size / 2;
  const reach = river.width / 2 + Math.max(8, river.width * 0.25) + 4;
  const clamp = (v: number) => Math.max(-half, Math.min(half, v));
  const positions: number[] = [];
  const index: number[] = [];
  const pts = river.path;
  pts.forEach(([x, z], i) => {
    const [ax, az] = pts[Math.max(0, i - 1)];
    const [bx, bz] = pts[Math.min(pts.length - 1, i + 1)];
    const len = Math.hypot(bx - ax, bz - az) || 1;
    const nx = -(bz - az) / len;
    const nz = (bx - ax) / len;
    positions.push(clamp(x + nx * reach), river.level, clamp(z + nz * reach), clamp(x - nx * reach), river.level, clamp(z - nz * reach));
    if (i > 0) {
      const k = i * 2;
      index.push(k - 2, k - 1, k, k - 1, k + 1, k);
    }
  });
  const g = new BufferGeometry();
  g.setAttribute('position', new Float32BufferAttribute(positions, 3));
  g.setIndex(index);
  // Both windings may occur depending on the path's direction: face the normals up either way.
  g.computeVertexNormals();
  const n = g.getAttribute('normal');
  for (let i = 0; i < n.count; i++) n.setXYZ(i, 0, 1, 0);
  g.computeBoundingSphere();
  return g;
}
