/**
 * The transformation story ("from rust belt to life belt") as a visitor walks it in each language:
 * every chart's figures against the content API (computed here, independently of the page's code),
 * tapping a bar or a project to read its description, filtering by district and type, and
 * accessibility (axe, named canvases, touch targets).
 */
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import type { ContentData } from '../../exhibit/api/types.ts';
import { contentLoaded, expect, fetchContent, LANGUAGES, type Language, switchLanguage, test, uiString } from './fixtures.ts';

test.use({ locale: 'zh-CN' });

type Project = ContentData<'projects'>[number];

const monthIndex = (ym: string) => {
  const [y, m] = ym.split('-').map(Number);
  return y * 12 + m - 1;
};
const round2 = (v: number) => Math.round(v * 100) / 100;
/** 万元 → the chart unit: 亿元 in Chinese, million yuan in English. */
const inChartUnit = (lang: Language, wan: number) => round2(lang === 'en' ? wan / 100 : wan / 10_000);

/** What the page's chart and its data table say: row label → figures, in table order. */
async function readChart(page: Page, name: string) {
  const figure = page.locator(`figure[data-chart="${name}"]`);
  await figure.scrollIntoViewIfNeeded();
  const details = figure.locator('details.chart-table');
  if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await details.locator('summary').click();
  const rows = figure.locator('tbody tr');
  await expect(rows.first()).toBeVisible();
  const table = await rows.evaluateAll((trs) =>
    trs.map((tr) => ({
      label: tr.querySelector('th')?.textContent?.trim() ?? '',
      values: [...tr.querySelectorAll('td')].map((td) => Number(td.getAttribute('data-value'))),
    })),
  );
  const canvas = figure.locator('canvas');
  const drawn = JSON.parse((await canvas.getAttribute('data-chart-values')) ?? '[]') as unknown[][];
  return { figure, table, drawn, canvas };
}

function asMap(rows: { label: string; values: number[] }[]) {
  return Object.fromEntries(rows.map((r) => [r.label, r.values]));
}

async function expectDrawnEqualsTable(chart: Awaited<ReturnType<typeof readChart>>, datasets: number) {
  expect(chart.drawn).toHaveLength(datasets);
  for (let d = 0; d < datasets; d++) expect(chart.drawn[d]).toEqual(chart.table.map((r) => r.values[d]));
}

