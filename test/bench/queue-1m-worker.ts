// Child process of the queue benchmark: a desktop core whose store holds 1,000,000 tickets (as
// core-1m-worker.ts fills it), timing a coordinator's and an overview's filtered queue pages with
// their totals, the counts per filter, and a bulk take-up of 100 tickets. Prints one JSON line.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createCore } from '../../src-main/core/core';
import { STORE_FILE } from '../../src-main/core/store';
import { searchKey } from '../../src-shared/text';
import type { QueueName, QueueQuery, Status } from '../../src-shared/ticket';
import { templateTicket } from './bench-support';

const [hubUrl, login, password, countArg] = process.argv.slice(2) as [string, string, string, string];
const COUNT = Number(countArg);
const dataDir = mkdtempSync(join(tmpdir(), 'usterka-queue-1m-'));

// Signed in first: a first sign-in drops the hub's tickets of whoever saw the replica before (replica-owner.ts).
const core = await createCore({ dataDir, hubUrl, shell: 'preview', log: () => {}, policy: { checkEveryMs: 600_000 } });
const must = async <T>(name: string, args: unknown): Promise<T> => {
  const res = await core.dispatch(name, args);
  if (!res.ok) throw new Error(`${name}: ${res.error.message}`);
  return res.result as T;
};
await must('session.login', { login, password });
await core.syncNow();
await must('connection.declareOutage', {});

// The store filled as a pull would, beside the core's own connection.
const raw = new Database(join(dataDir, STORE_FILE));
raw.pragma('journal_mode = WAL');
const insert =
  raw.prepare(`insert into ticket (number, status, unit_id, coordinator_group_id, realizer_group_id, category_id, received_at, forwarded_at,
  routed_groups, routed_units, phone_digits, address_key, pending, confirmed, data, server_data) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 1, ?, null)`);
const base = templateTicket();
const statuses: Status[] = [
  'registered',
  'forwarded',
  'withCoordinator',
  'assigned',
  'inProgress',
  'resolved',
  'closed',
  'resolved',
  'closed',
  'awaitingPickup',
];
const groups = [
  ['zdit-k', 'zdit-r', 'zdit'],
  ['wgk-k', 'wgk-r', 'wgk'],
] as const;
const streets = ['Piotrkowska', 'Zgierska', 'Pomorska', 'Narutowicza', 'Kościuszki', 'Rokicińska', 'Włókniarzy', 'Retkińska'];
const subjects = ['Dziura w jezdni', 'Śmieci przy altanie', 'Zepsuta latarnia', 'Łamane płyty chodnika', 'Graffiti na przystanku'];
// A year of tickets up to now, so some are late, some due today, most finished.
const span = 365 * 86_400_000;
const start = Date.now() - span;
raw.transaction(() => {
  for (let i = 0; i < COUNT; i++) {
    const status = statuses[i % statuses.length]!;
    const [k, r, unit] = groups[i % 2]!;
    const routed = status !== 'registered' && status !== 'awaitingPickup';
    const received = new Date(start + Math.floor((i / COUNT) * span)).toISOString();
    const address = `ul. ${streets[i % streets.length]} ${1 + (i % 200)}, Łódź`;
    const t = {
      ...base,
      // Six digits a year (P§8.2): a million tickets span two years of numbers.
      number: `${2024 + Math.floor(i / 999_999)}/${String((i % 999_999) + 1).padStart(6, '0')}`,
      status,
      channel: i % 3 ? 'phone' : 'web',
      subject: `${subjects[i % subjects.length]} ${i % 997}`,
      unitId: routed ? unit : null,
      coordinatorGroupId: routed ? k : null,
      realizerGroupId: routed && ['assigned', 'inProgress', 'resolved'].includes(status) ? r : null,
      routedGroupIds: routed ? [k] : [],
      routedUnitIds: routed ? [unit] : [],
      location: { address },
      times: {
        ...base.times,
        receivedAt: received,
        registeredAt: received,
        forwardedAt: routed ? received : null,
        handedToGroupAt: routed ? received : null,
      },
    };
    insert.run(
      t.number,
      t.status,
      t.unitId,
      t.coordinatorGroupId,
      t.realizerGroupId,
      t.categoryId,
      received,
      t.times.forwardedAt,
      `,${t.routedGroupIds.join(',')},`,
      `,${t.routedUnitIds.join(',')},`,
      '600700800',
      searchKey(address),
      JSON.stringify(t),
    );
  }
})();
raw.close();

/** What a coordinator and an overview narrow their queues by, each a page of 100 with the queue's total. */
const filters: [QueueName, QueueQuery][] = [
  ['coordinatorIncoming', {}],
  ['coordinatorIncoming', { deadline: ['late'] }],
  ['coordinatorIncoming', { deadline: ['dueToday', 'onTime'] }],
  ['coordinatorIncoming', { street: 'zgierska' }],
  ['coordinatorIncoming', { channels: ['web'] }],
  ['coordinatorTakenUp', { mine: true }],
  ['coordinatorAssigned', { statuses: ['inProgress'] }],
  ['coordinatorTakenUp', { categoryIds: ['waste'] }],
  ['toRoute', { channels: ['phone'] }],
  ['all', { statuses: ['inProgress'], deadline: ['late'] }],
  ['all', { groupIds: ['wgk-r'], statuses: ['assigned'] }],
];
/** Searching words and sorting by a text column read every ticket of the queue: timed apart. */
const scans: [QueueName, QueueQuery][] = [
  ['coordinatorIncoming', { search: 'pomorska 1' }],
  ['coordinatorIncoming', { search: 'smieci' }],
  ['coordinatorIncoming', { sort: { column: 'subject', direction: 'asc' } }],
];
const perFilter: Record<string, number[]> = {};
async function timePages(list: [QueueName, QueueQuery][], rounds: number): Promise<number[]> {
  const times: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const [queue, query] of list) {
      const t0 = performance.now();
      await must('tickets.queue', { queue, query, limit: 100, offset: (round % 3) * 100 });
      const ms = performance.now() - t0;
      if (round > 0) times.push(ms);
      (perFilter[`${queue} ${JSON.stringify(query)}`] ??= []).push(ms);
    }
  }
  return times;
}
const times = await timePages(filters, 12);
const scanTimes = await timePages(scans, 4);
const countTimes: number[] = [];
for (let round = 0; round < 6; round++) {
  for (const [queue, query] of filters.slice(0, 6)) {
    const t0 = performance.now();
    await must('tickets.queueCounts', { queue, query });
    countTimes.push(performance.now() - t0);
  }
}
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)]!;

// Bulk take-up of 100 forwarded tickets of the user's group, one action each.
const incoming = await must<{ rows: { number: string }[] }>('tickets.queue', { queue: 'coordinatorIncoming', limit: 100 });
const t0 = performance.now();
const bulk = await must<{ results: { ok: boolean }[] }>('tickets.executeMany', {
  items: incoming.rows.map((r) => ({ ticket: r.number, command: { type: 'takeUp' } })),
});
const bulkSeconds = (performance.now() - t0) / 1000;
if (bulk.results.filter((r) => r.ok).length !== 100) throw new Error('bulk take-up refused some');

await core.close();
rmSync(dataDir, { recursive: true, force: true });
console.error(
  Object.entries(perFilter)
    .map(([k, v]) => `${p95(v).toFixed(1).padStart(7)} ms  ${k}`)
    .join('\n'),
);
console.log(JSON.stringify({ filterP95: p95(times), scanP95: p95(scanTimes), countsP95: p95(countTimes), bulkSeconds }));
