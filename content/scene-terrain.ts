/**
 * The ground of a scene from its heightmap parameters: a base level, hills and ridges (stretched
 * Gaussian bumps), gentle value noise, level terraces for the works, and a river bed carved along
 * the river's centre line. Pure and deterministic (no three.js), so both the 3D kit
 * (exhibit/kit/terrain.ts) and the content check (camera waypoints must be above the ground) use it.
 */

/** Deterministic pseudo-random numbers (mulberry32), so a scene looks the same on every kiosk. */
export function random(seed: number): () => number {
  let a = seed >>> 0 || 0x9e3779b9;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface HillSpec {
  x: number;
  z: number;
  radius: number;
  height: number;
  stretch: number;
  angle: number;
}
export interface TerraceSpec {
  x: number;
  z: number;
  width: number;
  depth: number;
  height: number;
  angle: number;
}
export interface TerrainSpec {
  size: number;
  segments: number;
  base: number;
  hills: HillSpec[];
  noise: { amplitude: number; scale: number; seed: number };
  terraces: TerraceSpec[];
  grass: string;
  rock: string;
}
export interface RiverSpec {
  path: [number, number][];
  width: number;
  level: number;
  colour: string;
}

export interface HeightField {
  size: number;
  /** Ground height at (x, z), metres. */
  heightAt(x: number, z: number): number;
  /** Distance from (x, z) to the river's centre line (Infinity without a river). */
  riverDistance(x: number, z: number): number;
  /** True when (x, z) is under water. */
  wet(x: number, z: number): boolean;
  waterLevel: number | undefined;
}

/** Width of the slope from a terrace back to the natural ground. */
const TERRACE_BLEND = 30;

/** Depth of the river bed below the water at the centre line. */
const RIVER_DEPTH = 4;

export function smoothstep(e0: number, e1: number, x: number) {
  const t = Math.min(1, Math.max(0, (x - e0) / (e1 - e0)));
  return t * t * (3 - 2 * t);
}

/** Smooth 2D value noise in [-1, 1], deterministic for a seed. */
function valueNoise(seed: number) {
  const rnd = random(seed);
  const perm = new Uint8Array(512);
  const vals = new Float32Array(256);
  for (let i = 0; i < 256; i++) {
    perm[i] = i;
    vals[i] = rnd() * 2 - 1;
  }
  for (let i = 255; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [perm[i], perm[j]] = [perm[j], perm[i]];
  }
  for (let i = 0; i < 256; i++) perm[i + 256] = perm[i];
  const v = (ix: number, iz: number) => vals[perm[(perm[ix & 255] + iz) & 255]];
  return (x: number, z: number) => {
    const ix = Math.floor(x);
    const iz = Math.floor(z);
    const fx = x - ix;
    const fz = z - iz;
    const sx = fx * fx * (3 - 2 * fx);
    const sz = fz * fz * (3 - 2 * fz);
    const a = v(ix, iz) + (v(ix + 1, iz) - v(ix, iz)) * sx;
    const b = v(ix, iz + 1) + (v(ix + 1, iz + 1) - v(ix, iz + 1)) * sx;
    return a + (b - a) * sz;
  };
}

function distanceToPolyline(path: [number, number][], x: number, z: number): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < path.length - 1; i++) {
    const [ax, az] = path[i];
    const [bx, bz] = path[i + 1];
    const dx = bx - ax;
    const dz = bz - az;
    const len2 = dx * dx + dz * dz || 1;
    const t = Math.max(0, Math.min(1, ((x - ax) * dx + (z - az) * dz) / len2));
    const d = Math.hypot(x - (ax + t * dx), z - (az + t * dz));
    if (d < best) best = d;
  }
  return best;
}

/** What a level site for a structure needs to know about it (a scene structure, before defaults or after). */
export interface PadSource {
  kind: string;
  position: [number, number];
  rotation?: number;
  scale?: number;
  elevation?: number;
  params?: Record<string, unknown>;
}

interface Pad {
  x: number;
  z: number;
  width: number;
  depth: number;
  cos: number;
  sin: number;
  elevation?: number;
}

/** Width of the bank from a structure's level site back to the natural ground. */
const PAD_BLEND = 9;

/**
 * The level site each structure stands on, as a rectangle in its own axes (Chongqing builds on
 * terraces cut into the slope). Sizes follow the part's parameters (defaults where omitted);
 * lines, wharves, inclines and dams follow the ground instead and get none.
 */
