// The supervisors' "late" view (P§24.2): which clock counts for a ticket in its state, and who is watched.
import { describe, expect, it } from 'vitest';
import { createWorkingCalendar } from '../../src-shared/calendar';
import { queueFilter, ticketClock } from '../../src-shared/ticket';
import { actors, at, directory, phoneRegistration, World } from './ticket-fixtures';

const calendar = createWorkingCalendar({ years: { from: 2026, to: 2026 } });
const { operator } = actors;

describe('late tickets', () => {
  it('P§16.2 P§18.1 a ticket waiting for take-up is late by the 1-day take-up clock long before the 10-day completion clock', () => {
    const world = new World();
    const number = world.ok(null, phoneRegistration(), operator, { now: at(0) }); // Monday 2 March, 9:00
    world.ok(number, { type: 'forwardToCoordinators', groupId: 'zdit-k1', rpwId: 'RPW/1/2026' }, operator, { now: at(10) });
    const thursday = new Date('2026-03-05T10:00:00+01:00');
    const pressing = ticketClock(calendar, world.get(number), 'mostPressing', thursday);
    // Take-up was due by the end of Tuesday's office hours.
    expect(pressing).toMatchObject({ state: 'late' });
    expect(pressing!.due.toISOString().slice(0, 10)).toBe('2026-03-03');
    expect(ticketClock(calendar, world.get(number), 'realization', thursday)).toMatchObject({ state: 'onTime' });

    // Taken up: only completion runs now, and it is not late.
    world.ok(number, { type: 'takeUp' }, actors.coordinatorOwnGroup, { now: '2026-03-05T09:00:00.000Z' });
    expect(ticketClock(calendar, world.get(number), 'mostPressing', thursday)).toMatchObject({ state: 'onTime' });
  });

  it('P§24.2 a supervisor watches open tickets of their units; the super-supervisor the whole city', () => {
    const supervised = queueFilter('late', actors.supervisorOwnUnit, directory);
    expect(supervised).toMatchObject({ unitIds: ['zdit'], onlyLate: true, clock: 'mostPressing' });
    expect(supervised.statuses).not.toContain('closed');
    expect(supervised.statuses).not.toContain('deleted');
    expect(queueFilter('late', actors.superSupervisor, directory).unitIds).toBeUndefined();
  });
});
