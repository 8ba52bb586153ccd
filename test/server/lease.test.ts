// The year's ticket numbers are finite (issue: a supervisor reserved 987,000 of them in 6 s): only roles
// that register tickets lease, a workstation holds a bounded reserve, running out is a clear refusal, and a
// low pool is logged and shown to the super-supervisor.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEASE_BLOCK, LEASE_WHEN_BELOW } from '../../src-main/core/numbers';
import { loadDirectory } from '../../src-server/directory';
import type { RunningHub } from '../../src-server/hub';
import {
  DESKTOP_LEASE_BLOCK,
  DESKTOP_LEASE_WHEN_BELOW,
  MAX_NUMBER,
  MAX_UNUSED_PER_INSTALLATION,
  mayLease,
  POOL_ALERT_BELOW,
  poolAfter,
  warnIfPoolLow,
} from '../../src-server/sync/numbers';
import type { WorkstationConfig } from '../../src-shared/api/desktop';
import { warsawYear } from '../../src-shared/format';
import { numberPoolAlertText } from '../../src-renderer/lib/number-pool';
import { PASSWORD, seedCity } from '../support/city';
import { startTestHub } from '../support/db';
import { potholeCall, TestWorkstation } from '../support/sync-client';

let hub: RunningHub;
beforeAll(async () => {
  hub = await startTestHub();
  await seedCity(hub.database.db);
});
afterAll(() => hub?.close());

const year = warsawYear(new Date());
const station = (login: string) => new TestWorkstation(hub.url).login(login, PASSWORD);
type LeaseAnswer = { year: number; first: number; last: number };
const lease = (ws: TestWorkstation, count: number, status = 200) =>
  ws.request<LeaseAnswer & { error: string; message: string }>('/sync/lease', { clientId: ws.clientId, count }, status);
const setCounter = (lastIssued: number) =>
  sql`insert into ticket_number_counter (year, last_issued) values (${year}, ${lastIssued})
      on conflict (year) do update set last_issued = excluded.last_issued`.execute(hub.database.db);
const counter = async () =>
  (await hub.database.db.selectFrom('ticket_number_counter').select('last_issued').where('year', '=', year).executeTakeFirst())
    ?.last_issued ?? 0;
const config = async (ws: TestWorkstation) =>
  (await (await fetch(`${hub.url}/sync/config`, { headers: { authorization: `Bearer ${ws.token}` } })).json()) as WorkstationConfig;

describe('who may lease', () => {
  it('follows the shared rules: those who may send a command creating a ticket (operators), nobody else', async () => {
    const directory = await loadDirectory(hub.database.db);
    const actor = (roles: string[]) => ({ userId: 'u', roles, groupIds: [], unitIds: [] }) as never;
    expect(mayLease(actor(['operator']), directory)).toBe(true);
    for (const role of ['supervisor', 'superSupervisor', 'coordinator', 'realizer', 'admin'])
      expect(mayLease(actor([role]), directory), role).toBe(false);
  });

  it('a supervisor, the super-supervisor, a coordinator and a realizer get a 403 and no number', async () => {
    const before = await counter();
    for (const login of ['nadzor-zdit', 'supernadzor', 'koord-zdit', 'real-zdit']) {
      const res = await lease(await station(login), 1000, 403);
      expect(res, login).toMatchObject({ error: 'forbidden', message: expect.stringContaining('register tickets') });
    }
    expect(await counter()).toBe(before);
  });
});

