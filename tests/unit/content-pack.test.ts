/** The museum's own content: complete, cross-referenced, in three languages, with sources. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { contentJsonSchemas } from '../../content/json-schema.ts';
import { loadPack } from '../../content/load.ts';
import { isLocalizedText } from '../../content/localize.ts';
import { CLUSTER_IDS, type ContentPack, LOCALES } from '../../content/schema.ts';

let pack: ContentPack;
beforeAll(async () => {
  pack = await loadPack();
});

function collectTexts(value: unknown, out: unknown[] = []): unknown[] {
  if (isLocalizedText(value)) out.push(value);
  else if (Array.isArray(value)) for (const v of value) collectTexts(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) collectTexts(v, out);
  return out;
}

describe('seed content', () => {
  it('has the four eras in order, each with at least six sourced key events', () => {
    expect(pack.eras.map((e) => [e.id, e.startYear, e.endYear])).toEqual([
      ['port-opening', 1891, 1936],
      ['wartime', 1937, 1949],
      ['founding', 1950, 1963],
      ['third-front', 1964, 1982],
    ]);
    for (const era of pack.eras) {
      expect(era.events.length, era.id).toBeGreaterThanOrEqual(6);
      for (const ev of era.events) expect(ev.provenance.length, `${era.id}/${ev.id}`).toBeGreaterThan(0);
    }
  });

  it('has at least 30 sites covering every cluster and belt, each with a source', () => {
    expect(pack.sites.length).toBeGreaterThanOrEqual(30);
    const clusters = new Set(pack.sites.map((s) => s.cluster));
    for (const c of CLUSTER_IDS) expect(clusters.has(c), c).toBe(true);
    for (const s of pack.sites) expect(s.provenance.length, s.id).toBeGreaterThan(0);
  });

  it('has all 68 key projects of the annex, numbered 1…68', () => {
    expect(pack.projects.map((p) => p.number)).toEqual(Array.from({ length: 68 }, (_, i) => i + 1));
    const sample = pack.projects.find((p) => p.number === 32);
    expect(sample?.investment).toBe(15517.45);
  });

  it('has the 7 signature routes and the museums', () => {
    expect(pack.routes).toHaveLength(7);
    expect(pack.museums.length).toBeGreaterThan(0);
  });

  it('gives the statistics of the 140 listed places as the source does', () => {
    const s = pack.statistics.listedPlaces;
    expect([s.total, s.central.total, s.elsewhere.total]).toEqual([140, 59, 81]);
    expect(s.central.byCategory).toEqual({ area: 6, building: 52, element: 1 });
    expect(s.elsewhere.byGrade).toEqual({ '1': 5, '2': 15, '3': 61 });
  });

  it('has every text in all three languages, machine-converted zh-Hant marked', () => {
    const texts = collectTexts(pack) as Record<string, unknown>[];
    expect(texts.length).toBeGreaterThan(500);
    for (const t of texts) for (const l of LOCALES) expect(typeof t[l] === 'string' && (t[l] as string).length > 0).toBe(true);
    const machine = texts.filter((t) => Array.isArray(t.machine));
    expect(machine.length).toBeGreaterThan(0);
    // OpenCC really converted: 厂 (Simplified) becomes 廠 (Traditional).
    const erchang = pack.sites.find((s) => s.id === 'erchang');
    expect(erchang?.name['zh-Hant']).toContain('廠');
  });

  it('ships JSON Schemas that match the zod schemas (run npm run content:schema after changing them)', () => {
    const dir = path.join(import.meta.dirname, '../../content/json-schema');
    for (const [name, schema] of Object.entries(contentJsonSchemas())) {
      const onDisk = JSON.parse(readFileSync(path.join(dir, `${name}.schema.json`), 'utf8'));
      expect(onDisk, name).toEqual(schema);
    }
  });
});
