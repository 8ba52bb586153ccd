// The desktop core (real SQLite file) against a real hub (real PostgreSQL): online work, an outage
// with replay, refusals landing in the "to resolve" inbox, offline login, an expired session.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHub, type RunningHub } from '../../src-server/hub';
import { chunkMutations } from '../../src-main/core/sync-client';
import { pendingEntries, toMutation } from '../../src-main/core/outbox';
import { keyStoreBox, type KeyStore, type SecretBox } from '../../src-main/core/secrets';
import type { DesktopEvent, ExecuteResult } from '../../src-shared/api/desktop';
import type { Ticket } from '../../src-shared/ticket';
import { MAX_PUSH_FILES } from '../../src-shared/api/sync';
import { CORE_MODES, openTestCore, type CoreMode, type TestCore as Core } from '../support/core-modes';
import { freshDatabaseUrl } from '../support/db';
import { PASSWORD, seedCity } from '../support/city';
import { potholeCall, TestWorkstation, inServiceSince } from '../support/sync-client';

let databaseUrl: string;
let hub: RunningHub;
let port: number;
const dirs: string[] = [];

afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function restartHub(): Promise<void> {
  hub = await startHub({ databaseUrl, dataDir: '/nonexistent', logger: false, port });
}

async function openCoreIn(
  mode: CoreMode,
  dataDir = mkdtempSync(join(tmpdir(), 'usterka-core-')),
  secrets?: SecretBox,
): Promise<{ core: Core; events: DesktopEvent[]; dataDir: string }> {
  dirs.push(dataDir);
  // A short outage bound so the test sees the outage state quickly.
  const core = await openTestCore(mode, {
    dataDir,
    hubUrl: hub.url.replace(/:\d+$/, `:${port}`),
    shell: 'preview',
    log: () => {},
    policy: { outageAfterMs: 0 },
    secrets,
  });
  const events: DesktopEvent[] = [];
  core.onEvent((e) => events.push(e));
  return { core, events, dataDir };
}

async function call<T>(core: Core, name: string, args: unknown): Promise<T> {
  const res = await core.dispatch(name, args);
  if (!res.ok) throw new Error(`${name}: ${res.error.message}`);
  return res.result as T;
}

const hubTicket = async (number: string) =>
  (await hub.database.db.selectFrom('ticket').select('data').where('number', '=', number).executeTakeFirst())?.data as Ticket | undefined;

