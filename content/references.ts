/**
 * Cross-reference checks over a resolved pack: every id an entity names must exist, ids must be
 * unique, and numbers that must agree (the statistics' totals) must add up.
 */
import type { ContentIssue } from './load.ts';
import { checkSceneReferences } from './scene-references.ts';
import type { ContentPack } from './schema.ts';

export function checkReferences(pack: ContentPack): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const ids = (list: { id: string }[], file: (i: number, id: string) => string) => {
    const set = new Set<string>();
    list.forEach((x, i) => {
      if (set.has(x.id)) issues.push({ file: file(i, x.id), path: 'id', message: `duplicate id "${x.id}"` });
      set.add(x.id);
    });
    return set;
  };
  const districts = ids(pack.districts, () => 'districts.json');
  const industries = ids(pack.industries, () => 'industries.json');
  const sites = ids(pack.sites, (_i, id) => `sites/${id}.json`);
  const projects = ids(pack.projects, () => 'projects.json');
  ids(pack.routes, (_i, id) => `routes/${id}.json`);
  ids(pack.museums, (_i, id) => `museums/${id}.json`);
  ids(pack.eras, (_i, id) => `eras/${id}.json`);

  const need = (set: Set<string>, what: string, value: string | undefined, file: string, path: string) => {
    if (value !== undefined && !set.has(value)) issues.push({ file, path, message: `unknown ${what} "${value}"` });
  };
  const needAll = (set: Set<string>, what: string, values: string[], file: string, path: string) => {
    for (const [i, v] of values.entries()) need(set, what, v, file, `${path}[${i}]`);
  };

  for (const era of pack.eras) {
    const file = `eras/${era.id}.json`;
    needAll(industries, 'industry', era.industries, file, 'industries');
    const eventIds = new Set<string>();
    era.events.forEach((ev, i) => {
      if (eventIds.has(ev.id)) issues.push({ file, path: `events[${i}].id`, message: `duplicate event id "${ev.id}"` });
      eventIds.add(ev.id);
      needAll(sites, 'site', ev.sites, file, `events[${i}].sites`);
    });
  }
  for (const site of pack.sites) {
    const file = `sites/${site.id}.json`;
    need(districts, 'district', site.district, file, 'district');
    needAll(industries, 'industry', site.industries, file, 'industries');
    needAll(projects, 'project', site.relatedProjects, file, 'relatedProjects');
  }
  for (const m of pack.museums) {
    const file = `museums/${m.id}.json`;
    need(districts, 'district', m.district, file, 'district');
    need(sites, 'site', m.site, file, 'site');
    const halls = new Set<string>();
    m.halls.forEach((h, i) => {
      if (halls.has(h.id)) issues.push({ file, path: `halls[${i}].id`, message: `duplicate hall id "${h.id}"` });
      halls.add(h.id);
    });
  }
  for (const r of pack.routes) {
    for (const [i, s] of r.stops.entries()) need(sites, 'site', s.site, `routes/${r.id}.json`, `stops[${i}].site`);
  }
  pack.projects.forEach((p, i) => {
    need(districts, 'district', p.district, 'projects.json', `[${i}].district`);
    needAll(sites, 'site', p.sites, 'projects.json', `[${i}].sites`);
  });

  issues.push(...checkSceneReferences(pack));
  return issues;
}
