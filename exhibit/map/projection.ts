/**
 * Map units and the view. Over an area this small (about 5° × 4°) an equirectangular projection
 * scaled by cos(latitude) keeps shapes true to within a few per cent, so no projection library is
 * needed: u = (lng − west) · cos φ₀, v = north − lat (v grows downwards, like the screen).
 */
import type { LngLat } from './mapData.ts';

export type Bbox = [west: number, south: number, east: number, north: number];

export interface Projection {
  bbox: Bbox;
  /** cos of the bbox's middle latitude. */
  k: number;
  /** Extent of the bbox in map units. */
  width: number;
  height: number;
}

export function makeProjection(bbox: Bbox): Projection {
  const k = Math.cos((((bbox[1] + bbox[3]) / 2) * Math.PI) / 180);
  return { bbox, k, width: (bbox[2] - bbox[0]) * k, height: bbox[3] - bbox[1] };
}

export function project(p: Projection, [lng, lat]: LngLat): [number, number] {
  return [(lng - p.bbox[0]) * p.k, p.bbox[3] - lat];
}

/** What the map shows: `scale` screen px per map unit, centred on map point (cx, cy). */
export interface View {
  scale: number;
  cx: number;
  cy: number;
}

export interface Size {
  width: number;
  height: number;
}

export function toScreen(view: View, size: Size, [u, v]: [number, number]): [number, number] {
  return [size.width / 2 + (u - view.cx) * view.scale, size.height / 2 + (v - view.cy) * view.scale];
}

export function toMap(view: View, size: Size, [x, y]: [number, number]): [number, number] {
  return [view.cx + (x - size.width / 2) / view.scale, view.cy + (y - size.height / 2) / view.scale];
}

/** The view that shows a box of map units (with `padding` px around it) as large as fits. */
export function fitBox(size: Size, box: [number, number, number, number], padding: number, maxScale = Number.POSITIVE_INFINITY): View {
  const [u0, v0, u1, v1] = box;
  const w = Math.max(u1 - u0, 1e-6);
  const h = Math.max(v1 - v0, 1e-6);
  const scale = Math.min((size.width - 2 * padding) / w, (size.height - 2 * padding) / h, maxScale);
  return { scale: Math.max(scale, 1e-6), cx: (u0 + u1) / 2, cy: (v0 + v1) / 2 };
}

export function boxOf(points: [number, number][]): [number, number, number, number] {
  let u0 = Number.POSITIVE_INFINITY;
  let v0 = Number.POSITIVE_INFINITY;
  let u1 = Number.NEGATIVE_INFINITY;
  let v1 = Number.NEGATIVE_INFINITY;
  for (const [u, v] of points) {
    u0 = Math.min(u0, u);
    v0 = Math.min(v0, v);
    u1 = Math.max(u1, u);
    v1 = Math.max(v1, v);
  }
  return [u0, v0, u1, v1];
}

/** Zooms by `factor` keeping the map point under screen point `at` where it is. */
export function zoomAt(view: View, size: Size, factor: number, at: [number, number], limits: { min: number; max: number }): View {
  const scale = Math.min(limits.max, Math.max(limits.min, view.scale * factor));
  const [u, v] = toMap(view, size, at);
  return { scale, cx: u - (at[0] - size.width / 2) / scale, cy: v - (at[1] - size.height / 2) / scale };
}

/** Keeps the view's centre inside the map's extent so the map cannot be lost off-screen. */
export function clampView(view: View, proj: Projection): View {
  return { scale: view.scale, cx: Math.min(proj.width, Math.max(0, view.cx)), cy: Math.min(proj.height, Math.max(0, view.cy)) };
}
