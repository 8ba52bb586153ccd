import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endUserSessions } from '../../src-server/auth/sessions';
import { startHub, type RunningHub } from '../../src-server/hub';
import { MAX_STREAMS_PER_SESSION } from '../../src-server/sync/poke';
import { freshDatabaseUrl } from '../support/db';
import { PASSWORD, seedCity } from '../support/city';
import { potholeCall, TestWorkstation } from '../support/sync-client';

let hubA: RunningHub;
let hubB: RunningHub;

beforeAll(async () => {
  const databaseUrl = await freshDatabaseUrl();
  // Hub A checks its streams' sessions often, hub B at the default pace (every 5 s, and before each poke).
  hubA = await startHub({ databaseUrl, dataDir: '/nonexistent', autoMigrate: true, logger: false, pokeSessionCheckMs: 200 });
  hubB = await startHub({ databaseUrl, dataDir: '/nonexistent', logger: false });
  await seedCity(hubA.database.db);
});
afterAll(async () => {
  await hubA?.close();
  await hubB?.close();
});

/** Opens an authenticated poke stream; `nextPoke()` resolves at each `poke` event. */
async function openPokes(hubUrl: string, token: string, signal: AbortSignal) {
  const res = await fetch(`${hubUrl}/sync/poke`, { headers: { authorization: `Bearer ${token}` }, signal });
  expect(res.headers.get('content-type')).toContain('text/event-stream');
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  return async function nextPoke(): Promise<void> {
    while (!buffer.includes('event: poke')) {
      const { value, done } = await reader.read();
      if (done) throw new Error('stream ended');
      buffer += value;
    }
    buffer = buffer.slice(buffer.indexOf('event: poke') + 'event: poke'.length);
  };
}

describe('pokes across hub processes', () => {
  it('a change pushed through hub A pokes a client connected to hub B', async () => {
    const listener = await new TestWorkstation(hubB.url).login('koord-zdit', PASSWORD);
    const writer = await new TestWorkstation(hubA.url).login('operator', PASSWORD);
    await writer.lease(1);
    const abort = new AbortController();
    const nextPoke = await openPokes(hubB.url, listener.token, abort.signal);
    await nextPoke(); // on connecting: pull what changed while away
    const started = Date.now();
    await writer.push([writer.mutation(potholeCall(), { newTicketNumbers: writer.takeNumbers(1) })]);
    await nextPoke();
    expect(Date.now() - started).toBeLessThan(2000);
    abort.abort();
  });

  it('the poke stream needs a session token', async () => {
    expect((await fetch(`${hubB.url}/sync/poke`)).status).toBe(401);
  });
});

