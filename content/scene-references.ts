/**
 * Cross-reference checks for scene documents (see scene-schema.ts): the scene's site exists, ids
 * are unique, waypoints focus on structures that exist, hotspot links resolve, everything stands
 * on the terrain, and each structure's years agree with the basis it claims — so a scene cannot
 * quietly invent a date.
 */
import type { ContentIssue } from './load.ts';
import { createHeightField } from './scene-terrain.ts';
import type { ContentPack } from './schema.ts';

export function checkSceneReferences(pack: ContentPack): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const sites = new Map(pack.sites.map((s) => [s.id, s]));
  const eras = new Map(pack.eras.map((e) => [e.id, e]));
  const projects = new Map(pack.projects.map((p) => [p.id, p]));
  const museums = new Set(pack.museums.map((m) => m.id));
  const seen = new Set<string>();

  for (const scene of pack.scenes ?? []) {
    const file = `scenes/${scene.id}.json`;
    const issue = (path: string, message: string) => issues.push({ file, path, message });
    if (seen.has(scene.id)) issue('id', `duplicate scene "${scene.id}"`);
    seen.add(scene.id);
    const site = sites.get(scene.id);
    if (!site) issue('id', `unknown site "${scene.id}" (a scene is named after the site it shows)`);

    const { from, to } = scene.timeline;
    const inTimeline = (year: number | undefined, path: string) => {
      if (year !== undefined && (year < from || year > to)) issue(path, `${year} is outside the scene's timeline ${from}–${to}`);
    };
    scene.moments.forEach((m, i) => {
      inTimeline(m.year, `moments[${i}].year`);
    });

    const half = scene.terrain.size / 2;
    const onTerrain = (x: number, z: number, path: string) => {
      if (Math.abs(x) > half || Math.abs(z) > half) issue(path, `(${x}, ${z}) is off the terrain (±${half} m)`);
    };

    const structureIds = new Set<string>();
    scene.structures.forEach((s, i) => {
      const at = `structures[${i}]`;
      if (structureIds.has(s.id)) issue(`${at}.id`, `duplicate structure id "${s.id}"`);
      structureIds.add(s.id);
      onTerrain(s.position[0], s.position[1], `${at}.position`);
      if (s.kind === 'rail-line') {
        const r = (s.rotation * Math.PI) / 180;
        s.params.path.forEach(([px, pz], j) => {
          const x = s.position[0] + (px * Math.cos(r) + pz * Math.sin(r)) * s.scale;
          const z = s.position[1] + (-px * Math.sin(r) + pz * Math.cos(r)) * s.scale;
          onTerrain(Math.round(x), Math.round(z), `${at}.params.path[${j}]`);
        });
      }

      const y = s.years;
      if (y.basis === 'site' && site) {
        if (site.foundedYear === undefined)
          issue(`${at}.years.basis`, `site "${site.id}" has no foundedYear to date this structure by: use "era", "documented" or "undated"`);
        else if (y.from !== site.foundedYear)
          issue(`${at}.years.from`, `basis "site" means from = the site's foundedYear (${site.foundedYear}), not ${y.from}`);
      }
      if (y.basis === 'era' && y.era) {
        const era = eras.get(y.era);
        if (site && !site.eras.includes(y.era)) issue(`${at}.years.era`, `site "${site.id}" does not belong to the era "${y.era}"`);
        if (era && y.from !== era.startYear)
          issue(`${at}.years.from`, `basis "era" means from = the first year of "${era.id}" (${era.startYear}), not ${y.from}`);
      }
      if (y.basis === 'plan' && y.project) {
        const project = projects.get(y.project);
        if (!project) issue(`${at}.years.project`, `unknown project "${y.project}"`);
        else {
          const end = Number(project.end.slice(0, 4));
          if (y.from !== end) issue(`${at}.years.from`, `basis "plan" means from = the scheduled completion of ${project.id} (${end}), not ${y.from}`);
          if (site && !site.relatedProjects.includes(project.id) && !project.sites.includes(site.id))
            issue(`${at}.years.project`, `project "${project.id}" is not related to site "${site.id}"`);
        }
      }

      if (y.basis === 'with' && y.with) {
        const other = scene.structures.find((o) => o.id === y.with);
        if (!other || other.id === s.id) issue(`${at}.years.with`, `unknown structure "${y.with}"`);
        else if (other.years.basis === 'with') issue(`${at}.years.with`, `"${other.id}" is itself dated with another structure: name that one`);
        else if (other.years.from !== y.from || other.years.to !== y.to)
          issue(`${at}.years.from`, `basis "with" means the same years as "${other.id}" (${other.years.from ?? '?'}–${other.years.to ?? ''})`);
      }

      const link = s.hotspot.link;
      if (link) {
        const known =
          link.kind === 'site'
            ? sites.has(link.id)
            : link.kind === 'project'
              ? projects.has(link.id)
              : link.kind === 'era'
                ? eras.has(link.id as never)
                : museums.has(link.id);
        if (!known) issue(`${at}.hotspot.link.id`, `unknown ${link.kind} "${link.id}"`);
      }
    });

    const moments = new Set<number>();
    scene.moments.forEach((m, i) => {
      if (moments.has(m.year)) issue(`moments[${i}].year`, `two moments for ${m.year}: merge them`);
      moments.add(m.year);
    });

    // A camera inside a hill would show the inside of the model: every view must be above the ground.
    const field = createHeightField(scene.terrain, scene.river, scene.structures);
    const waypointIds = new Set<string>();
    scene.waypoints.forEach((w, i) => {
      const at = `waypoints[${i}]`;
      if (waypointIds.has(w.id)) issue(`${at}.id`, `duplicate waypoint id "${w.id}"`);
      waypointIds.add(w.id);
      if (w.focus !== undefined && !structureIds.has(w.focus)) issue(`${at}.focus`, `unknown structure "${w.focus}"`);
      inTimeline(w.year, `${at}.year`);
      const [cx, cy, cz] = w.camera;
      const [tx, ty, tz] = w.target;
      const inside = (x: number, z: number) => Math.abs(x) <= half && Math.abs(z) <= half;
      if (inside(cx, cz)) {
        const ground = field.heightAt(cx, cz);
        if (cy < ground + 2)
          issue(`${at}.camera`, `the camera is ${cy < ground ? 'under' : 'too close to'} the ground (ground at ${ground.toFixed(1)} m here)`);
      }
      if (inside(tx, tz) && ty < field.heightAt(tx, tz) - 2)
        issue(`${at}.target`, `the target is under the ground (ground at ${field.heightAt(tx, tz).toFixed(1)} m here)`);
      // The view must not look through a hill: walk the sight line and test the ground under it.
      for (let k = 1; k < 48; k++) {
        const f = k / 50;
        const x = cx + (tx - cx) * f;
        const y = cy + (ty - cy) * f;
        const z = cz + (tz - cz) * f;
        if (inside(x, z) && y < field.heightAt(x, z) - 1) {
          issue(`${at}.target`, `the ground hides the target from the camera (at ${Math.round(f * 100)}% of the way)`);
          break;
        }
      }
    });
  }
  return issues;
}
