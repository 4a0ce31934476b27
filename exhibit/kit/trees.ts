/**
 * Trees scattered over the terrain: one small broad-leaved tree geometry (canopy and trunk in
 * vertex colours) drawn as a single instanced mesh, placed deterministically for a seed, kept off
 * the water, steep rock, structures and rail lines.
 */
import { type BufferGeometry, Color, CylinderGeometry, Float32BufferAttribute, IcosahedronGeometry, Matrix4, Quaternion, Vector3 } from 'three';
import { mergeGeometries, mergeVertices } from 'three/examples/jsm/utils/BufferGeometryUtils.js';
import { random } from './geometry.ts';
import { makeBaker } from './lighting.ts';
import type { HeightField } from './terrain.ts';

function coloured(g: BufferGeometry, colour: string): BufferGeometry {
  const out = g.index ? g.toNonIndexed() : g;
  if (out !== g) g.dispose();
  out.deleteAttribute('uv');
  const c = new Color(colour);
  const n = out.getAttribute('position').count;
  const arr = new Float32Array(n * 3);
  for (let i = 0; i < n; i++) arr.set([c.r, c.g, c.b], i * 3);
  out.setAttribute('color', new Float32BufferAttribute(arr, 3));
  return out;
}

/** A tree about 7 m tall: a trunk and a faceted canopy, its light baked into its colours. */
export function treeGeometry(skyTop?: string): BufferGeometry {
  // Few triangles on purpose: hundreds of trees, and a software GPU pays per triangle.
  const trunk = coloured(new CylinderGeometry(0.22, 0.32, 3, 3, 1, true).translate(0, 1.5, 0), '#5a4331');
  const crown = coloured(new IcosahedronGeometry(1, 0).scale(2.5, 2.4, 2.5).translate(0, 4.6, 0), '#5a7542');
  const merged = mergeGeometries([trunk, crown], false);
  trunk.dispose();
  crown.dispose();
  if (!merged) throw new Error('tree geometry');
  merged.computeVertexNormals();
  const bake = makeBaker(skyTop ?? '#9db8cf');
  const col = merged.getAttribute('color');
  const nrm = merged.getAttribute('normal');
  const c = new Color();
  for (let i = 0; i < col.count; i++) {
    c.setRGB(col.getX(i), col.getY(i), col.getZ(i));
    bake(c, nrm.getX(i), nrm.getY(i), nrm.getZ(i));
    col.setXYZ(i, c.r, c.g, c.b);
  }
  merged.deleteAttribute('normal');
  // Indexed: each corner of a blob is shaded once, not once per face (there are hundreds of trees).
  const welded = mergeVertices(merged, 1e-4);
  if (welded !== merged) merged.dispose();
  welded.computeBoundingSphere();
  return welded;
}

export interface KeepOut {
  x: number;
  z: number;
  r: number;
}

/** Instance matrices and tints for `count` trees. */
export function scatterTrees(field: HeightField, count: number, seed: number, keepOut: KeepOut[]): { matrices: Matrix4[]; colours: Color[] } {
  const rnd = random(seed);
  const matrices: Matrix4[] = [];
  const colours: Color[] = [];
  const half = field.size / 2 - 4;
  const up = new Vector3(0, 1, 0);
  let attempts = 0;
  while (matrices.length < count && attempts < count * 12) {
    attempts++;
    const x = (rnd() * 2 - 1) * half;
    const z = (rnd() * 2 - 1) * half;
    const h = field.heightAt(x, z);
    if (field.waterLevel !== undefined && h < field.waterLevel + 1.2) continue;
    // Too steep: bare rock.
    const slope = Math.hypot(field.heightAt(x + 2, z) - h, field.heightAt(x, z + 2) - h) / 2;
    if (slope > 0.9) continue;
    if (keepOut.some((k) => (x - k.x) ** 2 + (z - k.z) ** 2 < k.r * k.r)) continue;
    const s = 0.7 + rnd() * 0.7;
    matrices.push(
      new Matrix4().compose(
        new Vector3(x, h - 0.2, z),
        new Quaternion().setFromAxisAngle(up, rnd() * Math.PI * 2),
        new Vector3(s, s * (0.85 + rnd() * 0.3), s),
      ),
    );
    const k = 0.8 + rnd() * 0.35;
    colours.push(new Color(k * (0.9 + rnd() * 0.2), k, k * (0.85 + rnd() * 0.15)));
  }
  return { matrices, colours };
}