export function padFor(s: PadSource): Pad | undefined {
  const p = (s.params ?? {}) as Record<string, number | boolean | undefined>;
  const n = (key: string, fallback: number) => (typeof p[key] === 'number' ? (p[key] as number) : fallback);
  const k = s.scale ?? 1;
  let width: number;
  let depth: number;
  let offset = 0; // along the part's local z
  switch (s.kind) {
    case 'factory-hall':
      [width, depth] = [n('length', 60) + 6, n('width', 24) + 6];
      break;
    case 'building':
      [width, depth] = [n('length', 24) + 6, n('width', 14) + 6];
      break;
    case 'housing': {
      const blocks = n('blocks', 1);
      [width, depth] = [n('length', 36) + 6, (blocks - 1) * n('spacing', 18) + n('depth', 10) + 8];
      break;
    }
    case 'blast-furnace':
      [width, depth] = [n('hearthDiameter', 9) * 5, n('hearthDiameter', 9) * 3.5];
      break;
    case 'hot-blast-stoves':
      [width, depth] = [n('count', 3) * n('diameter', 7) * 1.3 + 6, n('diameter', 7) * 2.2];
      break;
    case 'chimney':
      [width, depth] = [n('baseDiameter', 4.5) * 2.5, n('baseDiameter', 4.5) * 2.5];
      break;
    case 'water-tower':
      [width, depth] = [n('tankDiameter', 7) * 1.6, n('tankDiameter', 7) * 1.6];
      break;
    case 'cave':
      if (p.cutaway) {
        [width, depth, offset] = [n('width', 10) * 2.4 + 6, n('length', 40) + 14, -n('length', 40) / 2 + 7];
      } else [width, depth, offset] = [n('width', 10) * 2.2, 16, 7];
      break;
    case 'gantry-crane':
      [width, depth] = [n('span', 24) + 8, n('runway', 60) + 4];
      break;
    case 'substation':
      [width, depth] = [n('width', 30) + 16, n('depth', 20) + 4];
      break;
    case 'platform':
      [width, depth] = [n('length', 80) + 4, n('width', 6) + 4];
      break;
    case 'open-air-cinema':
      [width, depth, offset] = [n('screenWidth', 16) * 1.6 + 4, n('rows', 12) * 1.2 + 16, (n('rows', 12) * 1.2) / 2 + 5];
      break;
    default:
      return undefined;
  }
  const a = ((s.rotation ?? 0) * Math.PI) / 180;
  const cos = Math.cos(a);
  const sin = Math.sin(a);
  return {
    x: s.position[0] + offset * k * sin,
    z: s.position[1] + offset * k * cos,
    width: width * k,
    depth: depth * k,
    cos,
    sin,
    elevation: s.elevation,
  };
}

/**
 * The height field of a scene. With `structures`, each one stands on a level site at the height
 * of the ground at its position (or its `elevation`): the same ground the kit draws and the
 * content check tests camera positions against.
 */
export function createHeightField(terrain: TerrainSpec, river?: RiverSpec, structures: PadSource[] = []): HeightField {
  const noise = valueNoise(terrain.noise.seed);
  const hills = terrain.hills.map((h) => {
    const a = (h.angle * Math.PI) / 180;
    return { ...h, cos: Math.cos(a), sin: Math.sin(a) };
  });
  const terraces = terrain.terraces.map((t) => {
    const a = (t.angle * Math.PI) / 180;
    return { ...t, cos: Math.cos(a), sin: Math.sin(a) };
  });

  const natural = (x: number, z: number) => {
    let h = terrain.base;
    for (const hill of hills) {
      const dx = x - hill.x;
      const dz = z - hill.z;
      // Along the ridge (the hill's angle) the bump is `stretch` times longer.
      const u = (dx * hill.cos - dz * hill.sin) / hill.stretch;
      const w = dx * hill.sin + dz * hill.cos;
      h += hill.height * Math.exp(-(u * u + w * w) / (hill.radius * hill.radius));
    }
    const { amplitude, scale } = terrain.noise;
    if (amplitude > 0) h += amplitude * (noise(x / scale, z / scale) + 0.5 * noise((x * 2.1) / scale + 17, (z * 2.1) / scale - 9));
    return h;
  };

  const riverDistance = (x: number, z: number) => (river ? distanceToPolyline(river.path, x, z) : Number.POSITIVE_INFINITY);

  const shaped = (x: number, z: number) => {
    let h = natural(x, z);
    for (const t of terraces) {
      const dx = x - t.x;
      const dz = z - t.z;
      const u = Math.abs(dx * t.cos - dz * t.sin) - t.width / 2;
      const w = Math.abs(dx * t.sin + dz * t.cos) - t.depth / 2;
      const outside = Math.max(u, w, 0);
      // Flat inside the pad, blending back to the hillside over TERRACE_BLEND metres.
      const k = 1 - smoothstep(0, TERRACE_BLEND, outside);
      h = h + (t.height - h) * k;
    }
    return h;
  };

  // Each site's level: the given elevation, or the ground at the structure's own position.
  const pads = structures.flatMap((st) => {
    const pad = padFor(st);
    return pad ? [{ ...pad, level: pad.elevation ?? shaped(st.position[0], st.position[1]) }] : [];
  });

  const heightAt = (x: number, z: number) => {
    let h = shaped(x, z);
    for (const t of pads) {
      const dx = x - t.x;
      const dz = z - t.z;
      const u = Math.abs(dx * t.cos - dz * t.sin) - t.width / 2;
      const w = Math.abs(dx * t.sin + dz * t.cos) - t.depth / 2;
      const outside = Math.max(u, w, 0);
      if (outside >= PAD_BLEND) continue;
      const k = 1 - smoothstep(0, PAD_BLEND, outside);
      h = h + (t.level - h) * k;
    }
    if (river) {
      const d = riverDistance(x, z);
      const half = river.width / 2;
      const bank = Math.max(8, river.width * 0.25);
      if (d < half) {
        const bed = river.level - RIVER_DEPTH * (1 - (d / half) ** 2) - 0.4;
        h = Math.min(h, bed);
      } else if (d < half + bank) {
        const k = smoothstep(half, half + bank, d);
        const shore = river.level - 0.4;
        h = Math.min(h, shore + (Math.max(h, shore) - shore) * k);
      }
    }
    return h;
  };

  return {
    size: terrain.size,
    heightAt,
    riverDistance,
    wet: (x, z) => (river ? heightAt(x, z) < river.level : false),
    waterLevel: river?.level,
  };
}
