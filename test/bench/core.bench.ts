// Desktop-core benchmarks (issue 6): replay of 10,000 offline registrations (beside PouchDB
// replicating the same records to pouchdb-server), a first sync of 100,000 tickets (and how long the shell's thread
// is blocked meanwhile), and a core with 1,000,000 tickets in its store: command latency (in-thread and through the
// worker), queue-page latency, resident memory.
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createRequire } from 'node:module';
import { createCore, type Core } from '../../src-main/core/core';
import { addBlock } from '../../src-main/core/numbers';
import { freePort } from '../../src-server/net';
import { hashPassword } from '../../src-server/auth/passwords';
import { setMemberships } from '../../src-server/directory';
import { UNUSED_WINDOW_DAYS } from '../../src-server/sync/numbers';
import { PASSWORD, seedCity } from '../support/city';
import { potholeCall, TestWorkstation } from '../support/sync-client';
import { hubProcess, insertTickets, withHub } from './bench-support';
import type { Bench, BenchFigure } from './harness';

const run = promisify(execFile);
const require = createRequire(import.meta.url);

async function must<T>(core: Pick<Core, 'dispatch'>, name: string, args: unknown): Promise<T> {
  const res = await core.dispatch(name, args);
  if (!res.ok) throw new Error(`${name}: ${res.error.message}`);
  return res.result as T;
}

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'usterka-core-bench-'));
}

const replay10k: Bench = {
  name: 'core.replay',
  run: () =>
    withHub(async (hub) => {
      await seedCity(hub.database.db);
      const dataDir = tempDir();
      const core = await createCore({ dataDir, hubUrl: hub.url, shell: 'preview', log: () => {}, policy: { checkEveryMs: 600_000 } });
      await must(core, 'session.login', { login: 'operator', password: PASSWORD });
      await core.syncNow();
      // 10,000 numbers in reserve for this workstation, leased under its installation id.
      const leaser = await new TestWorkstation(hub.url, { id: core.store.installationId, key: core.store.installationKey }).login(
        'operator',
        PASSWORD,
      );
      for (let i = 0; i < 10; i++) {
        // A workstation may hold only 1,200 unused numbers (src-server/sync/numbers.ts); leases older than its window
        // do not count, so the blocks already taken are dated back to lease the next.
        await hub.database.db
          .updateTable('ticket_number_lease')
          .set({ leased_at: new Date(Date.now() - (UNUSED_WINDOW_DAYS + 1) * 86_400_000) })
          .where('client_id', '=', core.store.installationId)
          .execute();
        const lease = await leaser.request<{ year: number; first: number; last: number }>('/sync/lease', {
          clientId: core.store.installationId,
          count: 1000,
        });
        await addBlock(core.store.db, lease);
      }
      await must(core, 'connection.declareOutage', {});
      const captureStarted = performance.now();
      for (let i = 0; i < 10_000; i++) await must(core, 'tickets.execute', { command: potholeCall({ subject: `Awaria ${i}` }) });
      const captureSeconds = (performance.now() - captureStarted) / 1000;

      const started = performance.now();
      await must(core, 'connection.endOutage', {});
      while ((await must<{ pendingActions: number }>(core, 'connection.get', {})).pendingActions > 0) await core.syncNow();
      const seconds = (performance.now() - started) / 1000;
      const confirmed = await hub.database.db
        .selectFrom('ticket')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow();
      if (Number(confirmed.n) !== 10_000) throw new Error(`hub has ${confirmed.n} tickets, expected 10000`);
      const records = (await core.store.db.selectFrom('ticket').select('data').execute()).map((r) => JSON.parse(r.data as string));
      await core.close();
      rmSync(dataDir, { recursive: true, force: true });

      const peer = await pouchReplication(records);
      return [
        {
          name: 'core.replay_10k_end_to_end_s',
          value: seconds,
          unit: 's',
          target: 3,
          better: 'lower',
          peer: { name: 'pouchdb→pouchdb-server', value: peer },
        },
        { name: 'core.capture_10k_offline_s', value: captureSeconds, unit: 's' },
      ] satisfies BenchFigure[];
    }),
};

