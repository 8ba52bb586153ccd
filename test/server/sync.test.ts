import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningHub } from '../../src-server/hub';
import { startTestHub } from '../support/db';
import { PASSWORD, seedCity, type CityUser } from '../support/city';
import { potholeCall, TestWorkstation, type PulledChange } from '../support/sync-client';
import type { Ticket } from '../../src-shared/ticket';
import { ticketRowOf } from '../../src-shared/api/sync';
import { sql } from 'kysely';
import { receiveWebForm } from '../support/intake';

let hub: RunningHub;
let users: Record<string, CityUser>;

beforeAll(async () => {
  hub = await startTestHub();
  users = await seedCity(hub.database.db);
});
afterAll(() => hub?.close());

const station = (login: string) => new TestWorkstation(hub.url).login(login, PASSWORD);
const ticketsIn = (changes: PulledChange[]) => changes.flatMap((c) => (c.kind === 'ticket' ? [c.ticket] : []));

describe('sync push', () => {
  it('applies the same push twice only once', async () => {
    const op = await station('operator');
    await op.lease(5);
    const [number] = op.takeNumbers(1);
    const batch = [op.mutation(potholeCall(), { newTicketNumbers: [number!] })];
    const first = await op.push(batch);
    const second = await op.push(batch);
    expect(first.results).toEqual([{ mutationId: 1, status: 'applied' }]);
    expect(second.results).toEqual([{ mutationId: 1, status: 'duplicate' }]);
    expect(second.lastMutationId).toBe(1);
    const events = await hub.database.db.selectFrom('ticket_event').selectAll().where('ticket', '=', number!).execute();
    expect(events).toHaveLength(1);
  });

  it('refuses a gap in mutation ids and applies nothing of that push', async () => {
    const op = await station('operator');
    await op.lease(5);
    const ok = op.mutation(potholeCall(), { newTicketNumbers: op.takeNumbers(1) });
    op.nextMutationId++; // skip id 2
    const afterGap = op.mutation(potholeCall(), { newTicketNumbers: op.takeNumbers(1) });
    const res = await op.request<{ error: string }>(
      '/sync/push',
      { clientId: op.clientId, sentAt: new Date().toISOString(), mutations: [ok, afterGap] },
      409,
    );
    expect(res.error).toBe('mutationGap');
    const client = await hub.database.db
      .selectFrom('sync_client')
      .select('last_mutation_id')
      .where('client_id', '=', op.clientId)
      .executeTakeFirst();
    expect(Number(client?.last_mutation_id ?? 0)).toBe(0);
  });

  it('P§5.2 a refused mutation is consumed, recorded with its reason and returned', async () => {
    const op = await station('operator');
    await op.lease(5);
    const snow = op.mutation(potholeCall({ categoryId: 'snow', subject: 'Ślisko na chodniku' }), { newTicketNumbers: op.takeNumbers(1) });
    const next = op.mutation(potholeCall(), { newTicketNumbers: op.takeNumbers(1) });
    const res = await op.push([snow, next]);
    expect(res.results[0]).toMatchObject({ mutationId: 1, status: 'refused', refusal: { code: 'snowIce' } });
    expect(res.results[1]).toEqual({ mutationId: 2, status: 'applied' });
    expect(res.lastMutationId).toBe(2);
    const recorded = await hub.database.db
      .selectFrom('refused_mutation')
      .select(['mutation_id', 'refusal'])
      .where('client_id', '=', op.clientId)
      .execute();
    expect(recorded).toEqual([{ mutation_id: '1', refusal: expect.objectContaining({ code: 'snowIce' }) }]);
    // The answer got lost and the workstation pushes again: the refusal is reported again, not as a duplicate.
    const retry = await op.push([snow, next]);
    expect(retry.results).toEqual([
      { mutationId: 1, status: 'refused', refusal: expect.objectContaining({ code: 'snowIce' }) },
      { mutationId: 2, status: 'duplicate' },
    ]);
  });

  it('refuses numbers that were not leased to the workstation', async () => {
    const op = await station('operator');
    const res = await op.push([op.mutation(potholeCall(), { newTicketNumbers: ['2026/999999'] })]);
    expect(res.results[0]).toMatchObject({ status: 'refused', refusal: { field: 'newTicketNumbers' } });
  });

  it("re-runs the rules with the actor's real roles, not what the workstation claims", async () => {
    const realizer = await station('real-zdit');
    const res = await realizer.push([realizer.mutation(potholeCall())]);
    expect(res.results[0]).toMatchObject({ status: 'refused', refusal: { code: 'forbidden' } });
  });

  it('refuses mutations of a user who never worked on this workstation', async () => {
    const op = await station('operator');
    await op.lease(1);
    const res = await op.push([op.mutation(potholeCall(), { newTicketNumbers: op.takeNumbers(1), actorId: users['operator2']!.id })]);
    expect(res.results[0]).toMatchObject({ status: 'refused', refusal: { code: 'forbidden' } });
  });

  it('only a session opened on a workstation may push into its stream; its id alone is not enough', async () => {
    const op = await station('operator');
    const other = await station('operator2');
    const res = await other.request<{ error: string }>(
      '/sync/push',
      { clientId: op.clientId, sentAt: new Date().toISOString(), mutations: [other.mutation(potholeCall())] },
      403,
    );
    expect(res.error).toBe('wrongInstallation');
    // Claiming the workstation's id at login without its key is refused.
    const impostor = new TestWorkstation(hub.url, { id: op.clientId, key: 'x'.repeat(43) });
    const login = await impostor.request<{ error: string }>(
      '/auth/login',
      { login: 'operator2', password: PASSWORD, installationId: op.clientId, installationKey: 'x'.repeat(43) },
      401,
    );
    expect(login.error).toBe('installationMismatch');
  });

  it("measures the workstation's clock skew from each push", async () => {
    const op = await station('operator');
    await op.lease(1);
    const res = await op.request<{ clockSkewSeconds: number }>('/sync/push', {
      clientId: op.clientId,
      sentAt: new Date(Date.now() + 120_000).toISOString(),
      mutations: [op.mutation(potholeCall(), { newTicketNumbers: op.takeNumbers(1) })],
    });
    expect(res.clockSkewSeconds).toBeGreaterThan(110);
    expect(res.clockSkewSeconds).toBeLessThan(130);
  });
});

