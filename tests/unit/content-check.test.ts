/** content:check refuses broken packs and names the file and the field. */
import { execFile } from 'node:child_process';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ContentError, loadPack } from '../../content/load.ts';
import { copyOfPack } from '../support/museum.ts';

const run = promisify(execFile);

// biome-ignore lint/suspicious/noExplicitAny: tests poke arbitrary fields of content JSON
type Json = any;

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

describe('content check', () => {
  it('accepts the real pack', async () => {
    await expect(loadPack()).resolves.toBeTruthy();
  });

  it('names file and field for a schema error', async () => {
    const dir = copyOfPack();
    edit(dir, 'sites/erchang.json', (s) => {
      s.cluster = 'downtown';
      s.name.en = '';
    });
    const issues = await issuesOf(dir);
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ file: 'sites/erchang.json', path: 'cluster' }),
        expect.objectContaining({ file: 'sites/erchang.json', path: 'name.en' }),
      ]),
    );
  });

  it('refuses a route stop or an event that names a site that does not exist', async () => {
    const dir = copyOfPack();
    edit(dir, 'routes/yuzhong-erchang.json', (r) => {
      r.stops[0].site = 'no-such-site';
    });
    edit(dir, 'eras/wartime.json', (e) => {
      e.events[1].sites = ['ghost-works'];
    });
    const issues = await issuesOf(dir);
    expect(issues).toContainEqual({ file: 'routes/yuzhong-erchang.json', path: 'stops[0].site', message: 'unknown site "no-such-site"' });
    expect(issues).toContainEqual(expect.objectContaining({ file: 'eras/wartime.json', path: 'events[1].sites[0]', message: 'unknown site "ghost-works"' }));
  });

  it('reports invalid JSON, a missing source, a project with end before start and statistics that do not add up', async () => {
    const dir = copyOfPack();
    writeFileSync(path.join(dir, 'museums/broken.json'), '{ "id": "broken", ');
    edit(dir, 'sites/project-816.json', (s) => {
      s.provenance = [];
    });
    edit(dir, 'projects.json', (list) => {
      list[0].end = '2001-01';
    });
    edit(dir, 'statistics.json', (s) => {
      s.listedPlaces.central.byGrade['1'] = 11;
    });
    const issues = await issuesOf(dir);
    expect(issues).toContainEqual(expect.objectContaining({ file: 'museums/broken.json', path: '', message: expect.stringContaining('not valid JSON') }));
    expect(issues).toContainEqual(expect.objectContaining({ file: 'sites/project-816.json', path: 'provenance' }));
    expect(issues).toContainEqual(expect.objectContaining({ file: 'projects.json', path: '[0].end' }));
    expect(issues).toContainEqual(expect.objectContaining({ file: 'statistics.json', path: 'listedPlaces.central.byGrade' }));
  });

  it('requires a file to be named after its id', async () => {
    const dir = copyOfPack();
    renameSync(path.join(dir, 'sites/erchang.json'), path.join(dir, 'sites/erchang-old.json'));
    const issues = await issuesOf(dir);
    expect(issues).toContainEqual(expect.objectContaining({ file: 'sites/erchang-old.json', path: 'id' }));
  });

  it('the CLI exits 1 and prints file › field', async () => {
    const dir = copyOfPack();
    edit(dir, 'sites/erchang.json', (s) => {
      s.location.lat = 95;
    });
    const err = await run('npx', ['tsx', 'content/check.ts', dir]).then(
      () => undefined,
      (e) => e,
    );
    expect(err?.code).toBe(1);
    expect(err.stderr).toContain('sites/erchang.json › location.lat');
    const ok = await run('npx', ['tsx', 'content/check.ts']);
    expect(ok.stdout).toMatch(/^content ok: 4 eras/);
  });
});
