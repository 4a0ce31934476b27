/**
 * The curator's day, end to end: sign in, edit a site's text in three languages, preview the
 * draft, publish; an open web page shows the new text at once, an open kiosk mid-visit keeps the
 * old text until its visitor reset; roll back, and both return to the old text.
 */
import { type Browser, type Page, request as playwrightRequest } from '@playwright/test';
import { ADMIN, apiSignIn, createAccount, expect, test } from './curator-server.ts';

test.describe.configure({ mode: 'serial' });

const SITE = 'erchang';
const NEW = { 'zh-Hans': '贰厂文创园（测试）', 'zh-Hant': '貳廠文創園（測試）', en: 'Erchang Creative Park (test)' };

/** Client-side navigation (no reload), as a visitor's tap on a link would do. */
async function navigate(page: Page, to: string) {
  await page.evaluate((p) => {
    window.history.pushState(null, '', p);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, to);
}

async function openKiosk(browser: Browser, baseURL: string) {
  const context = await browser.newContext({ baseURL, locale: 'en-US' });
  const kiosk = await context.newPage();
  await kiosk.goto('/?mode=kiosk');
  await kiosk.getByTestId('attract').waitFor();
  await kiosk.getByRole('button', { name: 'English', exact: true }).click();
  await expect(kiosk.getByTestId('attract')).toHaveCount(0);
  await navigate(kiosk, `/sites/${SITE}`);
  return { context, kiosk };
}

async function resetKiosk(kiosk: Page) {
  await kiosk.evaluate(() => (window as unknown as { __museumKiosk: { reset(): void } }).__museumKiosk.reset());
  await kiosk.getByTestId('attract').waitFor();
  await kiosk.getByRole('button', { name: 'English', exact: true }).click();
  await navigate(kiosk, `/sites/${SITE}`);
}

test('a curator edits a site in three languages, previews, publishes, rolls back; web and kiosk follow', async ({ page, browser, baseURL }) => {
  test.setTimeout(120_000);
  const api = await playwrightRequest.newContext({ baseURL });
  const curator = await createAccount(api, 'curator', 'e2e-curator');
  const original = ((await (await api.get(`/api/content/sites/${SITE}?lang=en`)).json()) as { data: { name: string } }).data.name;

  // An online visitor's page and a kiosk in the middle of a visit, both on the site.
  const webContext = await browser.newContext({ baseURL, locale: 'en-US' });
  const web = await webContext.newPage();
  await web.goto(`/sites/${SITE}`);
  await expect(web.getByTestId('site-name')).toHaveText(original);
  const { context: kioskContext, kiosk } = await openKiosk(browser, baseURL!);
  await expect(kiosk.getByTestId('site-name')).toHaveText(original);

  // Sign in.
  await page.goto('/curator');
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await page.getByLabel('Username').fill(curator.username);
  await page.getByLabel('Password').fill('wrong password here');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText('Wrong username or password');
  await page.getByLabel('Password').fill(curator.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Content' })).toBeVisible();

  // Find the site and edit its name in the three languages.
  await page.getByRole('link', { name: /Heritage sites/ }).click();
  await page.getByLabel('Search').fill(SITE);
  await page.getByRole('link', { name: new RegExp(`${original.replace(/[()]/g, '.')}`) }).click();
  const name = page.getByRole('group', { name: 'Name *' });
  await name.getByLabel('简体中文').fill(NEW['zh-Hans']);
  await name.getByLabel('English').fill(NEW.en);
  await name.getByRole('button', { name: 'Fill Traditional from Simplified' }).click();
  await expect(name.getByLabel('繁體中文')).toHaveValue(/貳廠/);
  await name.getByLabel('繁體中文').fill(NEW['zh-Hant']);
  await page.getByRole('button', { name: 'Save to the draft' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved to the draft' })).toBeVisible();

  // A save with a problem names the field and changes nothing.
  await name.getByLabel('English').fill('');
  await page.getByRole('button', { name: 'Save to the draft' }).click();
  await expect(page.getByRole('alert')).toContainText('name.en');
  await expect(name.getByLabel('English')).toHaveAttribute('aria-invalid', 'true');
  await name.getByLabel('English').fill(NEW.en);

  // Preview: the draft in a browser, with the banner; the public page is untouched.
  await page.getByRole('button', { name: 'Make a preview link' }).click();
  const [preview] = await Promise.all([page.context().waitForEvent('page'), page.getByTestId('preview-web').click()]);
  await expect(preview.getByTestId('site-name')).toHaveText(NEW.en);
  await expect(preview.getByTestId('preview-banner')).toBeVisible();
  await preview.close();
  await expect(web.getByTestId('site-name')).toHaveText(original);

  // Publish with a message.
  await page.getByRole('link', { name: 'Draft & publish' }).click();
  await expect(page.getByRole('heading', { name: '1 changed file' })).toBeVisible();
  await expect(page.locator('.diff')).toContainText(NEW.en);
  await page.getByLabel('What changed (kept in the history)').fill('Rename Erchang in three languages');
  await page.getByRole('button', { name: 'Publish the draft' }).click();
  await expect(page.getByRole('status').filter({ hasText: /Published as version \d+/ })).toBeVisible();

  // The web page updates at once, without a reload.
  await expect(web.getByTestId('site-name')).toHaveText(NEW.en);
  // The kiosk, mid-visit, keeps the old text; the new version waits for its reset.
  await expect
    .poll(() => kiosk.evaluate(() => (window as unknown as { __museumContentSync: { pending(): number | null } }).__museumContentSync.pending()))
    .not.toBeNull();
  await expect(kiosk.getByTestId('site-name')).toHaveText(original);
  await resetKiosk(kiosk);
  await expect(kiosk.getByTestId('site-name')).toHaveText(NEW.en);
  // …in all three languages.
  for (const [lang, text] of Object.entries(NEW)) {
    const body = (await (await api.get(`/api/content/sites/${SITE}?lang=${lang}`)).json()) as { data: { name: string } };
    expect(body.data.name, lang).toBe(text);
  }

  // Roll back from the history.
  await page.getByRole('link', { name: 'History' }).click();
  const rows = page.locator('table.history tbody tr');
  await expect(rows.first()).toContainText('Rename Erchang in three languages');
  page.once('dialog', (d) => void d.accept());
  await rows
    .nth(1)
    .getByRole('button', { name: /Roll back to v\d+/ })
    .click();
  await expect(page.getByRole('status').filter({ hasText: /Rolled back to version/ })).toBeVisible();
  await expect(rows.first()).toContainText('rollback');

  await expect(web.getByTestId('site-name')).toHaveText(original);
  await expect(kiosk.getByTestId('site-name')).toHaveText(NEW.en);
  await resetKiosk(kiosk);
  await expect(kiosk.getByTestId('site-name')).toHaveText(original);

  await webContext.close();
  await kioskContext.close();
  await api.dispose();
});

test('the fleet view shows each kiosk and alerts when one drops', async ({ page, baseURL }) => {
  test.setTimeout(60_000);
  const api = await playwrightRequest.newContext({ baseURL });
  const admin = await apiSignIn(api, ADMIN);
  const created = await api.post('/api/admin/kiosks', {
    headers: admin,
    data: { id: 'e2e-hall-kiosk', name: 'Hall kiosk', hallId: 'china-steel-museum/steelmaking-hall', heartbeatIntervalSeconds: 5 },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { token } = (await created.json()) as { token: string };
  const beat = () =>
    api.post('/api/kiosks/heartbeat', {
      headers: { Authorization: `Bearer ${token}` },
      data: { contentVersion: 1, lastInteractionAt: new Date().toISOString(), state: 'attract', sentAt: new Date().toISOString() },
    });

  const ui = await page.context().request;
  await apiSignIn(ui, ADMIN); // the page's context shares this session
  await page.goto('/curator/fleet');
  const row = page.locator('tr[data-kiosk="e2e-hall-kiosk"]');
  await expect(row).toHaveAttribute('data-status', 'never-seen');
  expect((await beat()).status()).toBe(200);
  await page.reload();
  await expect(row).toHaveAttribute('data-status', 'online');
  await expect(row).toContainText('china-steel-museum/steelmaking-hall');
  await expect(row).toContainText('v1');
  // No heartbeat for 1.1 × 5 s: offline, and an alert says so.
  await expect(row).toHaveAttribute('data-status', 'offline', { timeout: 15_000 });
  await expect(page.getByRole('alert')).toContainText('Hall kiosk (e2e-hall-kiosk');
  await api.dispose();
});
