// Statistics for any period, the dashboard and the record of deleted tickets (P§24, P§27.3) on a real
// PostgreSQL, checked against a small city counted by hand: March 2026 in Warsaw, with its first night in
// CET, the DST night (29 March) and its last night in CEST.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningHub } from '../../src-server/hub';
import { statsWorkbook } from '../../src-main/core/stats-workbook';
import { backfillTicketFigures } from '../../src-server/stats/figures';
import { expireOverduePersonalData } from '../../src-server/retention';
import type { Dashboard, DeletedRecord, FiguresRow, PeriodStats } from '../../src-shared/ticket';
import { startTestHub } from '../support/db';
import { PASSWORD, seedCity } from '../support/city';
import { potholeCall, TestWorkstation, inServiceSince } from '../support/sync-client';
import { receiveWebForm } from '../support/intake';

let hub: RunningHub;
const SINCE = '2026-02-01T00:00:00.000Z';
const station = async (login: string) => {
  const ws = await new TestWorkstation(hub.url).login(login, PASSWORD);
  await inServiceSince(hub.database.db, ws.clientId, SINCE);
  return ws;
};
async function get<T>(ws: TestWorkstation, path: string): Promise<{ status: number; body: T & { message?: string } }> {
  const res = await fetch(`${hub.url}${path}`, { headers: { authorization: `Bearer ${ws.token}` } });
  return { status: res.status, body: await res.json() };
}
const applied = (res: { results: { status: string }[] }) =>
  expect(res.results.map((r) => r.status)).toEqual(res.results.map(() => 'applied'));

/** The tickets by name (T1…T7); see the comments in beforeAll for what each is. */
const n: Record<string, string> = {};
let superSupervisor: TestWorkstation;

beforeAll(async () => {
  hub = await startTestHub();
  await seedCity(hub.database.db);
  const op = await station('operator');
  const kz = await station('koord-zdit');
  const rz = await station('real-zdit');
  const kw = await station('koord-wgk');
  const rw = await station('real-wgk');
  superSupervisor = await station('supernadzor');
  await op.lease(7);
  const [t1, t2, t3, t4, t5, t6, t7] = op.takeNumbers(7);
  Object.assign(n, { t1, t2, t3, t4, t5, t6, t7 });
  const call = (number: string, at: string, overrides: Record<string, unknown> = {}, outage = false) =>
    op.mutation(potholeCall({ receivedAt: at, ...overrides }), { newTicketNumbers: [number], at, outage });
  const forward = (number: string, at: string, groupId = 'zdit-k', outage = false) =>
    op.mutation({ type: 'forwardToCoordinators', groupId, rpwId: `RPW/${number.slice(-3)}/2026` }, { ticket: number, at, outage });
  applied(
    await op.push([
      // T1 ZDiT, Mon 2 March 09:00: taken up and finished on time.
      call(t1!, '2026-03-02T08:00:00.000Z'),
      forward(t1!, '2026-03-02T08:10:00.000Z'),
      // T2 ZDiT, Mon 2 March 09:30, al. Kościuszki: nobody takes it up (late on both clocks).
      call(t2!, '2026-03-02T08:30:00.000Z', { location: { address: 'al. Tadeusza Kościuszki 5, Łódź' } }),
      forward(t2!, '2026-03-02T08:40:00.000Z'),
      // T3 WGK, Tue 10 March 10:00: the realizer takes it up late, it is finished late, then deleted.
      call(t3!, '2026-03-10T09:00:00.000Z', { categoryId: 'waste', templateAnswers: {} }),
      forward(t3!, '2026-03-10T09:05:00.000Z', 'wgk-k'),
      // T4 ZDiT, the DST night (Sun 29 March 01:30 CET), taken during an outage, never taken up.
      call(t4!, '2026-03-29T00:30:00.000Z', {}, true),
      forward(t4!, '2026-03-29T00:35:00.000Z', 'zdit-k', true),
      // T5 the last half hour of March in Warsaw (23:30 CEST), T6 the first of April (00:30 CEST),
      // T7 the first half hour of March (00:30 CET, still February in UTC): registered only.
      call(t5!, '2026-03-31T21:30:00.000Z'),
      call(t6!, '2026-03-31T22:30:00.000Z'),
      call(t7!, '2026-02-28T23:30:00.000Z'),
    ]),
  );
  await op.request('/sync/outages', {
    clientId: op.clientId,
    periods: [{ startedAt: '2026-03-29T00:00:00.000Z', endedAt: '2026-03-29T01:30:00.000Z', declaredBy: 'user' }],
  });
  applied(
    await kz.push([
      kz.mutation({ type: 'takeUp' }, { ticket: t1, at: '2026-03-02T10:10:00.000Z' }),
      kz.mutation({ type: 'assignRealizerGroup', groupId: 'zdit-r' }, { ticket: t1, at: '2026-03-02T10:20:00.000Z' }),
    ]),
  );
  applied(
    await rz.push([
      // Handed Mon 11:20, taken Tue 09:20: 6 working hours, within the working day after.
      rz.mutation({ type: 'takeUp' }, { ticket: t1, at: '2026-03-03T08:20:00.000Z' }),
      // Finished Thu 11:00: 27 working hours after the call.
      rz.mutation({ type: 'resolve', outcome: 'fixed' }, { ticket: t1, at: '2026-03-05T10:00:00.000Z' }),
    ]),
  );
  applied(
    await kw.push([
      kw.mutation({ type: 'takeUp' }, { ticket: t3, at: '2026-03-10T09:10:00.000Z' }),
      kw.mutation({ type: 'assignRealizerGroup', groupId: 'wgk-r' }, { ticket: t3, at: '2026-03-10T09:20:00.000Z' }),
    ]),
  );
  applied(
    await rw.push([
      // Handed Tue 10:20, taken Thu 10:00 (due Wed 16:00): 16.67 working hours.
      rw.mutation({ type: 'takeUp' }, { ticket: t3, at: '2026-03-12T09:00:00.000Z' }),
      // Finished Mon 30 March 12:00 CEST (due Tue 24 March): 117 working hours after the call.
      rw.mutation({ type: 'resolve', outcome: 'fixed' }, { ticket: t3, at: '2026-03-30T10:00:00.000Z' }),
    ]),
  );
}, 60_000);
afterAll(() => hub?.close());

