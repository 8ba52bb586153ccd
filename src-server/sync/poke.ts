// Pokes: online desktops keep a server-sent-events stream open and pull when poked. Every hub process
// LISTENs on one PostgreSQL channel, and every ticket write NOTIFYs it in its transaction, so a
// change made through any hub process reaches the clients of all of them, only once it is committed.
//
// A stream lives only as long as its session: before every poke and every few seconds the hub asks the
// database which of its streams' sessions are still live (one query for all of them), and ends the
// others — logout, expiry, a disabled account or a password change, through whichever hub process or the
// admin CLI it happened. One session holds at most MAX_STREAMS_PER_SESSION streams; a new one closes the
// oldest, so a desktop reconnecting after a network blip (its old stream not yet noticed as gone) gets in.
import type { ServerResponse } from 'node:http';
import pg from 'pg';

export const CHANGES_CHANNEL = 'usterka_changes';
/** Open poke streams one session may hold at once (per hub process). */
export const MAX_STREAMS_PER_SESSION = 3;
/** How often idle streams are checked against their sessions. */
export const SESSION_CHECK_MS = 5_000;

export interface PokeStreamSession {
  /** SHA-256 of the session token, as stored in `session.token_hash`. */
  tokenHash: Buffer;
}

export interface PokeHub {
  /** Registers an open event stream of a session; it is dropped when the client goes away or the session ends. */
  attach(res: ServerResponse, session: PokeStreamSession): void;
  close(): Promise<void>;
}

export interface PokeHubOptions {
  /** How often open streams are checked against their sessions (default SESSION_CHECK_MS). */
  sessionCheckMs?: number;
}

/** The last event a stream gets before the hub closes it: why, so a client can tell it from a network failure. */
type EndReason = 'sessionEnded' | 'tooManyStreams' | 'shutdown';
const END_MESSAGES: Record<EndReason, string> = {
  sessionEnded: 'The session of this stream has ended (logout, expiry or a disabled account); log in again.',
  tooManyStreams: `This session opened a newer stream; one session holds at most ${MAX_STREAMS_PER_SESSION}.`,
  shutdown: 'The hub is shutting down; reconnect in a moment.',
};

export async function startPokeHub(
  connectionString: string,
  log: (msg: string, err?: unknown) => void,
  options: PokeHubOptions = {},
): Promise<PokeHub> {
  /** Open streams by session (token hash in hex), oldest first. */
  const sessions = new Map<string, ServerResponse[]>();
  let closed = false;
  let listener: pg.Client | undefined;
  let pending: NodeJS.Timeout | undefined;

  const allStreams = () => [...sessions.values()].flat();
  const end = (res: ServerResponse, reason: EndReason) => {
    if (res.writableEnded) return;
    res.end(`event: end\ndata: ${JSON.stringify({ reason, message: END_MESSAGES[reason] })}\n\n`);
  };
  const forget = (key: string, res: ServerResponse) => {
    const list = sessions.get(key)?.filter((r) => r !== res);
    if (list?.length) sessions.set(key, list);
    else sessions.delete(key);
  };

  /**
   * Ends the streams whose session is no longer live. When the database cannot be asked the streams stay:
   * a poke carries no data, and the next check decides.
   */
  async function dropEndedSessions(): Promise<void> {
    const client = listener;
    if (!client || sessions.size === 0) return;
    const keys = [...sessions.keys()];
    let live: Set<string>;
    try {
      const { rows } = await client.query<{ token_hash: Buffer }>(
        `select s.token_hash from session s join app_user u on u.id = s.user_id
          where s.token_hash = any($1::bytea[]) and s.revoked_at is null and s.expires_at > $2 and not u.disabled`,
        [keys.map((k) => Buffer.from(k, 'hex')), new Date()],
      );
      live = new Set(rows.map((r) => Buffer.from(r.token_hash).toString('hex')));
    } catch (err) {
      log('poke streams: could not check their sessions', err);
      return;
    }
    for (const key of keys) {
      if (live.has(key)) continue;
      for (const res of sessions.get(key) ?? []) end(res, 'sessionEnded');
      sessions.delete(key);
    }
  }

  // Coalesce bursts (a replay writes many batches): at most one poke per 50 ms, and only to live sessions.
  const pokeAll = () => {
    if (pending) return;
    pending = setTimeout(() => {
      void dropEndedSessions().finally(() => {
        pending = undefined;
        for (const res of allStreams()) res.write('event: poke\ndata: {}\n\n');
      });
    }, 50);
  };

  async function listen(): Promise<void> {
    const client = new pg.Client({ connectionString });
    client.on('notification', pokeAll);
    client.on('error', (err) => {
      log('poke listener lost its database connection; reconnecting', err);
      if (listener === client) listener = undefined;
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
    for (const res of allStreams()) res.write(': keep-alive\n\n');
  }, 25_000);
  heartbeat.unref();
  const sessionCheck = setInterval(() => void dropEndedSessions(), options.sessionCheckMs ?? SESSION_CHECK_MS);
  sessionCheck.unref();

  return {
    attach(res, session) {
      const key = session.tokenHash.toString('hex');
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      // Whatever changed while the client was away: pull now.
      res.write('event: poke\ndata: {}\n\n');
      const open = [...(sessions.get(key) ?? []), res];
      while (open.length > MAX_STREAMS_PER_SESSION) end(open.shift()!, 'tooManyStreams');
      sessions.set(key, open);
      res.on('close', () => forget(key, res));
    },
    async close() {
      closed = true;
      clearInterval(heartbeat);
      clearInterval(sessionCheck);
      clearTimeout(pending);
      for (const res of allStreams()) end(res, 'shutdown');
      sessions.clear();
      await listener?.end().catch(() => {});
    },
  };
}