// The same suite with the core on the test's thread and in a worker thread, as the shells run it.
describe.each(CORE_MODES)('desktop core with a real hub (%s)', (mode) => {
  const openCore = (dataDir?: string, secrets?: SecretBox) => openCoreIn(mode, dataDir, secrets);
  // A hub on a database of its own for each mode: the tests count what they find there.
  beforeAll(async () => {
    databaseUrl = await freshDatabaseUrl();
    hub = await startHub({ databaseUrl, dataDir: '/nonexistent', autoMigrate: true, logger: false });
    port = Number(new URL(hub.url).port);
    await seedCity(hub.database.db);
  });
  afterAll(() => hub?.close());

  it('P§8.2 registers online: the number at once, then the ticket reaches the hub', async () => {
    const { core } = await openCore();
    await call(core, 'session.login', { login: 'operator', password: PASSWORD });
    await core.syncNow();
    expect((await call<{ available: number }>(core, 'numbers.reserve', {})).available).toBeGreaterThan(100);
    const res = await call<ExecuteResult>(core, 'tickets.execute', { command: potholeCall() });
    expect(res).toMatchObject({ ok: true, savedLocally: false });
    const number = (res as { createdNumbers: string[] }).createdNumbers[0]!;
    expect(number).toMatch(/^\d{4}\/\d{6}$/);
    await core.syncNow();
    expect((await hubTicket(number))?.status).toBe('registered');
    const queue = await call<{ rows: { number: string; pending: boolean }[] }>(core, 'tickets.queue', { queue: 'toRoute' });
    expect(queue.rows.find((r) => r.number === number)?.pending).toBe(false);
    await core.close();
  });

  it('P§29 P§32 keeps working in an outage and replays with the real time and the outage flag, nothing lost or doubled', async () => {
    const { core, events } = await openCore();
    await call(core, 'session.login', { login: 'operator', password: PASSWORD });
    await core.syncNow();
    await hub.close();
    await core.syncNow();
    expect((await call<{ state: string }>(core, 'connection.get', {})).state).toBe('outage');

    const callTime = Date.now();
    const offline = await call<ExecuteResult & { createdNumbers: string[] }>(core, 'tickets.execute', {
      command: potholeCall({ subject: 'Zgłoszenie w czasie awarii' }),
    });
    expect(offline).toMatchObject({ ok: true, savedLocally: true });
    const number = offline.createdNumbers[0]!;
    const forwarded = await call<ExecuteResult>(core, 'tickets.execute', {
      ticket: number,
      command: { type: 'forwardToCoordinators', groupId: 'wgk-k' },
    });
    expect(forwarded.ok).toBe(true);
    expect((await call<{ pendingActions: number }>(core, 'connection.get', {})).pendingActions).toBe(2);

    await restartHub();
    await core.syncNow();
    await core.syncNow();
    const t = await hubTicket(number);
    expect(t?.status).toBe('forwarded');
    expect(t?.capturedDuringOutage).toBe(true);
    expect(Math.abs(Date.parse(t!.times.registeredAt) - callTime)).toBeLessThan(5000);
    const stored = await hub.database.db
      .selectFrom('ticket_event')
      .select(['type', 'outage'])
      .where('ticket', '=', number)
      .orderBy('seq')
      .execute();
    expect(stored).toEqual([
      { type: 'registered', outage: true },
      { type: 'forwarded', outage: true },
    ]);
    expect(events.some((e) => e.name === 'replay.finished')).toBe(true);
    expect(await call<{ state: string; pendingActions: number }>(core, 'connection.get', {})).toMatchObject({
      state: 'online',
      pendingActions: 0,
    });
    // The outage period itself reached the hub, for supervisors (P§29).
    await core.syncNow();
    const periods = await hub.database.db
      .selectFrom('outage_period')
      .selectAll()
      .where('client_id', '=', core.store.installationId)
      .execute();
    expect(periods).toHaveLength(1);
    expect(periods[0]!.declared_by).toBe('auto');
    expect(periods[0]!.ended_at).not.toBeNull();
    await core.close();
  });

  // The hub's requests are watched on this thread, so this one runs with the core on it.
  it.runIf(mode === 'in-thread')(
    'P§31.2 actions saved by the previous version (protocol 1) and still in the outbox after the upgrade replay once, as written',
    async () => {
      const { core } = await openCore();
      await call(core, 'session.login', { login: 'operator', password: PASSWORD });
      await core.syncNow();
      await call(core, 'connection.declareOutage', {});
      const saved = await call<ExecuteResult & { createdNumbers: string[] }>(core, 'tickets.execute', {
        command: potholeCall({ subject: 'Zapisane przed aktualizacją' }),
      });
      const number = saved.createdNumbers[0]!;
      await call(core, 'tickets.execute', { ticket: number, command: { type: 'forwardToCoordinators', groupId: 'wgk-k' } });
      // The outbox rows are what version 1 wrote: same columns, its version number.
      await core.store.db.updateTable('outbox').set({ protocol_version: 1 }).execute();

      const pushed: { protocolVersion: number }[] = [];
      const realFetch = globalThis.fetch;
      const spy = vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
        if (String(input).endsWith('/sync/push'))
          pushed.push(...(JSON.parse(String(init!.body)) as { mutations: { protocolVersion: number }[] }).mutations);
        return realFetch(input, init);
      });
      try {
        await call(core, 'connection.endOutage', {});
        await core.syncNow();
      } finally {
        spy.mockRestore();
      }
      expect(pushed.map((m) => m.protocolVersion)).toEqual([1, 1]);
      expect((await hubTicket(number))?.status).toBe('forwarded');
      const events = await hub.database.db.selectFrom('ticket_event').select('type').where('ticket', '=', number).execute();
      expect(events).toHaveLength(2);
      expect(await call<{ pendingActions: number }>(core, 'connection.get', {})).toMatchObject({ pendingActions: 0 });
      expect(await call<unknown[]>(core, 'outbox.toResolve', {})).toEqual([]);
      await core.close();
    },
  );

  it('P§27.2 P§28 the super-supervisor lists finished tickets past the retention period, and what is deleted leaves the list', async () => {
    const op = await new TestWorkstation(hub.url).login('operator', PASSWORD);
    await op.lease(3);
    const [old, recent, open] = op.takeNumbers(3);
    const longAgo = '2026-01-12T09:00:00.000Z';
    const close = { type: 'closeOutOfScope', receivingEntity: 'PGE Dystrybucja S.A.', rpwId: 'RPW/3/2026' };
    await inServiceSince(hub.database.db, op.clientId, longAgo);
    await op.push([
      op.mutation(potholeCall({ receivedAt: longAgo }), { newTicketNumbers: [old!], at: longAgo }),
      op.mutation(close as never, { ticket: old, at: longAgo }),
      op.mutation(potholeCall(), { newTicketNumbers: [recent!] }),
      op.mutation(close as never, { ticket: recent }),
      op.mutation(potholeCall({ receivedAt: longAgo }), { newTicketNumbers: [open!], at: longAgo }),
    ]);
    const { core } = await openCore();
    await call(core, 'session.login', { login: 'supernadzor', password: PASSWORD });
    await core.syncNow();
    const due = async () =>
      (await call<{ rows: { number: string }[] }>(core, 'tickets.queue', { queue: 'retentionDue' })).rows.map((r) => r.number);
    expect(await due()).toEqual([old]);
    const deleted = await call<ExecuteResult>(core, 'tickets.execute', {
      ticket: old,
      command: { type: 'delete', reason: 'Okres przechowywania minął (P§27.2).' },
    });
    expect(deleted.ok).toBe(true);
    expect(await due()).toEqual([]);
    await core.syncNow();
    expect((await hubTicket(old!))?.status).toBe('deleted');
    await core.close();
  });

  it('an action the hub refuses lands in the "to resolve" inbox with the reason, and the replica shows the hub\'s truth', async () => {
    const { core } = await openCore();
    await call(core, 'session.login', { login: 'operator', password: PASSWORD });
    await core.syncNow();
    const created = await call<{ createdNumbers: string[] }>(core, 'tickets.execute', { command: potholeCall() });
    const number = created.createdNumbers[0]!;
    await core.syncNow();

    // Offline, this operator closes the ticket; meanwhile a colleague forwards it at the hub.
    await hub.close();
    await core.syncNow();
    const closed = await call<ExecuteResult>(core, 'tickets.execute', {
      ticket: number,
      command: { type: 'closeOutOfScope', receivingEntity: 'Wojewoda Łódzki', rpwId: 'RPW/1/2026' },
    });
    expect(closed.ok).toBe(true);
    await restartHub();
    const colleague = await new TestWorkstation(hub.url).login('operator2', PASSWORD);
    await colleague.push([colleague.mutation({ type: 'forwardToCoordinators', groupId: 'wgk-k' }, { ticket: number })]);

    await core.syncNow();
    await core.syncNow();
    const inbox = await call<{ mutationId: number; refusal: { code: string; message: string } }[]>(core, 'outbox.toResolve', {});
    expect(inbox).toHaveLength(1);
    expect(inbox[0]!.refusal.code).toBe('invalidState');
    const local = await call<{ ticket: Ticket }>(core, 'tickets.get', { number });
    expect(local.ticket.status).toBe('forwarded');
    // Retried as it was, the rules refuse it again here and it stays in the inbox; a corrected one replaces it.
    expect(await call<ExecuteResult>(core, 'outbox.retry', { mutationId: inbox[0]!.mutationId })).toMatchObject({
      ok: false,
      refusal: { code: 'invalidState' },
    });
    expect(await call(core, 'outbox.toResolve', {})).toHaveLength(1);
    const corrected = await call<ExecuteResult>(core, 'outbox.retry', {
      mutationId: inbox[0]!.mutationId,
      command: { type: 'recordInquiry', actionsDone: 'Zgłoszenie przekazane do WGK', callerExpects: 'informacji' },
    });
    expect(corrected.ok).toBe(true);
    expect(await call(core, 'outbox.toResolve', {})).toEqual([]);
    expect(await call<ExecuteResult>(core, 'outbox.retry', { mutationId: inbox[0]!.mutationId })).toMatchObject({
      ok: false,
      refusal: { code: 'notFound' },
    });
    await call(core, 'outbox.discard', { mutationId: inbox[0]!.mutationId });
    expect(await call(core, 'outbox.toResolve', {})).toEqual([]);
    await core.close();
  });

  it('a user who logged in here before can unlock offline; a stranger cannot', async () => {
    const first = await openCore();
    await call(first.core, 'session.login', { login: 'operator', password: PASSWORD });
    await first.core.close();
    await hub.close();
    const again = await openCore(first.dataDir);
    expect((await call<{ login: string }>(again.core, 'session.login', { login: 'operator', password: PASSWORD })).login).toBe('operator');
    const wrong = await again.core.dispatch('session.login', { login: 'operator', password: 'zle-haslo-123' });
    expect(wrong).toMatchObject({ ok: false, error: { message: expect.stringContaining('Nieprawidłowy') } });
    const stranger = await again.core.dispatch('session.login', { login: 'operator2', password: PASSWORD });
    expect(stranger).toMatchObject({ ok: false, error: { message: expect.stringContaining('nie logował się wcześniej') } });
    await again.core.close();
    await restartHub();
  });

  it("the credentials in the workstation's store are sealed by the system key store: a copied file holds no usable token or key", async () => {
    // A key store like the system's: AES-GCM under a key the store file does not contain.
    const key = randomBytes(32);
    const keys: KeyStore = {
      isEncryptionAvailable: () => true,
      encryptString: (plain) => {
        const iv = randomBytes(12);
        const cipher = createCipheriv('aes-256-gcm', key, iv);
        const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
        return Buffer.concat([iv, cipher.getAuthTag(), body]);
      },
      decryptString: (sealed) => {
        const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, 12));
        decipher.setAuthTag(sealed.subarray(12, 28));
        return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]).toString('utf8');
      },
    };
    const box = keyStoreBox(keys, () => {});
    const { core, dataDir } = await openCore(undefined, box);
    await call(core, 'session.login', { login: 'operator', password: PASSWORD });
    await core.syncNow();
    const stored = await core.store.db.selectFrom('known_user').select('token').executeTakeFirstOrThrow();
    const installationKey = core.store.installationKey;
    const token = box.open(stored.token as string);
    core.store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    await core.close();
    const file = readFileSync(join(dataDir, 'usterka.sqlite')).toString('latin1');
    expect(token.length).toBeGreaterThan(20);
    expect(file).not.toContain(token);
    expect(file).not.toContain(installationKey);

    // The same system account opens it again: still signed in, and the hub still knows the workstation.
    const again = await openCore(dataDir, box);
    expect(await call<{ login: string } | null>(again.core, 'session.current', {})).toMatchObject({ login: 'operator' });
    await again.core.syncNow();
    expect((await call<{ state: string }>(again.core, 'connection.get', {})).state).toBe('online');
    await again.core.close();
  });

  it("P§29 P§8.1 a long outage's photos go up with their calls, at most MAX_PUSH_FILES a push; a photo no call uses stays on the workstation", async () => {
    const { core } = await openCore();
    await call(core, 'session.login', { login: 'operator2', password: PASSWORD });
    await core.syncNow();
    await call(core, 'connection.declareOutage', {});
    const calls = MAX_PUSH_FILES + 50;
    const refs: string[] = [];
    for (let i = 0; i < calls; i++) {
      const ref = await call<{ id: string; name: string }>(core, 'files.store', {
        name: `dziura-${i}.jpg`,
        contentBase64: Buffer.from(`zdjęcie ${i}`).toString('base64'),
      });
      refs.push(ref.id);
      await call(core, 'tickets.execute', { command: potholeCall({ attachments: [ref] }) });
    }
    const unused = await call<{ id: string }>(core, 'files.store', {
      name: 'nieużyte.jpg',
      contentBase64: Buffer.from('x').toString('base64'),
    });
    const outbox = (await pendingEntries(core.store.db, 10_000)).map(toMutation);
    const chunks = chunkMutations(outbox);
    expect(chunks.map((c) => c.length)).toEqual([MAX_PUSH_FILES, 50]);
    await call(core, 'connection.endOutage', {});
    await core.syncNow();
    const claimed = await hub.database.db
      .selectFrom('attachment')
      .select(['id', 'ticket'])
      .where('id', 'in', [...refs, unused.id])
      .execute();
    expect(claimed).toHaveLength(calls);
    expect(claimed.every((f) => f.ticket)).toBe(true);
    expect(await call<unknown[]>(core, 'outbox.toResolve', {})).toEqual([]);
    await core.close();
  });

  it('P§8.1 a photo attached offline reaches the hub with the call, byte for byte', async () => {
    const { core } = await openCore();
    await call(core, 'session.login', { login: 'operator', password: PASSWORD });
    await core.syncNow();
    await call(core, 'connection.declareOutage', {});
    const photo = Buffer.from('\x89PNG zdjęcie dziury');
    const ref = await call<{ id: string; name: string }>(core, 'files.store', {
      name: 'dziura.png',
      mediaType: 'image/png',
      contentBase64: photo.toString('base64'),
    });
    const saved = await call<{ createdNumbers: string[] }>(core, 'tickets.execute', { command: potholeCall({ attachments: [ref] }) });
    await call(core, 'connection.endOutage', {});
    await core.syncNow();
    const stored = await hub.database.db.selectFrom('attachment').selectAll().where('id', '=', ref.id).executeTakeFirstOrThrow();
    expect(Buffer.from(stored.content).equals(photo)).toBe(true);
    expect(stored.name).toBe('dziura.png');
    expect((await hubTicket(saved.createdNumbers[0]!))?.attachments).toEqual([{ id: ref.id, name: 'dziura.png', mediaType: 'image/png' }]);
    const tooBig = await core.dispatch('files.store', { name: 'film.mp4', contentBase64: 'A'.repeat(15_000_000) });
    expect(tooBig).toMatchObject({ ok: false, error: { code: 'invalidInput', message: expect.stringContaining('10 MB') } });

    // Opened again: from this workstation, then (once gone from it, as on any other) from the hub.
    const number = saved.createdNumbers[0]!;
    const read = () => core.dispatch('files.read', { ticket: number, id: ref.id });
    expect(await read()).toMatchObject({
      ok: true,
      result: { name: 'dziura.png', mediaType: 'image/png', contentBase64: photo.toString('base64') },
    });
    await core.store.db.deleteFrom('attachment').execute();
    expect(await read()).toMatchObject({ ok: true, result: { name: 'dziura.png', contentBase64: photo.toString('base64') } });
    expect(await core.dispatch('files.read', { ticket: number, id: 'nie-ma-takiego' })).toMatchObject({
      ok: false,
      error: { code: 'invalidInput' },
    });
    await hub.close();
    expect(await read()).toMatchObject({
      ok: false,
      error: { code: 'unavailable', message: expect.stringContaining('centrala jest teraz nieosiągalna') },
    });
    await restartHub();
    await core.close();
  });

  it("P§26 I§4 when a user who may see less signs in on the same workstation, the previous user's tickets are gone", async () => {
    const { core } = await openCore();
    await call(core, 'session.login', { login: 'operator', password: PASSWORD });
    await core.syncNow();
    await call(core, 'tickets.execute', { command: potholeCall({ reporter: { wantsAnswer: true, consent: true, phone: '511 222 333' } }) });
    await core.syncNow();
    expect(await call<unknown[]>(core, 'tickets.search', { text: '511 222 333' })).toHaveLength(1);
    await call(core, 'session.logout', {});
    await call(core, 'session.login', { login: 'real-wgk', password: PASSWORD });
    await core.syncNow();
    expect(await call<unknown[]>(core, 'tickets.search', { text: '511 222 333' })).toEqual([]);
    const rows = await core.store.db.selectFrom('ticket').select('data').execute();
    expect(JSON.stringify(rows)).not.toContain('511 222 333');
    await core.close();
  });

  it('an expired session pauses sync and asks to log in; the outbox is kept', async () => {
    const { core, events } = await openCore();
    await call(core, 'session.login', { login: 'operator', password: PASSWORD });
    await core.syncNow();
    await hub.database.db.updateTable('session').set({ revoked_at: new Date() }).execute();
    await call(core, 'tickets.execute', { command: potholeCall() });
    await core.syncNow();
    expect(events.some((e) => e.name === 'session.expired')).toBe(true);
    expect((await call<{ pendingActions: number }>(core, 'connection.get', {})).pendingActions).toBe(1);
    await call(core, 'session.login', { login: 'operator', password: PASSWORD });
    await core.syncNow();
    expect((await call<{ pendingActions: number }>(core, 'connection.get', {})).pendingActions).toBe(0);
    await core.close();
  });
});
