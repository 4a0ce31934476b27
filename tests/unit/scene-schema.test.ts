/**
 * Scene documents: the real pack's scenes cover what the exhibition promises, and content:check
 * refuses a scene that breaks the schema or claims a date its sources do not support — naming the
 * file and the field.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ContentError, loadPack } from '../../content/load.ts';
import { STRUCTURE_KINDS } from '../../content/scene-schema.ts';
import type { ContentPack } from '../../content/schema.ts';
import { PART_BUILDERS } from '../../exhibit/kit/parts/index.ts';
import { standsIn } from '../../exhibit/walkthrough/timeline.ts';
import { copyOfPack } from '../support/museum.ts';

// biome-ignore lint/suspicious/noExplicitAny: tests poke arbitrary fields of content JSON
type Json = any;

const ROOT = path.join(import.meta.dirname, '../..');

function edit(dir: string, file: string, change: (json: Json) => void) {
  const p = path.join(dir, file);
  const json = JSON.parse(readFileSync(p, 'utf8'));
  change(json);
  writeFileSync(p, JSON.stringify(json, null, 2));
}

async function issuesOf(dir: string) {
  try {
    await loadPack(dir);
  } catch (err) {
    if (err instanceof ContentError) return err.issues;
    throw err;
  }
  throw new Error('expected the pack to be refused');
}

const structureIndex = (scene: Json, id: string) => scene.structures.findIndex((s: Json) => s.id === id);

describe('the scenes in the pack', () => {
  let pack: ContentPack;
  it('load, and there is one for at least six flagship sites', async () => {
    pack = await loadPack();
    const flagships = new Set(pack.sites.filter((s) => s.flagship).map((s) => s.id));
    const scenes = pack.scenes.filter((s) => flagships.has(s.id));
    expect(scenes.length).toBeGreaterThanOrEqual(6);
  });

  it('cover all four eras and at least three clusters', async () => {
    pack ??= await loadPack();
    const eras = new Set<string>();
    for (const scene of pack.scenes) {
      for (const era of pack.eras) {
        // An era counts when some year of it is on the scene's slider with a dated structure standing.
        for (let y = Math.max(era.startYear, scene.timeline.from); y <= Math.min(era.endYear, scene.timeline.to); y++) {
          if (scene.structures.some((s) => s.years.basis !== 'undated' && standsIn(s.years, y))) {
            eras.add(era.id);
            break;
          }
        }
      }
    }
    expect([...eras].sort()).toEqual(['founding', 'port-opening', 'third-front', 'wartime']);
    const clusters = new Set(pack.scenes.map((s) => pack.sites.find((site) => site.id === s.id)?.cluster));
    expect(clusters.size).toBeGreaterThanOrEqual(3);
  });

  it('say whether their layout is a reconstruction, and have posters that exist', async () => {
    pack ??= await loadPack();
    for (const scene of pack.scenes) {
      if (scene.layout === 'illustrative') expect(scene.description.en.toLowerCase()).toContain('illustrative');
      expect(existsSync(path.join(ROOT, scene.poster.src)), scene.poster.src).toBe(true);
    }
  });

  it('use only parts the kit can draw', () => {
    expect(Object.keys(PART_BUILDERS).sort()).toEqual([...STRUCTURE_KINDS].sort());
  });

  it('fills in part defaults, so a scene file can say "params": {}', async () => {
    const dir = copyOfPack();
    edit(dir, 'scenes/dadukou-steel-works.json', (s) => {
      s.structures[structureIndex(s, 'stack-west')].params = {};
    });
    const loaded = await loadPack(dir);
    const stack = loaded.scenes.find((s) => s.id === 'dadukou-steel-works')?.structures.find((s) => s.id === 'stack-west');
    expect(stack?.params).toEqual({ height: 45, baseDiameter: 4.5, topDiameter: 2.6, surface: 'red-brick', bands: 4 });
  });

  it('a pack without a scenes folder is still valid', async () => {
    const dir = copyOfPack();
    rmSync(path.join(dir, 'scenes'), { recursive: true });
    const loaded = await loadPack(dir);
    expect(loaded.scenes).toEqual([]);
  });
});

describe('content:check refuses a broken scene', () => {
  it('names the field of a schema error: an unknown kind, parameters out of range, years in the wrong order', async () => {
    const dir = copyOfPack();
    edit(dir, 'scenes/dadukou-steel-works.json', (s) => {
      s.structures[structureIndex(s, 'stack-west')].params.height = 3000;
      s.structures[structureIndex(s, 'blast-furnace')].years.to = 1930;
      s.structures.push({ ...s.structures[0], id: 'ufo', kind: 'flying-saucer' });
      s.waypoints = s.waypoints.slice(0, 1);
    });
    const issues = await issuesOf(dir);
    const file = 'scenes/dadukou-steel-works.json';
    const stack = JSON.parse(readFileSync(path.join(dir, file), 'utf8')).structures.findIndex((x: Json) => x.id === 'stack-west');
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ file, path: `structures[${stack}].params.height` }),
        expect.objectContaining({ file, path: 'structures[0].years.to', message: 'to must not be before from' }),
        expect.objectContaining({ file, path: 'waypoints' }),
      ]),
    );
    expect(issues.some((i) => i.file === file && /^structures\[\d+\]/.test(i.path) && i.path !== `structures[${stack}].params.height`)).toBe(true);
  });

  it('refuses dates the basis does not support: the site’s year, an era, a plan, a structure it is dated with', async () => {
    const dir = copyOfPack();
    let furnace = 0;
    let museum = 0;
    edit(dir, 'scenes/dadukou-steel-works.json', (s) => {
      furnace = structureIndex(s, 'blast-furnace');
      s.structures[furnace].years.from = 1937; // the site was founded in 1938
    });
    edit(dir, 'scenes/wangjiang-works.json', (s) => {
      museum = structureIndex(s, 'museum');
      s.structures[museum].years.from = 2024; // p52 is scheduled to finish in 2025
    });
    edit(dir, 'scenes/yimin-works.json', (s) => {
      s.structures[0].years.from = 1965; // the Third Front began in 1964
    });
    edit(dir, 'scenes/beichuan-railway.json', (s) => {
      s.structures[structureIndex(s, 'winch')].years.to = 1970; // the railway it served went in 1968
      s.structures[structureIndex(s, 'visitor-centre')].years.project = 'p01'; // not this site's project
    });
    const issues = await issuesOf(dir);
    expect(issues).toContainEqual(
      expect.objectContaining({
        file: 'scenes/dadukou-steel-works.json',
        path: `structures[${furnace}].years.from`,
        message: expect.stringContaining('foundedYear (1938)'),
      }),
    );
    expect(issues).toContainEqual(
      expect.objectContaining({
        file: 'scenes/wangjiang-works.json',
        path: `structures[${museum}].years.from`,
        message: expect.stringContaining('p52 (2025)'),
      }),
    );
    expect(issues).toContainEqual(
      expect.objectContaining({ file: 'scenes/yimin-works.json', path: 'structures[0].years.from', message: expect.stringContaining('(1964)') }),
    );
    expect(issues).toContainEqual(
      expect.objectContaining({ file: 'scenes/beichuan-railway.json', message: expect.stringContaining('same years as "railway"') }),
    );
    expect(issues).toContainEqual(
      expect.objectContaining({ file: 'scenes/beichuan-railway.json', message: 'project "p01" is not related to site "beichuan-railway"' }),
    );
  });

  it('refuses a site-dated structure where the site has no founding year', async () => {
    const dir = copyOfPack();
    edit(dir, 'scenes/yimin-works.json', (s) => {
      s.structures[0].years = { from: 1964, basis: 'site' };
    });
    const issues = await issuesOf(dir);
    expect(issues).toContainEqual(
      expect.objectContaining({ file: 'scenes/yimin-works.json', path: 'structures[0].years.basis', message: expect.stringContaining('no foundedYear') }),
    );
  });

  it('refuses broken references: unknown site, focus, link; duplicate ids; a camera inside a hill; a moment off the timeline', async () => {
    const dir = copyOfPack();
    edit(dir, 'scenes/project-816.json', (s) => {
      s.waypoints[1].focus = 'no-such-structure';
      s.structures[1].id = s.structures[0].id;
      s.structures[2].hotspot.link = { kind: 'site', id: 'atlantis' };
      s.waypoints[0].camera = [10, 20, -190]; // inside the mountain
      s.moments[1].year = 1900;
    });
    const ghost = JSON.parse(readFileSync(path.join(dir, 'scenes/erchang.json'), 'utf8'));
    ghost.id = 'ghost-works';
    writeFileSync(path.join(dir, 'scenes/ghost-works.json'), JSON.stringify(ghost));
    const issues = await issuesOf(dir);
    const file = 'scenes/project-816.json';
    expect(issues).toContainEqual({ file, path: 'waypoints[1].focus', message: 'unknown structure "no-such-structure"' });
    expect(issues).toContainEqual(expect.objectContaining({ file, path: 'structures[1].id', message: expect.stringContaining('duplicate structure id') }));
    expect(issues).toContainEqual({ file, path: 'structures[2].hotspot.link.id', message: 'unknown site "atlantis"' });
    expect(issues).toContainEqual(expect.objectContaining({ file, path: 'waypoints[0].camera', message: expect.stringContaining('under the ground') }));
    expect(issues).toContainEqual(expect.objectContaining({ file, path: 'moments[1].year', message: expect.stringContaining('outside the scene') }));
    expect(issues).toContainEqual(
      expect.objectContaining({ file: 'scenes/ghost-works.json', path: 'id', message: expect.stringContaining('unknown site "ghost-works"') }),
    );
  });

  it('refuses a scene file not named after its id', async () => {
    const dir = copyOfPack();
    writeFileSync(path.join(dir, 'scenes/wrong-name.json'), readFileSync(path.join(dir, 'scenes/erchang.json')));
    const issues = await issuesOf(dir);
    expect(issues).toContainEqual(
      expect.objectContaining({ file: 'scenes/wrong-name.json', path: 'id', message: expect.stringContaining('named after its id') }),
    );
  });

  it('refuses a poster outside assets/3d and a rail line that leaves the terrain', async () => {
    const dir = copyOfPack();
    let rail = 0;
    edit(dir, 'scenes/beichuan-railway.json', (s) => {
      s.poster.src = 'https://cdn.example.com/poster.jpg';
      rail = structureIndex(s, 'railway');
      s.structures[rail].params.path.push([900, 0]);
    });
    const issues = await issuesOf(dir);
    expect(issues).toContainEqual(expect.objectContaining({ file: 'scenes/beichuan-railway.json', path: 'poster.src' }));
    // Schema errors stop the check before cross-references; fix the poster and look again.
    edit(dir, 'scenes/beichuan-railway.json', (s) => {
      s.poster.src = 'assets/3d/posters/beichuan-railway.jpg';
    });
    const second = await issuesOf(dir);
    expect(second).toContainEqual(
      expect.objectContaining({
        file: 'scenes/beichuan-railway.json',
        path: expect.stringMatching(new RegExp(`^structures\\[${rail}\\]\\.params\\.path\\[\\d+\\]$`)),
      }),
    );
  });
});
