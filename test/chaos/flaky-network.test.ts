// Sync through a network that drops, delays and resets connections: when it calms down, every
// workstation's replica equals the hub's state, and nothing was applied twice.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHub, type RunningHub } from '../../src-server/hub';
import { createCore, type Core } from '../../src-main/core/core';
import type { ExecuteResult } from '../../src-shared/api/desktop';
import type { Ticket } from '../../src-shared/ticket';
import { freshDatabaseUrl } from '../support/db';
import { PASSWORD, seedCity } from '../support/city';
import { potholeCall } from '../support/sync-client';
import { startChaosProxy, type ChaosProxy } from '../support/chaos-proxy';

let hub: RunningHub;
let proxy: ChaosProxy;
const dirs: string[] = [];
let state = Number(process.env.CHAOS_SEED ?? 4242);
const random = () => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;

beforeAll(async () => {
  hub = await startHub({ databaseUrl: await freshDatabaseUrl(), dataDir: '/nonexistent', autoMigrate: true, logger: false });
  await seedCity(hub.database.db);
  proxy = await startChaosProxy(Number(new URL(hub.url).port), random);
});
afterAll(async () => {
  await proxy?.close();
  await hub?.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function workstation(): Promise<Core> {
  const dataDir = mkdtempSync(join(tmpdir(), 'usterka-flaky-'));
  dirs.push(dataDir);
  const core = await createCore({
    dataDir,
    hubUrl: proxy.url,
    shell: 'preview',
    log: () => {},
    policy: { outageAfterMs: 500, checkEveryMs: 60_000, maxRetryMs: 200 },
  });
  // Log in while the network behaves, then let it misbehave.
  proxy.chaos = false;
  const res = await core.dispatch('session.login', { login: 'operator', password: PASSWORD });
  if (!res.ok) throw new Error(res.error.message);
  await core.syncNow();
  proxy.chaos = true;
  return core;
}

async function execute(core: Core, args: unknown): Promise<ExecuteResult> {
  const res = await core.dispatch('tickets.execute', args);
  if (!res.ok) throw new Error(res.error.message);
  return res.result as ExecuteResult;
}

describe('sync over a flaky network', () => {
  it("replicas converge to the hub's state once the network calms down", async () => {
    const [a, b] = [await workstation(), await workstation()];
    const numbers: string[] = [];
    for (let i = 0; i < 20; i++) {
      for (const core of [a, b]) {
        const res = await execute(core, { command: potholeCall({ subject: `Zgłoszenie ${i}` }) });
        if (res.ok) numbers.push(res.createdNumbers[0]!);
        await core.syncNow();
      }
    }
    // Each workstation notes an inquiry on the other's tickets it has received so far.
    let inquiries = 0;
    for (const [core, offset] of [
      [a, 1],
      [b, 0],
    ] as const) {
      for (let i = offset; i < numbers.length; i += 2) {
        const res = await execute(core, {
          ticket: numbers[i],
          command: { type: 'recordInquiry', actionsDone: 'sprawdzono stan', callerExpects: 'informacji' },
        });
        if (res.ok) inquiries++;
        await core.syncNow();
      }
    }
    expect(inquiries).toBeGreaterThan(10);
    expect(proxy.stats.reset + proxy.stats.cut).toBeGreaterThan(5);

    proxy.chaos = false;
    for (let round = 0; round < 5; round++) for (const core of [a, b]) await core.syncNow();

    const hubTickets = new Map(
      (await hub.database.db.selectFrom('ticket').select(['number', 'data']).where('number', 'in', numbers).execute()).map((r) => [
        r.number,
        r.data as Ticket,
      ]),
    );
    expect(hubTickets.size).toBe(numbers.length);
    for (const core of [a, b]) {
      const pending = await core.dispatch('connection.get', {});
      expect(pending).toMatchObject({ ok: true, result: { pendingActions: 0 } });
      for (const number of numbers) {
        const local = await core.dispatch('tickets.get', { number });
        expect((local as { result: { ticket: Ticket } }).result.ticket).toEqual(hubTickets.get(number));
      }
    }
    // Every inquiry recorded reached the hub once: nothing lost, nothing doubled.
    expect([...hubTickets.values()].reduce((sum, t) => sum + t.inquiries.length, 0)).toBe(inquiries);
    await a.close();
    await b.close();
  });
});