describe("the cap on a workstation's unused numbers", () => {
  it("matches the desktop's lease policy: what it may hold before asking, all of it used offline and not yet pushed, plus one block", () => {
    expect(DESKTOP_LEASE_BLOCK).toBe(LEASE_BLOCK);
    expect(DESKTOP_LEASE_WHEN_BELOW).toBe(LEASE_WHEN_BELOW);
    expect(MAX_UNUSED_PER_INSTALLATION).toBeGreaterThanOrEqual(LEASE_WHEN_BELOW - 1 + LEASE_BLOCK + LEASE_BLOCK);
  });

  it('refuses a lease beyond the cap with a 409 saying what to do; numbers used by pushed tickets make room again', async () => {
    const op = await station('operator');
    await op.lease(1000);
    await op.lease(MAX_UNUSED_PER_INSTALLATION - 1000);
    const before = await counter();
    const refused = await lease(op, 1, 409);
    expect(refused).toEqual({
      error: 'leaseCapReached',
      message: expect.stringMatching(/already holds 1200 .*send the workstation's saved registrations.*then lease again/),
    });
    expect(await counter()).toBe(before);

    const res = await op.push(op.takeNumbers(100).map((n) => op.mutation(potholeCall(), { newTicketNumbers: [n] })));
    expect(res.results.every((r) => r.status === 'applied')).toBe(true);
    await op.lease(100);
    await lease(op, 1, 409);
    // Another workstation of the same user has its own reserve.
    await lease(await station('operator'), 1000);
  });

  it('two leases at once cannot both pass the cap', async () => {
    const op = await station('operator2');
    const statuses = await Promise.all(
      [1000, 1000].map((count) =>
        fetch(`${hub.url}/sync/lease`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${op.token}` },
          body: JSON.stringify({ clientId: op.clientId, count }),
        }).then((r) => r.status),
      ),
    );
    expect(statuses.sort()).toEqual([200, 409]);
  });

  it('leases older than 30 days no longer count (a block whose answer was lost must not lock the workstation out)', async () => {
    const op = await station('operator');
    await op.lease(1000);
    await op.lease(200);
    await lease(op, 500, 409);
    await sql`update ticket_number_lease set leased_at = now() - interval '40 days' where client_id = ${op.clientId}`.execute(
      hub.database.db,
    );
    await op.lease(500);
  });
});

describe("the year's pool", () => {
  it("is in the super-supervisor's configuration, flagged low below the threshold, and nobody else's", async () => {
    const boss = await station('supernadzor');
    const op = await station('operator');
    const issued = await counter();
    expect((await config(boss)).numberPool).toEqual({ year, issued, remaining: MAX_NUMBER - issued, low: false });
    expect((await config(op)).numberPool).toBeUndefined();
    await setCounter(MAX_NUMBER - POOL_ALERT_BELOW + 1);
    try {
      const pool = (await config(boss)).numberPool;
      expect(pool).toEqual({ year, issued: MAX_NUMBER - POOL_ALERT_BELOW + 1, remaining: POOL_ALERT_BELOW - 1, low: true });
      // What the super-supervisor's home screen says.
      expect(numberPoolAlertText(pool)).toEqual({
        severity: 'warning',
        text: expect.stringMatching(new RegExp(`^Zostało tylko 49\\s999 numerów zgłoszeń na rok ${year} .*powiadom administratora`)),
      });
    } finally {
      await setCounter(issued);
    }
  });

  it('the alert speaks Polish: 1 numer zgłoszenia, 3 numery, 12 numerów, 22 numery, none left', () => {
    const text = (remaining: number) => numberPoolAlertText({ year: 2026, issued: MAX_NUMBER - remaining, remaining, low: true })?.text;
    expect(text(1)).toMatch(/^Został tylko 1 numer zgłoszenia na rok 2026/);
    expect(text(3)).toMatch(/^Zostały tylko 3 numery /);
    expect(text(12)).toMatch(/^Zostało tylko 12 numerów /);
    expect(text(22)).toMatch(/^Zostały tylko 22 numery /);
    expect(text(0)).toMatch(/^Skończyły się numery zgłoszeń na rok 2026/);
    expect(numberPoolAlertText({ year: 2026, issued: 10, remaining: MAX_NUMBER - 10, low: false })).toBeUndefined();
  });

  it('logs a warning once per thousand numbers used while low, and when the last is gone', () => {
    const warnings: object[] = [];
    const log = { warn: (obj: object) => warnings.push(obj) };
    warnIfPoolLow(log, poolAfter(year, 100_000), 500); // plenty left
    warnIfPoolLow(log, poolAfter(year, MAX_NUMBER - 40_500), 1); // low, 40,501 → 40,500: within a thousand
    expect(warnings).toHaveLength(0);
    warnIfPoolLow(log, poolAfter(year, MAX_NUMBER - 39_999), 1); // 40,000 → 39,999
    warnIfPoolLow(log, poolAfter(year, MAX_NUMBER - 39_499), 500); // 39,999 → 39,499: the same thousand
    warnIfPoolLow(log, poolAfter(year, MAX_NUMBER - 38_999), 500); // 39,499 → 38,999
    warnIfPoolLow(log, poolAfter(year, MAX_NUMBER), 1);
    expect(warnings).toEqual([
      { year, remaining: 39_999, threshold: POOL_ALERT_BELOW },
      { year, remaining: 38_999, threshold: POOL_ALERT_BELOW },
      { year, remaining: 0, threshold: POOL_ALERT_BELOW },
    ]);
  });

  it('gives the last numbers as a shorter block, then a 409 that says what happened (not a 503: a workstation takes 503 for the hub being away) and to tell the administrator, never a 500', async () => {
    const op = await station('operator2');
    const issued = await counter();
    await setCounter(MAX_NUMBER - 10);
    try {
      expect(await lease(op, 500)).toEqual({ year, first: MAX_NUMBER - 9, last: MAX_NUMBER });
      const res = await lease(op, 500, 409);
      expect(res).toEqual({ error: 'numbersExhausted', message: expect.stringMatching(/used up.*Tell the hub's administrator/) });
      expect(await counter()).toBe(MAX_NUMBER);
    } finally {
      await setCounter(issued);
    }
  });
});
