/**
 * The curator's rules over content versions (no HTTP here; see curator-routes.ts):
 *
 * - One shared draft for the museum, kept as an overlay of changed files over the published
 *   version. Why shared rather than one per curator: a museum has a handful of curators who
 *   review each other's work before it goes to the halls; one draft means one preview, one
 *   publish, and no merging of private copies. Lost updates are prevented per file: every save
 *   names the version of the file it edited (If-Match with the file's hash), and a publish refuses
 *   a file whose published version changed since the draft first touched it (a rollback or an
 *   import in between) until a curator looks at it (rebase or discard).
 * - The draft is always a valid pack: every save and delete is validated as a whole pack first
 *   (schema, cross-references, budgets, media), so preview always works and a publish fails only on
 *   conflicts. Validation errors name the file and field.
 * - Publish, rollback and import each make a new immutable version and are audited; history is
 *   never rewritten (a rollback copies the old version into a new one).
 * - Preview tokens let a kiosk or a browser see the draft through the ordinary content API.
 */
import { randomBytes as nodeRandomBytes } from 'node:crypto';
import { ContentError, type ContentIssue } from '../../content/load.ts';
import type { ContentPack } from '../../content/schema.ts';
import { sha256Hex } from '../auth/passwords.ts';
import type { AuthService, AuthUser } from '../auth/service.ts';
import { problem } from '../http/problem.ts';
import { diffPacks, type EntityChange } from './diff.ts';
import type { ContentEvents, VersionEvent } from './events.ts';
import { collectionOf, entitiesOf, fileHash, type PackFiles } from './files.ts';
import { type ContentService, type ContentSnapshot, createSnapshot, filesOfRow, publishedContent } from './service.ts';
import type { ContentStore, DraftFileRow, VersionSummary } from './store.ts';
import { contentProblem, type MediaKindLookup, validatePack } from './validate.ts';

export const PREVIEW_TTL_MS = 8 * 60 * 60 * 1000;

export interface CurationDeps {
  content: ContentService;
  store: ContentStore;
  audit: AuthService['audit'];
  events: ContentEvents;
  /** What kind each uploaded file is (read before each validation). */
  mediaKinds: () => Promise<MediaKindLookup>;
  now?: () => Date;
  randomBytes?: (n: number) => Buffer;
}

export type Actor = Pick<AuthUser, 'id' | 'username'>;

export interface DraftFileStatus {
  file: string;
  collection: string;
  change: 'added' | 'changed' | 'deleted';
  updatedBy: string;
  updatedAt: string;
  /** The published file changed since the draft first touched it. */
  conflict: boolean;
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

const etagOfFile = (content: unknown) => `"${fileHash(content).slice(0, 32)}"`;

function precondition(detail: string) {
  return problem(412, 'precondition-failed', 'Someone changed this file', detail);
}

export function createCuration(deps: CurationDeps) {
  const { content, store, audit, events } = deps;
  const now = deps.now ?? (() => new Date());
  const randomBytes = deps.randomBytes ?? nodeRandomBytes;
  /** Bumped on every change to the draft or the published version: previews follow it. */
  let revision = 0;
  let preview: { revision: number; snapshot: ContentSnapshot; valid: boolean } | undefined;
  const tokenCache = new Map<string, number>();

  // Writes run one at a time, so two saves or a save and a publish cannot interleave.
  let chain: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = chain.then(fn, fn);
    chain = run.catch(() => undefined);
    return run;
  };

  const bump = () => {
    revision++;
    preview = undefined;
    events.draftChanged(() => ({ ...versionEvent(), preview: { revision } }));
  };

  const versionEvent = (): VersionEvent => {
    const c = content.current();
    return { version: c.version, hash: c.hash, publishedAt: c.publishedAt };
  };

  content.onPublished((c) => {
    revision++;
    preview = undefined;
    events.publish({ version: c.version, hash: c.hash, publishedAt: c.publishedAt });
  });

  async function workingCopy() {
    const published = await content.files();
    const rows = await store.draftFiles();
    const files: PackFiles = new Map(published);
    for (const row of rows) {
      if (row.content === null) files.delete(row.file);
      else files.set(row.file, JSON.parse(row.content));
    }
    return { published, rows, files };
  }

  async function validate(files: PackFiles): Promise<ContentPack> {
    try {
      return validatePack(files, await deps.mediaKinds());
    } catch (err) {
      if (err instanceof ContentError) throw contentProblem(err);
      throw err;
    }
  }

  function conflicts(published: PackFiles, rows: DraftFileRow[]): DraftFileRow[] {
    return rows.filter((r) => {
      const cur = published.get(r.file);
      return (cur === undefined ? null : fileHash(cur)) !== r.base_hash;
    });
  }

