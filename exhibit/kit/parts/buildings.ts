/**
 * Buildings: the factory hall (sawtooth, gable or monitor roof), workers' housing blocks, a
 * general building (offices, clubs, guesthouses, museums), the water tower, the open-air cinema.
 */
import { BAY_WIDTH, box, cylinder, fromArrays, gable, hip, lathe, orientOutward, PartBuilder, STOREY, strut } from '../geometry.ts';
import { FACADE, type MaterialKey, PLAIN } from '../materials.ts';
import type { PartBuilderFn } from './types.ts';

/** Sawtooth roof teeth over a hall: each tooth a sloping roof and a steep north light (glazing). */
function sawtooth(b: PartBuilder, length: number, width: number, eaves: number, plain: MaterialKey) {
  const teeth = Math.max(2, Math.round(length / 8));
  const step = length / teeth;
  const rise = Math.min(4.5, step * 0.55);
  const hw = width / 2;
  const roof: number[] = [];
  const roofUv: number[] = [];
  const glass: number[] = [];
  const glassUv: number[] = [];
  const ends: number[] = [];
  const endsUv: number[] = [];
  for (let i = 0; i < teeth; i++) {
    const x0 = -length / 2 + i * step;
    const x1 = x0 + step;
    const top = eaves + rise;
    // Sloping roof from the valley at x0 up to the crest at x1.
    roof.push(x0, eaves, hw, x1, top, hw, x1, top, -hw, x0, eaves, hw, x1, top, -hw, x0, eaves, -hw);
    const s = Math.hypot(step, rise) / BAY_WIDTH;
    const u = width / BAY_WIDTH;
    roofUv.push(0, 0, 0, s, u, s, 0, 0, u, s, u, 0);
    // The steep glazed face, from the crest down to the next valley.
    glass.push(x1, top, hw, x1, eaves, hw, x1, eaves, -hw, x1, top, hw, x1, eaves, -hw, x1, top, -hw);
    glassUv.push(0, 1, 0, 0, 1, 0, 0, 1, 1, 0, 1, 1);
    // Triangular end walls.
    for (const z of [hw, -hw]) {
      ends.push(x0, eaves, z, x1, eaves, z, x1, top, z);
      endsUv.push(0, 0, step / BAY_WIDTH, 0, step / BAY_WIDTH, rise / STOREY);
    }
  }
  orientOutward(roof, roofUv, [0, -1000, 0]);
  orientOutward(ends, endsUv, [0, eaves, 0]);
  // Glazing faces +x (the teeth's steep sides); wind it toward +x.
  orientOutward(glass, glassUv, [-1e4, eaves, 0]);
  b.add('roof-metal', fromArrays(roof, roofUv));
  b.add('glass', fromArrays(glass, glassUv));
  b.add(plain, fromArrays(ends, endsUv));
  return rise;
}

export const factoryHall: PartBuilderFn<'factory-hall'> = ({ length: L, width: W, height: H, roof, surface }) => {
  const b = new PartBuilder();
  const facade = FACADE[surface];
  const plain = PLAIN[surface];
  b.add('paving', box(L + 4, 0.3, W + 4));
  // Walls: a band of plain wall below the windows, the windowed clerestory above.
  const dado = Math.min(2.2, H * 0.3);
  b.add(plain, box(L, dado, W, { y: 0.3 }));
  b.add(facade, box(L, H - dado - 0.3, W, { y: dado + 0.3 }, { u: BAY_WIDTH * 1.5, v: Math.max(STOREY, (H - dado) / 2) }));
  // Pilasters along the long walls.
  const bays = Math.max(2, Math.round(L / 6));
  for (let i = 0; i <= bays; i++) {
    const x = -L / 2 + (i * L) / bays;
    for (const z of [W / 2 + 0.25, -W / 2 - 0.25]) b.add(plain, box(0.7, H, 0.5, { x, z, y: 0.3 }));
  }
  // Big doors in both gable ends.
  for (const x of [L / 2 + 0.05, -L / 2 - 0.05]) b.add('dark', box(0.3, Math.min(H * 0.6, 6), Math.min(W * 0.3, 6), { x, y: 0.3 }));
  let roofHeight: number;
  if (roof === 'sawtooth') roofHeight = sawtooth(b, L, W, H, plain);
  else {
    roofHeight = Math.min(W * 0.22, 6);
    b.add('roof-metal', gable(W, roofHeight, L, { y: H, ry: Math.PI / 2 }));
    if (roof === 'monitor') {
      const mw = W * 0.3;
      b.add('glass', box(L * 0.85, 1.6, mw, { y: H + roofHeight * 0.55 }));
      b.add('roof-metal', gable(mw, 1.2, L * 0.85, { y: H + roofHeight * 0.55 + 1.6, ry: Math.PI / 2 }, 0.3));
      roofHeight += 2.8;
    }
  }
  return { groups: b.build(), height: H + roofHeight, footprint: Math.hypot(L, W) / 2 };
};

