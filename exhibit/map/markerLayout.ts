/**
 * Where each site's marker goes on screen so that every marker stays tappable (44 px apart).
 * Sites that fall within one touch target of each other form a cluster:
 * - if zooming in would separate them, the cluster is drawn as one group button ("5 sites — zoom
 *   in"), unless groups are not allowed (a route's stops must all show);
 * - otherwise (same point, or already at the highest zoom) its sites are spread on a ring around
 *   the place, each with a leader line back to it.
 * A few rounds of pushing apart then clear the overlaps that remain between clusters.
 */

export interface Anchor {
  id: string;
  /** Screen position of the site's true location. */
  x: number;
  y: number;
}

export type Placed =
  | { kind: 'marker'; id: string; x: number; y: number; ax: number; ay: number; displaced: boolean }
  | { kind: 'group'; ids: string[]; x: number; y: number };

export interface LayoutOptions {
  /** Minimum distance between marker centres (the touch target). */
  minDistance: number;
  /** How many times larger the scale can still get (maxScale / scale). */
  zoomHeadroom: number;
  allowGroups: boolean;
}

function find(parent: number[], i: number): number {
  while (parent[i] !== i) {
    parent[i] = parent[parent[i]];
    i = parent[i];
  }
  return i;
}

export function layoutMarkers(anchors: Anchor[], { minDistance, zoomHeadroom, allowGroups }: LayoutOptions): Placed[] {
  const n = anchors.length;
  const parent = anchors.map((_, i) => i);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      if (Math.hypot(anchors[i].x - anchors[j].x, anchors[i].y - anchors[j].y) < minDistance) parent[find(parent, i)] = find(parent, j);
    }
  }
  const clusters = new Map<number, Anchor[]>();
  anchors.forEach((a, i) => {
    const root = find(parent, i);
    clusters.set(root, [...(clusters.get(root) ?? []), a]);
  });

  const placed: Placed[] = [];
  for (const members of clusters.values()) {
    if (members.length === 1) {
      const [a] = members;
      placed.push({ kind: 'marker', id: a.id, x: a.x, y: a.y, ax: a.x, ay: a.y, displaced: false });
      continue;
    }
    const cx = members.reduce((s, a) => s + a.x, 0) / members.length;
    const cy = members.reduce((s, a) => s + a.y, 0) / members.length;
    let spread = 0;
    for (const a of members) for (const b of members) spread = Math.max(spread, Math.hypot(a.x - b.x, a.y - b.y));
    if (allowGroups && spread * zoomHeadroom >= minDistance * 1.5) {
      placed.push({ kind: 'group', ids: members.map((m) => m.id), x: cx, y: cy });
      continue;
    }
    // A ring around the place; sites keep their compass order around it where they differ.
    const radius = Math.max(minDistance * 0.8, (members.length * minDistance * 1.05) / (2 * Math.PI));
    const ordered = members
      .map((a, i) => ({ a, i, angle: Math.hypot(a.x - cx, a.y - cy) > 0.5 ? Math.atan2(a.y - cy, a.x - cx) : Number.NaN }))
      .sort((p, q) => (Number.isNaN(p.angle) || Number.isNaN(q.angle) ? p.i - q.i : p.angle - q.angle));
    ordered.forEach(({ a }, k) => {
      const angle = -Math.PI / 2 + (2 * Math.PI * k) / members.length;
      placed.push({ kind: 'marker', id: a.id, x: cx + radius * Math.cos(angle), y: cy + radius * Math.sin(angle), ax: a.x, ay: a.y, displaced: true });
    });
  }

  // Push apart what still overlaps (neighbouring rings, a ring and a lone marker).
  for (let round = 0; round < 30; round++) {
    let moved = false;
    for (let i = 0; i < placed.length; i++) {
      for (let j = i + 1; j < placed.length; j++) {
        const p = placed[i];
        const q = placed[j];
        let dx = q.x - p.x;
        let dy = q.y - p.y;
        let d = Math.hypot(dx, dy);
        if (d >= minDistance - 0.01) continue;
        if (d < 1e-6) {
          const angle = ((i * 7 + j * 13) % 360) * (Math.PI / 180);
          dx = Math.cos(angle);
          dy = Math.sin(angle);
          d = 1;
        }
        const push = (minDistance - d) / 2 + 0.01;
        p.x -= (dx / d) * push;
        p.y -= (dy / d) * push;
        q.x += (dx / d) * push;
        q.y += (dy / d) * push;
        moved = true;
      }
    }
    if (!moved) break;
  }
  for (const p of placed) if (p.kind === 'marker' && Math.hypot(p.x - p.ax, p.y - p.ay) > 1) p.displaced = true;
  return placed;
}