  function checkFile(file: string) {
    if (!collectionOf(file)) {
      throw problem(404, 'not-found', 'No such pack file', `"${file}" is not a file of the content pack layout.`, {
        errors: [{ path: 'param.file', message: 'not a pack file' }],
      });
    }
  }

  function info(v: VersionSummary, publishedId: number): VersionInfo {
    return {
      id: v.id,
      author: v.author,
      authorId: v.author_id ?? null,
      message: v.message,
      source: v.source,
      createdAt: v.created_at,
      rollbackOf: v.rollback_of ?? null,
      published: v.id === publishedId,
    };
  }

  async function versionPack(id: number): Promise<{ pack: ContentPack; files: PackFiles; row: VersionSummary }> {
    const c = content.current();
    if (id === c.version)
      return { pack: c.pack, files: await content.files(), row: { ...c, id, author: '', message: '', source: '', created_at: c.publishedAt } };
    const row = await store.version(id);
    if (!row) throw problem(404, 'not-found', 'Not found', `No content version ${id}.`);
    const pack = JSON.parse(row.pack) as ContentPack;
    return { pack, files: filesOfRow(row, pack), row };
  }

  const curation = {
    revision: () => revision,
    publishedVersion: () => content.current().version,

    /** What the draft changes, who changed it, and whether a publish would go through. */
    async draft() {
      const { published, rows, files } = await workingCopy();
      const clash = new Set(conflicts(published, rows).map((r) => r.file));
      const status: DraftFileStatus[] = rows.map((r) => ({
        file: r.file,
        collection: collectionOf(r.file)?.key ?? '',
        change: r.content === null ? 'deleted' : published.has(r.file) ? 'changed' : 'added',
        updatedBy: r.updated_by_name,
        updatedAt: r.updated_at,
        conflict: clash.has(r.file),
      }));
      let issues: { path: string; message: string }[] = [];
      try {
        await validate(files);
      } catch (err) {
        issues = ((err as { problem?: { errors?: { path: string; message: string }[] } }).problem?.errors ?? []).map(({ path, message }) => ({
          path,
          message,
        }));
      }
      return { baseVersion: content.current().version, revision, files: status, issues };
    },

    /** Every entity of the working copy (published + draft), for lists and reference pickers. */
    async entities() {
      const { rows, files } = await workingCopy();
      const changed = new Set(rows.map((r) => r.file));
      return entitiesOf(files).map((e) => ({ ...e, inDraft: changed.has(e.file) }));
    },

    /** One file of the working copy, with its ETag (the hash a save must name in If-Match). */
    async readFile(file: string) {
      checkFile(file);
      const { published, rows, files } = await workingCopy();
      if (!files.has(file)) throw problem(404, 'not-found', 'Not found', `There is no ${file} in the draft.`);
      const value = files.get(file);
      const row = rows.find((r) => r.file === file);
      return { file, content: value, etag: etagOfFile(value), inDraft: Boolean(row), published: published.get(file) };
    },

    /**
     * Saves a file into the draft. `ifMatch` must be the ETag the curator's copy came with
     * (412 otherwise: someone else saved in between); a new file needs `ifNoneMatch: '*'`.
     * The whole working copy is validated first: an invalid save changes nothing.
     */
    saveFile(file: string, value: unknown, pre: { ifMatch?: string; ifNoneMatch?: string }, actor: Actor) {
      checkFile(file);
      return exclusive(async () => {
        const { published, rows, files } = await workingCopy();
        const existing = files.get(file);
        if (existing !== undefined) {
          if (pre.ifMatch === undefined)
            throw problem(428, 'precondition-required', 'Say which version you edited', 'Send the ETag of the file you edited in If-Match.');
          if (pre.ifMatch !== '*' && pre.ifMatch !== etagOfFile(existing)) throw precondition(`${file} was changed since you opened it; reload it.`);
        } else if (pre.ifMatch !== undefined && pre.ifMatch !== '*') throw precondition(`${file} does not exist any more.`);
        files.set(file, value);
        await validate(files);
        const publishedValue = published.get(file);
        if (publishedValue !== undefined && fileHash(publishedValue) === fileHash(value)) {
          await store.removeDraftFiles([file]); // back to what is published: nothing to publish
        } else {
          const row = rows.find((r) => r.file === file);
          await store.putDraftFile({
            file,
            content: JSON.stringify(value),
            base_hash: row ? row.base_hash : publishedValue === undefined ? null : fileHash(publishedValue),
            updated_by: actor.id,
            updated_by_name: actor.username,
            updated_at: now().toISOString(),
          });
        }
        bump();
        return { file, etag: etagOfFile(value) };
      });
    },

    /** Deletes a one-entity file (a site, a route…) in the draft; refused when others still point at it. */
    deleteFile(file: string, pre: { ifMatch?: string }, actor: Actor) {
      checkFile(file);
      if (collectionOf(file)?.kind !== 'dir')
        throw problem(409, 'not-deletable', 'This file cannot be deleted', `${file} is part of every pack; edit it instead.`);
      return exclusive(async () => {
        const { published, rows, files } = await workingCopy();
        const existing = files.get(file);
        if (existing === undefined) throw problem(404, 'not-found', 'Not found', `There is no ${file} in the draft.`);
        if (pre.ifMatch === undefined) throw problem(428, 'precondition-required', 'Say which version you deleted', 'Send the ETag of the file in If-Match.');
        if (pre.ifMatch !== '*' && pre.ifMatch !== etagOfFile(existing)) throw precondition(`${file} was changed since you opened it; reload it.`);
        files.delete(file);
        await validate(files);
        const publishedValue = published.get(file);
        if (publishedValue === undefined) await store.removeDraftFiles([file]);
        else {
          const row = rows.find((r) => r.file === file);
          await store.putDraftFile({
            file,
            content: null,
            base_hash: row ? row.base_hash : fileHash(publishedValue),
            updated_by: actor.id,
            updated_by_name: actor.username,
            updated_at: now().toISOString(),
          });
        }
        bump();
      });
    },

    /** Throws away the draft's changes (all, or these files). */
    discard(files: string[] | undefined) {
      return exclusive(async () => {
        if (files) {
          for (const f of files) checkFile(f);
          const { published, rows } = await workingCopy();
          const rest: PackFiles = new Map(published);
          for (const r of rows) {
            if (files.includes(r.file)) continue;
            if (r.content === null) rest.delete(r.file);
            else rest.set(r.file, JSON.parse(r.content));
          }
          await validate(rest); // dropping one file of a related pair must not break the draft
        }
        const n = await store.removeDraftFiles(files);
        if (n) bump();
        return { discarded: n };
      });
    },

    /** Accepts the published versions of conflicting files as the draft's new base (after review). */
    rebase(files: string[] | undefined) {
      return exclusive(async () => {
        const { published, rows } = await workingCopy();
        let n = 0;
        for (const r of conflicts(published, rows)) {
          if (files && !files.includes(r.file)) continue;
          const cur = published.get(r.file);
          await store.setDraftBase(r.file, cur === undefined ? null : fileHash(cur));
          n++;
        }
        if (n) bump();
        return { rebased: n };
      });
    },

    /** The draft becomes a new published version, pushed to every kiosk and browser. */
    publish(input: { message: string }, actor: Actor) {
      return exclusive(async () => {
        const { published, rows, files } = await workingCopy();
        if (rows.length === 0) throw problem(409, 'nothing-to-publish', 'Nothing to publish', 'The draft has no changes.');
        const clash = conflicts(published, rows);
        if (clash.length) {
          throw problem(
            409,
            'draft-conflict',
            'The published content changed under the draft',
            'Review these files, then keep your version (rebase) or discard it.',
            {
              errors: clash.map((r) => ({ path: r.file, message: 'changed in a newer published version since the draft began' })),
            },
          );
        }
        const pack = await validate(files);
        const before = content.current();
        const id = await content.publish(pack, {
          author: actor.username,
          authorId: actor.id,
          message: input.message,
          source: 'editor',
          files,
          clearDraft: true,
        });
        const changes = diffPacks(before.pack, pack);
        await audit.record({
          actorId: actor.id,
          action: 'content.publish',
          target: `content:${id}`,
          detail: { message: input.message, files: rows.map((r) => r.file), from: before.version },
        });
        return { version: id, changes };
      });
    },

    /** A new version that copies version `id` (validated against today's rules first). */
    rollback(id: number, input: { message?: string }, actor: Actor) {
      return exclusive(async () => {
        const current = content.current();
        if (id === current.version) throw problem(409, 'already-published', 'Already published', `Version ${id} is the published version.`);
        const { files } = await versionPack(id);
        const pack = await validate(files);
        const message = input.message?.trim() || `Rollback to version ${id}`;
        const version = await content.publish(pack, { author: actor.username, authorId: actor.id, message, source: 'rollback', rollbackOf: id, files });
        await audit.record({ actorId: actor.id, action: 'content.rollback', target: `content:${version}`, detail: { to: id, from: current.version, message } });
        return { version, changes: diffPacks(current.pack, pack) };
      });
    },

    /**
     * A whole pack from outside (a zip or JSON bundle). Validated first: a broken pack changes
     * nothing. `dryRun` only reports what it would change.
     */
    importPack(files: PackFiles | ContentIssue[], input: { message?: string; dryRun?: boolean; name?: string }, actor: Actor) {
      return exclusive(async () => {
        if (Array.isArray(files)) throw contentProblem(new ContentError(files), 'The pack cannot be read');
        const pack = await validate(files);
        const current = content.current();
        const changes = diffPacks(current.pack, pack);
        if (input.dryRun) return { version: null, dryRun: true, changes };
        if (changes.length === 0) return { version: current.version, unchanged: true, changes };
        const message = input.message?.trim() || `Import${input.name ? ` of ${input.name}` : ''}`;
        const version = await content.publish(pack, { author: actor.username, authorId: actor.id, message, source: 'import', files });
        await audit.record({
          actorId: actor.id,
          action: 'content.import',
          target: `content:${version}`,
          detail: { message, from: current.version, files: files.size, name: input.name ?? null },
        });
        return { version, changes };
      });
    },

    /** The files of a version ('draft': the working copy). */
    async exportFiles(which: number | 'draft'): Promise<{ files: PackFiles; version: number | 'draft'; at: Date }> {
      if (which === 'draft') return { files: (await workingCopy()).files, version: 'draft', at: now() };
      const { files, row } = await versionPack(which);
      return { files, version: which, at: new Date(row.created_at) };
    },

    async versions(limit: number, before?: number): Promise<VersionInfo[]> {
      const publishedId = content.current().version;
      return (await store.history(limit, before)).map((v) => info(v, publishedId));
    },

    /** Entity and field changes from version `from` to `to` (default: the one before `to`). */
    async diff(to: number, from?: number): Promise<{ from: number | null; to: number; changes: EntityChange[] }> {
      const target = await versionPack(to);
      const fromId = from ?? (await store.previousId(to));
      if (fromId === undefined) return { from: null, to, changes: diffPacks(emptyPack(target.pack), target.pack) };
      const base = await versionPack(fromId);
      return { from: fromId, to, changes: diffPacks(base.pack, target.pack) };
    },

    /** What publishing the draft would change. */
    async draftDiff(): Promise<{ changes: EntityChange[] }> {
      const snap = await curation.previewSnapshot();
      return { changes: diffPacks(content.current().pack, snap.current().pack) };
    },

    /** The draft as a servable snapshot (falls back to the published one if the draft is invalid). */
    async previewSnapshot(): Promise<ContentSnapshot> {
      if (preview && preview.revision === revision) return preview.snapshot;
      const at = revision;
      const c = content.current();
      const { rows, files } = await workingCopy();
      let snapshot: ContentSnapshot;
      let valid = true;
      if (rows.length === 0) snapshot = createSnapshot(c, { preview: true });
      else {
        try {
          const pack = validatePack(files, await deps.mediaKinds());
          snapshot = createSnapshot(publishedContent({ id: c.version, hash: `draft-${at}`, created_at: c.publishedAt }, pack), { preview: true });
        } catch {
          valid = false;
          snapshot = createSnapshot(c, { preview: true });
        }
      }
      if (at === revision) preview = { revision: at, snapshot, valid };
      return snapshot;
    },

    /** A token that shows the draft (on a kiosk, or in a browser) until it expires. */
    async createPreviewToken(actor: Actor): Promise<{ token: string; expiresAt: string }> {
      const token = randomBytes(24).toString('base64url');
      const created = now();
      const expiresAt = new Date(created.getTime() + PREVIEW_TTL_MS).toISOString();
      await store.deleteExpiredPreviewTokens(created.toISOString());
      await store.insertPreviewToken({ token_hash: sha256Hex(token), created_by: actor.id, created_at: created.toISOString(), expires_at: expiresAt });
      tokenCache.set(sha256Hex(token), new Date(expiresAt).getTime());
      await audit.record({ actorId: actor.id, action: 'content.preview', target: 'content:draft', detail: { expiresAt } });
      return { token, expiresAt };
    },

    async previewTokenValid(token: string | undefined): Promise<boolean> {
      if (!token || token.length > 200) return false;
      const hash = sha256Hex(token);
      let expires = tokenCache.get(hash);
      if (expires === undefined) {
        const row = await store.previewToken(hash);
        if (!row) return false;
        expires = new Date(row.expires_at).getTime();
        if (tokenCache.size > 1000) tokenCache.clear();
        tokenCache.set(hash, expires);
      }
      return expires > now().getTime();
    },

    /** Ends every preview link at once. */
    async revokePreviewTokens(actor: Actor): Promise<{ revoked: number }> {
      const revoked = await store.deleteAllPreviewTokens();
      tokenCache.clear();
      await audit.record({ actorId: actor.id, action: 'content.preview.revoke', target: 'content:draft', detail: { revoked } });
      return { revoked };
    },

    versionEvent,
  };
  return curation;
}

function emptyPack(like: ContentPack): ContentPack {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(like)) out[k] = Array.isArray(v) ? [] : undefined;
  return out as unknown as ContentPack;
}

export type Curation = ReturnType<typeof createCuration>;
