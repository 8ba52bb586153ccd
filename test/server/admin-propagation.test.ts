// Configuration reaching workstations (I§5, P§2.2, P§8.1.1): an online desktop core gets an admin's change
// within seconds through the poke stream; one that was off during the change gets it at its next sync; an
// extra day off moves a deadline in a queue.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src-main/core/core';
import type { RunningHub } from '../../src-server/hub';
import { hashPassword } from '../../src-server/auth/passwords';
import type { WorkstationConfig } from '../../src-shared/api/desktop';
import { startTestHub } from '../support/db';
import { categories, PASSWORD, seedCity } from '../support/city';
import { potholeCall } from '../support/sync-client';

let hub: RunningHub;
let adminToken: string;
const dirs: string[] = [];

beforeAll(async () => {
  hub = await startTestHub();
  await seedCity(hub.database.db);
  await hub.database.db
    .insertInto('app_user')
    .values({ login: 'admin', display_name: 'Administrator', roles: ['admin'], password_hash: await hashPassword(PASSWORD) })
    .execute();
  const res = await fetch(`${hub.url}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: 'admin', password: PASSWORD }),
  });
  adminToken = ((await res.json()) as { token: string }).token;
});
afterAll(async () => {
  await hub?.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function admin(name: string, args: unknown): Promise<void> {
  const res = await fetch(`${hub.url}/admin/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
    body: JSON.stringify(args),
  });
  expect(res.status, await res.clone().text()).toBe(200);
}

async function openCore(dataDir = mkdtempSync(join(tmpdir(), 'usterka-core-'))): Promise<{ core: Core; dataDir: string }> {
  dirs.push(dataDir);
  const core = await createCore({ dataDir, hubUrl: hub.url, shell: 'preview', log: () => {} });
  return { core, dataDir };
}
async function call<T>(core: Core, name: string, args: unknown): Promise<T> {
  const res = await core.dispatch(name, args);
  if (!res.ok) throw new Error(`${name}: ${res.error.message}`);
  return res.result as T;
}
const roadsTemplate = async (core: Core) =>
  (await call<WorkstationConfig>(core, 'config.get', {})).directory.categories.find((c) => c.id === 'roads')?.template ?? [];
const roads = categories.find((c) => c.id === 'roads')!;

describe('configuration reaching workstations', () => {
  it('I§5 an online workstation has a changed script within seconds, without a click', async () => {
    const { core } = await openCore();
    try {
      await call(core, 'session.login', { login: 'operator', password: PASSWORD });
      await core.syncNow();
      const saved = Date.now();
      await admin('saveCategory', { ...roads, template: [...roads.template!, { id: 'lane', label: 'Który pas ruchu?', required: true }] });
      await expect.poll(async () => (await roadsTemplate(core)).map((q) => q.id), { timeout: 5_000, interval: 50 }).toContain('lane');
      expect(Date.now() - saved).toBeLessThan(5_000);
    } finally {
      await core.close();
    }
  });

  it('P§8.1.1 a required question changed while a workstation was off reaches it at its next sync', async () => {
    const first = await openCore();
    await call(first.core, 'session.login', { login: 'operator', password: PASSWORD });
    await first.core.syncNow();
    await first.core.close();

    await admin('saveCategory', {
      ...roads,
      template: [
        { id: 'size', label: 'Wielkość ubytku', required: false },
        { id: 'depth', label: 'Głębokość?', required: true },
      ],
    });

    const again = await openCore(first.dataDir);
    try {
      await again.core.syncNow();
      await expect
        .poll(async () => (await roadsTemplate(again.core)).map((q) => `${q.id}:${q.required}`), { timeout: 5_000 })
        .toEqual(['size:false', 'depth:true']);
      // A call whose script did not have the new question yet is still saved (and accepted by the hub).
      const result = await call<{ ok: boolean }>(again.core, 'tickets.execute', {
        command: { ...potholeCall({ templateAnswers: { size: '30 cm' } }), scriptAsked: ['size'] },
      });
      expect(result.ok).toBe(true);
    } finally {
      await again.core.close();
    }
  });

  it('P§2.2 an extra day off declared by the admin moves the deadline a queue shows', async () => {
    const { core } = await openCore();
    try {
      await call(core, 'session.login', { login: 'operator', password: PASSWORD });
      await core.syncNow();
      const registered = await call<{ ok: boolean; ticket: { number: string } }>(core, 'tickets.execute', {
        command: potholeCall({ templateAnswers: { size: '30 cm', depth: '5 cm' } }),
      });
      expect(registered.ok).toBe(true);
      await call(core, 'tickets.execute', {
        ticket: registered.ticket.number,
        command: { type: 'forwardToCoordinators', groupId: 'zdit-k', rpwId: 'RPW/5/2026' },
      });
      const dueOf = async () =>
        (await call<{ rows: { number: string; due: string | null }[] }>(core, 'tickets.queue', { queue: 'forwarded' })).rows.find(
          (r) => r.number === registered.ticket.number,
        )?.due;
      const before = await dueOf();
      expect(before).toBeTruthy();
      const dueDay = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Warsaw' }).format(new Date(before!));
      await admin('saveExtraDay', { date: dueDay, kind: 'dayOff', reference: 'Zarządzenie nr 1/2026 Prezydenta Miasta Łodzi' });
      await expect.poll(dueOf, { timeout: 5_000, interval: 100 }).not.toBe(before);
      expect(new Date((await dueOf())!).getTime()).toBeGreaterThan(new Date(before!).getTime());
      await admin('removeExtraDay', { date: dueDay });
    } finally {
      await core.close();
    }
  });
});
