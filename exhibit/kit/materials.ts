/**
 * The kit's shared palette: one material per surface, used by every part in a scene, with three
 * small procedural textures (a facade bay with a window, brick courses, ribbed metal or tile) built
 * from typed arrays — nothing is downloaded. Lambert shading keeps the fragment cost low enough
 * for the weakest kiosk GPU (SwiftShader stands in for it in the benchmark).
 *
 * A `KitMaterials` belongs to one scene and is disposed with it, textures included.
 */
import {
  Color,
  DataTexture,
  DoubleSide,
  LinearMipmapLinearFilter,
  type Material,
  MeshBasicMaterial,
  MeshLambertMaterial,
  MeshPhongMaterial,
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
  glow: '#e8a14a',
  hull: '#3f4a4f',
  paint: '#b9842f',
  foliage: '#4f6b3a',
  trunk: '#5a4331',
};

type TextureName = 'window' | 'brick' | 'ribbed';
const TEXTURED: Partial<Record<MaterialKey, TextureName>> = {
  'red-brick': 'window',
  brick: 'window',
  concrete: 'window',
  stucco: 'window',
  'rammed-earth': 'window',
  'steel-clad': 'window',
  'plain-red-brick': 'brick',
  'plain-brick': 'brick',
  stone: 'brick',
  'roof-metal': 'ribbed',
  'roof-tile': 'ribbed',
};

const SIZE = 64;

/** A 64×64 greyscale pattern (tinted by the material colour). */
function makeTexture(name: TextureName): DataTexture {
  const data = new Uint8Array(SIZE * SIZE * 4);
  const rnd = random(name.length * 7919);
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++) {
      let v = 236 + Math.floor(rnd() * 14) - 7;
      if (name === 'window') {
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
      } else if (name === 'brick') {
        const row = Math.floor(y / 6);
        const offset = row % 2 ? 8 : 0;
        if (y % 6 === 0 || (x + offset) % 16 === 0) v -= 28;
      } else {
        // Ribs (corrugated sheet or rows of tiles), lighter on one flank.
        const t = x % 8;
        v = t < 2 ? 180 : t < 4 ? 250 : 222;
        v += Math.floor(rnd() * 10) - 5;
      }
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

export interface KitMaterials {
  get(key: MaterialKey): Material;
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
  const materials = new Map<MaterialKey, Material>();
  // The terrain's light is baked into its vertex colours (lighting.ts): the cheapest shader there is.
  const terrain = new MeshBasicMaterial({ vertexColors: true });
  const water = new MeshPhongMaterial({ color: new Color(options.water ?? '#4f7480'), specular: new Color('#8fa7ad'), shininess: 40 });
  const marker = new MeshBasicMaterial({ color: '#ffffff', fog: false, depthTest: true });
  return {
    get(key) {
      let m = materials.get(key);
      if (!m) {
        const tex = TEXTURED[key];
        const lambert = new MeshLambertMaterial({ color: new Color(COLOURS[key]), map: tex ? texture(tex) : null });
        if (key === 'glow') lambert.emissive = new Color('#b86a1c');
        // Foliage cards and the cinema screen are seen from both sides.
        if (key === 'foliage' || key === 'screen') lambert.side = DoubleSide;
        m = lambert;
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
