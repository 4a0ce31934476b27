/** Test helpers: a museum server instance on an in-memory database, called through app.request(). */
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEFAULT_PACK_DIR } from '../../content/load.ts';
import { readConfig } from '../../kiosk-server/config.ts';
import { createLogger } from '../../kiosk-server/log.ts';
import { createMuseum } from '../../kiosk-server/server.ts';
import { CHEAP_SCRYPT } from './auth.ts';

export function tempDir(prefix = 'museum-test-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

/** A copy of the real content pack in a temp folder, to break or change in a test. */
export function copyOfPack(): string {
  const dir = path.join(tempDir('pack-'), 'pack');
  cpSync(DEFAULT_PACK_DIR, dir, { recursive: true });
  return dir;
}

export async function testMuseum(options: { contentDir?: string; dataDir?: string; memory?: boolean } = {}) {
  const config = readConfig({
    DATA_DIR: options.dataDir ?? tempDir(),
    ...(options.contentDir ? { CONTENT_DIR: options.contentDir } : {}),
    STATIC_DIR: path.join(tempDir(), 'no-static'),
    LOG_LEVEL: 'silent',
  });
  // Cheap scrypt: tests sign in often; the real cost is tested in the auth tests.
  return createMuseum(config, { memory: options.memory ?? !options.dataDir, log: createLogger('silent'), auth: { scrypt: CHEAP_SCRYPT } });
}
