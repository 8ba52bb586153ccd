// Child process of the core benchmarks: a desktop core whose local store holds 1,000,000 tickets,
// measured alone (so its resident memory is its own), on this thread and then in a worker thread as the shells run
// it. Prints one JSON line of figures.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createCore, type CoreApi } from '../../src-main/core/core';
import { openLocalStore, STORE_FILE } from '../../src-main/core/store';
import { startCoreWorker } from '../../src-main/core/worker-host';
import type { QueueName } from '../../src-shared/api/desktop';
import { searchKey } from '../../src-shared/text';
import type { Status } from '../../src-shared/ticket';
import { potholeCall, TestWorkstation } from '../support/sync-client';
import { addBlock } from '../../src-main/core/numbers';
import { templateTicket } from './bench-support';

const [hubUrl, login, password, countArg] = process.argv.slice(2) as [string, string, string, string];
const COUNT = Number(countArg);
const dataDir = mkdtempSync(join(tmpdir(), 'usterka-1m-'));

// Fill the store directly: the same rows the replica writes, a million of them.
await (await openLocalStore(dataDir)).close();
const fillStarted = performance.now();
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
raw.transaction(() => {
  for (let i = 0; i < COUNT; i++) {
    const status = statuses[i % statuses.length]!;
    const [k, r, unit] = groups[i % 2]!;
    const routed = status !== 'registered' && status !== 'awaitingPickup';
    const received = new Date(Date.UTC(2025, 0, 1) + i * 30_000).toISOString();
    const address = `ul. ${streets[i % streets.length]} ${1 + (i % 200)}, Łódź`;
    const t = {
      ...base,
      number: `2025/${String(i + 1).padStart(7, '0')}`,
      status,
      unitId: routed ? unit : null,
      coordinatorGroupId: routed ? k : null,
      realizerGroupId: routed && ['assigned', 'inProgress', 'resolved'].includes(status) ? r : null,
      routedGroupIds: routed ? [k] : [],
      routedUnitIds: routed ? [unit] : [],
      location: { address },
      times: { ...base.times, receivedAt: received, registeredAt: received, forwardedAt: routed ? received : null },
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
const fillSeconds = (performance.now() - fillStarted) / 1000;
// The fill's garbage collected now, not during the first timed run (a worker's heap starts empty anyway).
globalThis.gc?.();

/** Commands and queue pages on a core over the filled store, timed as the screens see them. */
async function measure(core: CoreApi) {
  const must = async <T>(name: string, args: unknown): Promise<T> => {
    const res = await core.dispatch(name, args);
    if (!res.ok) throw new Error(`${name}: ${res.error.message}`);
    return res.result as T;
  };
  if (!(await must<unknown>('session.current', {}))) await must('session.login', { login, password });
  await core.syncNow();
  // Commands are measured as recorded during an outage: no sync runs beside them, the path is the same.
  await must('connection.declareOutage', {});

  // Untimed first: a core just opened meets cold caches (its own SQLite cache, the system's), which would make
  // whichever run goes first look slower.
  const queues: QueueName[] = ['toRoute', 'forwarded', 'webPickup', 'coordinatorIncoming', 'coordinatorTakenUp', 'all'];
  for (let i = 0; i < 30; i++) await must('tickets.execute', { command: potholeCall({ categoryId: 'waste', templateAnswers: {} }) });
  for (let i = 0; i < 60; i++) await must('tickets.queue', { queue: queues[i % queues.length], limit: 100, offset: 100 * (i % 5) });

  const latencies: number[] = [];
  const timed = async (args: unknown) => {
    const t0 = performance.now();
    const res = await must<{ ok: boolean; createdNumbers?: string[]; refusal?: { message: string } }>('tickets.execute', args);
    latencies.push(performance.now() - t0);
    if (!res.ok) throw new Error(res.refusal!.message);
    return res;
  };
  const created: string[] = [];
  for (let i = 0; i < 300; i++)
    created.push((await timed({ command: potholeCall({ categoryId: 'waste', templateAnswers: {} }) })).createdNumbers![0]!);
  for (const number of created) await timed({ ticket: number, command: { type: 'forwardToCoordinators', groupId: 'wgk-k' } });
  for (const number of created) await timed({ ticket: number, command: { type: 'takeUp' } });
  latencies.sort((a, b) => a - b);

  const pageTimes: number[] = [];
  for (let i = 0; i < 300; i++) {
    const t0 = performance.now();
    await must('tickets.queue', { queue: queues[i % queues.length], limit: 100, offset: 100 * (i % 5) });
    pageTimes.push(performance.now() - t0);
  }
  pageTimes.sort((a, b) => a - b);
  return { commandP99: latencies[Math.floor(latencies.length * 0.99)], queueP95: pageTimes[Math.floor(pageTimes.length * 0.95)] };
}

const options = { dataDir, hubUrl, shell: 'preview', log: () => {}, policy: { checkEveryMs: 600_000 } } as const;
const core = await createCore(options);
const inThread = await measure(core);
const rssMb = process.memoryUsage().rss / 1024 / 1024;
await core.close();
// The same again with the core in a worker thread, as the shells run it: the message hop is what it adds. The first
// run used most of the numbers the core leased; a second block is leased for this workstation here.
const store = await openLocalStore(dataDir);
const leaser = await new TestWorkstation(hubUrl, { id: store.installationId, key: store.installationKey }).login(login, password);
await addBlock(store.db, await leaser.request('/sync/lease', { clientId: store.installationId, count: 500 }));
await store.close();
const worker = await startCoreWorker(options);
const inWorker = await measure(worker);
await worker.close();
rmSync(dataDir, { recursive: true, force: true });
console.log(
  JSON.stringify({
    fillSeconds,
    commandP99: inThread.commandP99,
    queueP95: inThread.queueP95,
    commandP99Worker: inWorker.commandP99,
    queueP95Worker: inWorker.queueP95,
    rssMb,
  }),
);