/** A poke stream read in the background: the names of the events it got, and whether it has ended. */
async function watchStream(hubUrl: string, token: string) {
  const abort = new AbortController();
  const res = await fetch(`${hubUrl}/sync/poke`, { headers: { authorization: `Bearer ${token}` }, signal: abort.signal });
  expect(res.status).toBe(200);
  const stream = { events: [] as string[], endData: undefined as { reason: string; message: string } | undefined, ended: false };
  const reading = (async () => {
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let cut: number;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const name = /^event: (.*)$/m.exec(block)?.[1];
          if (!name) continue;
          stream.events.push(name);
          if (name === 'end') stream.endData = JSON.parse(/^data: (.*)$/m.exec(block)![1]!);
        }
      }
    } catch {
      // aborted by the test
    }
    stream.ended = true;
  })();
  const until = async (what: () => boolean, ms = 5000) => {
    const deadline = Date.now() + ms;
    while (!what()) {
      if (Date.now() > deadline) throw new Error(`timed out; events so far: ${stream.events.join(', ')}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  return { stream, until, pokes: () => stream.events.filter((e) => e === 'poke').length, close: () => abort.abort(), reading };
}

describe('a poke stream lives only as long as its session', () => {
  it('logging out (through another hub process) ends the stream, and no poke reaches it after', async () => {
    const listener = await new TestWorkstation(hubB.url).login('koord-wgk', PASSWORD);
    const writer = await new TestWorkstation(hubA.url).login('operator', PASSWORD);
    await writer.lease(1);
    const s = await watchStream(hubB.url, listener.token);
    await s.until(() => s.pokes() === 1); // on connecting

    const out = await fetch(`${hubA.url}/auth/logout`, { method: 'POST', headers: { authorization: `Bearer ${listener.token}` } });
    expect(out.status).toBe(204);
    // A change right after: hub B is due to poke, and must not poke a session that has ended.
    await writer.push([writer.mutation(potholeCall(), { newTicketNumbers: writer.takeNumbers(1) })]);
    await s.until(() => s.stream.ended);
    expect(s.stream.events).toEqual(['poke', 'end']);
    expect(s.stream.endData).toMatchObject({ reason: 'sessionEnded' });
    expect(s.stream.endData!.message).toContain('log in again');
    expect((await fetch(`${hubB.url}/sync/poke`, { headers: { authorization: `Bearer ${listener.token}` } })).status).toBe(401);
  });

  it('an idle stream ends when its session expires or its user is disabled (sessions ended by the admin CLI)', async () => {
    const expiring = await new TestWorkstation(hubA.url).login('real-zdit', PASSWORD);
    const disabled = await new TestWorkstation(hubA.url).login('operator2', PASSWORD);
    const a = await watchStream(hubA.url, expiring.token);
    const b = await watchStream(hubA.url, disabled.token);
    await a.until(() => a.pokes() === 1);
    await b.until(() => b.pokes() === 1);

    await hubA.database.db.updateTable('session').set({ expires_at: new Date() }).where('user_id', '=', expiring.userId).execute();
    await a.until(() => a.stream.ended);
    expect(a.stream.endData).toMatchObject({ reason: 'sessionEnded' });
    expect(b.stream.ended).toBe(false);

    // What `admin user disable` does, in its own process: no hub is told, the hubs find out.
    await hubA.database.db.transaction().execute(async (tx) => {
      await tx.updateTable('app_user').set({ disabled: true }).where('id', '=', disabled.userId).execute();
      await endUserSessions(tx, disabled.userId, new Date());
    });
    await b.until(() => b.stream.ended);
    expect(b.stream.events).toEqual(['poke', 'end']);
    await hubA.database.db.updateTable('app_user').set({ disabled: false }).where('id', '=', disabled.userId).execute();
  });

  it(`one session holds at most ${MAX_STREAMS_PER_SESSION} streams: a new one closes the oldest, the rest stay and are poked`, async () => {
    const ws = await new TestWorkstation(hubA.url).login('koord-zdit', PASSWORD);
    const writer = await new TestWorkstation(hubA.url).login('operator', PASSWORD);
    await writer.lease(1);
    const streams = [];
    for (let i = 0; i <= MAX_STREAMS_PER_SESSION; i++) {
      const s = await watchStream(hubA.url, ws.token);
      await s.until(() => s.pokes() === 1);
      streams.push(s);
    }
    const [oldest, ...rest] = streams;
    await oldest!.until(() => oldest!.stream.ended);
    expect(oldest!.stream.endData).toMatchObject({ reason: 'tooManyStreams' });
    expect(rest.map((s) => s.stream.ended)).toEqual(rest.map(() => false));

    await writer.push([writer.mutation(potholeCall(), { newTicketNumbers: writer.takeNumbers(1) })]);
    for (const s of rest) await s.until(() => s.pokes() === 2);
    expect(oldest!.pokes()).toBe(1);
    // Another session's streams are its own: the cap is per session.
    const other = await watchStream(hubA.url, (await new TestWorkstation(hubA.url).login('koord-zdit', PASSWORD)).token);
    await other.until(() => other.pokes() === 1);
    expect(rest.map((s) => s.stream.ended)).toEqual(rest.map(() => false));
    for (const s of [...rest, other]) s.close();
  });
});
