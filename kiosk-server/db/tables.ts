/** Row types of every table, for Kysely. One interface per table. */
import type { Generated } from 'kysely';

export interface ContentVersionsTable {
  id: Generated<number>;
  /** sha256 of the canonical JSON of the pack. */
  hash: string;
  /** The resolved pack as JSON. */
  pack: string;
  author: string;
  message: string;
  /** Where it came from: 'disk' (content/pack at start), 'import', 'editor'. */
  source: string;
  created_at: string;
}

export interface ContentStateTable {
  /** Always 1: a single row pointing at the published version. */
  id: number;
  published_version: number;
  updated_at: string;
}

export interface Database {
  content_versions: ContentVersionsTable;
  content_state: ContentStateTable;
}
