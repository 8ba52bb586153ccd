// What the benchmarks share: a hub on its own PostgreSQL, and tickets inserted in bulk.
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres, type EmbeddedServer } from '../../src-server/db/connect';
import { startHub, type RunningHub } from '../../src-server/hub';
import { ticketRow } from '../../src-server/ticket-writer';
import { decide, evolve, makeDirectory, type Actor, type Ticket } from '../../src-shared/ticket';
import { categories, groups, units } from '../support/city';
import { potholeCall } from '../support/sync-client';
import { freePort } from '../../src-server/net';

/** Runs `fn` with a hub on a fresh database: DATABASE_URL's server, else an embedded one. */
export async function withHub<T>(fn: (hub: RunningHub) => Promise<T>): Promise<T> {
  let server: EmbeddedServer | undefined;
  const dir = mkdtempSync(join(tmpdir(), 'usterka-bench-'));
  chmodSync(dir, 0o755);
  try {
    let databaseUrl = process.env.DATABASE_URL;
    if (!databaseUrl) {
      server = await startEmbeddedPostgres(join(dir, 'postgres'));
      databaseUrl = await server.database(`bench_${Date.now()}`);
    }
    const hub = await startHub({ databaseUrl, dataDir: dir, autoMigrate: true, logger: false });
    try {
      return await fn(hub);
    } finally {
      await hub.close();
    }
  } finally {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A registered pothole ticket decided by the shared rules, to copy with other numbers. */
export function templateTicket(): Ticket {
  const directory = makeDirectory({ units, groups, categories });
  const actor: Actor = { userId: 'bench', roles: ['operator'], groupIds: [], unitIds: [] };
  const decision = decide(null, potholeCall(), actor, '2026-03-02T09:00:00.000Z', { directory, newTicketNumbers: ['2025/000001'] });
  if (!decision.ok) throw new Error(decision.refusal.message);
  return evolve(null, decision.events[0]!)!;
}

/** Inserts n registered tickets straight into the store (decided and evolved by the shared rules). */
export async function insertTickets(hub: RunningHub, n: number): Promise<void> {
  const base = templateTicket();
  for (let i = 0; i < n; i += 2000) {
    const rows = Array.from({ length: Math.min(2000, n - i) }, (_, k) =>
      ticketRow({ ...base, number: `2025/${String(i + k + 1).padStart(6, '0')}` }, new Date()),
    );
    await hub.database.db.insertInto('ticket').values(rows).execute();
  }
}

/**
 * A second hub process on the same database, as a workstation meets it in production: a server
 * apart, not sharing the workstation's event loop.
 */
export async function hubProcess(databaseUrl: string): Promise<{ url: string; stop(): Promise<void> }> {
  const port = await freePort();
  // BENCH_HUB_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the hub under load.
  const nodeArgs = process.env.BENCH_HUB_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', 'src-server/main.ts'], {
    env: { ...process.env, DATABASE_URL: databaseUrl, HUB_PORT: String(port), LOG_LEVEL: 'warn' },
    stdio: 'ignore',
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 150; i++) {
    if (
      await fetch(`${url}/health`).then(
        (r) => r.ok,
        () => false,
      )
    ) {
      return { url, stop: () => new Promise<void>((done) => (child.exitCode === null ? child.once('exit', () => done()).kill() : done())) };
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill();
  throw new Error('the hub process did not start');
}
