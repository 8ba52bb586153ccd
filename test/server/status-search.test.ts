// Finding a ticket for a status call (P§23.1) on a real desktop core and hub: by the reporter's name, without
// diacritics, for those entitled to personal data; others have no names on their workstation to match.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src-main/core/core';
import type { RunningHub } from '../../src-server/hub';
import { startTestHub } from '../support/db';
import { PASSWORD, seedCity } from '../support/city';
import { potholeCall } from '../support/sync-client';

let hub: RunningHub;
const dirs: string[] = [];
beforeAll(async () => {
  hub = await startTestHub();
  await seedCity(hub.database.db);
});
afterAll(async () => {
  await hub?.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function signedIn(login: string): Promise<Core> {
  const dir = mkdtempSync(join(tmpdir(), 'usterka-core-'));
  dirs.push(dir);
  const core = await createCore({ dataDir: dir, hubUrl: hub.url, shell: 'preview', log: () => {} });
  const res = await core.dispatch('session.login', { login, password: PASSWORD });
  if (!res.ok) throw new Error(res.error.message);
  await core.syncNow();
  return core;
}
async function call<T>(core: Core, name: string, args: unknown): Promise<T> {
  const res = await core.dispatch(name, args);
  if (!res.ok) throw new Error(`${name}: ${res.error.message}`);
  return res.result as T;
}

describe('status search', () => {
  it("P§23.1 finds a ticket by the reporter's name typed without diacritics, only for users entitled to see it", async () => {
    const operator = await signedIn('operator');
    const supervisor = await signedIn('nadzor-zdit');
    try {
      const registered = await call<{ ok: boolean; ticket: { number: string } }>(operator, 'tickets.execute', {
        command: potholeCall({ reporter: { wantsAnswer: true, consent: true, name: 'Zdzisław Łukasiewicz', phone: '600 100 200' } }),
      });
      expect(registered.ok).toBe(true);
      await call(operator, 'tickets.execute', {
        ticket: registered.ticket.number,
        command: { type: 'forwardToCoordinators', groupId: 'zdit-k', rpwId: 'RPW/3/2026' },
      });
      await operator.syncNow();
      const found = await call<{ number: string }[]>(operator, 'tickets.search', { text: 'lukasiewicz' });
      expect(found.map((r) => r.number)).toEqual([registered.ticket.number]);

      await supervisor.syncNow();
      // The supervisor sees the ticket (their unit's) but not who reported it: no match by name.
      expect((await call<{ number: string }[]>(supervisor, 'tickets.search', { text: registered.ticket.number })).length).toBe(1);
      expect(await call<unknown[]>(supervisor, 'tickets.search', { text: 'lukasiewicz' })).toEqual([]);
    } finally {
      await operator.close();
      await supervisor.close();
    }
  });
});
