/**
 * Transport: the rail line with its train (following the ground, on trestles where the ground
 * drops away or the line crosses water), the wharf with moored barges and river steps, the
 * incline with its winch house and chute, the station platform.
 */
import { box, cylinder, fromArrays, gable, lathe, PartBuilder, type Place, pipe, strut } from '../geometry.ts';
import type { PartBuilderFn, PartContext } from './types.ts';

/** Points every `step` metres along a polyline, with the heading (radians about y) at each. */
export function samplePath(path: [number, number][], step: number): { x: number; z: number; heading: number; s: number }[] {
  const out: { x: number; z: number; heading: number; s: number }[] = [];
  let travelled = 0;
  let carry = 0;
  for (let i = 0; i < path.length - 1; i++) {
    const [ax, az] = path[i];
    const [bx, bz] = path[i + 1];
    const len = Math.hypot(bx - ax, bz - az);
    if (len === 0) continue;
    // Heading so that a part's local +x runs along the segment.
    const heading = Math.atan2(-(bz - az), bx - ax);
    for (let d = carry; d <= len; d += step) {
      const t = d / len;
      out.push({ x: ax + (bx - ax) * t, z: az + (bz - az) * t, heading, s: travelled + d });
    }
    carry = step - ((len - carry) % step);
    if (carry >= step) carry = 0;
    travelled += len;
  }
  const [lx, lz] = path[path.length - 1];
  const last = out[out.length - 1];
  if (!last || Math.hypot(last.x - lx, last.z - lz) > 0.01) out.push({ x: lx, z: lz, heading: last?.heading ?? 0, s: travelled });
  return out;
}

/** Height of the track bed: on the ground, or on a deck 1.5 m above the water. */
function deckAt(ctx: PartContext, x: number, z: number) {
  const g = ctx.groundAt(x, z);
  return ctx.waterLevel !== undefined ? Math.max(g, ctx.waterLevel + 1.5) : g;
}

function steamLocomotive(b: PartBuilder, at: Place, gauge: number) {
  const scale = gauge < 1.2 ? 0.75 : 1;
  const p = (x: number, y: number, z = 0): Place => {
    const c = Math.cos(at.ry ?? 0);
    const s = Math.sin(at.ry ?? 0);
    return { x: (at.x ?? 0) + (x * c + z * s) * scale, y: (at.y ?? 0) + y * scale, z: (at.z ?? 0) + (-x * s + z * c) * scale, ry: at.ry };
  };
  b.add('hull', box(9, 1, 2.6, p(0, 0.8)));
  b.add('hull', pipe(0.95, 5.5, p(1.2, 2.75)));
  b.add('hull', box(2.8, 3, 2.8, p(-2.8, 1.8)));
  b.add('dark', box(3.1, 0.3, 3.1, p(-2.8, 4.8)));
  b.add('hull', cylinder(0.35, 0.45, 1.4, p(3.4, 3.4), 8));
  b.add('hull', cylinder(0.45, 0.45, 0.8, p(1.4, 3.5), 8));
  for (const x of [-1.6, 0.2, 2]) b.add('rust', pipe(0.7, 2.7, { ...p(x, 0.75), ry: (at.ry ?? 0) + Math.PI / 2 }, 10));
}

function coalWagon(b: PartBuilder, at: Place, gauge: number) {
  const k = gauge < 1.2 ? 0.7 : 1;
  b.add('hull', box(6.2 * k, 1.9 * k, 2.7 * k, { ...at, y: (at.y ?? 0) + 0.8 * k }));
  b.add('coal', box(5.8 * k, 0.4 * k, 2.3 * k, { ...at, y: (at.y ?? 0) + 2.6 * k }));
  b.add('dark', box(5 * k, 0.7 * k, 2 * k, { ...at, y: (at.y ?? 0) + 0.2 * k }));
}

