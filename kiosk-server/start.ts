/**
 * `npm start`: builds the front end when dist/ is missing or older than the sources, then starts
 * the server on the embedded database with the seeded content.
 */
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

const built = path.resolve('dist/index.html');
const stale = !existsSync(built) || newestMtime(path.resolve('exhibit')) > statSync(built).mtimeMs;
if (stale && process.env.SKIP_BUILD !== '1') {
  console.log('Building the front end (first start, or sources changed)…');
  execSync('npx vite build', { stdio: 'inherit' });
}
await import('./main.ts');
