/**
 * Small geometry toolkit for the procedural parts: boxes, prisms, cylinders and lathes placed in a
 * part's local space, with UVs in metres (so one facade texture tile is one bay of wall whatever
 * the size of the wall), collected per material and merged into one geometry per material.
 *
 * Conventions: metres; y up; a part stands on y = 0 and is centred on x = z = 0; its "front"
 * faces +z. Everything is non-indexed before merging (mergeGeometries needs one or the other).
 */
import {
  BoxGeometry,
  type BufferAttribute,
  BufferGeometry,
  CylinderGeometry,
  Float32BufferAttribute,
  LatheGeometry,
  Matrix4,
  Quaternion,
  Vector2,
  Vector3,
} from 'three';
import { mergeGeometries, mergeVertices } from 'three/examples/jsm/utils/BufferGeometryUtils.js';
import { type MaterialKey, type ShaderKey, shaderOf, surfaceColour } from './materials.ts';

/** Size of one facade bay (the window texture's tile): metres across and metres per storey. */
export const BAY_WIDTH = 4;
export const STOREY = 3.4;

export interface Place {
  x?: number;
  y?: number;
  z?: number;
  /** Rotation about y, radians. */
  ry?: number;
  /** Rotation about x and z, radians (for inclined members). */
  rx?: number;
  rz?: number;
}

const tmp = new Matrix4();
const quat = new Quaternion();
const euler = { x: 0, y: 0, z: 0 };

function placeMatrix(p: Place): Matrix4 {
  euler.x = p.rx ?? 0;
  euler.y = p.ry ?? 0;
  euler.z = p.rz ?? 0;
  // Y then X then Z, built by hand to avoid allocating an Euler per call.
  const qy = new Quaternion().setFromAxisAngle(new Vector3(0, 1, 0), euler.y);
  const qx = new Quaternion().setFromAxisAngle(new Vector3(1, 0, 0), euler.x);
  const qz = new Quaternion().setFromAxisAngle(new Vector3(0, 0, 1), euler.z);
  quat.copy(qy).multiply(qx).multiply(qz);
  return tmp.compose(new Vector3(p.x ?? 0, p.y ?? 0, p.z ?? 0), quat, new Vector3(1, 1, 1));
}

function finish(g: BufferGeometry, p: Place): BufferGeometry {
  const out = g.index ? g.toNonIndexed() : g;
  if (out !== g) g.dispose();
  out.applyMatrix4(placeMatrix(p));
  return out;
}

/**
 * A box whose bottom face sits at `p.y` (not its centre), with UVs in facade bays: on the walls
 * u = metres / BAY_WIDTH and v = metres / STOREY; on top and bottom u, v = metres / BAY_WIDTH.
 */
export function box(w: number, h: number, d: number, p: Place = {}, bay = { u: BAY_WIDTH, v: STOREY }): BufferGeometry {
  const g = new BoxGeometry(w, h, d);
  g.translate(0, h / 2, 0);
  const uv = g.getAttribute('uv') as BufferAttribute;
  // BoxGeometry faces in order: +x, -x, +y, -y, +z, -z; four vertices each.
  const spans: [number, number][] = [
    [d / bay.u, h / bay.v],
    [d / bay.u, h / bay.v],
    [w / bay.u, d / bay.u],
    [w / bay.u, d / bay.u],
    [w / bay.u, h / bay.v],
    [w / bay.u, h / bay.v],
  ];
  for (let f = 0; f < 6; f++) {
    for (let k = 0; k < 4; k++) {
      const i = f * 4 + k;
      // Tops and bottoms take a plain patch of the texture (no windows on a roof).
      if (f === 2 || f === 3) uv.setXY(i, 0.05 + uv.getX(i) * 0.05, 0.02 + uv.getY(i) * 0.05);
      else uv.setXY(i, uv.getX(i) * spans[f][0], uv.getY(i) * spans[f][1]);
    }
  }
  return finish(g, p);
}

/** A cylinder (or truncated cone) standing on `p.y`. UVs wrap once around per BAY_WIDTH of circumference. */
export function cylinder(rBottom: number, rTop: number, h: number, p: Place = {}, segments = 16, open = false): BufferGeometry {
  const g = new CylinderGeometry(rTop, rBottom, h, segments, 1, open);
  g.translate(0, h / 2, 0);
  scaleUv(g, (Math.PI * 2 * Math.max(rBottom, rTop)) / BAY_WIDTH, h / STOREY);
  return finish(g, p);
}

/** A horizontal cylinder (pipe, tank, barrel) of length `len` along x, centred on p. */
export function pipe(r: number, len: number, p: Place = {}, segments = 10): BufferGeometry {
  const g = new CylinderGeometry(r, r, len, segments, 1, false);
  g.rotateZ(Math.PI / 2);
  return finish(g, p);
}

