// The public web form trusts nobody (issue: unthrottled intake): the portal proves itself with its key,
// each portal and each source address is rate-limited, the hub sets the receipt time, and a refused form
// uses up no number.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningHub } from '../../src-server/hub';
import { WEB_FORM_LIMITS } from '../../src-server/intake';
import { revokePortal } from '../../src-server/portals';
import { MAX_NUMBER } from '../../src-server/sync/numbers';
import { warsawYear } from '../../src-shared/format';
import type { Ticket } from '../../src-shared/ticket';
import { seedCity } from '../support/city';
import { startTestHub } from '../support/db';
import { portalKey, postWebForm } from '../support/portal';

let hub: RunningHub;
beforeAll(async () => {
  hub = await startTestHub();
  await seedCity(hub.database.db);
});
afterAll(() => hub?.close());

const resident = {
  description: 'Przewrócone drzewo blokuje chodnik.',
  location: { address: 'ul. Zgierska 20, Łódź' },
  reporter: { wantsAnswer: true, consent: true, email: 'mieszkaniec@example.com' },
};
const counter = async () =>
  (
    await hub.database.db
      .selectFrom('ticket_number_counter')
      .select('last_issued')
      .where('year', '=', warsawYear(new Date()))
      .executeTakeFirst()
  )?.last_issued ?? 0;
const stored = async (number: string) =>
  (await hub.database.db.selectFrom('ticket').select('data').where('number', '=', number).executeTakeFirstOrThrow()).data as Ticket;

describe('the portal key', () => {
  it('refuses a form without a key, with an unknown key and with a revoked key (401 saying what to send), and takes a live one', async () => {
    const none = await postWebForm(hub.url, undefined, resident);
    expect(none.status).toBe(401);
    expect(await none.json()).toMatchObject({ error: 'portalKeyRequired', message: expect.stringContaining('Authorization: Bearer') });
    expect((await postWebForm(hub.url, `usterka_portal_${'x'.repeat(43)}`, resident)).status).toBe(401);
    // A workstation's session token is not a portal key.
    expect((await postWebForm(hub.url, 'a'.repeat(43), resident)).status).toBe(401);

    const key = await portalKey(hub.database.db, 'portal-revoked');
    expect((await postWebForm(hub.url, key, resident)).status).toBe(201);
    expect(await revokePortal(hub.database.db, 'portal-revoked', new Date())).toBe(true);
    const revoked = await postWebForm(hub.url, key, resident);
    expect(revoked.status).toBe(401);
    expect((await revoked.json()).error).toBe('portalKeyRequired');
  });

  it('is checked before the body: an unauthenticated malformed form is a 401, not a 400', async () => {
    expect((await postWebForm(hub.url, undefined, { nothing: true })).status).toBe(401);
  });
});

describe("the receipt time is the hub's", () => {
  it('refuses a receivedAt in 2020 or 2099 (or minutes ahead) with a 400 naming the field, and uses nothing of the pool', async () => {
    const key = await portalKey(hub.database.db);
    const before = await counter();
    for (const receivedAt of [
      '2020-03-02T09:00:00.000Z',
      '2099-03-02T09:00:00.000Z',
      new Date(Date.now() + 5 * 60_000).toISOString(),
      new Date(Date.now() - 20 * 60_000).toISOString(),
    ]) {
      const res = await postWebForm(hub.url, key, { ...resident, receivedAt });
      expect(res.status, receivedAt).toBe(400);
      expect(await res.json()).toMatchObject({ error: 'invalidInput', field: 'receivedAt' });
    }
    expect(await counter()).toBe(before);
  });

  it("records the hub's time when the portal gives none, and a portal's time from a few minutes ago as given", async () => {
    const key = await portalKey(hub.database.db);
    const t0 = Date.now();
    const plain = await postWebForm(hub.url, key, resident);
    expect(plain.status).toBe(201);
    const received = Date.parse((await stored((await plain.json()).number)).times.receivedAt);
    expect(received).toBeGreaterThanOrEqual(t0 - 1000);
    expect(received).toBeLessThanOrEqual(Date.now() + 1000);

    const held = new Date(Date.now() - 10 * 60_000).toISOString();
    const late = await postWebForm(hub.url, key, { ...resident, receivedAt: held });
    expect(late.status).toBe(201);
    expect((await stored((await late.json()).number)).times.receivedAt).toBe(held);
  });
});

