/** Helpers for the curator tests: JSON calls as a signed-in person, reading and saving draft files. */
import type { Museum } from '../../kiosk-server/server.ts';
import type { SignedInAs } from '../support/auth.ts';

export type Caller = Pick<SignedInAs, 'headers'> | undefined;

export function call(
  museum: Museum,
  url: string,
  init: { method?: string; as?: Caller; body?: unknown; headers?: Record<string, string>; raw?: BodyInit | Uint8Array } = {},
) {
  const headers: Record<string, string> = {
    ...(init.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
    ...init.as?.headers,
    ...init.headers,
  };
  return museum.app.request(url, {
    method: init.method ?? 'GET',
    headers,
    body: (init.raw as BodyInit | undefined) ?? (init.body === undefined ? undefined : JSON.stringify(init.body)),
  });
}

export async function readFile<T = Record<string, unknown>>(museum: Museum, as: Caller, file: string): Promise<{ content: T; etag: string }> {
  const res = await call(museum, `/api/curator/file?path=${encodeURIComponent(file)}`, { as });
  if (res.status !== 200) throw new Error(`read ${file}: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { content: T; etag: string };
  return body;
}

export async function saveFile(museum: Museum, as: Caller, file: string, content: unknown, ifMatch: string) {
  return call(museum, `/api/curator/file?path=${encodeURIComponent(file)}`, { method: 'PUT', as, body: content, headers: { 'If-Match': ifMatch } });
}

/** Reads a file, lets `edit` change it, saves it; throws unless the save succeeded. */
export async function editFile<T = Record<string, unknown>>(museum: Museum, as: Caller, file: string, edit: (content: T) => void) {
  const { content, etag } = await readFile<T>(museum, as, file);
  edit(content);
  const res = await saveFile(museum, as, file, content, etag);
  if (res.status !== 200) throw new Error(`save ${file}: ${res.status} ${await res.text()}`);
  return (await res.json()) as { etag: string };
}

export async function publicSite(museum: Museum, id: string, lang = 'en', headers: Record<string, string> = {}) {
  const res = await museum.app.request(`/api/content/sites/${id}?lang=${lang}`, { headers });
  return (await res.json()) as { version: number; preview?: boolean; data: { name: string; summary: string } };
}

export async function publish(museum: Museum, as: Caller, message = 'test publish') {
  const res = await call(museum, '/api/curator/publish', { method: 'POST', as, body: { message } });
  if (res.status !== 201) throw new Error(`publish: ${res.status} ${await res.text()}`);
  return (await res.json()) as { version: number; changes: { file: string; fields: { path: string }[] }[] };
}