/** A pipe from point a to point b (local space), radius r. */
export function strut(a: [number, number, number], b: [number, number, number], r: number, segments = 6): BufferGeometry {
  const va = new Vector3(...a);
  const vb = new Vector3(...b);
  const len = va.distanceTo(vb);
  const g = new CylinderGeometry(r, r, len, segments, 1, true);
  const dir = vb.clone().sub(va).normalize();
  const q = new Quaternion().setFromUnitVectors(new Vector3(0, 1, 0), dir);
  const mid = va.clone().add(vb).multiplyScalar(0.5);
  const out = g.toNonIndexed();
  g.dispose();
  out.applyMatrix4(new Matrix4().compose(mid, q, new Vector3(1, 1, 1)));
  return out;
}

/** A solid of revolution from a profile of [radius, height] points (bottom to top). */
export function lathe(profile: [number, number][], p: Place = {}, segments = 24): BufferGeometry {
  const g = new LatheGeometry(
    profile.map(([r, y]) => new Vector2(Math.max(r, 0.001), y)),
    segments,
  );
  const top = profile[profile.length - 1][1];
  const maxR = Math.max(...profile.map(([r]) => r));
  scaleUv(g, (Math.PI * 2 * maxR) / BAY_WIDTH, top / STOREY);
  return finish(g, p);
}

/**
 * A gabled prism (a pitched roof): `w` across the ridge (x), `d` along it (z), rising `h` from the
 * eaves at p.y. Closed at both gable ends.
 */
export function gable(w: number, h: number, d: number, p: Place = {}, overhang = 0.4): BufferGeometry {
  const hw = w / 2 + overhang;
  const hd = d / 2 + overhang;
  const v: number[] = [];
  const uv: number[] = [];
  const slope = Math.hypot(hw, h);
  const quadAt = (a: number[], b: number[], c: number[], d2: number[], us: number, vs: number) => {
    v.push(...a, ...b, ...c, ...a, ...c, ...d2);
    uv.push(0, 0, us, 0, us, vs, 0, 0, us, vs, 0, vs);
  };
  // Two roof slopes.
  quadAt([-hw, 0, hd], [-hw, 0, -hd], [0, h, -hd], [0, h, hd], (2 * hd) / BAY_WIDTH, slope / BAY_WIDTH);
  quadAt([hw, 0, -hd], [hw, 0, hd], [0, h, hd], [0, h, -hd], (2 * hd) / BAY_WIDTH, slope / BAY_WIDTH);
  // Gable ends (triangles).
  v.push(-hw, 0, hd, 0, h, hd, hw, 0, hd);
  uv.push(0, 0, hw / BAY_WIDTH, h / BAY_WIDTH, (2 * hw) / BAY_WIDTH, 0);
  v.push(hw, 0, -hd, 0, h, -hd, -hw, 0, -hd);
  uv.push(0, 0, hw / BAY_WIDTH, h / BAY_WIDTH, (2 * hw) / BAY_WIDTH, 0);
  orientOutward(v, uv, [0, h / 3, 0]);
  return fromArrays(v, uv, p);
}

/** A hipped roof over a w × d rectangle rising h (the ridge runs along the longer side). */
export function hip(w: number, h: number, d: number, p: Place = {}, overhang = 0.5): BufferGeometry {
  const hw = w / 2 + overhang;
  const hd = d / 2 + overhang;
  const along = hd >= hw;
  const ridge = along ? Math.max(hd - hw, 0) : Math.max(hw - hd, 0);
  const r1 = along ? [0, h, -ridge] : [-ridge, h, 0];
  const r2 = along ? [0, h, ridge] : [ridge, h, 0];
  const a = [-hw, 0, hd];
  const b = [hw, 0, hd];
  const c = [hw, 0, -hd];
  const e = [-hw, 0, -hd];
  const v: number[] = [];
  const uv: number[] = [];
  const tri = (p1: number[], p2: number[], p3: number[]) => {
    v.push(...p1, ...p2, ...p3);
    uv.push(0, 0, 1, 0, 0.5, 1);
  };
  if (along) {
    tri(a, b, r2); // front
    tri(c, e, r1); // back
    tri(b, c, r1);
    tri(b, r1, r2); // right slope
    tri(e, a, r2);
    tri(e, r2, r1); // left slope
  } else {
    tri(b, c, r2);
    tri(e, a, r1);
    tri(a, b, r2);
    tri(a, r2, r1);
    tri(c, e, r1);
    tri(c, r1, r2);
  }
  orientOutward(v, uv, [0, h / 3, 0]);
  return fromArrays(v, uv, p);
}

