/**
 * `npm run content:check [folder]`: validates a content pack (default: content/pack) and its
 * cross-references. Prints one line per problem (file › field: message) and exits 1 on any.
 */
import { ContentError, DEFAULT_PACK_DIR, formatIssue, loadPack } from './load.ts';

const dir = process.argv[2] ?? DEFAULT_PACK_DIR;
try {
  const pack = await loadPack(dir);
  const events = pack.eras.reduce((n, e) => n + e.events.length, 0);
  console.log(
    `content ok: ${pack.eras.length} eras (${events} events), ${pack.sites.length} sites, ${pack.projects.length} projects, ` +
      `${pack.routes.length} routes, ${pack.museums.length} museums, ${pack.districts.length} districts, ${pack.scenes.length} scenes`,
  );
} catch (err) {
  if (err instanceof ContentError) {
    console.error(`content check failed (${err.issues.length} problem${err.issues.length === 1 ? '' : 's'}):`);
    for (const issue of err.issues) console.error(`  ${formatIssue(issue)}`);
    process.exit(1);
  }
  throw err;
}
