// Crash tests of the desktop core (issue 6): SIGKILL at random moments while calls are captured
// offline and while they are replayed, then a PostgreSQL + hub restart in the middle of a replay.
// Every call whose number the operator was given exists centrally exactly once, with its real time.
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres, type EmbeddedServer } from '../../src-server/db/connect';
import { startHub, type RunningHub } from '../../src-server/hub';
import { PASSWORD, seedCity } from '../support/city';
import type { Ticket } from '../../src-shared/ticket';

const root = mkdtempSync(join(tmpdir(), 'usterka-chaos-'));
chmodSync(root, 0o755);
let pg: EmbeddedServer;
let databaseUrl: string;
let hub: RunningHub | undefined;
let port: number;

/** A seeded random source, so a failing run can be repeated (CHAOS_SEED). */
const seed = Number(process.env.CHAOS_SEED ?? Date.now() % 100_000);
let state = seed;
const random = () => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;

beforeAll(async () => {
  pg = await startEmbeddedPostgres(join(root, 'postgres'));
  databaseUrl = await pg.database('chaos');
  hub = await startHub({ databaseUrl, dataDir: root, autoMigrate: true, logger: false });
  port = Number(new URL(hub.url).port);
  await seedCity(hub.database.db);
}, 120_000);

const workers = new Set<Run>();

afterAll(async () => {
  // A failed assertion must not leave worker processes behind.
  for (const w of workers) w.kill();
  await hub?.close();
  await pg?.stop();
  rmSync(root, { recursive: true, force: true });
});

const hubUrl = () => `http://127.0.0.1:${port}`;

interface Run {
  lines: string[];
  exit: Promise<number | null>;
  kill(): void;
}

function runWorker(mode: string, dataDir: string): Run {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/chaos/core-worker.ts', mode, dataDir, hubUrl(), 'operator', PASSWORD], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines: string[] = [];
  let buffer = '';
  child.stdout.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    const parts = buffer.split('\n');
    buffer = parts.pop()!;
    lines.push(...parts);
  });
  const run: Run = { lines, exit: new Promise((r) => child.on('exit', (code) => r(code))), kill: () => child.kill('SIGKILL') };
  workers.add(run);
  void run.exit.then(() => workers.delete(run));
  return run;
}

async function waitFor(cond: () => boolean, timeoutMs: number): Promise<void> {
  for (const end = Date.now() + timeoutMs; Date.now() < end; await new Promise((r) => setTimeout(r, 20))) if (cond()) return;
  throw new Error('timed out');
}

async function restartHub(): Promise<void> {
  hub = await startHub({ databaseUrl, dataDir: root, logger: false, port });
}

async function captureWithKills(dataDir: string, kills: number): Promise<Map<string, string>> {
  const saved = new Map<string, string>();
  for (let i = 0; i < kills; i++) {
    const run = runWorker('capture', dataDir);
    await waitFor(() => run.lines.some((l) => l.startsWith('SAVED')), 30_000);
    await new Promise((r) => setTimeout(r, 20 + random() * 300));
    run.kill();
    await run.exit;
    for (const l of run.lines) {
      const [, number, at] = l.split(' ');
      if (l.startsWith('SAVED')) saved.set(number!, at!);
    }
  }
  return saved;
}

async function expectExactlyOnceCentrally(saved: Map<string, string>): Promise<void> {
  const db = hub!.database.db;
  const numbers = [...saved.keys()];
  const tickets = await db.selectFrom('ticket').select(['number', 'data']).where('number', 'in', numbers).execute();
  expect(tickets).toHaveLength(numbers.length);
  for (const t of tickets) {
    const data = t.data as Ticket;
    expect(data.times.registeredAt).toBe(saved.get(t.number));
    expect(data.capturedDuringOutage).toBe(true);
  }
  const registrations = await db
    .selectFrom('ticket_event')
    .select(['ticket'])
    .where('type', '=', 'registered')
    .where('ticket', 'in', numbers)
    .execute();
  expect(registrations).toHaveLength(numbers.length);
}

describe('desktop core crash tests', () => {
  it('P§32 SIGKILL 25 times while capturing offline and 25 times while replaying: every saved call reaches the hub exactly once with its time', async () => {
    const dataDir = mkdtempSync(join(root, 'desk-'));
    const login = runWorker('login', dataDir);
    await login.exit;
    expect(login.lines).toContain('READY');

    await hub!.close();
    const saved = await captureWithKills(dataDir, 25);
    expect(saved.size).toBeGreaterThan(25);

    await restartHub();
    for (let i = 0; i < 25; i++) {
      const run = runWorker('replay', dataDir);
      await new Promise((r) => setTimeout(r, 300 + random() * 900));
      run.kill();
      await run.exit;
    }
    const finish = runWorker('replay', dataDir);
    expect(await finish.exit).toBe(0);
    expect(finish.lines).toContain('DONE');
    await expectExactlyOnceCentrally(saved);
  }, 600_000);

  it('P§32 PostgreSQL and the hub restart in the middle of a replay: same result', async () => {
    const dataDir = mkdtempSync(join(root, 'desk-'));
    const login = runWorker('login', dataDir);
    await login.exit;
    await hub!.close();
    const saved = await captureWithKills(dataDir, 3);

    await restartHub();
    const replay = runWorker('replay', dataDir);
    // Pull the ground from under the replay as soon as it starts sending.
    await waitFor(() => replay.lines.some((l) => l.startsWith('PROGRESS')), 30_000);
    await hub!.close();
    await pg.stop();
    await new Promise((r) => setTimeout(r, 500));
    pg = await startEmbeddedPostgres(join(root, 'postgres'), undefined, pg.port);
    await restartHub();
    expect(await replay.exit).toBe(0);
    expect(replay.lines).toContain('DONE');
    await expectExactlyOnceCentrally(saved);
  }, 300_000);
});
