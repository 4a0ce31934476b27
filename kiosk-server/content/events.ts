/**
 * Live push of the content version over Server-Sent Events. Every open connection is in a Set
 * (`count()` for tests and the benchmark); the first event on a connection is the current version,
 * so a kiosk that was offline catches up as soon as its EventSource reconnects. Heartbeats keep
 * proxies from closing idle streams and find dead sockets; a connection is removed on the stream's
 * abort, on the request's AbortSignal, and on a failed write — whichever comes first.
 */
export interface VersionEvent {
  version: number;
  hash: string;
  publishedAt: string;
  /** Only to preview connections: the draft's revision (it changes on every save). */
  preview?: { revision: number };
}

export interface LiveConnection {
  /** Receives draft events too (a signed preview). */
  preview: boolean;
  send(event: string, data: string, id?: string): Promise<void>;
  comment(text: string): Promise<void>;
  close(): void;
}

export interface ContentEventsOptions {
  heartbeatMs?: number;
}

export function createContentEvents(options: ContentEventsOptions = {}) {
  const heartbeatMs = options.heartbeatMs ?? 15_000;
  const connections = new Set<LiveConnection>();
  let timer: ReturnType<typeof setInterval> | undefined;
  let sent = 0;

  const drop = (conn: LiveConnection) => {
    if (!connections.delete(conn)) return;
    conn.close();
    if (connections.size === 0 && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  };

  const deliver = (conn: LiveConnection, write: Promise<void>) => {
    // Never awaited one by one: a slow client must not hold up the others.
    write.catch(() => drop(conn));
  };

  const beat = () => {
    for (const conn of connections) deliver(conn, conn.comment('heartbeat'));
  };

  return {
    heartbeatMs,
    add(conn: LiveConnection): () => void {
      connections.add(conn);
      // One timer for all connections (not one each): 1,000 kiosks cost one interval.
      timer ??= setInterval(beat, heartbeatMs);
      timer.unref?.();
      return () => drop(conn);
    },

    /** A new published version: to everyone. */
    publish(event: VersionEvent): number {
      const data = JSON.stringify(event);
      let n = 0;
      for (const conn of connections) {
        deliver(conn, conn.send('version', data, String(event.version)));
        n++;
      }
      sent += n;
      return n;
    },

    /** A draft change: only to preview connections (each gets its own event via `make`). */
    draftChanged(make: () => VersionEvent): number {
      let n = 0;
      let data: string | undefined;
      for (const conn of connections) {
        if (!conn.preview) continue;
        data ??= JSON.stringify(make());
        deliver(conn, conn.send('version', data));
        n++;
      }
      return n;
    },

    /** Open connections right now. */
    count(): number {
      return connections.size;
    },

    /** Events sent since start (for the benchmark). */
    sentCount(): number {
      return sent;
    },

    /** Ends every stream (server shutdown). */
    closeAll(): void {
      for (const conn of [...connections]) drop(conn);
    },
  };
}

export type ContentEvents = ReturnType<typeof createContentEvents>;