describe('sync pull', () => {
  it("a realizer's pull holds only their group's tickets, without personal data; the operator's holds everything", async () => {
    const op = await station('operator');
    const coordinator = await station('koord-zdit');
    await op.lease(2);
    const [road, waste] = op.takeNumbers(2);
    await op.push([
      op.mutation(potholeCall(), { newTicketNumbers: [road!] }),
      op.mutation({ type: 'forwardToCoordinators', groupId: 'zdit-k', rpwId: 'RPW/1234/2026' }, { ticket: road }),
      op.mutation(potholeCall({ categoryId: 'waste', subject: 'Przepełniony kosz', templateAnswers: {} }), { newTicketNumbers: [waste!] }),
      op.mutation({ type: 'forwardToCoordinators', groupId: 'wgk-k' }, { ticket: waste }),
    ]);
    const pushed = await coordinator.push([
      coordinator.mutation({ type: 'takeUp' }, { ticket: road }),
      coordinator.mutation({ type: 'assignRealizerGroup', groupId: 'zdit-r' }, { ticket: road }),
    ]);
    expect(pushed.results.map((r) => r.status)).toEqual(['applied', 'applied']);

    const realizer = await station('real-zdit');
    const seen = ticketsIn((await realizer.pullAll()).changes);
    expect(seen.map((t) => t.number)).toContain(road);
    expect(seen.map((t) => t.number)).not.toContain(waste);
    expect(seen.every((t) => t.routedGroupIds.includes('zdit-r'))).toBe(true);

    const supervisor = await station('nadzor-zdit');
    const supervisedChanges = (await supervisor.pullAll()).changes;
    const supervised = ticketsIn(supervisedChanges);
    expect(supervised.map((t) => t.number)).toContain(road);
    // Neither the stored text nor the row beside it carries the caller's contact.
    expect(JSON.stringify(supervisedChanges)).not.toContain('600 700 800');
    expect(JSON.stringify(supervisedChanges)).not.toContain('Jan Mieszkaniec');

    const operatorView = ticketsIn((await op.pullAll()).changes);
    expect(operatorView.find((t) => t.number === road)?.reporter.phone).toBe('600 700 800');
    expect(operatorView.map((t) => t.number)).toEqual(expect.arrayContaining([road, waste]));
  });

  it("P§28 sends a tombstone when a ticket leaves the user's view (deleted by the super-supervisor)", async () => {
    const op = await station('operator');
    await op.lease(1);
    const [number] = op.takeNumbers(1);
    await op.push([
      op.mutation(potholeCall(), { newTicketNumbers: [number!] }),
      op.mutation({ type: 'forwardToCoordinators', groupId: 'zdit-k', rpwId: 'RPW/1234/2026' }, { ticket: number }),
    ]);
    const coordinator = await station('koord-zdit');
    const first = await coordinator.pullAll();
    expect(ticketsIn(first.changes).map((t) => t.number)).toContain(number);

    const boss = await station('supernadzor');
    expect(
      (await boss.push([boss.mutation({ type: 'delete', reason: 'Zgłoszenie testowe' }, { ticket: number })])).results[0]!.status,
    ).toBe('applied');
    const next = await coordinator.pullAll(first.cursor);
    expect(next.changes).toContainEqual({ kind: 'tombstone', number });
  });

  it("pages through changes with a cursor and reports the client's last mutation id", async () => {
    const op = await station('operator');
    await op.lease(30);
    const registered = op.takeNumbers(30);
    await op.push(registered.map((n) => op.mutation(potholeCall(), { newTicketNumbers: [n] })));
    const page = await op.pullPage(null, 10);
    // At most a page; fewer when a row in it is not for this user (a deleted ticket on a first sync).
    expect(page.changes.length).toBeLessThanOrEqual(10);
    expect(page.more).toBe(true);
    expect(page.lastMutationId).toBe(30);
    const rest = await op.pullAll(page.cursor);
    const numbers = [
      ...page.changes.map((c) => (c.kind === 'ticket' && 'row' in c ? c.row.number : '')),
      ...ticketsIn(rest.changes).map((t) => t.number),
    ];
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(numbers).toEqual(expect.arrayContaining(registered));
  });
});

