/**
 * End-to-end tests against the real server serving the built app (`npm run build` first).
 * Each run gets a fresh data folder, so tests never see another run's database.
 */
import { defineConfig } from '@playwright/test';

const PORT = 4310;
const BASE_URL = `http://localhost:${PORT}`;

export default defineConfig({
  testDir: 'tests/e2e',
  workers: 2,
  fullyParallel: true,
  retries: process.env.CI ? 1 : 0,
  reporter: 'list',
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
      // Playwright empties test-results/ before it starts the server, so this stays fresh.
      DATA_DIR: `test-results/e2e-data-${Date.now()}`,
      STATIC_DIR: 'dist',
      LOG_LEVEL: 'warn',
    },
    url: `${BASE_URL}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