export const housing: PartBuilderFn<'housing'> = ({ floors, length: L, depth: D, blocks, spacing, surface, roof, balconies }) => {
  const b = new PartBuilder();
  const facade = FACADE[surface];
  const plain = PLAIN[surface];
  const H = floors * STOREY;
  const z0 = (-(blocks - 1) * spacing) / 2;
  for (let i = 0; i < blocks; i++) {
    const z = z0 + i * spacing;
    b.add(plain, box(L + 0.6, 0.6, D + 0.6, { z }));
    b.add(facade, box(L, H, D, { z, y: 0.6 }));
    // Stair tower in the middle of the back.
    b.add(plain, box(3.2, H + 1.2, 2.4, { z: z - D / 2 - 1.1, y: 0.6 }));
    if (balconies) {
      // Open access galleries on the front, one per upper floor, with a parapet.
      for (let f = 1; f < floors; f++) {
        const y = 0.6 + f * STOREY;
        b.add('plain-concrete', box(L, 0.2, 1.5, { z: z + D / 2 + 0.75, y: y - 0.1 }));
        b.add('plain-concrete', box(L, 0.9, 0.12, { z: z + D / 2 + 1.45, y: y + 0.1 }));
      }
    }
    if (roof === 'gable') b.add('roof-tile', gable(D, Math.min(D * 0.35, 3.2), L, { z, y: 0.6 + H, ry: Math.PI / 2 }));
    else b.add(plain, box(L + 0.2, 0.8, D + 0.2, { z, y: 0.6 + H }));
  }
  const extent = Math.max(L, (blocks - 1) * spacing + D);
  return { groups: b.build(), height: H + 3.5, footprint: extent / 2 + 2 };
};

export const building: PartBuilderFn<'building'> = ({ floors, length: L, width: W, roof, surface, porch }) => {
  const b = new PartBuilder();
  const facade = FACADE[surface];
  const plain = PLAIN[surface];
  const H = floors * STOREY;
  b.add('paving', box(L + 3, 0.3, W + 3));
  b.add(plain, box(L + 0.4, 0.9, W + 0.4, { y: 0.3 }));
  b.add(facade, box(L, H, W, { y: 1.2 }));
  // Cornice.
  b.add(plain, box(L + 0.6, 0.5, W + 0.6, { y: 1.2 + H - 0.5 }));
  let roofH = 0.8;
  if (roof === 'hip') {
    roofH = Math.min(W, L) * 0.3;
    b.add('roof-tile', hip(W, roofH, L, { y: 1.2 + H, ry: Math.PI / 2 }));
  } else if (roof === 'gable') {
    roofH = Math.min(W * 0.3, 5);
    b.add('roof-tile', gable(W, roofH, L, { y: 1.2 + H, ry: Math.PI / 2 }));
  } else b.add(plain, box(L + 0.3, 0.8, W + 0.3, { y: 1.2 + H }));
  if (porch) {
    const pw = Math.min(L * 0.4, 12);
    const pd = 3;
    b.add(plain, box(pw, 0.4, pd, { z: W / 2 + pd / 2, y: 1.2 + Math.min(H, STOREY) }));
    for (const x of [-pw / 2 + 0.4, -pw / 6, pw / 6, pw / 2 - 0.4])
      b.add(plain, cylinder(0.28, 0.28, Math.min(H, STOREY), { x, z: W / 2 + pd - 0.4, y: 1.2 }, 8));
    b.add('dark', box(2.2, 2.6, 0.1, { z: W / 2 + 0.02, y: 1.2 }));
  }
  return { groups: b.build(), height: 1.2 + H + roofH, footprint: Math.hypot(L, W) / 2 + 1.5 };
};

