import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHub, type RunningHub } from '../../src-server/hub';
import { freshDatabaseUrl } from '../support/db';
import { PASSWORD, seedCity } from '../support/city';
import { potholeCall, TestWorkstation } from '../support/sync-client';

let hubA: RunningHub;
let hubB: RunningHub;

beforeAll(async () => {
  const databaseUrl = await freshDatabaseUrl();
  hubA = await startHub({ databaseUrl, dataDir: '/nonexistent', autoMigrate: true, logger: false });
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
