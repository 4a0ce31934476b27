/**
 * The heritage map: Chongqing's districts and rivers drawn as SVG from self-hosted data, with the
 * sites as real buttons laid over it. Pan by dragging (mouse, pen or one finger), zoom with two
 * fingers, the wheel, the +/− buttons or the keyboard. Markers that would overlap are spread on a
 * ring or grouped (see markerLayout.ts) so each stays a 44 px target.
 */
import { type CSSProperties, type ReactNode, useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import type en from './locales/en.json';
import './strings.ts';
import { useFeatureStrings } from '../i18n/useFeatureStrings.ts';
import type { LngLat, MapGeometry } from './mapData.ts';
import { type Anchor, layoutMarkers, type Placed } from './markerLayout.ts';
import { boxOf, clampView, fitBox, makeProjection, project, type Size, toScreen, type View, zoomAt } from './projection.ts';
import { useElementSize } from './useElementSize.ts';
import './map.css';

export interface MapMarker {
  id: string;
  name: string;
  location: { lat: number; lng: number; precision: 'site' | 'district' };
  colour: string;
  /** A route stop's number, shown in the marker. */
  number?: number;
}

export interface ZoomPreset {
  label: string;
  /** lng/lat points the view should fit. */
  points: LngLat[];
}

export interface HeritageMapProps {
  geometry: MapGeometry;
  markers: MapMarker[];
  /** The SVG's text alternative: a one-line summary and a longer description. */
  label: string;
  description: string;
  selectedId?: string | null;
  onSelect?: (id: string) => void;
  /** Localized names of the content's districts, by id (only these are labelled). */
  districtNames?: ReadonlyMap<string, string>;
  /** District fills by content district id. */
  districtTints?: ReadonlyMap<string, string>;
  /** Districts whose outer edge is outlined as one area (the central urban area). */
  outlinedDistricts?: ReadonlySet<string>;
  /** Join the markers in their order with a line (a route). */
  path?: boolean;
  /** Group markers that zooming in would separate (off for routes: every stop must show). */
  allowGroups?: boolean;
  /** What the first view (and Reset) shows: the whole municipality or just the markers. */
  fit?: 'all' | 'markers';
  /** Pan to this marker; a new object each time it is asked for (route steps, "show on map"). */
  focus?: { id: string } | null;
  presets?: ZoomPreset[];
  compact?: boolean;
  children?: ReactNode;
}

const TARGET = 44;
const MAX_ZOOM = 28; // times the scale that shows the whole municipality
const MIN_ZOOM = 0.8;
const ring = (points: [number, number][]) => `M${points.map(([u, v]) => `${u.toFixed(4)},${v.toFixed(4)}`).join('L')}`;

function textWidth(text: string, fontSize: number): number {
  let w = 0;
  for (const ch of text) w += ch.charCodeAt(0) > 0x2e80 ? fontSize : fontSize * 0.56;
  return w;
}

export function HeritageMap({
  geometry,
  markers,
  label,
  description,
  selectedId = null,
  onSelect,
  districtNames,
  districtTints,
  outlinedDistricts,
  path = false,
  allowGroups = true,
  fit = 'all',
  focus = null,
  presets = [],
  compact = false,
  children,
}: HeritageMapProps) {
  const t = useFeatureStrings<typeof en>('map');
  const ids = useId();
  const viewport = useRef<HTMLElement>(null);
  const size = useElementSize(viewport);
  const proj = useMemo(() => makeProjection(geometry.bbox), [geometry.bbox]);

  // Geometry in map units, built once per data set.
  const shapes = useMemo(() => {
    const districts = geometry.districts.map((d) => ({
      ...d,
      d: d.rings.map((r) => `${ring(r.map((p) => project(proj, p)))}Z`).join(''),
      labelAt: project(proj, d.label),
    }));
    const rivers = geometry.rivers.map((r, i) => ({
      ...r,
      key: `${r.river ?? 'river'}-${r.level}-${i}`,
      d: r.lines.map((l) => ring(l.map((p) => project(proj, p)))).join(''),
      points: r.lines.flat().map((p) => project(proj, p)),
    }));
    return { districts, rivers };
  }, [geometry, proj]);

  const anchors = useMemo(() => markers.map((m) => ({ marker: m, at: project(proj, [m.location.lng, m.location.lat]) })), [markers, proj]);

  const allScale = size.width ? fitBox(size, [0, 0, proj.width, proj.height], compact ? 8 : 16).scale : 1;
  const limits = { min: allScale * MIN_ZOOM, max: allScale * MAX_ZOOM };

  const homeView = useCallback(
    (s: Size): View => {
      const all = fitBox(s, [0, 0, proj.width, proj.height], compact ? 8 : 16);
      if (fit === 'all' || anchors.length === 0) return all;
      if (anchors.length === 1) return { scale: all.scale * (compact ? 10 : 12), cx: anchors[0].at[0], cy: anchors[0].at[1] };
      const v = fitBox(s, boxOf(anchors.map((a) => a.at)), compact ? 40 : 70, all.scale * MAX_ZOOM * 0.6);
      return { ...v, scale: Math.max(v.scale, all.scale) };
    },
    [anchors, proj, fit, compact],
  );

  const [view, setView] = useState<View | null>(null);
  const homeKey = `${size.width}x${size.height}|${fit}|${fit === 'markers' ? anchors.map((a) => a.marker.id).join(',') : ''}`;
  const lastHome = useRef('');
  // (Re)start from the home view when the map first gets a size or what it should fit changes.
  useEffect(() => {
    if (!size.width || !size.height || lastHome.current === homeKey) return;
    const first = lastHome.current === '';
    lastHome.current = homeKey;
    setView((v) => (first || !v || fit === 'markers' ? homeView(size) : v));
  }, [homeKey, homeView, size, fit]);

  const apply = useCallback((next: View) => setView(clampView(next, proj)), [proj]);

  // Keep the focused marker in sight: centre on it, zoomed in far enough to tell it apart.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only when the focus changes or the view first exists
  useEffect(() => {
    if (!focus || !view || !size.width) return;
    const a = anchors.find((x) => x.marker.id === focus.id);
    if (!a) return;
    const [x, y] = toScreen(view, size, a.at);
    const margin = Math.min(size.width, size.height) * 0.2;
    const inside = x > margin && x < size.width - margin && y > margin && y < size.height - margin;
    const wanted = allowGroups ? Math.max(view.scale, allScale * 10) : view.scale;
    if (!inside || wanted !== view.scale) apply({ scale: wanted, cx: a.at[0], cy: a.at[1] });
  }, [focus, view === null, size.width]);

  // --- Gestures ---------------------------------------------------------------------------
  const pointers = useRef(new Map<number, { x: number; y: number }>());
  const gesture = useRef<{ start: View; x: number; y: number; dist: number; moved: boolean } | null>(null);
  const suppressClick = useRef(false);
  const local = (e: { clientX: number; clientY: number }): [number, number] => {
    const r = viewport.current!.getBoundingClientRect();
    return [e.clientX - r.left, e.clientY - r.top];
  };
  const startGesture = () => {
    if (!view) return;
    const pts = [...pointers.current.values()];
    const x = pts.reduce((s, p) => s + p.x, 0) / pts.length;
    const y = pts.reduce((s, p) => s + p.y, 0) / pts.length;
    const dist = pts.length > 1 ? Math.hypot(pts[0].x - pts[1].x, pts[0].y - pts[1].y) : 0;
    gesture.current = { start: view, x, y, dist, moved: gesture.current?.moved ?? false };
  };
  const onPointerDown = (e: React.PointerEvent) => {
    if (e.pointerType === 'mouse' && e.button !== 0) return;
    const [x, y] = local(e);
    pointers.current.set(e.pointerId, { x, y });
    if (pointers.current.size === 1) gesture.current = null;
    startGesture();
  };
  const onPointerMove = (e: React.PointerEvent) => {
    if (!pointers.current.has(e.pointerId) || !gesture.current) return;
    const [x, y] = local(e);
    pointers.current.set(e.pointerId, { x, y });
    const g = gesture.current;
    const pts = [...pointers.current.values()];
    const mx = pts.reduce((s, p) => s + p.x, 0) / pts.length;
    const my = pts.reduce((s, p) => s + p.y, 0) / pts.length;
    if (!g.moved && Math.hypot(mx - g.x, my - g.y) < 5 && pts.length === 1) return;
    if (!g.moved) {
      g.moved = true;
      viewport.current?.setPointerCapture(e.pointerId);
    }
    let next: View = { ...g.start, cx: g.start.cx - (mx - g.x) / g.start.scale, cy: g.start.cy - (my - g.y) / g.start.scale };
    if (pts.length > 1 && g.dist > 0) {
      const dist = Math.hypot(pts[0].x - pts[1].x, pts[0].y - pts[1].y);
      next = zoomAt(next, size, dist / g.dist, [mx, my], limits);
    }
    apply(next);
  };
  const onPointerEnd = (e: React.PointerEvent) => {
    if (!pointers.current.delete(e.pointerId)) return;
    if (gesture.current?.moved) suppressClick.current = true;
    if (pointers.current.size) startGesture();
    else gesture.current = null;
  };
  const onClickCapture = (e: React.MouseEvent) => {
    // A drag that ends on a marker is a pan, not a tap.
    if (suppressClick.current) {
      e.stopPropagation();
      e.preventDefault();
    }
    suppressClick.current = false;
  };

  // Wheel zoom needs a non-passive listener to keep the page from scrolling under the map.
  const wheelState = useRef({ view, size, limits });
  wheelState.current = { view, size, limits };
  useEffect(() => {
    const el = viewport.current;
    if (!el) return;
    const onWheel = (e: WheelEvent) => {
      const { view: v, size: s, limits: l } = wheelState.current;
      if (!v) return;
      e.preventDefault();
      const r = el.getBoundingClientRect();
      apply(zoomAt(v, s, Math.exp(-e.deltaY * (e.deltaMode === 1 ? 0.05 : 0.002)), [e.clientX - r.left, e.clientY - r.top], l));
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, [apply]);

  const zoomBy = (factor: number) => view && apply(zoomAt(view, size, factor, [size.width / 2, size.height / 2], limits));
  const reset = () => size.width && apply(homeView(size));
  const fitPoints = (points: LngLat[], padding = 60) => {
    const projected = points.map((p) => project(proj, p));
    const v = fitBox(size, boxOf(projected), padding, limits.max);
    apply({ ...v, scale: Math.max(v.scale, limits.min) });
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.target !== e.currentTarget || !view) return;
    const step = 80 / view.scale;
    const moves: Record<string, [number, number]> = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] };
    if (moves[e.key]) apply({ ...view, cx: view.cx + moves[e.key][0], cy: view.cy + moves[e.key][1] });
    else if (e.key === '+' || e.key === '=') zoomBy(1.5);
    else if (e.key === '-' || e.key === '_') zoomBy(1 / 1.5);
    else if (e.key === '0') reset();
    else return;
    e.preventDefault();
  };

  // --- Layout of what is drawn in screen space -------------------------------------------
  const placed: Placed[] = useMemo(() => {
    if (!view || !size.width) return [];
    const screen: Anchor[] = anchors.map((a) => {
      const [x, y] = toScreen(view, size, a.at);
      return { id: a.marker.id, x, y };
    });
    const order = new Map(markers.map((m, i) => [m.id, i]));
    const rank = (p: Placed) => (p.kind === 'marker' ? order.get(p.id)! : Math.min(...p.ids.map((id) => order.get(id)!)));
    // In the markers' own order (a route's stops), so the tab order follows it too.
    return layoutMarkers(screen, { minDistance: TARGET + 2, zoomHeadroom: limits.max / view.scale, allowGroups }).sort((a, b) => rank(a) - rank(b));
  }, [anchors, markers, view, size, allowGroups, limits.max]);

  const byId = useMemo(() => new Map(markers.map((m) => [m.id, m])), [markers]);

  const labels = useMemo(() => {
    if (!view || !size.width) return [];
    const out: { key: string; x: number; y: number; text: string; kind: 'district' | 'river' }[] = [];
    const boxes: [number, number, number, number][] = [];
    const free = (b: [number, number, number, number]) => !boxes.some((o) => b[0] < o[2] && b[2] > o[0] && b[1] < o[3] && b[3] > o[1]);
    // Markers come first: a label never hides one.
    for (const p of placed) boxes.push([p.x - TARGET / 2 + 4, p.y - TARGET / 2 + 4, p.x + TARGET / 2 - 4, p.y + TARGET / 2 - 4]);
    const fontSize = compact ? 12 : 13;
    // Rivers first: a label at the river's point nearest the middle of the view.
    for (const r of shapes.rivers) {
      if (!r.river) continue;
      let best: [number, number] | null = null;
      let bestD = Number.POSITIVE_INFINITY;
      for (const p of r.points) {
        const [x, y] = toScreen(view, size, p);
        if (x < 50 || y < 24 || x > size.width - 50 || y > size.height - 24) continue;
        const d = Math.hypot(x - size.width / 2, y - size.height / 2);
        if (d < bestD) {
          bestD = d;
          best = [x, y];
        }
      }
      if (!best) continue;
      const text = t(`rivers.${r.river}` as 'rivers.yangtze');
      const w = textWidth(text, fontSize);
      const b: [number, number, number, number] = [best[0] - w / 2, best[1] - fontSize - 6, best[0] + w / 2, best[1] - 4];
      if (free(b)) {
        boxes.push(b);
        out.push({ key: `river-${r.river}`, x: best[0], y: best[1] - 8, text, kind: 'river' });
      }
    }
    if (districtNames) {
      for (const d of shapes.districts) {
        const name = d.district ? districtNames.get(d.district) : undefined;
        if (!name) continue;
        const [x, y] = toScreen(view, size, d.labelAt);
        const w = textWidth(name, fontSize);
        const b: [number, number, number, number] = [x - w / 2 - 2, y - fontSize / 2 - 2, x + w / 2 + 2, y + fontSize / 2 + 2];
        if (b[0] < 0 || b[1] < 0 || b[2] > size.width || b[3] > size.height || !free(b)) continue;
        boxes.push(b);
        out.push({ key: `district-${d.code}`, x, y, text: name, kind: 'district' });
      }
    }
    return out;
  }, [view, size, shapes, districtNames, compact, t, placed]);

  const routeLine =
    path && placed.length > 1
      ? markers
          .map((m) => placed.find((p) => (p.kind === 'marker' ? p.id === m.id : p.ids.includes(m.id))))
          .filter((p): p is Placed => Boolean(p))
          .map((p) => `${p.x.toFixed(1)},${p.y.toFixed(1)}`)
          .join(' ')
      : '';

  // Inline style, not the fill attribute: the stylesheet's default fill would beat an attribute.
  const tint = (district: string | null): CSSProperties | undefined => {
    const fill = district ? districtTints?.get(district) : undefined;
    return fill ? { fill } : undefined;
  };
  const transform = view ? `translate(${size.width / 2 - view.cx * view.scale} ${size.height / 2 - view.cy * view.scale}) scale(${view.scale})` : undefined;
  const visible = (x: number, y: number) => x >= -TARGET / 2 && y >= -TARGET / 2 && x <= size.width + TARGET / 2 && y <= size.height + TARGET / 2;

  return (
    <div className={`heritage-map${compact ? ' heritage-map-compact' : ''}`}>
      <section
        ref={viewport}
        className="map-viewport"
        aria-label={t('viewport')}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: the map pans with the arrow keys once focused
        tabIndex={0}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerEnd}
        onPointerCancel={onPointerEnd}
        onClickCapture={onClickCapture}
        onKeyDown={onKeyDown}
        data-scale={view ? (view.scale / allScale).toFixed(3) : undefined}
      >
        <svg
          className="map-svg"
          role="img"
          aria-labelledby={`${ids}-title`}
          aria-describedby={`${ids}-desc`}
          width={size.width}
          height={size.height}
          viewBox={`0 0 ${size.width || 1} ${size.height || 1}`}
          data-testid="map-svg"
        >
          <title id={`${ids}-title`}>{label}</title>
          <desc id={`${ids}-desc`}>{description}</desc>
          {view && (
            <>
              <g transform={transform}>
                <g className="map-districts">
                  {shapes.districts.map((d) => (
                    <path key={d.code} d={d.d} style={tint(d.district)} vectorEffect="non-scaling-stroke" />
                  ))}
                </g>
                {outlinedDistricts && outlinedDistricts.size > 0 && (
                  // The outer edge of several districts: a wide stroke under fills that cover its inner half.
                  <g className="map-core-outline">
                    {shapes.districts
                      .filter((d) => d.district && outlinedDistricts.has(d.district))
                      .map((d) => (
                        <path key={d.code} d={d.d} className="map-core-edge" vectorEffect="non-scaling-stroke" />
                      ))}
                    {shapes.districts
                      .filter((d) => d.district && outlinedDistricts.has(d.district))
                      .map((d) => (
                        <path key={d.code} d={d.d} className="map-core-fill" style={tint(d.district)} vectorEffect="non-scaling-stroke" />
                      ))}
                  </g>
                )}
                <g className="map-rivers">
                  {shapes.rivers.map((r) => (
                    <path
                      key={r.key}
                      d={r.d}
                      className={`map-river map-river-${r.level}${r.river ? ` map-river-${r.river}` : ''}`}
                      vectorEffect="non-scaling-stroke"
                    />
                  ))}
                </g>
              </g>
              <g className="map-labels">
                {labels.map((l) => (
                  <text key={l.key} x={l.x} y={l.y} className={`map-label map-label-${l.kind}`} textAnchor="middle" dominantBaseline="central">
                    {l.text}
                  </text>
                ))}
              </g>
              {routeLine && <polyline className="map-route-line" points={routeLine} />}
              <g className="map-leaders">
                {placed.map((p) =>
                  p.kind === 'marker' && p.displaced ? (
                    <g key={p.id}>
                      <line x1={p.ax} y1={p.ay} x2={p.x} y2={p.y} />
                      <circle cx={p.ax} cy={p.ay} r={3} />
                    </g>
                  ) : null,
                )}
              </g>
            </>
          )}
        </svg>
        <div className="map-markers">
          {placed.map((p) => {
            const style = (x: number, y: number) => ({ left: `${x}px`, top: `${y}px`, visibility: visible(x, y) ? undefined : 'hidden' }) as CSSProperties;
            if (p.kind === 'group') {
              const names = p.ids.map((id) => byId.get(id)?.name ?? id);
              return (
                <button
                  key={`g-${p.ids.join('|')}`}
                  type="button"
                  className={`map-group${selectedId && p.ids.includes(selectedId) ? ' is-selected' : ''}`}
                  style={style(p.x, p.y)}
                  data-site-ids={p.ids.join(' ')}
                  aria-label={t('group', { count: p.ids.length, names: names.join(t('listSeparator')) })}
                  onClick={() =>
                    fitPoints(
                      p.ids.map((id) => byId.get(id)!).map((m) => [m.location.lng, m.location.lat]),
                      90,
                    )
                  }
                >
                  {p.ids.length}
                </button>
              );
            }
            const m = byId.get(p.id)!;
            const approximate = m.location.precision === 'district';
            return (
              <button
                key={p.id}
                type="button"
                className={`map-marker${approximate ? ' is-approximate' : ''}${selectedId === p.id ? ' is-selected' : ''}${m.number ? ' is-numbered' : ''}`}
                style={{ ...style(p.x, p.y), '--marker-colour': m.colour } as CSSProperties}
                data-site-id={p.id}
                aria-label={approximate ? t('markerApproximate', { name: m.name }) : m.name}
                aria-pressed={onSelect ? selectedId === p.id : undefined}
                onClick={() => onSelect?.(p.id)}
              >
                <span className="map-marker-dot" aria-hidden="true">
                  {m.number}
                </span>
              </button>
            );
          })}
        </div>
      </section>
      <div className="map-controls">
        <button type="button" className="map-control" onClick={() => zoomBy(1.6)} aria-label={t('zoomIn')} disabled={!view || view.scale >= limits.max - 1e-9}>
          <span aria-hidden="true">+</span>
        </button>
        <button
          type="button"
          className="map-control"
          onClick={() => zoomBy(1 / 1.6)}
          aria-label={t('zoomOut')}
          disabled={!view || view.scale <= limits.min + 1e-9}
        >
          <span aria-hidden="true">−</span>
        </button>
        <button type="button" className="map-control map-control-text" onClick={reset}>
          {t(fit === 'all' ? 'resetAll' : 'resetMarkers')}
        </button>
        {presets.map((p) => (
          <button key={p.label} type="button" className="map-control map-control-text" onClick={() => fitPoints(p.points)}>
            {p.label}
          </button>
        ))}
      </div>
      {children}
    </div>
  );
}
