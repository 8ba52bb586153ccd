// The queue queries of the desktop core on a real SQLite file (P§24.2): which tickets each role's
// queue holds, the user's filters, sort, search and paging, and the counts per filter value.
import { describe, expect, it } from 'vitest';
import { createWorkingCalendar } from '../../src-shared/calendar';
import { ticketClock, type Actor, type QueueName, type QueueQuery, type Ticket } from '../../src-shared/ticket';
import { openLocalStore, type LocalStore } from '../../src-main/core/store';
import { writeLocalTickets } from '../../src-main/core/replica';
import { polishSortKey, queueCounts, queuePage, registerQueryFunctions } from '../../src-main/core/queries';
import { actors, at, directory, phoneRegistration, ticketIn, World } from '../shared/ticket-fixtures';
import { tempDir } from '../support/tmp';

const calendar = createWorkingCalendar({ years: { from: 2026, to: 2026 } });
const NOW = new Date('2026-03-20T10:00:00.000Z'); // Friday 20 March 2026, 11:00 in Łódź

async function storeWith(tickets: Iterable<Ticket>): Promise<LocalStore> {
  const store = await openLocalStore(tempDir('usterka-queue-'));
  registerQueryFunctions(store.sqlite);
  await writeLocalTickets(store.db, tickets);
  return store;
}

async function numbersIn(store: LocalStore, actor: Actor, queue: QueueName, query: QueueQuery = {}, now = NOW) {
  const page = await queuePage(store.db, { actor, directory, calendar }, queue, query, 500, 0, now);
  expect(page.total).toBe(page.rows.length);
  return page.rows.map((r) => r.number);
}

