/**
 * The admin side of the console, end to end: an admin registers a kiosk in the browser and sees
 * its device token once (with the set-up address and its QR code), the token works, a new token
 * replaces it; a door counter is registered and revoked; the audit log lists all of it, a page at a
 * time. Curators never see these pages and are told they are for admins.
 */
import { request as playwrightRequest } from '@playwright/test';
import { ADMIN, apiSignIn, createAccount, expect, test } from './curator-server.ts';

const KIOSK = 'e2e-steel-1';
const HALL = 'china-steel-museum/steelmaking-hall';

test('an admin registers a kiosk and a door counter in the console; tokens work once, reissue and revoke; the audit log shows it', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const devices = await playwrightRequest.newContext({ baseURL }); // no cookies: a kiosk or a counter
  const config = (token: string) => devices.get('/api/kiosks/me/config', { headers: { Authorization: `Bearer ${token}` } });
  page.on('dialog', (d) => void d.accept());
  await apiSignIn(page.context().request, ADMIN);

  // From the fleet page to the kiosks page.
  await page.goto('/curator/fleet');
  await page.getByRole('link', { name: 'Register and configure kiosks' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Kiosks' })).toBeVisible();

  // Register one.
  const form = page.getByRole('region', { name: 'Register a kiosk', exact: true });
  await form.getByLabel('Kiosk id').fill(KIOSK);
  await form.getByLabel('Name', { exact: true }).fill('Steel hall, by the door');
  await form.getByLabel('Hall', { exact: true }).selectOption(HALL);
  await form.getByLabel('Default language').selectOption('en');
  await form.getByLabel('Start page').fill('/sites/erchang');
  await form.getByLabel('Idle timeout').fill('120');
  await form.getByLabel('Heartbeat interval').fill('15');
  await form.getByLabel('Diagonal').fill('43');
  await form.getByRole('button', { name: 'Register the kiosk' }).click();

  // The token, once, with the set-up address (token in the fragment) and a QR code of it.
  const panel = page.getByTestId('token-panel');
  await expect(panel.getByRole('heading', { name: `Device token for kiosk ${KIOSK}` })).toBeVisible();
  const token = await page.getByTestId('device-token').inputValue();
  expect(token).toMatch(/^mdt_/);
  expect(await page.getByTestId('setup-url').inputValue()).toBe(`${baseURL}/?mode=kiosk&kiosk=${KIOSK}#kiosk-token=${token}`);
  const qr = panel.getByRole('img', { name: 'QR code of the kiosk’s set-up address' });
  await expect(qr).toBeVisible();
  expect(await qr.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);

  // The token works: the kiosk gets the configuration entered above.
  const got = await config(token);
  expect(got.status(), await got.text()).toBe(200);
  expect(await got.json()).toMatchObject({
    kioskId: KIOSK,
    name: 'Steel hall, by the door',
    hallId: HALL,
    defaultLanguage: 'en',
    startExhibit: { path: '/sites/erchang' },
    idleTimeoutSeconds: 120,
    promptSeconds: 30,
    heartbeatIntervalSeconds: 15,
    screen: { diagonalInches: 43, widthPx: 1920, heightPx: 1080 },
  });

  // Hidden, it is gone for good: not on the page, not after a reload.
  await panel.getByRole('button', { name: 'I have saved it — hide the token' }).click();
  await expect(panel).toHaveCount(0);
  await page.reload();
  const row = page.locator(`tr[data-kiosk-row="${KIOSK}"]`);
  await expect(row).toContainText('Steel hall, by the door');
  await expect(row).toContainText('English');
  expect(await page.content()).not.toContain(token);

  // Refused: a taken id and a malformed one, each named with its field.
  const id = form.getByLabel('Kiosk id');
  await id.fill(KIOSK);
  await form.getByRole('button', { name: 'Register the kiosk' }).click();
  await expect(form.getByRole('alert')).toContainText('Kiosk exists');
  await expect(form.getByRole('alert')).toContainText('body.id: taken');
  await expect(id).toHaveAttribute('aria-invalid', 'true');
  await id.fill('Steel Hall 2!');
  await form.getByRole('button', { name: 'Register the kiosk' }).click();
  await expect(form.getByRole('alert')).toContainText('body.id: lower-case letters, digits and -');
  await expect(id).toHaveAttribute('aria-invalid', 'true');
  await id.fill('e2e-steel-2');
  await form.getByLabel('Start page').fill('/sites/no-such-site');
  await form.getByRole('button', { name: 'Register the kiosk' }).click();
  await expect(form.getByRole('alert')).toContainText('body.startExhibit: no site "no-such-site"');
  await expect(form.getByLabel('Start page')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('tr[data-kiosk-row="e2e-steel-2"]')).toHaveCount(0);

  // Edit: only what changed is sent, and the kiosk gets it.
  await row.getByRole('button', { name: `Edit ${KIOSK}` }).click();
  const edit = page.getByRole('region', { name: `Kiosk ${KIOSK}`, exact: true });
  await expect(edit.getByLabel('Name', { exact: true })).toHaveValue('Steel hall, by the door');
  await expect(edit.getByLabel('Idle timeout')).toHaveValue('120');
  await edit.getByLabel('Name', { exact: true }).fill('Steel hall, east door');
  await edit.getByLabel('“Still there?” time').fill('10');
  await edit.getByRole('button', { name: 'Save the changes' }).click();
  await expect(edit.getByRole('alert')).toContainText('body.promptSeconds');
  await edit.getByLabel('“Still there?” time').fill('45');
  await edit.getByRole('button', { name: 'Save the changes' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Kiosk ${KIOSK} saved` })).toBeVisible();
  expect(await (await config(token)).json()).toMatchObject({ name: 'Steel hall, east door', promptSeconds: 45, idleTimeoutSeconds: 120 });

  // A new token: the old one is refused at once, the new one works.
  await row.getByRole('button', { name: `New token ${KIOSK}` }).click();
  await expect(page.getByRole('status').filter({ hasText: `Kiosk ${KIOSK} has a new token` })).toBeVisible();
  const second = await page.getByTestId('device-token').inputValue();
  expect(second).toMatch(/^mdt_/);
  expect(second).not.toBe(token);
  expect((await config(token)).status()).toBe(401);
  expect((await config(second)).status()).toBe(200);

  // A door counter for the same hall: its token counts people in, until it is revoked.
  await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Door counters' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Door counters' })).toBeVisible();
  const counterForm = page.getByRole('region', { name: 'Register a door counter', exact: true });
  await counterForm.getByRole('button', { name: 'Register the counter' }).click();
  await expect(counterForm.getByRole('alert')).toContainText('body.name');
  await expect(counterForm.getByLabel('Name')).toHaveAttribute('aria-invalid', 'true');
  await counterForm.getByLabel('Name').fill('Steelmaking hall east door');
  await counterForm.getByLabel('Hall').selectOption(HALL);
  await counterForm.getByRole('button', { name: 'Register the counter' }).click();
  await expect(page.getByTestId('token-panel').getByRole('heading', { name: 'Device token for Steelmaking hall east door' })).toBeVisible();
  await expect(page.getByTestId('setup-url')).toHaveCount(0);
  const counterToken = await page.getByTestId('device-token').inputValue();
  const count = () =>
    devices.post('/api/crowd/counter-events', {
      headers: { Authorization: `Bearer ${counterToken}` },
      data: { museum: 'china-steel-museum', hall: 'steelmaking-hall', entries: 2 },
    });
  const counted = await count();
  expect(counted.status(), await counted.text()).toBe(200);
  const counterRow = page.locator('tr[data-device="Steelmaking hall east door"]');
  await expect(counterRow).toContainText('Door counter');
  await counterRow.getByRole('button', { name: 'Revoke Steelmaking hall east door' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Token of Steelmaking hall east door revoked' })).toBeVisible();
  await expect(counterRow).toHaveCount(0);
  expect((await count()).status()).toBe(401);
  await page.getByLabel('Show revoked tokens').check();
  await expect(counterRow).toContainText('revoked');

  // The audit log: each of those, by whom, newest first.
  await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Audit log' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
  const entry = (action: string) => page.locator(`tr[data-action="${action}"]`);
  await expect(entry('kiosk.create')).toContainText('Kiosk registered');
  await expect(entry('kiosk.create')).toContainText(ADMIN.username);
  await expect(entry('kiosk.create')).toContainText(`kiosk:${KIOSK}`);
  await expect(entry('kiosk.create')).toContainText(`hallId: ${HALL}`);
  await expect(entry('kiosk.update')).toHaveCount(1); // the refused change left no entry
  await expect(entry('kiosk.update')).toContainText('fields: ["name","promptSeconds"]');
  await expect(entry('kiosk.token')).toContainText('Kiosk given a new token');
  await expect(entry('device.revoke').first()).toContainText('Steelmaking hall east door');
  await expect(entry('device.create').first()).toContainText('Steelmaking hall east door');
  const order = await page.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-action')));
  expect(order.indexOf('device.revoke')).toBeLessThan(order.indexOf('kiosk.token'));
  expect(order.indexOf('kiosk.token')).toBeLessThan(order.indexOf('kiosk.create'));
  // Times in the interface language.
  await page.getByRole('button', { name: '简体中文' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '操作日志' })).toBeVisible();
  await expect(entry('kiosk.create')).toContainText('登记展台');
  await expect(entry('kiosk.create').locator('time')).toContainText('年');
  await page.getByRole('button', { name: 'English' }).click();

  // A page at a time: after 60 more entries, the kiosk's are on an older page.
  const api = await playwrightRequest.newContext({ baseURL });
  const headers = await apiSignIn(api, ADMIN);
  const me = (await (await api.get('/api/auth/me')).json()) as { user: { id: number } };
  for (let i = 0; i < 60; i++) {
    const res = await api.patch(`/api/admin/users/${me.user.id}`, { headers, data: { displayName: `Admin ${i}` } });
    expect(res.status()).toBe(200);
  }
  await page.reload();
  await expect(entry('user.update')).toHaveCount(50);
  await expect(entry('kiosk.create')).toHaveCount(0);
  await page.getByRole('button', { name: 'Older entries' }).click();
  await expect(page).toHaveURL(/before=\d+/);
  await expect(entry('kiosk.create')).toHaveCount(1);
  await expect(entry('user.update').first()).toContainText('Admin 9');
  await page.goBack();
  await expect(entry('kiosk.create')).toHaveCount(0);
  await expect(entry('user.update').first()).toContainText('Admin 59');
  await api.dispose();
  await devices.dispose();
});

test('curators do not see the admin pages, and are told they are for admins', async ({ page, baseURL }) => {
  const api = await playwrightRequest.newContext({ baseURL });
  const curator = await createAccount(api, 'curator', 'e2e-not-an-admin');
  await api.dispose();
  await apiSignIn(page.context().request, curator);

  await page.goto('/curator/fleet');
  const nav = page.getByRole('navigation', { name: 'Console' });
  await expect(nav.getByRole('link', { name: 'Kiosk fleet' })).toBeVisible();
  for (const name of ['Kiosks', 'Door counters', 'Audit log', 'Accounts']) await expect(nav.getByRole('link', { name, exact: true })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Register and configure kiosks' })).toHaveCount(0);

  for (const [path, title] of [
    ['/curator/kiosks', 'Kiosks'],
    ['/curator/devices', 'Door counters'],
    ['/curator/audit', 'Audit log'],
    ['/curator/users', 'Accounts'],
  ]) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(page.getByTestId('admins-only')).toHaveText(/This page is for admins only/);
    await expect(page.locator('main form, main table')).toHaveCount(0);
  }
  await page.goto('/curator/audit?lang=zh-Hant');
  await expect(page.getByTestId('admins-only')).toHaveText(/此頁面僅限管理員使用/);
  // The server refuses too.
  expect((await page.context().request.get('/api/admin/audit')).status()).toBe(403);
});

test('names and audit details are text, never markup', async ({ page }) => {
  const IMG = '<img src=x onerror="window.__xss=(window.__xss||0)+1">';
  const headers = await apiSignIn(page.context().request, ADMIN);
  const api = page.context().request;
  expect((await api.post('/api/admin/devices', { headers, data: { kind: 'counter', name: `Door ${IMG}`, hallId: HALL } })).status()).toBe(201);
  expect((await api.post('/api/admin/kiosks', { headers, data: { id: 'xss-kiosk', name: `Kiosk ${IMG}` } })).status()).toBe(201);
  for (const [path, selector] of [
    ['/curator/devices', `tr[data-device='Door ${IMG}']`],
    ['/curator/kiosks', 'tr[data-kiosk-row="xss-kiosk"]'],
    ['/curator/audit', 'tr[data-action="device.create"]:has-text("name: Door")'],
  ]) {
    await page.goto(path);
    await expect(page.locator(selector)).toContainText(IMG);
    await expect(page.locator('main img')).toHaveCount(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  }
});