describe('numbers only for accepted forms', () => {
  it('a form the rules refuse (snow and ice, P§5.2) or the schema refuses leaves the counter as it was; an accepted one takes exactly one', async () => {
    const key = await portalKey(hub.database.db);
    expect((await postWebForm(hub.url, key, resident)).status).toBe(201);
    const before = await counter();
    const snow = await postWebForm(hub.url, key, { ...resident, categoryId: 'snow' });
    expect(snow.status).toBe(400);
    expect((await snow.json()).error).toBe('snowIce');
    expect((await postWebForm(hub.url, key, { ...resident, categoryId: 'no-such-category' })).status).toBe(400);
    expect((await postWebForm(hub.url, key, { reporter: resident.reporter })).status).toBe(400);
    expect(await counter()).toBe(before);
    expect((await postWebForm(hub.url, key, resident)).status).toBe(201);
    expect(await counter()).toBe(before + 1);
  });

  it('answers a used-up year with a 503 saying so, never a 500, and saves nothing', async () => {
    const key = await portalKey(hub.database.db);
    const year = warsawYear(new Date());
    const before = await counter();
    const tickets = async () =>
      Number(
        (
          await hub.database.db
            .selectFrom('ticket')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const ticketsBefore = await tickets();
    await sql`update ticket_number_counter set last_issued = ${MAX_NUMBER} where year = ${year}`.execute(hub.database.db);
    try {
      const res = await postWebForm(hub.url, key, resident);
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ error: 'numbersExhausted', message: expect.stringMatching(/used up.*administrator/) });
      expect(await counter()).toBe(MAX_NUMBER);
      expect(await tickets()).toBe(ticketsBefore);
    } finally {
      await sql`update ticket_number_counter set last_issued = ${before} where year = ${year}`.execute(hub.database.db);
    }
  });
});

describe('rate limits', () => {
  it("a flood from one portal gets 429s with Retry-After in the hub's error shape, while another portal's key still passes", async () => {
    const flooding = await portalKey(hub.database.db);
    const other = await portalKey(hub.database.db);
    const total = WEB_FORM_LIMITS.perPortal + 20;
    const statuses: number[] = [];
    let refused: Response | undefined;
    for (let i = 0; i < total; i++) {
      const res = await postWebForm(hub.url, flooding, resident);
      statuses.push(res.status);
      if (res.status === 429) refused ??= res;
      else await res.body?.cancel();
    }
    expect(statuses.filter((s) => s === 201)).toHaveLength(WEB_FORM_LIMITS.perPortal);
    expect(statuses.filter((s) => s === 429)).toHaveLength(20);
    expect(Number(refused!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await refused!.json()).toEqual({ error: 'rateLimited', message: expect.stringContaining('retry in') });
    expect((await postWebForm(hub.url, other, resident)).status).toBe(201);
  });

  it('a flood from one address is cut off whatever keys it sends: 429 after the per-source limit, before any key is looked up', async () => {
    const own = await startTestHub();
    try {
      const statuses: number[] = [];
      let refused: Response | undefined;
      for (let i = 0; i < WEB_FORM_LIMITS.perSource + 10; i++) {
        const res = await postWebForm(own.url, `usterka_portal_${String(i).padStart(43, 'k')}`, resident);
        statuses.push(res.status);
        if (res.status === 429) refused ??= res;
        else await res.body?.cancel();
      }
      expect(statuses.filter((s) => s === 401)).toHaveLength(WEB_FORM_LIMITS.perSource);
      expect(statuses.filter((s) => s === 429)).toHaveLength(10);
      expect(Number(refused!.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await refused!.json()).toEqual({ error: 'rateLimited', message: expect.stringContaining('from this address') });
      // Other routes are not limited.
      expect((await fetch(`${own.url}/health`)).status).toBe(200);
    } finally {
      await own.close();
    }
  });
});
