/** JSON Schemas of the content files, for editors (VS Code `json.schemas`) and other tools. */
import { z } from 'zod';
import { FileSchemas, SceneFileSchema } from './schema.ts';

export function contentJsonSchemas(): Record<string, unknown> {
  const entries = {
    era: FileSchemas.Era,
    site: FileSchemas.Site,
    museum: FileSchemas.Museum,
    route: FileSchemas.TourRoute,
    projects: z.array(FileSchemas.KeyProject),
    districts: z.array(FileSchemas.District),
    clusters: z.array(FileSchemas.Cluster),
    industries: z.array(FileSchemas.Industry),
    statistics: FileSchemas.Statistics,
    scene: SceneFileSchema,
  };
  return Object.fromEntries(Object.entries(entries).map(([name, schema]) => [name, z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' })]));
}
