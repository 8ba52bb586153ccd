// Monthly statistics (P§24, P§27.3), counted by hand on a few tickets.
import { describe, expect, it } from 'vitest';
import { createWorkingCalendar } from '../../src-shared/calendar';
import { monthBounds, monthStats, type Ticket } from '../../src-shared/ticket';
import { actors, at, phoneRegistration, World } from './ticket-fixtures';

const calendar = createWorkingCalendar({ years: { from: 2026, to: 2026 } });

describe('monthly statistics', () => {
  it('a month is a Warsaw calendar month', () => {
    expect(monthBounds('2026-03')).toEqual({ from: new Date('2026-02-28T23:00:00.000Z'), to: new Date('2026-03-31T22:00:00.000Z') });
  });

  it('P§24 P§27.3 counts received, finished, finished late and open late per unit, category and channel', () => {
    const world = new World();
    const number = world.ok(null, phoneRegistration(), actors.operator, { now: at(0) }); // 2 March 2026
    const base = world.get(number);
    const t = (over: Partial<Ticket>, times: Partial<Ticket['times']> = {}): Ticket => ({
      ...base,
      ...over,
      times: { ...base.times, ...times },
    });
    const tickets = [
      // Resolved within the 10 working days of P§18.1, and after them.
      t({ status: 'resolved', unitId: 'zdit' }, { resolvedAt: '2026-03-05T10:00:00.000Z' }),
      t({ status: 'resolved', unitId: 'zdit' }, { resolvedAt: '2026-03-30T10:00:00.000Z' }),
      // Open at the end of April: late; web form, taken during an outage.
      t({ status: 'inProgress', unitId: 'zdit', channel: 'web', capturedDuringOutage: true }),
      // Not routed yet, another category; deleted since.
      t({ status: 'deleted', unitId: null, categoryId: 'waste' }),
    ];
    const stats = monthStats('2026-03', tickets, calendar, new Date('2026-04-30T10:00:00.000Z'));
    expect(stats.total).toEqual({ key: null, received: 4, finished: 2, finishedLate: 1, openLate: 1 });
    expect(stats.byUnit).toEqual([
      { key: 'zdit', received: 3, finished: 2, finishedLate: 1, openLate: 1 },
      { key: null, received: 1, finished: 0, finishedLate: 0, openLate: 0 },
    ]);
    expect(stats.byCategory.map((r) => [r.key, r.received])).toEqual([
      [base.categoryId, 3],
      ['waste', 1],
    ]);
    expect(stats.byChannel).toEqual({ phone: 3, web: 1 });
    expect(stats).toMatchObject({ duringOutage: 1, deleted: 1 });
  });
});
