/**
 * Uploaded images, narration and captions. The bytes decide the type (magic numbers); the name's
 * extension must agree and the size must fit the kind's budget. Files are stored once under
 * DATA_DIR/media/<sha256>.<ext> (content-addressed: the same upload twice is one file, and a name
 * from outside never becomes part of a path) and served as /media/<sha256>.<ext>.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { AuthService } from '../auth/service.ts';
import type { MediaKindLookup } from '../content/validate.ts';
import { problem } from '../http/problem.ts';
import { fileNameProblem, MEDIA_LIMITS, MEDIA_TYPES, type MediaKind, sniffMedia, typeOfName } from './sniff.ts';
import type { MediaStore } from './store.ts';

export interface MediaItem {
  hash: string;
  src: string;
  kind: MediaKind;
  mime: string;
  size: number;
  name: string;
  uploadedAt: string;
}

export interface MediaServiceDeps {
  store: MediaStore;
  dataDir: string;
  audit: AuthService['audit'];
  now?: () => Date;
}

const HASH_FILE = /^([0-9a-f]{64})\.([a-z0-9]{2,4})$/;

export function createMediaService({ store, dataDir, audit, now = () => new Date() }: MediaServiceDeps) {
  const dir = path.resolve(dataDir, 'media');
  let kindCache: Map<string, MediaKind> | undefined;

  const item = (r: { hash: string; ext: string; kind: MediaKind; mime: string; size: number; original_name: string; uploaded_at: string }): MediaItem => ({
    hash: r.hash,
    src: `/media/${r.hash}.${r.ext}`,
    kind: r.kind,
    mime: r.mime,
    size: r.size,
    name: r.original_name,
    uploadedAt: r.uploaded_at,
  });

  return {
    dir,

    /** Checks and stores an upload. 400 bad name, 413 too large, 415 not a type we take or a lying extension. */
    async upload(input: { name: string; bytes: Uint8Array; actorId: number }): Promise<{ item: MediaItem; created: boolean }> {
      const name = input.name.normalize('NFC');
      const bad = fileNameProblem(name);
      if (bad) throw problem(400, 'bad-file-name', 'Bad file name', bad, { errors: [{ path: 'query.name', message: bad }] });
      const claimed = typeOfName(name);
      if (!claimed) {
        const accepted = Object.keys(MEDIA_TYPES)
          .map((e) => `.${e}`)
          .join(', ');
        throw problem(415, 'unsupported-media-type', 'Not a file type the museum takes', `Upload ${accepted}.`, {
          errors: [{ path: 'query.name', message: 'unsupported extension' }],
        });
      }
      if (input.bytes.length === 0)
        throw problem(400, 'empty-file', 'Empty file', 'The file has no content.', { errors: [{ path: 'body', message: 'empty' }] });
      const actual = sniffMedia(input.bytes);
      if (!actual)
        throw problem(
          415,
          'unsupported-media-type',
          'Not a file type the museum takes',
          `${name} is not a JPEG, PNG, WebP, GIF, MP3, Ogg, WAV, M4A or WebVTT file.`,
          {
            errors: [{ path: 'body', message: 'unrecognised content' }],
          },
        );
      if (actual.ext !== claimed.ext)
        throw problem(415, 'type-mismatch', 'The file is not what its name says', `${name} is named .${claimed.ext} but its content is ${actual.mime}.`, {
          errors: [{ path: 'query.name', message: `content is ${actual.mime}` }],
        });
      const limit = MEDIA_LIMITS[actual.kind];
      if (input.bytes.length > limit)
        throw problem(413, 'too-large', 'File too large', `${actual.kind} files may be at most ${limit / 1024 / 1024} MiB.`, {
          errors: [{ path: 'body', message: `over ${limit} bytes` }],
        });

      const hash = createHash('sha256').update(input.bytes).digest('hex');
      const target = path.join(dir, `${hash}.${actual.ext}`);
      await mkdir(dir, { recursive: true });
      const exists = await stat(target).then(
        (s) => s.size === input.bytes.length,
        () => false,
      );
      if (!exists) {
        // Write aside, then rename: a reader never sees half a file.
        const tmp = path.join(dir, `.${hash}.${randomBytes(6).toString('hex')}.tmp`);
        await writeFile(tmp, input.bytes, { mode: 0o644 });
        await rename(tmp, target);
      }
      const { row, created } = await store.insert({
        hash,
        ext: actual.ext,
        mime: actual.mime,
        kind: actual.kind,
        size: input.bytes.length,
        original_name: name,
        uploaded_by: input.actorId,
        uploaded_at: now().toISOString(),
      });
      kindCache?.set(hash, actual.kind);
      await audit.record({
        actorId: input.actorId,
        action: 'media.upload',
        target: `media:${hash}`,
        detail: { name, kind: actual.kind, size: input.bytes.length, created },
      });
      return { item: item(row), created };
    },

    async list(): Promise<MediaItem[]> {
      return (await store.list()).map(item);
    },

    /** For content validation: what each uploaded hash is. */
    async kinds(): Promise<MediaKindLookup> {
      if (!kindCache) kindCache = new Map((await store.kinds()).map((r) => [r.hash, r.kind]));
      const cache = kindCache;
      return (hash) => cache.get(hash);
    },

    /** The stored file for `/media/<name>`, or undefined (unknown, or a name that is not ours). */
    async resolve(name: string): Promise<{ file: string; mime: string; size: number; hash: string } | undefined> {
      const m = HASH_FILE.exec(name);
      if (!m) return undefined;
      const row = await store.get(m[1]);
      if (!row || row.ext !== m[2]) return undefined;
      // Built from the hash and our own extension only: nothing from the request reaches the path.
      return { file: path.join(dir, `${row.hash}.${row.ext}`), mime: row.mime, size: row.size, hash: row.hash };
    },
  };
}

export type MediaService = ReturnType<typeof createMediaService>;
