// The workstation's clock on a real PostgreSQL: an action's time must lie between the workstation's last
// sync (or first login) and a little after the hub's now, so no clock can backdate a resolution to meet a
// deadline nor date an action into the future; outage actions are held to the same bounds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningHub } from '../../src-server/hub';
import { CLOCK_TOLERANCE_MS } from '../../src-server/sync/push';
import { startTestHub } from '../support/db';
import { PASSWORD, seedCity } from '../support/city';
import { inServiceSince, potholeCall, TestWorkstation } from '../support/sync-client';

let hub: RunningHub;
beforeAll(async () => {
  hub = await startTestHub();
  await seedCity(hub.database.db);
});
afterAll(() => hub?.close());

const iso = (ms: number) => new Date(ms).toISOString();
const HOUR = 3_600_000;

async function operator(): Promise<TestWorkstation> {
  const op = await new TestWorkstation(hub.url).login('operator', PASSWORD);
  await op.lease(5);
  return op;
}

async function registerAt(op: TestWorkstation, at: string, outage = false) {
  const [number] = op.takeNumbers(1);
  const pushed = await op.push([op.mutation(potholeCall({ receivedAt: at }), { newTicketNumbers: [number!], at, outage })]);
  return { ...pushed.results[0]!, number: number! };
}

describe("action times from the workstation's clock", () => {
  it("an action dated ahead of the hub's clock is refused, telling the user to fix the clock; within the tolerance it is applied", async () => {
    const op = await operator();
    expect(await registerAt(op, iso(Date.now() + 365 * 24 * HOUR))).toMatchObject({
      status: 'refused',
      refusal: { field: 'at', message: expect.stringContaining('Popraw datę i godzinę') },
    });
    expect(await registerAt(op, iso(Date.now() + 2 * HOUR))).toMatchObject({
      status: 'refused',
      refusal: { message: expect.stringContaining('w przyszłości') },
    });
    expect((await registerAt(op, iso(Date.now() + CLOCK_TOLERANCE_MS / 2))).status).toBe('applied');
  });

  it("an action dated before the workstation's last sync is refused (no backdated resolution); after it, it is applied", async () => {
    const op = await operator();
    const registered = await registerAt(op, iso(Date.now()));
    expect(registered.status).toBe('applied');
    const { number } = registered;
    await op.pullAll(); // the last sync is now
    const yesterday = iso(Date.now() - 24 * HOUR);
    const backdated = await op.push([
      op.mutation({ type: 'forwardToCoordinators', groupId: 'zdit-k', rpwId: 'RPW/9/2026' }, { ticket: number, at: yesterday }),
    ]);
    expect(backdated.results[0]).toMatchObject({
      status: 'refused',
      refusal: { field: 'at', message: expect.stringContaining('wcześniejszy niż ostatnia synchronizacja') },
    });
    const onTime = await op.push([
      op.mutation({ type: 'forwardToCoordinators', groupId: 'zdit-k', rpwId: 'RPW/9/2026' }, { ticket: number }),
    ]);
    expect(onTime.results[0]!.status).toBe('applied');
  });

  it('P§29 an outage action dated since the last sync is applied; one dated before it, or in 2021, is refused', async () => {
    const op = await operator();
    const start = Date.now() - 6 * HOUR;
    await inServiceSince(hub.database.db, op.clientId, iso(start - HOUR)); // signed in, then the hub went down for six hours
    expect((await registerAt(op, iso(start + HOUR), true)).status).toBe('applied');
    expect(await registerAt(op, iso(start - 3 * HOUR), true)).toMatchObject({ status: 'refused', refusal: { field: 'at' } });
    expect(await registerAt(op, '2021-06-01T10:00:00.000Z', true)).toMatchObject({ status: 'refused', refusal: { field: 'at' } });
  });

  it('years no clock can show (0001, 9999) are refused as invalid input naming the field, and the rest of the batch applies', async () => {
    const op = await operator();
    const [a, b, c] = op.takeNumbers(3);
    const pushed = await op.push([
      op.mutation(potholeCall(), { newTicketNumbers: [a!], at: '0001-01-01T00:00:00.000Z' }),
      op.mutation(potholeCall(), { newTicketNumbers: [b!], at: '9999-12-31T23:59:59.000Z' }),
      op.mutation(potholeCall(), { newTicketNumbers: [c!] }),
    ]);
    expect(pushed.results.map((r) => r.status)).toEqual(['refused', 'refused', 'applied']);
    for (const r of pushed.results.slice(0, 2)) expect(r).toMatchObject({ refusal: { code: 'invalidInput', field: 'at' } });
  });
});