describe('protocol versions', () => {
  it("a page of protocol 2 carries each ticket's stored text as it is, with the row a workstation files it by", async () => {
    const op = await station('operator');
    await op.lease(1);
    const [number] = op.takeNumbers(1);
    await op.push([op.mutation(potholeCall(), { newTicketNumbers: [number!] })]);
    const change = (await op.pullAll()).changes.find((c) => c.kind === 'ticket' && c.ticket.number === number) as Extract<
      PulledChange,
      { kind: 'ticket' }
    >;
    const stored = await sql<{ text: string }>`select data::text as text from ticket where number = ${number}`.execute(hub.database.db);
    expect(change.text).toBe(stored.rows[0]!.text);
    expect(change.row).toEqual(ticketRowOf(change.ticket));
    expect(change.row).toMatchObject({
      number,
      status: 'registered',
      categoryId: 'roads',
      phone: '600 700 800',
      address: 'ul. Piotrkowska 104, Łódź',
    });
    // A ticket last written before the hub stored rows gets its row computed.
    await hub.database.db.updateTable('ticket').set({ ticket_row: null }).where('number', '=', number!).execute();
    const legacy = (await op.pullAll()).changes.find((c) => c.kind === 'ticket' && c.ticket.number === number) as Extract<
      PulledChange,
      { kind: 'ticket' }
    >;
    expect(legacy.row).toEqual(change.row);
    expect(legacy.text).toBe(change.text);
  });

  it('a workstation not yet upgraded (protocol 1): its outbox replays, and its pulls come as it reads them, redacted the same', async () => {
    const old = await station('operator');
    old.protocolVersion = 1;
    await old.lease(1);
    const [number] = old.takeNumbers(1);
    const pushed = await old.push([
      old.mutation(potholeCall(), { newTicketNumbers: [number!] }),
      old.mutation({ type: 'forwardToCoordinators', groupId: 'zdit-k', rpwId: 'RPW/77/2026' }, { ticket: number }),
    ]);
    expect(pushed.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    const page = await old.request<{ changes: Record<string, unknown>[] }>('/sync/pull', {
      clientId: old.clientId,
      cursor: null,
      limit: 5000,
    });
    const mine = page.changes.find((c) => (c.ticket as Ticket | undefined)?.number === number);
    expect(mine).toEqual({
      kind: 'ticket',
      ticket: expect.objectContaining({ number, status: 'forwarded', reporter: expect.objectContaining({ phone: '600 700 800' }) }),
    });

    const supervisor = await station('nadzor-zdit');
    supervisor.protocolVersion = 1;
    const supervised = (await supervisor.pullAll()).changes;
    expect(ticketsIn(supervised).map((t) => t.number)).toContain(number);
    expect(supervised.every((c) => !('text' in c))).toBe(true);
    expect(JSON.stringify(supervised)).not.toContain('600 700 800');
  });

  it('refuses a protocol version it does not know, saying to upgrade the hub first', async () => {
    const op = await station('operator');
    await op.lease(1);
    const pull = await op.request<{ error: string; message: string }>(
      '/sync/pull',
      { clientId: op.clientId, cursor: null, protocolVersion: 3 },
      400,
    );
    expect(pull).toEqual({ error: 'unsupportedVersion', message: expect.stringContaining('upgrade the hub') });
    op.protocolVersion = 3;
    const pushed = await op.push([op.mutation(potholeCall(), { newTicketNumbers: op.takeNumbers(1) })]);
    expect(pushed.results[0]).toMatchObject({
      status: 'refused',
      refusal: { field: 'protocolVersion', message: expect.stringContaining('Zaktualizuj') },
    });
  });
});

describe('concurrency', () => {
  it('20 workstations pushing at once on overlapping tickets converge to what a serial run gives', async () => {
    const op = await station('operator');
    await op.lease(5);
    const numbers = op.takeNumbers(5);
    await op.push(numbers.flatMap((n) => [op.mutation(potholeCall(), { newTicketNumbers: [n] })]));
    const stations = await Promise.all(Array.from({ length: 20 }, () => station('operator')));
    // Each station records 10 inquiries spread over the same 5 tickets.
    await Promise.all(
      stations.map((s, i) =>
        s.push(
          Array.from({ length: 10 }, (_, k) =>
            s.mutation({ type: 'recordInquiry', actionsDone: `stanowisko ${i}, rozmowa ${k}`, callerExpects: 'informacji' } as never, {
              ticket: numbers[(i + k) % 5],
            }),
          ),
        ),
      ),
    );
    const rows = await hub.database.db.selectFrom('ticket').select(['number', 'data']).where('number', 'in', numbers).execute();
    const total = rows.reduce((sum, r) => sum + (r.data as Ticket).inquiries.length, 0);
    expect(total).toBe(200);
    for (const r of rows) {
      const t = r.data as Ticket;
      const events = await hub.database.db.selectFrom('ticket_event').select('seq').where('ticket', '=', r.number).orderBy('seq').execute();
      // Gap-free history whose length is the ticket's version: nothing lost, nothing doubled.
      expect(events.map((e) => e.seq)).toEqual(Array.from({ length: t.version }, (_, i) => i + 1));
      expect(t.inquiries).toHaveLength(40);
    }
  });

  it('the change feed follows commit order: a pull never passes a ticket whose write has not committed', async () => {
    const reader = await station('operator');
    const { cursor } = await reader.pullAll();
    const writer = await station('operator');
    await writer.lease(1);
    // A web form is being saved in a transaction that has drawn its change-feed position but not committed.
    const slow = await hub.database.db.startTransaction().execute();
    const slowNumber = await receiveWebForm(slow, {
      description: 'Zapadnięta studzienka na skrzyżowaniu.',
      location: { address: 'ul. Zielona 3, Łódź' },
      reporter: { wantsAnswer: true, consent: true, email: 'mieszkaniec@example.pl' },
      receivedAt: new Date().toISOString(),
    });
    // Meanwhile a workstation registers a call; it may not become visible ahead of the earlier position.
    const [fastNumber] = writer.takeNumbers(1);
    const fastPush = writer.push([writer.mutation(potholeCall(), { newTicketNumbers: [fastNumber!] })]);
    await new Promise((r) => setTimeout(r, 300));
    const during = await reader.pullAll(cursor);
    await slow.commit().execute();
    await fastPush;
    const after = await reader.pullAll(during.cursor);
    const pulled = [...ticketsIn(during.changes), ...ticketsIn(after.changes)].map((t) => t.number);
    expect(pulled).toEqual(expect.arrayContaining([slowNumber, fastNumber]));
  });
});