export const railLine: PartBuilderFn<'rail-line'> = ({ path, gauge, wagons, locomotive, trainAt }, ctx) => {
  const b = new PartBuilder();
  const g = gauge === 'narrow' ? 0.9 : 1.435;
  const points = samplePath(path, 4);
  const ys = points.map((p) => deckAt(ctx, p.x, p.z));
  // The track as swept profiles (a few triangles per 4 m, not boxes): ballast bed, two rails, sleepers.
  const sweep = (profile: [number, number][], surface: 'ballast' | 'rail' | 'sleeper', lift = 0) => {
    const v: number[] = [];
    const uv: number[] = [];
    for (let i = 0; i < points.length - 1; i++) {
      const a = points[i];
      const c = points[i + 1];
      const h = Math.atan2(-(c.z - a.z), c.x - a.x);
      // Lateral direction (perpendicular to the segment, horizontal).
      const lx = Math.sin(h);
      const lz = Math.cos(h);
      for (let k = 0; k < profile.length - 1; k++) {
        const [u0, w0] = profile[k];
        const [u1, w1] = profile[k + 1];
        const p00 = [a.x + lx * u0, ys[i] + w0 + lift, a.z + lz * u0];
        const p01 = [a.x + lx * u1, ys[i] + w1 + lift, a.z + lz * u1];
        const p10 = [c.x + lx * u0, ys[i + 1] + w0 + lift, c.z + lz * u0];
        const p11 = [c.x + lx * u1, ys[i + 1] + w1 + lift, c.z + lz * u1];
        v.push(...p00, ...p10, ...p11, ...p00, ...p11, ...p01);
        uv.push(0, 0, 1, 0, 1, 1, 0, 0, 1, 1, 0, 1);
      }
    }
    // Wind every face upward/outward (the profiles run left to right, seen from above).
    for (let i = 0; i < v.length; i += 9) {
      const ax = v[i + 3] - v[i];
      const az = v[i + 5] - v[i + 2];
      const bx = v[i + 6] - v[i];
      const bz = v[i + 8] - v[i + 2];
      const ay = v[i + 4] - v[i + 1];
      const by = v[i + 7] - v[i + 1];
      const ny = az * bx - ax * bz;
      const nx = ay * bz - az * by;
      if (ny < -1e-9 || (Math.abs(ny) < 1e-9 && nx < 0)) {
        for (let k = 0; k < 3; k++) [v[i + 3 + k], v[i + 6 + k]] = [v[i + 6 + k], v[i + 3 + k]];
      }
    }
    b.add(surface, fromArrays(v, uv));
  };
  const half = g / 2 + 0.7;
  sweep(
    [
      [-half - 0.6, -0.45],
      [-half, 0],
      [half, 0],
      [half + 0.6, -0.45],
    ],
    'ballast',
  );
  sweep(
    [
      [-(g / 2 + 0.4), 0.06],
      [g / 2 + 0.4, 0.06],
    ],
    'sleeper',
  );
  for (const side of [-1, 1]) {
    const r = (side * g) / 2;
    sweep(
      [
        [r - 0.06, 0.06],
        [r - 0.06, 0.22],
        [r + 0.06, 0.22],
      ],
      'rail',
    );
  }
  // Trestle piers where the line runs above the ground or over water.
  points.forEach((p, i) => {
    const ground = ctx.groundAt(p.x, p.z);
    if (ys[i] - ground > 1.2 && i % 2 === 0)
      b.add('plain-concrete', box(1.2, ys[i] - ground + 0.2, g + 1.2, { x: p.x, y: ground - 0.5, z: p.z, ry: p.heading }));
  });
  // The train: locomotive first, wagons behind it, spaced along the line.
  const total = points[points.length - 1].s;
  const trainLength = (locomotive ? 10 : 0) + wagons * 7;
  let s = Math.max(0, Math.min(total - trainLength, trainAt * total - trainLength / 2));
  const at = (dist: number) => {
    let k = points.findIndex((p) => p.s >= dist);
    if (k <= 0) k = 1;
    const a = points[k - 1];
    const c = points[k];
    const t = (dist - a.s) / (c.s - a.s || 1);
    const x = a.x + (c.x - a.x) * t;
    const z = a.z + (c.z - a.z) * t;
    return { x, z, y: deckAt(ctx, x, z) + 0.45, ry: Math.atan2(-(c.z - a.z), c.x - a.x) };
  };
  if (total > trainLength + 2) {
    for (let i = 0; i < wagons; i++) {
      coalWagon(b, at(s + 3.2), g);
      s += 7;
    }
    if (locomotive) steamLocomotive(b, at(s + 5), g);
  }
  // The footprint of a line is its path; trees are kept off it separately (see kit/trees.ts).
  return { groups: b.build(), height: 5, footprint: 4 };
};

function barge(b: PartBuilder, x: number, y: number, z: number, length: number) {
  const w = length * 0.22;
  b.add('hull', box(length, 1.6, w, { x, y: y - 0.8, z }));
  b.add('hull', box(length * 0.12, 1.6, w * 0.7, { x: x + length * 0.55, y: y - 0.8, z }));
  b.add('coal', box(length * 0.6, 0.7, w * 0.8, { x: x + length * 0.05, y: y + 0.8, z }));
  b.add('timber', box(length * 0.18, 1.8, w * 0.75, { x: x - length * 0.36, y: y + 0.8, z }));
  b.add('roof-tile', gable(w * 0.75, 0.8, length * 0.2, { x: x - length * 0.36, y: y + 2.6, z }, 0.2));
}

