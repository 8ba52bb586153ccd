// Hub benchmarks on a real PostgreSQL (embedded, or DATABASE_URL's server): the full push path for
// 10,000 registrations beside a raw batched INSERT of the same rows, a first pull of 100,000 tickets,
// and sustained mutations per second with 50 concurrent workstations.
import { sql } from 'kysely';
import { ticketRow } from '../../src-server/ticket-writer';
import type { Ticket } from '../../src-shared/ticket';
import { chunkMutations } from '../../src-main/core/sync-client';
import { PASSWORD, seedCity } from '../support/city';
import { hubProcess, insertTickets, withHub } from './bench-support';
import { leaseWithoutCap } from '../support/leases';
import { potholeCall, TestWorkstation } from '../support/sync-client';
import type { Bench, BenchFigure } from './harness';

const push10k: Bench = {
  name: 'hub.push',
  run: () =>
    withHub(async (hub) => {
      await seedCity(hub.database.db);
      const op = await new TestWorkstation(hub.url).login('operator', PASSWORD);
      // More than a workstation may hold leased (the hub's cap): leased straight in the database.
      const numbers = await leaseWithoutCap(hub.database.db, op.clientId, 10_000);
      const mutations = numbers.map((n) => op.mutation(potholeCall(), { newTicketNumbers: [n] }));
      const started = performance.now();
      for (const chunk of chunkMutations(mutations)) await op.push(chunk);
      const seconds = (performance.now() - started) / 1000;

      // The physical limit beside it: the same ticket and event rows in one raw batched INSERT each.
      const rows = await hub.database.db.selectFrom('ticket').select(['data']).limit(10_000).execute();
      const events = await hub.database.db.selectFrom('ticket_event').selectAll().limit(10_000).execute();
      await sql`create table raw_ticket (like ticket including all)`.execute(hub.database.db);
      await sql`create table raw_event (like ticket_event including all)`.execute(hub.database.db);
      const rawStarted = performance.now();
      await hub.database.db.transaction().execute(async (tx) => {
        for (let i = 0; i < rows.length; i += 1000) {
          await tx
            .insertInto('raw_ticket')
            .values(rows.slice(i, i + 1000).map((r) => ticketRow(r.data as Ticket, new Date())))
            .execute();
          await tx
            .insertInto('raw_event')
            .values(events.slice(i, i + 1000).map((e) => ({ ...e, data: JSON.stringify(e.data) })))
            .execute();
        }
      });
      const rawSeconds = (performance.now() - rawStarted) / 1000;
      return [
        { name: 'hub.push_10k_registrations_s', value: seconds, unit: 's', target: 2, better: 'lower', limit: rawSeconds },
      ] satisfies BenchFigure[];
    }),
};

const pull100k: Bench = {
  name: 'hub.pull',
  run: () =>
    withHub(async (hub) => {
      await seedCity(hub.database.db);
      await insertTickets(hub, 100_000);
      const op = await new TestWorkstation(hub.url).login('operator', PASSWORD);
      const started = performance.now();
      let cursor: string | null = null;
      let count = 0;
      for (;;) {
        const page = await op.pullPage(cursor, 5000);
        count += page.changes.length;
        cursor = page.cursor;
        if (!page.more) break;
      }
      const seconds = (performance.now() - started) / 1000;
      if (count !== 100_000) throw new Error(`pulled ${count} tickets, expected 100000`);
      return [{ name: 'hub.pull_100k_s', value: seconds, unit: 's', target: 5, better: 'lower' }] satisfies BenchFigure[];
    }),
};

const sustained: Bench = {
  name: 'hub.mutations',
  run: () =>
    withHub(async (hub) => {
      await seedCity(hub.database.db);
      // The 50 workstations run here; the hub serving them runs in its own process, as in production.
      const remote = await hubProcess(hub.database.connectionString);
      const stations = await Promise.all(Array.from({ length: 50 }, () => new TestWorkstation(remote.url).login('operator', PASSWORD)));
      // 2,000 numbers each, more than the hub's cap on a workstation's unused numbers: leased straight in the database.
      const reserves = new Map(
        await Promise.all(stations.map(async (s) => [s, await leaseWithoutCap(hub.database.db, s.clientId, 2000)] as const)),
      );
      const latencies: number[] = [];
      let mutations = 0;
      const perPush = 20;
      // Sustained means steady state: the first seconds (a fresh process compiling its hot paths) are not counted.
      const measureFrom = performance.now() + 2000;
      const until = measureFrom + 6000;
      await Promise.all(
        stations.map(async (s) => {
          while (performance.now() < until) {
            const batch = reserves
              .get(s)!
              .splice(0, perPush)
              .map((n) => s.mutation(potholeCall(), { newTicketNumbers: [n] }));
            const t0 = performance.now();
            await s.push(batch);
            if (t0 < measureFrom) continue;
            latencies.push(performance.now() - t0);
            mutations += batch.length;
          }
        }),
      );
      const seconds = (performance.now() - measureFrom) / 1000;
      await remote.stop();
      latencies.sort((a, b) => a - b);
      const p99 = latencies[Math.floor(latencies.length * 0.99)]!;
      return [
        { name: 'hub.mutations_per_s', value: mutations / seconds, unit: 'mutations/s', target: 3000, better: 'higher' },
        { name: 'hub.push_p99_ms', value: p99, unit: 'ms' },
      ] satisfies BenchFigure[];
    }),
};

export default [push10k, pull100k, sustained];
