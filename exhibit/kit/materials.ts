/**
 * The kit's shared palette: a colour per surface (carried in vertex colours), two Lambert
 * materials shared by every part of a scene — plain, and facade with a small procedural window
 * texture built from a typed array (nothing is downloaded) — plus terrain, water and marker
 * materials. Few materials means few draw calls: the weakest kiosk GPU (SwiftShader stands in for
 * it in the benchmark) pays for each.
 *
 * A `KitMaterials` belongs to one scene and is disposed with it, textures included.
 */
import {
  Color,
  DataTexture,
  LinearMipmapLinearFilter,
  type Material,
  MeshBasicMaterial,
  MeshLambertMaterial,
  RepeatWrapping,
  RGBAFormat,
  SRGBColorSpace,
  type Texture,
} from 'three';
import { random } from './geometry.ts';

export const MATERIAL_KEYS = [
  // Facades with windows (UVs in bays: one window per tile).
  'red-brick',
  'brick',
  'concrete',
  'stucco',
  'rammed-earth',
  'steel-clad',
  // Plain surfaces.
  'plain-red-brick',
  'plain-brick',
  'plain-concrete',
  'stone',
  'steel',
  'rust',
  'roof-metal',
  'roof-tile',
  'timber',
  'rail',
  'sleeper',
  'ballast',
  'coal',
  'dark',
  'glass',
  'paving',
  'screen',
  'glow',
  'hull',
  'paint',
  'foliage',
  'trunk',
] as const;
export type MaterialKey = (typeof MATERIAL_KEYS)[number];

/** The kit's surface names (scene files) → the facade material with windows. */
export const FACADE: Record<string, MaterialKey> = {
  brick: 'brick',
  'red-brick': 'red-brick',
  concrete: 'concrete',
  stucco: 'stucco',
  'rammed-earth': 'rammed-earth',
  steel: 'steel-clad',
  rust: 'steel-clad',
  stone: 'stone',
};
/** The kit's surface names → the same surface without windows (plinths, gables, stacks). */
export const PLAIN: Record<string, MaterialKey> = {
  brick: 'plain-brick',
  'red-brick': 'plain-red-brick',
  concrete: 'plain-concrete',
  stucco: 'plain-concrete',
  'rammed-earth': 'rammed-earth',
  steel: 'steel',
  rust: 'rust',
  stone: 'stone',
};

const COLOURS: Record<MaterialKey, string> = {
  'red-brick': '#a4553f',
  brick: '#8f9194',
  concrete: '#b9b4a8',
  stucco: '#d8cfbb',
  'rammed-earth': '#b99b72',
  'steel-clad': '#7d8a8f',
  'plain-red-brick': '#9a4b38',
  'plain-brick': '#85878a',
  'plain-concrete': '#a9a496',
  stone: '#9d968a',
  steel: '#4c5459',
  rust: '#7c4a31',
  'roof-metal': '#6d7478',
  'roof-tile': '#4f5355',
  timber: '#6b4a32',
  rail: '#5d5650',
  sleeper: '#4a3b2f',
  ballast: '#8b857c',
  coal: '#2b2a2a',
  dark: '#1e2124',
  glass: '#6f8590',
  paving: '#a39d90',
  screen: '#ecebe4',
  glow: '#ffc36b',
  hull: '#3f4a4f',
  paint: '#b9842f',
  foliage: '#4f6b3a',
  trunk: '#5a4331',
};

type TextureName = 'window';
// Only facades carry a texture (their windows); brick courses and roof ribs would each need
// their own draw call per part, which the weakest kiosk GPU cannot spare — they are plain colour.
const TEXTURED: Partial<Record<MaterialKey, TextureName>> = {
  'red-brick': 'window',
  brick: 'window',
  concrete: 'window',
  stucco: 'window',
  'rammed-earth': 'window',
  'steel-clad': 'window',
};

const SIZE = 64;

/** A 64×64 greyscale pattern (tinted by the material colour). */
function makeTexture(name: TextureName): DataTexture {
  const data = new Uint8Array(SIZE * SIZE * 4);
  const rnd = random(name.length * 7919);
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++) {
      let v = 236 + Math.floor(rnd() * 14) - 7;
      // Brick courses on the wall; a window with a light frame and a lintel, one per tile.
      if (y % 6 === 0) v -= 14;
      const inWindow = x >= 20 && x < 44 && y >= 14 && y < 50;
      const frame = x >= 18 && x < 46 && y >= 12 && y < 52;
      const lintel = x >= 16 && x < 48 && y >= 52 && y < 56;
      if (lintel) v = 205;
      else if (inWindow) {
        const bar = x === 31 || x === 32 || y === 31 || y === 32;
        v = bar ? 120 : 44 + Math.floor((y - 14) * 0.6);
      } else if (frame) v = 250;
      const i = (y * SIZE + x) * 4;
      data[i] = data[i + 1] = data[i + 2] = Math.max(0, Math.min(255, v));
      data[i + 3] = 255;
    }
  }
  const tex = new DataTexture(data, SIZE, SIZE, RGBAFormat);
  tex.wrapS = tex.wrapT = RepeatWrapping;
  tex.magFilter = 1006; // LinearFilter
  tex.minFilter = LinearMipmapLinearFilter;
  tex.generateMipmaps = true;
  tex.anisotropy = 4;
  tex.colorSpace = SRGBColorSpace;
  tex.needsUpdate = true;
  return tex;
}

/**
 * What a draw call uses: the surfaces (MaterialKey) differ only in colour and in one of three
 * textures, so a part's surfaces are merged into at most two geometries (plain and windowed), with
 * the surface colour in the vertex colours — fewer draw calls, and on a software GPU every draw
 * call costs (see tests/bench/scenes.bench.ts).
 */
export const SHADER_KEYS = ['solid', 'window'] as const;
export type ShaderKey = (typeof SHADER_KEYS)[number];

export function shaderOf(surface: MaterialKey): ShaderKey {
  return TEXTURED[surface] ?? 'solid';
}

/** The surface's colour (linear), for the vertex colours. */
export function surfaceColour(surface: MaterialKey): Color {
  return new Color(COLOURS[surface]);
}

export interface KitMaterials {
  get(key: ShaderKey): Material;
  terrain: Material;
  water: Material;
  /** Hotspot markers (tinted per instance). */
  marker: Material;
  dispose(): void;
}

export function createKitMaterials(options: { water?: string } = {}): KitMaterials {
  const textures = new Map<TextureName, Texture>();
  const texture = (name: TextureName) => {
    let t = textures.get(name);
    if (!t) {
      t = makeTexture(name);
      textures.set(name, t);
    }
    return t;
  };
  const materials = new Map<ShaderKey, Material>();
  // The terrain's light is baked into its vertex colours (lighting.ts): the cheapest shader there is.
  const terrain = new MeshBasicMaterial({ vertexColors: true });
  const water = new MeshLambertMaterial({ color: new Color(options.water ?? '#4f7480') });
  const marker = new MeshBasicMaterial({ color: '#ffffff', fog: false, depthTest: true });
  return {
    get(key) {
      let m = materials.get(key);
      if (!m) {
        m = new MeshLambertMaterial({ vertexColors: true, map: key === 'solid' ? null : texture(key) });
        m.name = key;
        materials.set(key, m);
      }
      return m;
    },
    terrain,
    water,
    marker,
    dispose() {
      for (const m of materials.values()) m.dispose();
      for (const t of textures.values()) t.dispose();
      materials.clear();
      textures.clear();
      terrain.dispose();
      water.dispose();
      marker.dispose();
    },
  };
}
