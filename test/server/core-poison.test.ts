// Poisoned text on a workstation (real desktop core on a real SQLite file, real hub on PostgreSQL): a NUL
// or a broken Unicode character is refused at the keyboard, and one already in an outbox (written by an
// older version) ends in the "to resolve" inbox alone, while the calls recorded after it reach the hub.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunningHub } from '../../src-server/hub';
import { pendingCount } from '../../src-main/core/outbox';
import { takeNumbers } from '../../src-main/core/numbers';
import { PROTOCOL_VERSION } from '../../src-shared/api/sync';
import type { ApiEnvelope, ConnectionState, ExecuteResult, ToResolveItem } from '../../src-shared/api/desktop';
import type { Ticket } from '../../src-shared/ticket';
import { CORE_MODES, openTestCore, type CoreMode, type TestCore as Core } from '../support/core-modes';
import { startTestHub } from '../support/db';
import { PASSWORD, seedCity, type CityUser } from '../support/city';
import { potholeCall } from '../support/sync-client';

let hub: RunningHub;
let users: Record<string, CityUser>;
const dirs: string[] = [];

afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function openCoreIn(mode: CoreMode): Promise<Core> {
  const dataDir = mkdtempSync(join(tmpdir(), 'usterka-poison-'));
  dirs.push(dataDir);
  return openTestCore(mode, { dataDir, hubUrl: hub.url, shell: 'preview', log: () => {} });
}

async function call<T>(core: Core, name: string, args: unknown): Promise<T> {
  const res = await core.dispatch(name, args);
  if (!res.ok) throw new Error(`${name}: ${res.error.message}`);
  return res.result as T;
}

const hubTicket = async (number: string) =>
  (await hub.database.db.selectFrom('ticket').select('data').where('number', '=', number).executeTakeFirst())?.data as Ticket | undefined;

// The same suite with the core on the test's thread and in a worker thread, as the shells run it.
describe.each(CORE_MODES)('poisoned text on a workstation (%s)', (mode) => {
  const openCore = () => openCoreIn(mode);
  // A hub on a database of its own for each mode: the tests count what they find there.
  beforeAll(async () => {
    hub = await startTestHub();
    users = await seedCity(hub.database.db);
  });
  afterAll(() => hub?.close());

  it("a NUL in a call's subject is refused at once, in Polish, naming the field; nothing reaches the outbox", async () => {
    const core = await openCore();
    await call(core, 'session.login', { login: 'operator', password: PASSWORD });
    await core.syncNow();
    const before = await pendingCount(core.store.db);
    const numbersBefore = await call<{ available: number }>(core, 'numbers.reserve', {});

    for (const subject of ['Dziura\u0000w jezdni', 'Dziura \ud83d w jezdni']) {
      const res: ApiEnvelope = await core.dispatch('tickets.execute', { command: potholeCall({ subject }) });
      expect(res.ok).toBe(false);
      if (res.ok) continue;
      expect(res.error).toMatchObject({ code: 'invalidInput', field: 'command.subject' });
      expect(res.error.message).toContain('Pole „temat”');
      expect(res.error.message).toContain('niedozwolony znak');
    }
    expect(await pendingCount(core.store.db)).toBe(before);
    expect(await core.store.db.selectFrom('outbox').selectAll().execute()).toEqual([]);
    // No ticket number was used up by the refused calls.
    expect(await call<{ available: number }>(core, 'numbers.reserve', {})).toEqual(numbersBefore);
    await core.close();
  });

  it('a poisoned action already in the outbox goes to "to resolve" alone; the calls recorded after it reach the hub', async () => {
    const core = await openCore();
    await call(core, 'session.login', { login: 'operator', password: PASSWORD });
    await core.syncNow();

    // What an older version, which did not check the text, left in the outbox: the JSON text as it wrote it
    // (JSON.stringify escapes NUL and a lone surrogate, so SQLite holds them as \u0000 and \ud83d).
    const db = core.store.db;
    const poisoned: { mutationId: number; number: string }[] = [];
    for (const subject of ['Dziura\u0000w jezdni', 'Dziura \ud83d w jezdni']) {
      await db.transaction().execute(async (tx) => {
        const [number] = (await takeNumbers(tx, 1))!;
        const last = await tx.selectFrom('setting').select('value').where('key', '=', 'lastMutationId').executeTakeFirst();
        const mutationId = Number(last?.value ?? 0) + 1;
        const args = JSON.stringify({ command: potholeCall({ subject }), newTicketNumbers: [number] });
        expect(args).toMatch(/\\u0000|\\ud83d/);
        await tx
          .insertInto('outbox')
          .values({
            mutation_id: mutationId,
            ticket: null,
            args,
            at: new Date().toISOString(),
            actor_id: users.operator!.id,
            outage: 0,
            protocol_version: PROTOCOL_VERSION,
            proof: null,
          })
          .execute();
        await tx.insertInto('outbox_ticket').values({ mutation_id: mutationId, ticket: number! }).execute();
        await tx
          .insertInto('setting')
          .values({ key: 'lastMutationId', value: String(mutationId) })
          .onConflict((oc) => oc.column('key').doUpdateSet({ value: String(mutationId) }))
          .execute();
        poisoned.push({ mutationId, number: number! });
      });
    }

    // Calls recorded after them, through the desktop API as usual.
    const after: string[] = [];
    for (const address of ['ul. Piotrkowska 10, Łódź', 'ul. Zachodnia 5, Łódź']) {
      const res = await call<ExecuteResult>(core, 'tickets.execute', { command: potholeCall({ location: { address } }) });
      expect(res.ok).toBe(true);
      after.push((res as { createdNumbers: string[] }).createdNumbers[0]!);
    }

    await core.syncNow();
    await core.syncNow();

    // The later calls are on the hub, as recorded.
    for (const [i, number] of after.entries()) {
      const t = await hubTicket(number);
      expect(t?.status).toBe('registered');
      expect(t?.location?.address).toBe(['ul. Piotrkowska 10, Łódź', 'ul. Zachodnia 5, Łódź'][i]);
    }
    // The poisoned ones are not, and wait in "to resolve" with a reason the operator can act on.
    for (const p of poisoned) expect(await hubTicket(p.number)).toBeUndefined();
    const inbox = await call<ToResolveItem[]>(core, 'outbox.toResolve', {});
    expect(inbox.map((i) => i.mutationId)).toEqual(poisoned.map((p) => p.mutationId));
    for (const item of inbox) {
      expect(item.refusal.message).toContain('niedozwolony znak');
      expect(JSON.stringify(item.refusal)).toContain('subject');
    }
    // Nothing left to send, and the hub is not reported down.
    expect(await pendingCount(db)).toBe(0);
    const clientId = core.store.installationId;
    const synced = await hub.database.db
      .selectFrom('sync_client')
      .select('last_mutation_id')
      .where('client_id', '=', clientId)
      .executeTakeFirstOrThrow();
    expect(Number(synced.last_mutation_id)).toBe(poisoned[0]!.mutationId + 3);
    // The hub kept its record of the refusals, with the text made storable.
    const refused = await hub.database.db
      .selectFrom('refused_mutation')
      .select('mutation_id')
      .where('client_id', '=', clientId)
      .orderBy('mutation_id')
      .execute();
    expect(refused.map((r) => Number(r.mutation_id))).toEqual(poisoned.map((p) => p.mutationId));
    expect((await call<ConnectionState>(core, 'connection.get', {})).state).toBe('online');
    await core.close();
  });
});