export const wharf: PartBuilderFn<'wharf'> = ({ length: L, depth: D, height: H, boats, steps }, ctx) => {
  const b = new PartBuilder();
  // Deck on the bank (local +z is the shore, -z the river).
  b.add('plain-concrete', box(L, 0.8, D, { y: H - 0.8 }));
  b.add('stone', box(L, H - 0.8, D * 0.45, { z: D * 0.275, y: 0 }));
  const water = ctx.waterLevel ?? -3;
  // Piles under the outer half, down into the water.
  const bottom = Math.min(water - 4, -4);
  for (let x = -L / 2 + 2; x <= L / 2 - 2; x += 5) {
    for (const z of [-D / 2 + 1, -D / 8]) b.add('plain-concrete', cylinder(0.45, 0.45, H - 0.8 - bottom, { x, z, y: bottom }, 8));
  }
  // Bollards along the edge, and a warehouse shed at the back.
  for (let x = -L / 2 + 3; x <= L / 2 - 3; x += 8) b.add('rust', cylinder(0.3, 0.35, 0.8, { x, z: -D / 2 + 0.6, y: H }, 8));
  b.add('timber', box(L * 0.5, 4.5, D * 0.35, { z: D * 0.28, y: H, x: -L * 0.15 }));
  b.add('roof-tile', gable(D * 0.35, 1.8, L * 0.5, { z: D * 0.28, y: H + 4.5, x: -L * 0.15, ry: Math.PI / 2 }));
  if (steps) {
    // A flight of stone steps down to the water, as at Chongqing's landing stages.
    const n = Math.max(3, Math.ceil((H - water) / 0.5));
    const foot = water - 1;
    for (let i = 0; i < n; i++) {
      const top = H - i * 0.5;
      b.add('stone', box(6, Math.max(0.5, top - foot), 0.8, { x: L / 2 + 3.5, y: foot, z: D * 0.4 - i * 0.8 }));
    }
  }
  for (let i = 0; i < boats; i++) barge(b, -L / 2 + ((i + 0.5) * L) / boats, water, -D / 2 - 4.5 - (i % 2) * 0.5, Math.min(22, (L / boats) * 0.85));
  return { groups: b.build(), height: H + 6, footprint: Math.hypot(L, D) / 2 + 6 };
};

export const inclineWinch: PartBuilderFn<'incline-winch'> = ({ run, drop }, ctx) => {
  const b = new PartBuilder();
  // Winch house at the top.
  b.add('paving', box(10, 0.3, 9));
  b.add('plain-brick', box(8, 4.2, 6.5, { y: 0.3 }));
  b.add('roof-tile', gable(6.5, 2.2, 8, { y: 4.5, ry: Math.PI / 2 }));
  b.add('steel', cylinder(1.2, 1.2, 0.4, { y: 3.2, z: -3.5 }, 12));
  // The incline: two rails and a timber chute falling `drop` metres over `run`, on trestles.
  const n = Math.max(4, Math.ceil(run / 4));
  for (let i = 0; i < n; i++) {
    const z0 = -4 - (i * run) / n;
    const z1 = -4 - ((i + 1) * run) / n;
    const y0 = -(i * drop) / n + 0.6;
    const y1 = -((i + 1) * drop) / n + 0.6;
    for (const x of [-0.8, 0.8]) b.add('rail', strut([x, y0, z0], [x, y1, z1], 0.08, 4));
    b.add('timber', strut([2.4, y0 + 0.3, z0], [2.4, y1 + 0.3, z1], 0.45, 4));
    const ground = ctx.groundAt(0, z1);
    if (y1 - ground > 0.6) {
      b.add('timber', box(0.35, y1 - ground, 0.35, { x: -1.1, y: ground, z: z1 }), box(0.35, y1 - ground, 0.35, { x: 1.1, y: ground, z: z1 }));
      b.add('timber', box(0.35, y1 + 0.3 - ground, 0.35, { x: 2.4, y: ground, z: z1 }));
    }
  }
  // A loaded skip on the rails, part way down.
  const t = 0.4;
  b.add(
    'coal',
    lathe(
      [
        [0.1, 0],
        [1, 0.3],
        [1.1, 1.2],
      ],
      { x: 0, y: -drop * t + 0.8, z: -4 - run * t },
      8,
    ),
  );
  return { groups: b.build(), height: 7, footprint: 6 };
};

export const platform: PartBuilderFn<'platform'> = ({ length: L, width: W, canopy }) => {
  const b = new PartBuilder();
  b.add('plain-concrete', box(L, 1.1, W));
  b.add('paving', box(L, 0.1, 0.4, { y: 1.1, z: -W / 2 + 0.2 }));
  if (canopy) {
    const cl = L * 0.55;
    for (let x = -cl / 2; x <= cl / 2 + 0.01; x += cl / 6) b.add('steel', cylinder(0.15, 0.15, 3.4, { x, y: 1.1 }, 6));
    b.add('roof-metal', box(cl + 1, 0.3, W * 0.8, { y: 4.5 }));
  }
  // Small station office at one end.
  b.add('plain-brick', box(6, 3.2, W * 0.7, { x: L / 2 - 4, y: 1.1 }));
  b.add('roof-tile', gable(W * 0.7, 1.6, 6, { x: L / 2 - 4, y: 4.3, ry: Math.PI / 2 }));
  return { groups: b.build(), height: 6, footprint: L / 2 };
};