for (const lang of LANGUAGES) {
  test(`${lang}: every chart shows the content's figures`, async ({ page, request }) => {
    const projects = (await fetchContent(request, 'projects', lang)).data;
    const districts = (await fetchContent(request, 'districts', lang)).data;
    const stats = (await fetchContent(request, 'statistics', lang)).data;
    const districtName = (id: string) => districts.find((d) => d.id === id)!.name;
    const typeName = (type: string) => uiString(lang, `projectType.${type}`);
    const tally = (key: (p: Project) => string, amount: (p: Project) => number = () => 1) => {
      const out: Record<string, number> = {};
      for (const p of projects) out[key(p)] = (out[key(p)] ?? 0) + amount(p);
      return out;
    };

    await page.goto(`/transformation?lang=${lang}`);
    await contentLoaded(page);
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    expect(projects).toHaveLength(68);
    await expect(page.getByTestId('project-list').locator('li')).toHaveCount(68);

    // By district: project counts.
    const byDistrict = await readChart(page, 'projects-by-district');
    const expectedDistricts = Object.fromEntries(Object.entries(tally((p) => districtName(p.district))).map(([k, v]) => [k, [v]]));
    expect(asMap(byDistrict.table)).toEqual(expectedDistricts);
    await expectDrawnEqualsTable(byDistrict, 1);
    // Most first.
    expect(byDistrict.table.map((r) => r.values[0])).toEqual([...byDistrict.table.map((r) => r.values[0])].sort((a, b) => b - a));

    // By type.
    const byType = await readChart(page, 'projects-by-type');
    expect(asMap(byType.table)).toEqual(Object.fromEntries(Object.entries(tally((p) => typeName(p.type))).map(([k, v]) => [k, [v]])));
    await expectDrawnEqualsTable(byType, 1);

    // Investment by district, in 亿元 / million yuan.
    const money = await readChart(page, 'investment-by-district');
    const sums = tally(
      (p) => districtName(p.district),
      (p) => p.investment,
    );
    expect(asMap(money.table)).toEqual(Object.fromEntries(Object.entries(sums).map(([k, v]) => [k, [inChartUnit(lang, v)]])));
    await expectDrawnEqualsTable(money, 1);
    await expect(money.figure.locator('thead')).toContainText(lang === 'en' ? 'million yuan' : lang === 'zh-Hant' ? '億元' : '亿元');

    // The ten largest projects.
    const largest = await readChart(page, 'largest-projects');
    const top = [...projects].sort((a, b) => b.investment - a.investment || a.number - b.number).slice(0, 10);
    expect(largest.table).toEqual(top.map((p) => ({ label: p.name, values: [inChartUnit(lang, p.investment)] })));
    await expectDrawnEqualsTable(largest, 1);

    // The timeline: every project from its start month to the end of its end month.
    const timeline = await readChart(page, 'project-timeline');
    expect(timeline.table).toHaveLength(68);
    expect(asMap(timeline.table)).toEqual(Object.fromEntries(projects.map((p) => [p.name, [monthIndex(p.start), monthIndex(p.end) + 1]])));
    expect(timeline.drawn[0]).toEqual(timeline.table.map((r) => r.values));
    const starts = timeline.table.map((r) => r.values[0]);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));

    // The heritage list: 140 places by category and by grade, central vs elsewhere.
    const { central, elsewhere, total } = stats.listedPlaces;
    expect(total).toBe(140);
    await expect(page.getByTestId('listed-total')).toContainText(String(total));
    const byCategory = await readChart(page, 'listed-by-category');
    expect(byCategory.table).toEqual(
      (['area', 'building', 'element'] as const).map((k) => ({
        label: uiString(lang, `category.${k}`),
        values: [central.byCategory[k], elsewhere.byCategory[k]],
      })),
    );
    await expectDrawnEqualsTable(byCategory, 2);
    expect(byCategory.table.flatMap((r) => r.values).reduce((a, b) => a + b)).toBe(total);
    const byGrade = await readChart(page, 'listed-by-grade');
    expect(byGrade.table).toEqual(
      (['1', '2', '3'] as const).map((k) => ({ label: uiString(lang, `grade.${k}`), values: [central.byGrade[k], elsewhere.byGrade[k]] })),
    );
    await expectDrawnEqualsTable(byGrade, 2);

    // The plan's targets (museums, streets, parks, scenic areas, routes, brands).
    const targets = await readChart(page, 'plan-targets');
    expect(targets.table).toEqual(stats.targets.filter((t) => t.id !== 'listed-places').map((t) => ({ label: t.label, values: [t.count] })));
    await expectDrawnEqualsTable(targets, 1);

    // Every chart is an image with a name; its table is there for those who cannot see it.
    const canvases = page.locator('figure.chart canvas');
    await expect(canvases).toHaveCount(8);
    for (const canvas of await canvases.all()) {
      await expect(canvas).toHaveAttribute('role', 'img');
      expect((await canvas.getAttribute('aria-label'))?.length).toBeGreaterThan(20);
    }
  });
}

/**
 * Taps the index-th bar (top to bottom) where it is drawn: the canvas's own pixels of the bar's
 * colour tell where that is, as a visitor's eyes would.
 */
async function tapBar(canvas: Locator, index: number, colour: [number, number, number]) {
  const point = await canvas.evaluate(
    (c, [i, rgb]) => {
      const el = c as HTMLCanvasElement;
      const ctx = el.getContext('2d')!;
      const { data, width, height } = ctx.getImageData(0, 0, el.width, el.height);
      const isBar = (x: number, y: number) => {
        const at = (y * width + x) * 4;
        return Math.abs(data[at] - rgb[0]) < 8 && Math.abs(data[at + 1] - rgb[1]) < 8 && Math.abs(data[at + 2] - rgb[2]) < 8;
      };
      // Runs of rows that contain the bar colour are the bars.
      const runs: [number, number][] = [];
      for (let y = 0; y < height; y++) {
        let hit = false;
        for (let x = 0; x < width && !hit; x += 2) hit = isBar(x, y);
        if (hit && runs.length && runs[runs.length - 1][1] === y - 1) runs[runs.length - 1][1] = y;
        else if (hit) runs.push([y, y]);
      }
      const run = runs[i];
      if (!run) return null;
      const y = Math.round((run[0] + run[1]) / 2);
      const xs: number[] = [];
      for (let x = 0; x < width; x++) if (isBar(x, y)) xs.push(x);
      const scale = el.width / el.clientWidth;
      return { x: (xs[0] + xs[xs.length - 1]) / 2 / scale, y: y / scale, bars: runs.length };
    },
    [index, colour] as const,
  );
  expect(point, 'bar drawn on the canvas').not.toBeNull();
  await canvas.click({ position: { x: point!.x, y: point!.y } });
  return point!.bars;
}