describe('queue queries on a real SQLite file', () => {
  it('P§24.2.2 the coordinator watches tickets assigned to realizers until they are finished', async () => {
    const world = new World();
    const { number: assigned } = ticketIn('assigned', world);
    const { number: inProgress } = ticketIn('inProgress', world);
    const { number: contractor } = ticketIn('withContractor', world);
    const { number: resolved } = ticketIn('resolved', world);
    const { number: incoming } = ticketIn('forwarded', world);
    const { number: returned } = ticketIn('returnedToCoordinator', world);
    const { number: suspended } = ticketIn('suspended', world);
    const store = await storeWith(world.tickets.values());
    const co = actors.coordinatorOwnGroup;
    expect((await numbersIn(store, co, 'coordinatorAssigned')).sort()).toEqual([assigned, inProgress, contractor].sort());
    expect(await numbersIn(store, co, 'coordinatorIncoming')).toEqual([incoming]);
    expect(await numbersIn(store, co, 'coordinatorReturned')).toEqual([returned]);
    expect(await numbersIn(store, co, 'coordinatorSuspended')).toEqual([suspended]);
    const [row] = (await queuePage(store.db, { actor: co, directory, calendar }, 'coordinatorSuspended', {}, 10, 0, NOW)).rows;
    expect(row!.suspendedUntil).toBe('2026-04-15');
    expect(await numbersIn(store, co, 'coordinatorAssigned')).not.toContain(resolved);
    // Another unit's coordinator sees none of it.
    expect(await numbersIn(store, actors.coordinatorOtherUnit, 'coordinatorAssigned')).toEqual([]);
    // The realizer: to take up, in progress, with a contractor (and its due day).
    const re = actors.realizerOwnGroup;
    expect(await numbersIn(store, re, 'realizerIncoming')).toEqual([assigned]);
    expect(await numbersIn(store, re, 'realizerInProgress')).toEqual([inProgress]);
    const contractorRows = (await queuePage(store.db, { actor: re, directory, calendar }, 'realizerContractor', {}, 10, 0, NOW)).rows;
    expect(contractorRows.map((r) => [r.number, r.contractorDueOn])).toEqual([[contractor, '2026-03-12']]);
    await store.close();
  });

  it('P§19.4.2 P§20.2 the operator finds tickets with a partial-competence notice not yet split', async () => {
    const world = new World();
    const { number: noticed } = ticketIn('withCoordinator', world); // the fixture notifies partial competence
    const { number: plain } = ticketIn('forwarded', world);
    const store = await storeWith(world.tickets.values());
    expect(await numbersIn(store, actors.operator, 'partialCompetence')).toEqual([noticed]);
    expect(await numbersIn(store, actors.operator, 'partialCompetence')).not.toContain(plain);
    await store.close();
  });

  it('P§24.2 a supervisor sees what the groups of their units hold now, late ones apart; a ticket passed to another unit leaves both', async () => {
    const world = new World();
    const { operator } = actors;
    const old = world.ok(null, phoneRegistration({ kind: 'interventional', receivedAt: at(-60) }), operator, { now: at(1) });
    world.ok(old, { type: 'forwardToCoordinators', groupId: 'zdit-k1', rpwId: 'RPW/1/2026' }, operator, { now: at(2) });
    const moved = world.ok(null, phoneRegistration({ kind: 'interventional' }), operator, { now: at(3) });
    world.ok(moved, { type: 'forwardToCoordinators', groupId: 'zdit-k1', rpwId: 'RPW/2/2026' }, operator, { now: at(4) });
    world.ok(moved, { type: 'takeUp' }, actors.coordinatorOwnGroup, { now: at(5) });
    world.ok(moved, { type: 'returnToOperator', rightAddressee: 'WGK', reason: 'Odpady' }, actors.coordinatorOwnGroup, { now: at(6) });
    world.ok(moved, { type: 'forwardToCoordinators', groupId: 'wgk-k' }, operator, { now: at(7) });
    const store = await storeWith(world.tickets.values());
    const sup = actors.supervisorOwnUnit;
    expect(await numbersIn(store, sup, 'unit')).toEqual([old]);
    expect(await numbersIn(store, sup, 'late')).toEqual([old]);
    expect(await numbersIn(store, actors.supervisorOtherUnit, 'late')).toEqual([moved]);
    expect((await numbersIn(store, actors.superSupervisor, 'late')).sort()).toEqual([old, moved].sort());
    // Read-only: the shared rules give a supervisor nothing to do on any row.
    const rows = (await queuePage(store.db, { actor: sup, directory, calendar }, 'unit', {}, 10, 0, NOW)).rows;
    expect(rows.every((r) => r.bulk.length === 0)).toBe(true);
    await store.close();
  });

  it('P§16.2 P§18.1 the deadline filter and its counts agree with the calendar clock of every row', async () => {
    const world = new World();
    const { operator } = actors;
    // Tickets forwarded hour by hour over three weeks: late, due today and on time by the take-up clock.
    for (let h = 0; h < 21 * 24; h += 7) {
      const when = new Date(NOW.getTime() - h * 3_600_000).toISOString();
      const n = world.ok(null, phoneRegistration({ kind: h % 2 ? 'interventional' : 'informational', receivedAt: when }), operator, {
        now: when,
      });
      world.ok(n, { type: 'forwardToCoordinators', groupId: 'zdit-k1', rpwId: 'RPW/3/2026' }, operator, { now: when });
    }
    const store = await storeWith(world.tickets.values());
    const view = { actor: operator, directory, calendar };
    const all = (await queuePage(store.db, view, 'forwarded', {}, 500, 0, NOW)).rows;
    const byState = (state: string | null) =>
      all
        .filter((r) => r.clock === state)
        .map((r) => r.number)
        .sort();
    expect(byState('late').length).toBeGreaterThan(3);
    expect(byState('dueToday').length).toBeGreaterThan(0);
    expect(byState('onTime').length).toBeGreaterThan(0);
    for (const state of ['late', 'dueToday', 'onTime'] as const) {
      expect((await numbersIn(store, operator, 'forwarded', { deadline: [state] })).sort()).toEqual(byState(state));
      // The rows' own clocks come from the shared rule.
      for (const n of byState(state)) expect(ticketClock(calendar, world.get(n), 'reaction', NOW)?.state).toBe(state);
    }
    const counts = await queueCounts(store.db, view, 'forwarded', {}, NOW);
    expect(counts.deadline).toEqual({
      late: byState('late').length,
      dueToday: byState('dueToday').length,
      onTime: byState('onTime').length,
      none: 0,
    });
    // The super-supervisor's overview judges the most pressing clock: late by take-up even while completion runs.
    const overview = await queuePage(store.db, { ...view, actor: actors.superSupervisor }, 'all', { deadline: ['late'] }, 500, 0, NOW);
    expect(overview.rows.every((r) => r.clock === 'late')).toBe(true);
    expect(overview.total).toBeGreaterThanOrEqual(byState('late').length);
    await store.close();
  });

  it('P§24.2 filters, Polish sort, search and windows reach every ticket of a queue', async () => {
    const world = new World();
    const { operator } = actors;
    const subjects = [
      'Żwir na jezdni',
      'Łuszcząca się farba',
      'Lampa nie świeci',
      'Śmieci przy koszu',
      'Zapadnięta studzienka',
      'Ławka złamana',
    ];
    const numbers: string[] = [];
    for (let i = 0; i < 250; i++) {
      const subject = `${subjects[i % subjects.length]} ${i}`;
      const address = i % 5 === 0 ? `ul. Zgierska ${i}, Łódź` : `ul. Piotrkowska ${i}, Łódź`;
      numbers.push(
        world.ok(
          null,
          phoneRegistration({ subject, location: { address }, categoryId: i % 3 ? 'roads' : 'waste', subcategoryId: undefined }),
          operator,
          {
            now: at(i),
          },
        ),
      );
    }
    const store = await storeWith(world.tickets.values());
    const view = { actor: operator, directory, calendar };
    // Windows of 100: every ticket once.
    const seen: string[] = [];
    for (let offset = 0; offset < 300; offset += 100) {
      const page = await queuePage(store.db, view, 'toRoute', {}, 100, offset, NOW);
      expect(page.total).toBe(250);
      seen.push(...page.rows.map((r) => r.number));
    }
    expect(seen.sort()).toEqual([...numbers].sort());
    expect(await numbersIn(store, operator, 'toRoute', { categoryIds: ['waste'] })).toHaveLength(84);
    expect(await numbersIn(store, operator, 'toRoute', { street: 'zgierska' })).toHaveLength(50);
    expect(await numbersIn(store, operator, 'toRoute', { search: 'smieci' })).toHaveLength(42);
    expect(await numbersIn(store, operator, 'toRoute', { search: 'ŁAWKA' })).toHaveLength(41);
    expect(await numbersIn(store, operator, 'toRoute', { channels: ['web'] })).toEqual([]);
    const counts = await queueCounts(store.db, view, 'toRoute', { categoryIds: ['waste'] }, NOW);
    // A facet is counted without its own filter: the other category stays visible with its count.
    expect(counts.categories).toEqual({ roads: 166, waste: 84 });
    expect(counts.total).toBe(84);
    const sorted = (await queuePage(store.db, view, 'toRoute', { sort: { column: 'subject', direction: 'asc' } }, 250, 0, NOW)).rows.map(
      (r) => r.subject.replace(/ \d+$/, ''),
    );
    const firstOfEach = [...new Set(sorted)];
    expect(firstOfEach).toEqual([...subjects].sort((a, b) => a.localeCompare(b, 'pl')));
    await store.close();
  });

  it('P§24.2 sorts Polish letters after their Latin base letters', () => {
    const words = ['źdźbło', 'zebra', 'łąka', 'lis', 'ćma', 'cel', 'żaba', 'óśmy', 'oko'];
    expect([...words].sort((a, b) => (polishSortKey(a)! < polishSortKey(b)! ? -1 : 1))).toEqual(
      [...words].sort((a, b) => a.localeCompare(b, 'pl')),
    );
  });

  it('P§24.2 "mine" keeps the tickets the signed-in user took up', async () => {
    const world = new World();
    const { number: mine } = ticketIn('withCoordinator', world);
    const { number: waiting } = ticketIn('forwarded', world);
    const store = await storeWith(world.tickets.values());
    const co = actors.coordinatorOwnGroup;
    expect(await numbersIn(store, co, 'coordinatorTakenUp', { mine: true })).toEqual([mine]);
    expect(await numbersIn(store, co, 'coordinatorIncoming', { mine: true })).not.toContain(waiting);
    await store.close();
  });
});

describe('search key in SQL', () => {
  it('P§24.2 the fast search key of queue searches folds Polish text exactly as the shared searchKey', async () => {
    const { fastSearchKey } = await import('../../src-main/core/queries');
    const { searchKey } = await import('../../src-shared/text');
    for (const text of [
      'Śmieci przy ŁĄKOWEJ 12',
      'Żółć, gęś — jaźń!',
      'ul. Kościuszki 7/9',
      'Café Müller',
      'Straße 5',
      '  dwie  spacje ',
    ]) {
      expect(fastSearchKey(text)).toBe(searchKey(text));
    }
  });
});