/** The same records replicated by PouchDB to pouchdb-server (in memory), timed the same way. */
async function pouchReplication(records: { number: string }[]): Promise<number> {
  const { default: PouchDB } = await import('pouchdb');
  const port = await freePort();
  const dir = tempDir();
  const server = spawn(
    process.execPath,
    [require.resolve('pouchdb-server/bin/pouchdb-server'), '--in-memory', '--port', String(port), '--no-stdout-logs'],
    { cwd: dir, stdio: 'ignore' },
  );
  try {
    for (let i = 0; i < 100; i++) {
      if (
        await fetch(`http://127.0.0.1:${port}/`).then(
          (r) => r.ok,
          () => false,
        )
      )
        break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const local = new PouchDB(join(dir, 'local'));
    for (let i = 0; i < records.length; i += 1000) {
      await local.bulkDocs(records.slice(i, i + 1000).map((r) => ({ ...r, _id: r.number })));
    }
    const started = performance.now();
    await local.replicate.to(`http://127.0.0.1:${port}/tickets`, { batch_size: 1000 });
    const seconds = (performance.now() - started) / 1000;
    await local.close();
    return seconds;
  } finally {
    server.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A first sync of 100,000 tickets, timed, in a shell process of its own (first-sync-shell.ts) that watches its
 * thread for blocks: with the core in a worker, as the shells run it, and (for comparison) on that thread.
 */
async function firstSync(mode: 'worker' | 'in-thread', hubUrl: string): Promise<{ seconds: number; maxBlockMs: number }> {
  const { stdout } = await run(
    process.execPath,
    ['--import', 'tsx', 'test/bench/first-sync-shell.ts', hubUrl, 'operator', PASSWORD, mode],
    {
      maxBuffer: 1024 * 1024,
      timeout: 600_000,
    },
  );
  const figures = JSON.parse(stdout.trim().split('\n').at(-1)!) as { seconds: number; maxBlockMs: number; tickets: number };
  if (figures.tickets !== 100_000) throw new Error(`replica has ${figures.tickets} tickets, expected 100000`);
  return figures;
}

/**
 * A process that does nothing but watch its own thread, alongside: what the machine itself delays any idle thread
 * by meanwhile (on a busy 2-core machine, tens of ms), the floor under the shell's figure.
 */
function idleShell(): { stop(): Promise<number> } {
  const code =
    "const h = require('node:perf_hooks').monitorEventLoopDelay({ resolution: 5 }); h.enable(); process.stdin.resume();" +
    "process.stdin.on('end', () => { h.disable(); console.log(h.max / 1e6); });";
  const child = spawn(process.execPath, ['-e', code], { stdio: ['pipe', 'pipe', 'ignore'] });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  return {
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve(Number(out.trim())));
        child.stdin.end();
      }),
  };
}

const initialSync: Bench = {
  name: 'core.initial_sync',
  run: () =>
    withHub(async (hub) => {
      await seedCity(hub.database.db);
      await insertTickets(hub, 100_000);
      const remote = await hubProcess(hub.database.connectionString);
      try {
        // One untimed first, so that neither timed one meets a hub and database still cold.
        await firstSync('worker', remote.url);
        const idle = idleShell();
        const worker = await firstSync('worker', remote.url);
        const floor = await idle.stop();
        const inThread = await firstSync('in-thread', remote.url);
        return [
          {
            name: 'core.initial_sync_100k_s',
            value: worker.seconds,
            unit: 's',
            target: 5,
            better: 'lower',
            peer: { name: 'in-thread', value: inThread.seconds },
          },
          {
            name: 'core.main_thread_max_block_ms_first_sync',
            value: worker.maxBlockMs,
            unit: 'ms',
            target: 50,
            better: 'lower',
            peer: { name: 'in-thread', value: inThread.maxBlockMs },
            limit: floor,
          },
        ] satisfies BenchFigure[];
      } finally {
        await remote.stop();
      }
    }),
};

const oneMillion: Bench = {
  name: 'core.1m',
  run: () =>
    withHub(async (hub) => {
      await seedCity(hub.database.db);
      // One person who registers, forwards and takes up: operator and WGK coordinator.
      const user = await hub.database.db
        .insertInto('app_user')
        .values({ login: 'bench', display_name: 'Bench', password_hash: await hashPassword(PASSWORD), roles: ['operator', 'coordinator'] })
        .returning('id')
        .executeTakeFirstOrThrow();
      await setMemberships(hub.database.db, user.id, ['wgk-k'], []);
      const count = Number(process.env.BENCH_LOCAL_TICKETS ?? 1_000_000);
      const { stdout } = await run(
        process.execPath,
        ['--expose-gc', '--import', 'tsx', 'test/bench/core-1m-worker.ts', hub.url, 'bench', PASSWORD, String(count)],
        {
          maxBuffer: 1024 * 1024,
          timeout: 1_800_000,
        },
      );
      const figures = JSON.parse(stdout.trim().split('\n').at(-1)!) as {
        fillSeconds: number;
        commandP99: number;
        queueP95: number;
        commandP99Worker: number;
        queueP95Worker: number;
        rssMb: number;
      };
      return [
        { name: 'core.command_p99_ms_1m', value: figures.commandP99, unit: 'ms', target: 5, better: 'lower' },
        {
          name: 'core.command_p99_ms_1m_worker',
          value: figures.commandP99Worker,
          unit: 'ms',
          target: 5,
          better: 'lower',
          peer: { name: 'in-thread', value: figures.commandP99 },
        },
        { name: 'core.queue_page_p95_ms_1m', value: figures.queueP95, unit: 'ms', target: 10, better: 'lower' },
        {
          name: 'core.queue_page_p95_ms_1m_worker',
          value: figures.queueP95Worker,
          unit: 'ms',
          target: 10,
          better: 'lower',
          peer: { name: 'in-thread', value: figures.queueP95 },
        },
        { name: 'core.rss_mb_1m', value: figures.rssMb, unit: 'MB', target: 400, better: 'lower' },
      ] satisfies BenchFigure[];
    }),
};

export default [replay10k, initialSync, oneMillion];