export const waterTower: PartBuilderFn<'water-tower'> = ({ height: H, tankDiameter: D, style }) => {
  const b = new PartBuilder();
  const r = D / 2;
  const tankH = Math.max(3, D * 0.7);
  const shaftTop = H - tankH;
  if (style === 'concrete') {
    b.add('plain-concrete', cylinder(r * 0.45, r * 0.35, shaftTop, {}, 16));
    b.add(
      'plain-concrete',
      lathe(
        [
          [r * 0.35, shaftTop - 1.5],
          [r, shaftTop + tankH * 0.2],
          [r, shaftTop + tankH * 0.85],
          [r * 1.06, shaftTop + tankH * 0.9],
          [r * 0.2, H + r * 0.35],
        ],
        {},
        20,
      ),
    );
    // A band of small windows on the shaft and a door.
    b.add('dark', box(1.2, 2.2, 0.2, { z: r * 0.44, y: 0 }));
  } else {
    for (const [dx, dz] of [
      [1, 1],
      [1, -1],
      [-1, 1],
      [-1, -1],
    ]) {
      b.add('steel', strut([dx * r * 0.95, 0, dz * r * 0.95], [dx * r * 0.6, shaftTop, dz * r * 0.6], 0.22, 5));
    }
    for (const f of [0.35, 0.7]) {
      const y = shaftTop * f;
      const k = 0.95 - 0.35 * f;
      b.add('steel', strut([-r * k, y, r * k], [r * k, y, r * k], 0.1, 4), strut([-r * k, y, -r * k], [r * k, y, -r * k], 0.1, 4));
      b.add('steel', strut([r * k, y, -r * k], [r * k, y, r * k], 0.1, 4), strut([-r * k, y, -r * k], [-r * k, y, r * k], 0.1, 4));
    }
    b.add('rust', cylinder(r, r, tankH, { y: shaftTop }, 20));
    b.add('steel', cylinder(r * 1.04, 0.2, r * 0.4, { y: H }, 20));
  }
  return { groups: b.build(), height: H + r * 0.4, footprint: r + 1 };
};

export const openAirCinema: PartBuilderFn<'open-air-cinema'> = ({ screenWidth: S, rows }) => {
  const b = new PartBuilder();
  const screenH = S * 0.55;
  // The screen wall on its plinth, facing +z.
  b.add('plain-brick', box(S + 2, screenH + 3, 1.2, { y: 0 }));
  b.add('screen', box(S, screenH, 0.1, { y: 2.2, z: 0.62 }));
  b.add('paving', box(S * 1.6, 0.2, rows * 1.2 + 10, { z: (rows * 1.2) / 2 + 5 }));
  // Rows of concrete benches.
  for (let i = 0; i < rows; i++) {
    const z = 6 + i * 1.2;
    b.add('plain-concrete', box(S * 1.1, 0.45, 0.4, { z }));
  }
  // Projection booth at the back.
  b.add('plain-brick', box(3, 3, 3, { z: 8 + rows * 1.2 }));
  b.add('roof-tile', gable(3, 1.2, 3, { y: 3, z: 8 + rows * 1.2 }));
  return { groups: b.build(), height: screenH + 3, footprint: Math.max(S, rows * 1.2 + 10) / 2 + 2 };
};
