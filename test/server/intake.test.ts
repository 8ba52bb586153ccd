import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningHub } from '../../src-server/hub';
import type { Ticket } from '../../src-shared/ticket';
import { startTestHub } from '../support/db';
import { PASSWORD, seedCity } from '../support/city';
import { TestWorkstation } from '../support/sync-client';
import { portalKey, postWebForm } from '../support/portal';

let hub: RunningHub;
let key: string;
beforeAll(async () => {
  hub = await startTestHub();
  await seedCity(hub.database.db);
  key = await portalKey(hub.database.db);
});
afterAll(() => hub?.close());

const form = (body: object) => postWebForm(hub.url, key, body);
const resident = {
  description: 'Przewrócone drzewo blokuje chodnik.',
  location: { address: 'ul. Zgierska 20, Łódź' },
  reporter: { wantsAnswer: true, consent: true, email: 'mieszkaniec@example.com' },
};

describe('web-form intake', () => {
  it('P§4.2 P§5.1 saves a form at once as a ticket awaiting pickup, numbered from the same sequence as the leases', async () => {
    const op = await new TestWorkstation(hub.url).login('operator', PASSWORD);
    const lease = await op.request<{ year: number; last: number }>('/sync/lease', { clientId: op.clientId, count: 10 });
    const res = await form(resident);
    expect(res.status).toBe(201);
    const { number } = await res.json();
    expect(number).toBe(`${lease.year}/${String(lease.last + 1).padStart(6, '0')}`);
    const row = await hub.database.db.selectFrom('ticket').select('data').where('number', '=', number).executeTakeFirstOrThrow();
    expect(row.data as Ticket).toMatchObject({ status: 'awaitingPickup', channel: 'web' });
    const pulled = await op.pullAll();
    expect(pulled.changes.some((c) => c.kind === 'ticket' && c.ticket.number === number)).toBe(true);
  });

  it("P§5.2 refuses snow and ice with the rules' message", async () => {
    const res = await form({ ...resident, categoryId: 'snow' });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toBe('snowIce');
  });

  it('answers a form without a description with a 400 naming the field', async () => {
    const res = await form({ reporter: resident.reporter });
    expect(res.status).toBe(400);
    expect((await res.json()).field).toBe('description');
  });

  it("P§9.4 the form as it arrived is the ticket's source message: the operator reads it and picks up with no file of their own", async () => {
    const res = await form({ ...resident, subject: 'Drzewo na chodniku' });
    const { number } = await res.json();
    const row = await hub.database.db.selectFrom('ticket').select('data').where('number', '=', number).executeTakeFirstOrThrow();
    const [source] = (row.data as Ticket).attachments;
    expect(source).toMatchObject({ name: 'formularz-www.txt', source: true, personal: true });

    const op = await new TestWorkstation(hub.url).login('operator', PASSWORD);
    const file = await fetch(`${hub.url}/tickets/${encodeURIComponent(number)}/files/${source!.id}`, {
      headers: { authorization: `Bearer ${op.token}` },
    });
    const body = await file.json();
    const text = Buffer.from(body.contentBase64, 'base64').toString('utf8');
    expect(text).toContain('Przewrócone drzewo blokuje chodnik.');
    expect(text).toContain('E-mail: mieszkaniec@example.com');

    // A supervisor, who may not see the reporter's data, is not listed the file and cannot read it.
    const supervisor = await new TestWorkstation(hub.url).login('nadzor-zdit', PASSWORD);
    const hidden = await fetch(`${hub.url}/tickets/${encodeURIComponent(number)}/files/${source!.id}`, {
      headers: { authorization: `Bearer ${supervisor.token}` },
    });
    expect(hidden.status).toBe(404);

    const pushed = await op.push([
      op.mutation(
        { type: 'pickUpWebForm', categoryId: 'waste', subject: 'Drzewo na chodniku, Zgierska 20', attachments: [] },
        { ticket: number },
      ),
    ]);
    expect(pushed.results[0]).toMatchObject({ status: 'applied' });
  });
});
