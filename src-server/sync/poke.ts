// Pokes: online desktops keep a server-sent-events stream open and pull when poked. Every hub process
// LISTENs on one PostgreSQL channel, and every ticket write NOTIFYs it in its transaction, so a
// change made through any hub process reaches the clients of all of them, only once it is committed.
import type { ServerResponse } from 'node:http';
import pg from 'pg';

export const CHANGES_CHANNEL = 'usterka_changes';

export interface PokeHub {
  /** Registers an open event stream; it is dropped when the client goes away. */
  attach(res: ServerResponse): void;
  close(): Promise<void>;
}

export async function startPokeHub(connectionString: string, log: (msg: string, err?: unknown) => void): Promise<PokeHub> {
  const streams = new Set<ServerResponse>();
  let closed = false;
  let listener: pg.Client | undefined;
  let pending: NodeJS.Timeout | undefined;

  // Coalesce bursts (a replay writes many batches): at most one poke per 50 ms.
  const pokeAll = () => {
    if (pending) return;
    pending = setTimeout(() => {
      pending = undefined;
      for (const res of streams) res.write('event: poke\ndata: {}\n\n');
    }, 50);
  };

  async function listen(): Promise<void> {
    const client = new pg.Client({ connectionString });
    client.on('notification', pokeAll);
    client.on('error', (err) => {
      log('poke listener lost its database connection; reconnecting', err);
      void client.end().catch(() => {});
      if (!closed) reconnect(1000);
    });
    await client.connect();
    await client.query(`listen ${CHANGES_CHANNEL}`);
    listener = client;
    // Changes made while we were not listening (after a reconnect): let clients catch up.
    pokeAll();
  }
  /** Tries again, waiting longer each time (up to a minute), until the database answers. */
  function reconnect(delayMs: number): void {
    setTimeout(() => {
      if (closed) return;
      listen().catch((e) => {
        log('poke listener reconnect failed', e);
        reconnect(Math.min(delayMs * 2, 60_000));
      });
    }, delayMs).unref();
  }
  await listen();

  const heartbeat = setInterval(() => {
    for (const res of streams) res.write(': keep-alive\n\n');
  }, 25_000);
  heartbeat.unref();

  return {
    attach(res) {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      // Whatever changed while the client was away: pull now.
      res.write('event: poke\ndata: {}\n\n');
      streams.add(res);
      res.on('close', () => streams.delete(res));
    },
    async close() {
      closed = true;
      clearInterval(heartbeat);
      clearTimeout(pending);
      for (const res of streams) res.end();
      await listener?.end().catch(() => {});
    },
  };
}
