/** Shapes the console reads from /api/curator and /api/auth. */
export type Role = 'admin' | 'curator' | 'staff';

export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
}

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema | false;
  prefixItems?: JsonSchema[];
  enum?: (string | number)[];
  const?: unknown;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  default?: unknown;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  format?: string;
  description?: string;
  additionalProperties?: boolean | JsonSchema;
}

export interface Collection {
  key: string;
  kind: 'dir' | 'list' | 'object';
  location: string;
  optional: boolean;
  schema: JsonSchema;
}

export interface EntitySummary {
  file: string;
  collection: string;
  index?: number;
  id: string;
  label: { 'zh-Hans'?: string; en?: string };
  inDraft: boolean;
}

export interface DraftStatus {
  baseVersion: number;
  revision: number;
  files: { file: string; collection: string; change: 'added' | 'changed' | 'deleted'; updatedBy: string; updatedAt: string; conflict: boolean }[];
  issues: { path: string; message: string }[];
}

export interface FieldChange {
  path: string;
  before?: unknown;
  after?: unknown;
}

export interface EntityChange {
  collection: string;
  id: string;
  file: string;
  change: 'added' | 'removed' | 'changed';
  label?: { 'zh-Hans'?: string; en?: string };
  fields: FieldChange[];
}

export interface VersionInfo {
  id: number;
  author: string;
  authorId: number | null;
  message: string;
  source: string;
  createdAt: string;
  rollbackOf: number | null;
  published: boolean;
}

export interface MediaItem {
  hash: string;
  src: string;
  kind: 'image' | 'audio' | 'captions';
  mime: string;
  size: number;
  name: string;
  uploadedAt: string;
}

export interface PlaylistEntry {
  id: number;
  scope: 'kiosk' | 'hall';
  target: string;
  exhibit: string;
  attract: string[];
  label: string | null;
  startsOn: string | null;
  endsOn: string | null;
  createdAt: string;
  updatedAt: string;
}
