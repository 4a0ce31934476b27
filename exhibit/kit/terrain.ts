/**
 * The terrain as geometry: `terrainGeometry` turns the scene's height field (content/scene-terrain.ts)
 * into a diorama block: the ground with vertex colours (grass, rock on steep slopes, mud
 * on the banks) and earth-coloured sides, so a scene reads as a museum model of the site.
 */
import { BufferGeometry, Color, Float32BufferAttribute, PlaneGeometry, SphereGeometry } from 'three';
import { type HeightField, random, smoothstep, type TerrainSpec } from '../../content/scene-terrain.ts';

export { createHeightField } from '../../content/scene-terrain.ts';
export type { HeightField, HillSpec, RiverSpec, TerraceSpec, TerrainSpec } from '../../content/scene-terrain.ts';

const EARTH = new Color('#6d5a45');
const EARTH_DARK = new Color('#4a3d30');
const MUD = new Color('#8d7b62');
const SILT = new Color('#5d6a62');

/**
 * The terrain as a diorama block: a ground grid with vertex colours and four sides going down to
 * `bottom`. Returns one indexed geometry (one draw call).
 */
export function terrainGeometry(field: HeightField, terrain: TerrainSpec): BufferGeometry {
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
        sideC.push(col.r, col.g, col.b);
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

/** The water surface: one quad over the model at the river's level (the terrain hides it elsewhere). */
export function waterGeometry(size: number, level: number): BufferGeometry {
  const g = new PlaneGeometry(size, size, 1, 1);
  g.rotateX(-Math.PI / 2);
  g.translate(0, level, 0);
  g.deleteAttribute('uv');
  return g;
}

/** A sky dome with a vertical gradient (vertex colours; drawn behind everything). */
export function skyGeometry(radius: number, top: string, horizon: string): BufferGeometry {
  const g = new SphereGeometry(radius, 24, 12);
  const pos = g.getAttribute('position');
  const colours = new Float32Array(pos.count * 3);
  const t = new Color(top);
  const h = new Color(horizon);
  const c = new Color();
  for (let i = 0; i < pos.count; i++) {
    const y = pos.getY(i) / radius;
    c.copy(h).lerp(t, smoothstep(-0.05, 0.6, y));
    colours.set([c.r, c.g, c.b], i * 3);
  }
  g.setAttribute('color', new Float32BufferAttribute(colours, 3));
  g.deleteAttribute('uv');
  return g;
}
