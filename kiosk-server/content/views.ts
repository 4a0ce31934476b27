/**
 * The API's shapes of the content: list items (small) and details (with related entities
 * resolved), built from the resolved pack. Pure functions; localization happens afterwards.
 */
import type { ClusterId, ContentPack, EraId, KeyProject, Site, TourRoute } from '../../content/schema.ts';

export interface SiteFilters {
  era?: EraId;
  cluster?: ClusterId;
  category?: Site['category'];
  grade?: Site['grade'];
  district?: string;
  industry?: string;
  flagship?: boolean;
}

export interface ProjectFilters {
  district?: string;
  type?: KeyProject['type'];
}

export function indexPack(pack: ContentPack) {
  return {
    districts: new Map(pack.districts.map((d) => [d.id, d])),
    clusters: new Map(pack.clusters.map((c) => [c.id, c])),
    industries: new Map(pack.industries.map((i) => [i.id, i])),
    eras: new Map(pack.eras.map((e) => [e.id, e])),
    sites: new Map(pack.sites.map((s) => [s.id, s])),
    museums: new Map(pack.museums.map((m) => [m.id, m])),
    routes: new Map(pack.routes.map((r) => [r.id, r])),
    projects: new Map(pack.projects.map((p) => [p.id, p])),
  };
}
export type PackIndex = ReturnType<typeof indexPack>;

const ref = <T extends { id: string; name: unknown }>(x: T | undefined) => (x ? { id: x.id, name: x.name } : undefined);

export function eraListItem(era: ContentPack['eras'][number]) {
  const { events, body, provenance, ...rest } = era;
  return { ...rest, eventCount: events.length };
}

export function eraDetail(pack: ContentPack, ix: PackIndex, id: string) {
  const era = ix.eras.get(id as EraId);
  if (!era) return undefined;
  return {
    ...era,
    industries: era.industries.map((i) => ref(ix.industries.get(i))).filter(Boolean),
    events: era.events.map((ev) => ({ ...ev, sites: ev.sites.map((s) => ref(ix.sites.get(s))).filter(Boolean) })),
    sites: pack.sites.filter((s) => s.eras.includes(era.id)).map(siteListItem),
  };
}

export function siteListItem(s: Site) {
  const { history, today, media, provenance, relatedProjects, formerNames, ...rest } = s;
  return rest;
}

export function matchesSite(s: Site, f: SiteFilters): boolean {
  return (
    (!f.era || s.eras.includes(f.era)) &&
    (!f.cluster || s.cluster === f.cluster) &&
    (!f.category || s.category === f.category) &&
    (!f.grade || s.grade === f.grade) &&
    (!f.district || s.district === f.district) &&
    (!f.industry || s.industries.includes(f.industry)) &&
    (f.flagship === undefined || s.flagship === f.flagship)
  );
}

export function siteDetail(pack: ContentPack, ix: PackIndex, id: string) {
  const site = ix.sites.get(id);
  if (!site) return undefined;
  const projects = pack.projects.filter((p) => p.sites.includes(site.id) || site.relatedProjects.includes(p.id));
  return {
    ...site,
    districtInfo: ref(ix.districts.get(site.district)),
    clusterInfo: ref(ix.clusters.get(site.cluster)),
    industries: site.industries.map((i) => ref(ix.industries.get(i))).filter(Boolean),
    eras: site.eras
      .map((e) => {
        const era = ix.eras.get(e);
        return era ? { id: era.id, title: era.title, colour: era.colour, startYear: era.startYear, endYear: era.endYear } : undefined;
      })
      .filter(Boolean),
    related: {
      projects: projects.map((p) => ({ id: p.id, number: p.number, name: p.name, type: p.type, start: p.start, end: p.end, investment: p.investment })),
      routes: pack.routes.filter((r) => r.stops.some((st) => st.site === site.id)).map((r) => ({ id: r.id, name: r.name })),
      events: pack.eras.flatMap((era) =>
        era.events.filter((ev) => ev.sites.includes(site.id)).map((ev) => ({ era: era.id, id: ev.id, year: ev.year, title: ev.title })),
      ),
      museums: pack.museums.filter((m) => m.site === site.id).map((m) => ({ id: m.id, name: m.name })),
    },
  };
}

export function routeDetail(ix: PackIndex, route: TourRoute) {
  return {
    ...route,
    stops: route.stops.map((st, i) => {
      const s = ix.sites.get(st.site);
      return { order: i + 1, site: st.site, note: st.note, name: s?.name, location: s?.location, summary: s?.summary, district: s?.district };
    }),
  };
}

export function routeListItem(route: TourRoute) {
  const { provenance, ...rest } = route;
  return { ...rest, stopCount: route.stops.length };
}

export function museumDetail(ix: PackIndex, id: string) {
  const m = ix.museums.get(id);
  if (!m) return undefined;
  return { ...m, districtInfo: ref(ix.districts.get(m.district)), siteInfo: m.site ? ref(ix.sites.get(m.site)) : undefined };
}

export function sceneListItem(scene: ContentPack['scenes'][number]) {
  return { id: scene.id, title: scene.title, layout: scene.layout, timeline: scene.timeline, poster: scene.poster };
}

/** A scene with its site's name and the eras its timeline spans (their colours tint the time slider). */
export function sceneDetail(pack: ContentPack, ix: PackIndex, id: string) {
  const scene = (pack.scenes ?? []).find((s) => s.id === id);
  if (!scene) return undefined;
  const site = ix.sites.get(scene.id);
  const linkName = (l: { kind: string; id: string }) => {
    if (l.kind === 'era') return ix.eras.get(l.id as EraId)?.title;
    return (l.kind === 'site' ? ix.sites : l.kind === 'project' ? ix.projects : ix.museums).get(l.id)?.name;
  };
  return {
    ...scene,
    structures: scene.structures.map((s) =>
      s.hotspot.link ? { ...s, hotspot: { ...s.hotspot, link: { ...s.hotspot.link, name: linkName(s.hotspot.link) } } } : s,
    ),
    site: site ? { id: site.id, name: site.name, foundedYear: site.foundedYear } : { id: scene.id, name: scene.title },
    eras: pack.eras
      .filter((e) => e.startYear <= scene.timeline.to && e.endYear >= scene.timeline.from)
      .map((e) => ({ id: e.id, title: e.title, colour: e.colour, startYear: e.startYear, endYear: e.endYear })),
  };
}

export function matchesProject(p: KeyProject, f: ProjectFilters): boolean {
  return (!f.district || p.district === f.district) && (!f.type || p.type === f.type);
}

export function projectDetail(ix: PackIndex, id: string) {
  const p = ix.projects.get(id);
  if (!p) return undefined;
  return { ...p, districtInfo: ref(ix.districts.get(p.district)), sites: p.sites.map((s) => ref(ix.sites.get(s))).filter(Boolean) };
}
