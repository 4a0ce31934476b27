/** `npm run content:schema`: writes content/json-schema/<name>.schema.json from the zod schemas. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { contentJsonSchemas } from './json-schema.ts';

const out = path.join(path.dirname(new URL(import.meta.url).pathname), 'json-schema');
mkdirSync(out, { recursive: true });
for (const [name, schema] of Object.entries(contentJsonSchemas())) {
  writeFileSync(path.join(out, `${name}.schema.json`), `${JSON.stringify(schema, null, 2)}\n`);
}
console.log(`wrote ${out}`);