const march = '/stats/period?from=2026-03-01&to=2026-03-31';
const byKey = (rows: FiguresRow[]) => Object.fromEntries(rows.map((r) => [r.key ?? '-', r.received]));

describe('statistics for any period at the hub', () => {
  it('P§24 P§16.2 P§18.1 a Warsaw month counted by hand: states, on time and late, medians in working hours, breakdowns, the outage', async () => {
    const { status, body } = await get<PeriodStats>(superSupervisor, march);
    expect(status).toBe(200);
    expect(body.scope).toBe('city');
    expect(body.total).toMatchObject({
      received: 6,
      finished: 2,
      open: 4,
      deleted: 0,
      duringOutage: 1,
      reactionOnTime: 1,
      reactionLate: 3,
      realizationOnTime: 1,
      realizationLate: 5,
      lateExplained: 0,
      medianReactionHours: 11.3,
      medianRealizationHours: 72,
    });
    expect(byKey(body.breakdowns.unit)).toEqual({ zdit: 3, wgk: 1, '-': 2 });
    expect(body.breakdowns.unit.find((r) => r.key === 'wgk')?.label).toBe('Wydział Gospodarki Komunalnej');
    expect(byKey(body.breakdowns.category)).toEqual({ roads: 5, waste: 1 });
    expect(byKey(body.breakdowns.channel)).toEqual({ phone: 6 });
    expect(byKey(body.breakdowns.street)).toEqual({ 'ul. Piotrkowska': 5, 'al. Tadeusza Kościuszki': 1 });
    expect(byKey(body.breakdowns.weekday)).toEqual({ '1': 2, '2': 2, '7': 2 });
    expect(body.breakdowns.weekday.map((r) => r.label)).toEqual(['poniedziałek', 'wtorek', 'niedziela']);
    expect(byKey(body.breakdowns.hour)).toEqual({ '0': 1, '1': 1, '9': 2, '10': 1, '23': 1 });
    expect(body.breakdowns.realizer.map((r) => r.received).sort()).toEqual([1, 1, 4]);
    expect(body.outages).toEqual([
      { startedAt: '2026-03-29T00:00:00.000Z', endedAt: '2026-03-29T01:30:00.000Z', workstations: 1, taken: 1 },
    ]);
    // P§17.2 timeliness per unit.
    expect(body.breakdowns.unit.find((r) => r.key === 'zdit')).toMatchObject({
      reactionOnTime: 1,
      reactionLate: 2,
      realizationOnTime: 1,
      realizationLate: 2,
    });
  });

  it('Warsaw month and DST boundaries: the last night of March (CEST) is March, the first of April is April, the first night of March (CET) is March', async () => {
    const lastDay = await get<PeriodStats>(superSupervisor, '/stats/period?from=2026-03-31&to=2026-03-31');
    expect(lastDay.body.total.received).toBe(1);
    const april = await get<PeriodStats>(superSupervisor, '/stats/period?from=2026-04-01&to=2026-04-30');
    expect(april.body.total.received).toBe(1);
    const firstDay = await get<PeriodStats>(superSupervisor, '/stats/period?from=2026-03-01&to=2026-03-01');
    expect(firstDay.body.total.received).toBe(1);
    const february = await get<PeriodStats>(superSupervisor, '/stats/period?from=2026-02-01&to=2026-02-28');
    expect(february.body.total.received).toBe(0);
    const dstDay = await get<PeriodStats>(superSupervisor, '/stats/period?from=2026-03-29&to=2026-03-29');
    expect(dstDay.body.total.received).toBe(1);
    const year = await get<PeriodStats>(superSupervisor, '/stats/period?from=2026-01-01&to=2026-12-31');
    expect(year.body.total.received).toBe(7);
  });

  it('P§24.2 a supervisor counts their units only; operators are refused; a period is checked', async () => {
    const unit = await get<PeriodStats>(await station('nadzor-zdit'), march);
    expect(unit.status).toBe(200);
    expect(unit.body.scope).toBe('units');
    expect(unit.body.total.received).toBe(3);
    expect(byKey(unit.body.breakdowns.unit)).toEqual({ zdit: 3 });
    expect(unit.body.outages[0]?.taken).toBe(1);
    const board = await get<Dashboard>(await station('nadzor-zdit'), '/stats/dashboard');
    expect(board.body.open).toBe(2);
    expect((await get(await station('operator'), march)).status).toBe(403);
    expect((await get(await station('operator'), '/stats/dashboard')).status).toBe(403);
    expect((await get(await station('nadzor-zdit'), '/stats/deleted?from=2026-01-01&to=2026-12-31')).status).toBe(403);
    const backwards = await get(superSupervisor, '/stats/period?from=2026-03-31&to=2026-03-01');
    expect(backwards.status).toBe(400);
    expect((await get(superSupervisor, '/stats/period?from=2025-01-01&to=2026-12-31')).status).toBe(400);
  });

  it('P§24 the dashboard: open by state and group, how late, this month against the last', async () => {
    const { status, body } = await get<Dashboard>(superSupervisor, '/stats/dashboard');
    expect(status).toBe(200);
    // Open now: T2, T4 forwarded to ZDiT; T5, T6, T7 registered.
    expect(body.open).toBe(5);
    expect(Object.fromEntries(body.openByStatus.map((r) => [r.key, r.count]))).toEqual({ registered: 3, forwarded: 2 });
    expect(Object.fromEntries(body.openByGroup.map((r) => [r.key ?? '-', [r.count, r.late]]))).toEqual({ '-': [3, 3], 'zdit-k': [2, 2] });
    expect(body.late.reaction.map((b) => b.count)).toEqual([0, 0, 0, 2]);
    expect(body.late.realization.map((b) => b.count)).toEqual([0, 0, 0, 5]);

    // P§4.3 a web form nobody picked up for ten days waits past its pickup deadline.
    await receiveWebForm(hub.database.db, {
      description: 'Przewrócony znak przy przejściu.',
      location: { address: 'ul. Piotrkowska 10' },
      reporter: { wantsAnswer: false, consent: false },
      receivedAt: new Date(Date.now() - 10 * 86_400_000).toISOString(),
    });
    const withForm = (await get<Dashboard>(superSupervisor, '/stats/dashboard')).body;
    expect(withForm.open).toBe(6);
    expect(withForm.openByStatus.find((r) => r.key === 'awaitingPickup')).toMatchObject({ count: 1, late: 1 });
    expect(withForm.late.reaction.reduce((n, b) => n + b.count, 0)).toBe(3);
  });

  it('P§27.3 deleting a finished ticket after retention changes no figure of its month; its record is kept and exported', async () => {
    const before = (await get<PeriodStats>(superSupervisor, march)).body;
    // P§27.1 the retention job erases March's personal data first (six months after the month of registration).
    expect(await expireOverduePersonalData(hub.database.db, new Date())).toBeGreaterThanOrEqual(1);
    expect((await get<PeriodStats>(superSupervisor, march)).body.total).toEqual(before.total);
    applied(
      await superSupervisor.push([
        superSupervisor.mutation({ type: 'delete', reason: 'Okres przechowywania minął (P§27.2).' }, { ticket: n.t3 }),
      ]),
    );
    const after = (await get<PeriodStats>(superSupervisor, march)).body;
    expect(after.total).toEqual({ ...before.total, deleted: 1 });
    for (const b of ['unit', 'category', 'street', 'weekday', 'hour', 'realizer'] as const) {
      expect(after.breakdowns[b].map(({ deleted: _d, ...r }) => r)).toEqual(before.breakdowns[b].map(({ deleted: _d, ...r }) => r));
    }
    const today = new Date().toLocaleString('sv-SE', { timeZone: 'Europe/Warsaw' }).slice(0, 10);
    const record = await get<DeletedRecord>(superSupervisor, `/stats/deleted?from=${today}&to=${today}`);
    expect(record.status).toBe(200);
    expect(record.body.rows).toEqual([
      expect.objectContaining({
        number: n.t3,
        receivedAt: '2026-03-10T09:00:00.000Z',
        reason: 'Okres przechowywania minął (P§27.2).',
        unit: 'Wydział Gospodarki Komunalnej',
        category: 'Odpady',
        finishedAt: '2026-03-30T10:00:00.000Z',
        reactionOnTime: false,
        realizationOnTime: false,
      }),
    ]);
  });

  it('P§27.3 the XLSX kept outside the app has one sheet per breakdown with Polish headers, numbers as numbers and dates as dates, read back equal', async () => {
    const stats = (await get<PeriodStats>(superSupervisor, march)).body;
    const bytes = await statsWorkbook(stats);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as never);
    expect(book.worksheets.map((s) => s.name)).toEqual([
      'Podsumowanie',
      'Jednostki',
      'Grupy',
      'Realizatorzy',
      'Kategorie',
      'Kanały',
      'Ulice',
      'Dni tygodnia',
      'Godziny',
      'Awarie',
    ]);
    const units = book.getWorksheet('Jednostki')!;
    expect(units.getRow(1).getCell(1).value).toBe('Jednostka');
    expect(units.getRow(1).getCell(2).value).toBe('Przyjęte');
    const rows = stats.breakdowns.unit;
    rows.forEach((r, i) => {
      const row = units.getRow(i + 2);
      expect(row.getCell(1).value).toBe(r.label);
      expect(row.getCell(2).value).toBe(r.received);
      expect(typeof row.getCell(2).value).toBe('number');
    });
    const summary = book.getWorksheet('Podsumowanie')!;
    expect(summary.getCell('B2').value).toBeInstanceOf(Date);
    expect((summary.getCell('B2').value as Date).toISOString().slice(0, 10)).toBe('2026-03-01');
    const outages = book.getWorksheet('Awarie')!;
    expect(outages.getRow(2).getCell(1).value).toBeInstanceOf(Date);
    expect(outages.getRow(2).getCell(4).value).toBe(1);
  });

  it('P§27.3 tickets written before the statistics rows existed get them from the upgrade, with the same figures', async () => {
    const before = (await get<PeriodStats>(superSupervisor, march)).body;
    await hub.database.db.deleteFrom('ticket_stat').execute();
    expect(await backfillTicketFigures(hub.database.db, 3)).toBe(8); // T1–T7 and the web form
    const after = (await get<PeriodStats>(superSupervisor, march)).body;
    expect({ ...after, at: '' }).toEqual({ ...before, at: '' });
  });
});