test('tapping a project in the list shows its description; Escape closes it', async ({ page, request }) => {
  const projects = (await fetchContent(request, 'projects', 'zh-Hans')).data;
  const sites = (await fetchContent(request, 'sites', 'zh-Hans')).data;
  const project = projects.find((p) => p.sites.length > 0)!;
  await page.goto('/transformation');
  await contentLoaded(page);

  await page.getByTestId('project-list').locator(`button[data-project-id="${project.id}"]`).click();
  const dialog = page.getByRole('dialog', { name: project.name });
  await expect(dialog).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`project=${project.id}`));
  await expect(dialog.getByTestId('project-scope')).toHaveText(project.scope);
  await expect(dialog).toContainText(project.place);
  await expect(dialog.getByTestId('project-investment')).toHaveText(
    project.investment >= 10_000 ? `${new Intl.NumberFormat('zh-Hans', { maximumFractionDigits: 2 }).format(project.investment / 10_000)}亿元` : /万元$/,
  );
  const links = dialog.getByTestId('project-sites').getByRole('link');
  await expect(links).toHaveCount(project.sites.length);
  for (const [i, id] of project.sites.entries()) {
    await expect(links.nth(i)).toHaveAttribute('href', `/sites/${id}`);
    await expect(links.nth(i)).toHaveText(sites.find((s) => s.id === id)!.name);
  }
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page).not.toHaveURL(/project=/);

  // A linked site opens from the description.
  await page.getByTestId('project-list').locator(`button[data-project-id="${project.id}"]`).click();
  await page.getByRole('dialog').getByTestId('project-sites').getByRole('link').first().click();
  await expect(page).toHaveURL(new RegExp(`/sites/${project.sites[0]}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(sites.find((s) => s.id === project.sites[0])!.name);
});

test('a project description can be linked to, in English', async ({ page, request }) => {
  const projects = (await fetchContent(request, 'projects', 'en')).data;
  const p = projects.find((x) => x.investment >= 100_000)!;
  await page.goto(`/transformation?lang=en&project=${p.id}`);
  const dialog = page.getByRole('dialog', { name: p.name });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('project-investment')).toHaveText(`${new Intl.NumberFormat('en').format(p.investment / 100)} million yuan`);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
});

test('tapping bars: the largest project opens, a district shows its projects', async ({ page, request }) => {
  const projects = (await fetchContent(request, 'projects', 'zh-Hans')).data;
  const districts = (await fetchContent(request, 'districts', 'zh-Hans')).data;
  await page.goto('/transformation');
  await contentLoaded(page);

  const largest = [...projects].sort((a, b) => b.investment - a.investment || a.number - b.number)[0];
  const largestChart = page.locator('figure[data-chart="largest-projects"] canvas');
  await largestChart.scrollIntoViewIfNeeded();
  expect(await tapBar(largestChart, 0, [0x47, 0x55, 0x69])).toBe(10);
  const dialog = page.getByRole('dialog', { name: largest.name });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: '关闭' }).click();
  await expect(dialog).toBeHidden();

  // The district with the most projects is the first bar.
  const counts = new Map<string, number>();
  for (const p of projects) counts.set(p.district, (counts.get(p.district) ?? 0) + 1);
  const [topDistrict, topCount] = [...counts].sort((a, b) => b[1] - a[1])[0];
  const districtChart = page.locator('figure[data-chart="projects-by-district"] canvas');
  await districtChart.scrollIntoViewIfNeeded();
  expect(await tapBar(districtChart, 0, [0x9a, 0x34, 0x12])).toBe(counts.size);
  const list = page.getByTestId('project-list');
  await expect(list.locator('li')).toHaveCount(topCount);
  await expect(page.getByTestId('project-count')).toContainText(String(topCount));
  const name = districts.find((d) => d.id === topDistrict)!.name;
  for (const meta of await list.locator('.project-item-meta').allTextContents()) expect(meta.startsWith(name)).toBe(true);

  // The same from the keyboard: the data table's row buttons.
  const typeFigure = page.locator('figure[data-chart="projects-by-type"]');
  await typeFigure.locator('summary').click();
  const museums = projects.filter((p) => p.type === 'museum').length;
  await typeFigure.getByRole('button', { name: uiString('zh-Hans', 'projectType.museum'), exact: true }).click();
  await expect(list.locator('li')).toHaveCount(museums);
  await expect(page.getByRole('heading', { name: '全部项目' })).toBeFocused();
  await page.getByRole('button', { name: '显示全部项目' }).click();
  await expect(list.locator('li')).toHaveCount(68);
});

test('filters and order of the project list', async ({ page, request }) => {
  const projects = (await fetchContent(request, 'projects', 'zh-Hant')).data;
  await page.goto('/transformation?lang=zh-Hant');
  await contentLoaded(page);
  const list = page.getByTestId('project-list');
  await page.getByLabel('排序', { exact: true }).selectOption('investment');
  const expected = [...projects].sort((a, b) => b.investment - a.investment || a.number - b.number).map((p) => p.name);
  await expect(list.locator('.project-item-name')).toHaveText(expected);
  await page.getByLabel('類型', { exact: true }).selectOption('park');
  await expect(list.locator('li')).toHaveCount(projects.filter((p) => p.type === 'park').length);
  await page.getByLabel('區縣', { exact: true }).selectOption('tongnan');
  const none = projects.filter((p) => p.type === 'park' && p.district === 'tongnan').length;
  if (none === 0) await expect(page.getByText('沒有符合條件的項目。')).toBeVisible();
  else await expect(list.locator('li')).toHaveCount(none);
});

test('switching language redraws the charts in the new language', async ({ page, request }) => {
  await page.goto('/transformation');
  await contentLoaded(page);
  await switchLanguage(page, 'en');
  const districts = (await fetchContent(request, 'districts', 'en')).data;
  const chart = await readChart(page, 'projects-by-district');
  for (const row of chart.table) expect(districts.map((d) => d.name)).toContain(row.label);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('From rust belt to life belt');
});

test('accessibility: axe clean with tables and a description open; targets ≥ 44 px', async ({ page }) => {
  test.setTimeout(120_000); // axe over eight open tables and 68 projects takes a while on a shared machine
  await page.goto('/transformation');
  await contentLoaded(page);
  for (const summary of await page.locator('figure.chart summary').all()) await summary.click();
  await expect(page.locator('figure.chart details[open]')).toHaveCount(8);
  const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
  const results = await new AxeBuilder({ page }).withTags(tags).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);

  for (const target of await page.locator('.project-item, figure.chart summary, .chart-table .link-button, .filter select').all()) {
    const box = await target.boundingBox();
    expect(box?.height ?? 0).toBeGreaterThanOrEqual(44);
  }

  await page.getByTestId('project-list').locator('button').first().click();
  await expect(page.getByRole('dialog')).toBeVisible();
  const withDialog = await new AxeBuilder({ page }).withTags(tags).include('dialog').analyze();
  expect(withDialog.violations.map((v) => v.id)).toEqual([]);
});

test('reduced motion: a redrawn chart is complete at once', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('/transformation');
  await contentLoaded(page);
  const figure = page.locator('figure[data-chart="projects-by-type"]');
  await figure.scrollIntoViewIfNeeded();
  // Switching language draws every chart anew; without animation its pixels do not change after.
  await switchLanguage(page, 'en');
  await expect(figure.locator('canvas')).toHaveAttribute('aria-label', /^Bar chart/);
  const snapshot = () => figure.locator('canvas').evaluate((c) => (c as HTMLCanvasElement).toDataURL());
  const first = await snapshot();
  await page.waitForTimeout(150);
  expect(await snapshot()).toBe(first);
});