/**
 * Flips every triangle of a convex solid's soup whose face normal points toward `inside`, so all
 * faces are wound counter-clockwise seen from outside (front faces for back-face culling).
 */
export function orientOutward(v: number[], uv: number[], inside: [number, number, number]) {
  for (let i = 0, j = 0; i < v.length; i += 9, j += 6) {
    const ax = v[i + 3] - v[i];
    const ay = v[i + 4] - v[i + 1];
    const az = v[i + 5] - v[i + 2];
    const bx = v[i + 6] - v[i];
    const by = v[i + 7] - v[i + 1];
    const bz = v[i + 8] - v[i + 2];
    const nx = ay * bz - az * by;
    const ny = az * bx - ax * bz;
    const nz = ax * by - ay * bx;
    const cx = (v[i] + v[i + 3] + v[i + 6]) / 3 - inside[0];
    const cy = (v[i + 1] + v[i + 4] + v[i + 7]) / 3 - inside[1];
    const cz = (v[i + 2] + v[i + 5] + v[i + 8]) / 3 - inside[2];
    if (nx * cx + ny * cy + nz * cz < 0) {
      for (let k = 0; k < 3; k++) {
        const t = v[i + 3 + k];
        v[i + 3 + k] = v[i + 6 + k];
        v[i + 6 + k] = t;
      }
      for (let k = 0; k < 2; k++) {
        const t = uv[j + 2 + k];
        uv[j + 2 + k] = uv[j + 4 + k];
        uv[j + 4 + k] = t;
      }
    }
  }
}

/** Builds a non-indexed geometry from triangle soup and computes flat normals. */
export function fromArrays(positions: number[], uvs: number[], p: Place = {}): BufferGeometry {
  const g = new BufferGeometry();
  g.setAttribute('position', new Float32BufferAttribute(positions, 3));
  g.setAttribute('uv', new Float32BufferAttribute(uvs, 2));
  g.computeVertexNormals();
  g.applyMatrix4(placeMatrix(p));
  return g;
}

function scaleUv(g: BufferGeometry, su: number, sv: number) {
  const uv = g.getAttribute('uv') as BufferAttribute;
  for (let i = 0; i < uv.count; i++) uv.setXY(i, uv.getX(i) * su, uv.getY(i) * sv);
}

/** Collects geometries per material while a part is being built. */
export class PartBuilder {
  private readonly pieces = new Map<MaterialKey, BufferGeometry[]>();

  add(material: MaterialKey, ...geometries: BufferGeometry[]): this {
    const list = this.pieces.get(material) ?? [];
    list.push(...geometries);
    this.pieces.set(material, list);
    return this;
  }

  /** Repeats a piece at several places (merged: one draw call for all of them). */
  repeat(material: MaterialKey, make: (place: Place, i: number) => BufferGeometry, places: Place[]): this {
    places.forEach((pl, i) => {
      this.add(material, make(pl, i));
    });
    return this;
  }

  /**
   * One merged, indexed geometry per shader (see materials.ts), each surface's colour in the
   * vertex colours; the pieces are disposed.
   */
  build(): { material: ShaderKey; geometry: BufferGeometry }[] {
    const byShader = new Map<ShaderKey, BufferGeometry[]>();
    for (const [surface, list] of this.pieces) {
      const c = surfaceColour(surface);
      for (const g of list) {
        const n = g.getAttribute('position').count;
        const colours = new Float32Array(n * 3);
        for (let i = 0; i < n; i++) colours.set([c.r, c.g, c.b], i * 3);
        g.setAttribute('color', new Float32BufferAttribute(colours, 3));
        const shader = shaderOf(surface);
        byShader.set(shader, [...(byShader.get(shader) ?? []), g]);
      }
    }
    const out: { material: ShaderKey; geometry: BufferGeometry }[] = [];
    for (const [material, list] of [...byShader.entries()].sort(([a], [b]) => a.localeCompare(b))) {
      const merged = list.length === 1 ? list[0] : mergeGeometries(list, false);
      if (!merged) throw new Error(`could not merge the ${material} pieces`);
      if (list.length > 1) for (const g of list) g.dispose();
      // Indexed, with shared corners welded: far fewer vertices to shade (the vertex cache reuses them).
      const welded = mergeVertices(merged, 1e-4);
      if (welded !== merged) merged.dispose();
      welded.computeBoundingBox();
      welded.computeBoundingSphere();
      out.push({ material, geometry: welded });
    }
    this.pieces.clear();
    return out;
  }
}

export { random } from '../../content/scene-terrain.ts';

export function nonIndexed(g: BufferGeometry): BufferGeometry {
  if (!g.index) return g;
  const out = g.toNonIndexed();
  g.dispose();
  return out;
}

export const _internals = { placeMatrix };
