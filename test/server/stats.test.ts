// Monthly statistics at the hub (P§24, P§27.3) on a real PostgreSQL: who may ask, and what they see.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningHub } from '../../src-server/hub';
import type { MonthStats } from '../../src-shared/ticket';
import { startTestHub } from '../support/db';
import { PASSWORD, seedCity } from '../support/city';
import { potholeCall, TestWorkstation, inServiceSince } from '../support/sync-client';

let hub: RunningHub;
beforeAll(async () => {
  hub = await startTestHub();
  await seedCity(hub.database.db);
});
afterAll(() => hub?.close());

const station = (login: string) => new TestWorkstation(hub.url).login(login, PASSWORD);
async function stats(ws: TestWorkstation, month: string): Promise<{ status: number; body: MonthStats & { message?: string } }> {
  const res = await fetch(`${hub.url}/stats/${month}`, { headers: { authorization: `Bearer ${ws.token}` } });
  return { status: res.status, body: await res.json() };
}

describe('monthly statistics at the hub', () => {
  it("P§24 P§27.3 the super-supervisor counts the whole city's month, a supervisor their units; others may not", async () => {
    const op = await station('operator');
    await op.lease(3);
    const [road, waste, april] = op.takeNumbers(3);
    const inMarch = '2026-03-10T09:00:00.000Z';
    await inServiceSince(hub.database.db, op.clientId, inMarch);
    await op.push([
      op.mutation(potholeCall({ receivedAt: inMarch }), { newTicketNumbers: [road!], at: inMarch }),
      op.mutation({ type: 'forwardToCoordinators', groupId: 'zdit-k', rpwId: 'RPW/9/2026' }, { ticket: road, at: inMarch }),
      op.mutation(potholeCall({ categoryId: 'waste', templateAnswers: {}, receivedAt: inMarch }), {
        newTicketNumbers: [waste!],
        at: inMarch,
      }),
      op.mutation({ type: 'forwardToCoordinators', groupId: 'wgk-k' }, { ticket: waste, at: inMarch }),
      op.mutation(potholeCall({ receivedAt: '2026-04-01T09:00:00.000Z' }), { newTicketNumbers: [april!], at: '2026-04-01T09:00:00.000Z' }),
    ]);

    const city = await stats(await station('supernadzor'), '2026-03');
    expect(city.status).toBe(200);
    expect(city.body.total).toMatchObject({ received: 2, finished: 0, openLate: 2 });
    expect(city.body.byUnit.map((r) => [r.key, r.received]).sort()).toEqual([
      ['wgk', 1],
      ['zdit', 1],
    ]);

    const unit = await stats(await station('nadzor-zdit'), '2026-03');
    expect(unit.body.total.received).toBe(1);
    expect(unit.body.byUnit).toEqual([expect.objectContaining({ key: 'zdit', received: 1 })]);

    expect((await stats(op, '2026-03')).status).toBe(403);
    const wrong = await stats(await station('supernadzor'), '2026-13');
    expect(wrong.status).toBe(400);
    expect(wrong.body.message).toContain('YYYY-MM');
  });

  it("P§24.2 a supervisor's figures have rows only for the units they supervise: none for another unit, not even zeros", async () => {
    const op = await station('operator');
    const coordinator = await station('koord-zdit');
    await op.lease(3);
    const [bounced, stays, elsewhere] = op.takeNumbers(3);
    const applied = (res: { results: { status: string }[] }) =>
      expect(res.results.map((r) => r.status)).toEqual(res.results.map(() => 'applied'));
    applied(
      await op.push([
        // Routed to ZDiT first, returned by its coordinator as misrouted, now with WGK.
        op.mutation(potholeCall(), { newTicketNumbers: [bounced!] }),
        op.mutation({ type: 'forwardToCoordinators', groupId: 'zdit-k', rpwId: 'RPW/10/2026' }, { ticket: bounced }),
        op.mutation(potholeCall(), { newTicketNumbers: [stays!] }),
        op.mutation({ type: 'forwardToCoordinators', groupId: 'zdit-k', rpwId: 'RPW/11/2026' }, { ticket: stays }),
        op.mutation(potholeCall({ categoryId: 'waste', templateAnswers: {} }), { newTicketNumbers: [elsewhere!] }),
        op.mutation({ type: 'forwardToCoordinators', groupId: 'wgk-k' }, { ticket: elsewhere }),
      ]),
    );
    applied(
      await coordinator.push([
        coordinator.mutation({ type: 'takeUp' }, { ticket: bounced }),
        coordinator.mutation({ type: 'returnToOperator', rightAddressee: 'WGK' }, { ticket: bounced }),
      ]),
    );
    applied(await op.push([op.mutation({ type: 'forwardToCoordinators', groupId: 'wgk-k' }, { ticket: bounced })]));

    const month = new Date().toLocaleString('sv-SE', { timeZone: 'Europe/Warsaw' }).slice(0, 7);
    const city = await stats(await station('supernadzor'), month);
    expect(city.body.byUnit.map((r) => [r.key, r.received]).sort()).toEqual([
      ['wgk', 2],
      ['zdit', 1],
    ]);

    const unit = await stats(await station('nadzor-zdit'), month);
    expect(unit.status).toBe(200);
    expect(unit.body.byUnit.map((r) => r.key)).toEqual(['zdit']);
    expect(unit.body.byUnit[0]).toMatchObject({ key: 'zdit', received: 1 });
    // The totals are those rows' and nothing more: no way to read another unit's count off them.
    expect(unit.body.total.received).toBe(1);
    expect(unit.body.byCategory).toEqual([expect.objectContaining({ key: 'roads', received: 1 })]);
    expect(unit.body.byChannel).toEqual({ phone: 1 });
  });
});
