/**
 * End-to-end tests against the real server serving the built app (`npm run build` first).
 * Each run gets a fresh data folder, so tests never see another run's database.
 */
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';

// Several runs may share a machine: each run picks its own port (workers inherit it through the
// environment, since they load this file again) and its own output folder. E2E_STATIC_DIR lets a
// run serve its own build instead of dist/.
process.env.E2E_PORT ??= String(4310 + (process.pid % 1000));
process.env.E2E_DATA_DIR ??= path.join(tmpdir(), `museum-e2e-${process.env.E2E_PORT}-${Date.now()}`);
const PORT = Number(process.env.E2E_PORT);
const BASE_URL = `http://localhost:${PORT}`;

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: `test-results/run-${PORT}`,
  workers: 2,
  fullyParallel: true,
  retries: process.env.CI ? 1 : 0,
  reporter: 'list',
  // CI machines are small (2 cores, SwiftShader for WebGL): allow for a slow page without hiding a
  // page that never gets there.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  forbidOnly: !!process.env.CI,
  use: {
    baseURL: BASE_URL,
    launchOptions: {
      // `npx playwright install` cannot download browsers here: use the system Chromium.
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox', // the test machines run as root
        '--use-angle=swiftshader',
        '--enable-unsafe-swiftshader',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: 'npx tsx kiosk-server/main.ts',
    env: {
      PORT: String(PORT),
      DATA_DIR: process.env.E2E_DATA_DIR,
      STATIC_DIR: process.env.E2E_STATIC_DIR ?? 'dist',
      LOG_LEVEL: 'warn',
    },
    url: `${BASE_URL}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
