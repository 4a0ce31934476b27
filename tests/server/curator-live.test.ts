/**
 * Live push over SSE, against a real HTTP server: the first event is the current version (a kiosk
 * that was offline catches up on reconnect), a publish reaches every open stream, draft saves
 * reach preview streams only, heartbeats flow, and closed connections leave the set.
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContentEvents, type LiveConnection } from '../../kiosk-server/content/events.ts';
import type { Museum } from '../../kiosk-server/server.ts';
import { type SignedInAs, signInAs } from '../support/auth.ts';
import { testMuseum } from '../support/museum.ts';
import { call, editFile, publish } from './curator-support.ts';

let museum: Museum;
let server: ReturnType<typeof serve>;
let base: string;
let curator: SignedInAs;

interface Stream {
  events: { event: string; data: string; id?: string }[];
  comments: string[];
  next(event?: string, timeoutMs?: number): Promise<{ event: string; data: string; id?: string }>;
  close(): void;
}

/** An SSE client on fetch (Node has no EventSource): collects events and comments. */
async function connect(headers: Record<string, string> = {}): Promise<Stream> {
  const controller = new AbortController();
  const res = await fetch(`${base}/api/content/events`, { headers, signal: controller.signal });
  expect(res.headers.get('content-type')).toContain('text/event-stream');
  const events: Stream['events'] = [];
  const comments: string[] = [];
  const waiters: (() => void)[] = [];
  let buffer = '';
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  void (async () => {
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let cut = buffer.indexOf('\n\n');
        while (cut >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const ev: { event: string; data: string; id?: string } = { event: 'message', data: '' };
          let isComment = true;
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) comments.push(line.slice(1).trim());
            else {
              isComment = false;
              const [k, ...v] = line.split(':');
              const value = v.join(':').replace(/^ /, '');
              if (k === 'event') ev.event = value;
              if (k === 'data') ev.data = ev.data ? `${ev.data}\n${value}` : value;
              if (k === 'id') ev.id = value;
            }
          }
          if (!isComment) events.push(ev);
          for (const w of waiters.splice(0)) w();
          cut = buffer.indexOf('\n\n');
        }
      }
    } catch {
      /* aborted */
    }
  })();
  let seen = 0;
  return {
    events,
    comments,
    async next(event = 'version', timeoutMs = 3000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const i = events.findIndex((e, idx) => idx >= seen && e.event === event);
        if (i >= 0) {
          seen = i + 1;
          return events[i];
        }
        if (Date.now() > deadline) throw new Error(`no ${event} event within ${timeoutMs} ms`);
        await new Promise<void>((r) => {
          waiters.push(r);
          setTimeout(r, 50);
        });
      }
    },
    close: () => controller.abort(),
  };
}

const waitFor = async (check: () => boolean, ms = 3000) => {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
};

beforeAll(async () => {
  museum = await testMuseum();
  curator = await signInAs(museum, 'curator');
  server = serve({ fetch: museum.app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((r) => server.once('listening', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
  await museum.close();
});

describe('live content versions over SSE', () => {
  it('sends the current version first, then every publish to every open stream', async () => {
    const current = ((await (await museum.app.request('/api/content/version')).json()) as { version: number }).version;
    const a = await connect();
    const b = await connect();
    expect(JSON.parse((await a.next()).data)).toMatchObject({ version: current });
    expect(JSON.parse((await b.next()).data)).toMatchObject({ version: current });
    expect(museum.curator.events.count()).toBe(2);

    await editFile(museum, curator, 'sites/erchang.json', (s: { summary: { en: string } }) => {
      s.summary.en = 'Live!';
    });
    const { version } = await publish(museum, curator, 'live');
    for (const s of [a, b]) {
      const ev = await s.next();
      expect(ev.id).toBe(String(version));
      expect(JSON.parse(ev.data)).toMatchObject({ version });
    }
    a.close();
    b.close();
    await waitFor(() => museum.curator.events.count() === 0);
  });

  it('catches a reconnecting client up: the first event is whatever is published now', async () => {
    const s = await connect();
    const first = JSON.parse((await s.next()).data) as { version: number };
    s.close();
    await waitFor(() => museum.curator.events.count() === 0);
    // Published while the kiosk was away:
    await editFile(museum, curator, 'sites/erchang.json', (x: { summary: { en: string } }) => {
      x.summary.en = 'While you were offline.';
    });
    const { version } = await publish(museum, curator, 'offline');
    const again = await connect({ 'Last-Event-ID': String(first.version) });
    expect(JSON.parse((await again.next()).data)).toMatchObject({ version });
    again.close();
  });

  it('sends draft saves to preview streams only', async () => {
    const res = await call(museum, '/api/curator/preview', { method: 'POST', as: curator });
    const { token } = (await res.json()) as { token: string };
    const previewStream = await connect({ 'X-Content-Preview': token });
    const publicStream = await connect();
    const first = JSON.parse((await previewStream.next()).data) as { preview?: { revision: number } };
    expect(first.preview).toBeDefined();
    expect(JSON.parse((await publicStream.next()).data).preview).toBeUndefined();
    await editFile(museum, curator, 'sites/erchang.json', (x: { summary: { en: string } }) => {
      x.summary.en = 'Draft only.';
    });
    const ev = JSON.parse((await previewStream.next()).data) as { preview: { revision: number } };
    expect(ev.preview.revision).toBeGreaterThan(first.preview!.revision);
    await expect(publicStream.next('version', 300)).rejects.toThrow(/no version event/);
    previewStream.close();
    publicStream.close();
    await call(museum, '/api/curator/draft/discard', { method: 'POST', as: curator, body: {} });
  });

  it('leaks no connection after many connects and disconnects', async () => {
    for (let round = 0; round < 5; round++) {
      const streams = await Promise.all(Array.from({ length: 20 }, () => connect()));
      await Promise.all(streams.map((s) => s.next()));
      expect(museum.curator.events.count()).toBe(20);
      for (const s of streams) s.close();
      await waitFor(() => museum.curator.events.count() === 0);
    }
  });
});

describe('the event hub', () => {
  const fake = (log: string[], fail = false): LiveConnection => ({
    preview: false,
    send: async (event, data) => {
      if (fail) throw new Error('socket gone');
      log.push(`${event}:${data}`);
    },
    comment: async (text) => {
      if (fail) throw new Error('socket gone');
      log.push(`:${text}`);
    },
    close: () => log.push('closed'),
  });

  it('sends heartbeats on one timer and drops connections whose writes fail', async () => {
    const hub = createContentEvents({ heartbeatMs: 20 });
    const good: string[] = [];
    const bad: string[] = [];
    hub.add(fake(good));
    hub.add(fake(bad, true));
    expect(hub.count()).toBe(2);
    await waitFor(() => good.filter((l) => l === ':heartbeat').length >= 2, 1000);
    expect(hub.count()).toBe(1);
    expect(bad).toEqual(['closed']);
    expect(hub.publish({ version: 7, hash: 'h', publishedAt: 'now' })).toBe(1);
    expect(good.some((l) => l.startsWith('version:') && l.includes('"version":7'))).toBe(true);
    hub.closeAll();
    expect(hub.count()).toBe(0);
  });
});
