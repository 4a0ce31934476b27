/** Row types of the curator tables (see migrations.ts). */
import type { Generated } from 'kysely';

export interface ContentDraftFilesTable {
  file: string;
  content: string | null;
  base_hash: string | null;
  updated_by: number | null;
  updated_by_name: string;
  updated_at: string;
}

export interface ContentPreviewTokensTable {
  token_hash: string;
  created_by: number | null;
  created_at: string;
  expires_at: string;
}

export interface MediaTable {
  hash: string;
  ext: string;
  mime: string;
  kind: 'image' | 'audio' | 'captions';
  size: number;
  original_name: string;
  uploaded_by: number | null;
  uploaded_at: string;
}

export interface PlaylistEntriesTable {
  id: Generated<number>;
  scope: 'kiosk' | 'hall';
  target: string;
  exhibit: string;
  attract: string;
  label: string | null;
  starts_on: string | null;
  ends_on: string | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface CuratorTables {
  content_draft_files: ContentDraftFilesTable;
  content_preview_tokens: ContentPreviewTokensTable;
  media: MediaTable;
  playlist_entries: PlaylistEntriesTable;
}
