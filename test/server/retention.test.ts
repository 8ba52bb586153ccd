// P§27.1 on a real PostgreSQL: the hub erases personal data when its retention period is over.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningHub } from '../../src-server/hub';
import { expireOverduePersonalData, scheduleRetention } from '../../src-server/retention';
import type { Ticket } from '../../src-shared/ticket';
import { startTestHub } from '../support/db';
import { PASSWORD, seedCity } from '../support/city';
import { inServiceSince, potholeCall, TestWorkstation } from '../support/sync-client';

let hub: RunningHub;
beforeAll(async () => {
  hub = await startTestHub();
  await seedCity(hub.database.db);
});
afterAll(() => hub?.close());

const ticket = async (number: string) =>
  (await hub.database.db.selectFrom('ticket').select('data').where('number', '=', number).executeTakeFirstOrThrow()).data as Ticket;
const eventTexts = async (number: string) =>
  JSON.stringify(
    (await hub.database.db.selectFrom('ticket_event').select('data').where('ticket', '=', number).execute()).map((e) => e.data),
  );

/** A phone call registered at `at` (a replay after an outage carries its real time). */
async function callRegisteredAt(op: TestWorkstation, at: string): Promise<string> {
  const [number] = op.takeNumbers(1);
  await inServiceSince(hub.database.db, op.clientId, at);
  const res = await op.push([op.mutation(potholeCall({ receivedAt: at }), { newTicketNumbers: [number!], at })]);
  expect(res.results[0]!.status).toBe('applied');
  return number!;
}

describe('personal-data retention on the hub', () => {
  it("P§27.1 erases the reporter's data once 6 months have passed, not counting the month of registration, and only then", async () => {
    const op = await new TestWorkstation(hub.url).login('operator', PASSWORD);
    await op.lease(5);
    const april = await callRegisteredAt(op, '2026-04-30T20:00:00.000Z'); // 30 April, 22:00 in Warsaw
    const may = await callRegisteredAt(op, '2026-04-30T22:30:00.000Z'); // 1 May, 00:30 in Warsaw

    expect(await expireOverduePersonalData(hub.database.db, new Date('2026-10-31T22:59:59.000Z'))).toBe(0);
    expect((await ticket(april)).reporter.phone).toBe('600 700 800');

    // 1 November, 00:00 in Warsaw: May to October have passed for the April call.
    expect(await expireOverduePersonalData(hub.database.db, new Date('2026-10-31T23:00:00.000Z'))).toBe(1);
    const erased = await ticket(april);
    expect(erased.personalDataErased).toMatchObject({ basis: 'retentionExpired' });
    expect(erased.reporter).not.toHaveProperty('phone');
    expect(erased.reporter).not.toHaveProperty('name');
    // Nor does its history keep the contact; what was reported stays.
    expect(await eventTexts(april)).not.toContain('600 700 800');
    expect(await eventTexts(april)).not.toContain('Jan Mieszkaniec');
    expect(erased.description).toBe('Głęboka dziura przy przejściu dla pieszych.');
    expect((await ticket(may)).reporter.phone).toBe('600 700 800');

    // Running again changes nothing; a month later the May call follows.
    expect(await expireOverduePersonalData(hub.database.db, new Date('2026-10-31T23:00:00.000Z'))).toBe(0);
    expect(await expireOverduePersonalData(hub.database.db, new Date('2026-11-30T23:00:00.000Z'))).toBe(1);
    expect((await ticket(may)).personalDataErased).toMatchObject({ basis: 'retentionExpired' });

    // Workstations learn of it with their next pull.
    const pulled = (await op.pullAll()).changes.find((c) => c.kind === 'ticket' && c.ticket.number === april);
    expect(pulled && pulled.kind === 'ticket' && pulled.ticket.reporter.phone).toBeFalsy();
  });

  it('P§27.1 files that carry personal data are deleted with it; the other photos stay', async () => {
    const op = await new TestWorkstation(hub.url).login('operator', PASSWORD);
    await op.lease(1);
    const upload = async (name: string) => {
      const id = randomUUID();
      await op.request('/files', { clientId: op.clientId, id, name, contentBase64: Buffer.from(`zawartość ${name}`).toString('base64') });
      return id;
    };
    const letter = await upload('pismo-mieszkanca.pdf');
    const photo = await upload('dziura.jpg');
    const [number] = op.takeNumbers(1);
    const at = '2026-02-03T10:00:00.000Z';
    const attachments = [
      { id: letter, name: 'pismo-mieszkanca.pdf', personal: true },
      { id: photo, name: 'dziura.jpg' },
    ];
    await inServiceSince(hub.database.db, op.clientId, at);
    expect(
      (await op.push([op.mutation(potholeCall({ receivedAt: at, attachments }), { newTicketNumbers: [number!], at })])).results[0]!.status,
    ).toBe('applied');
    expect(await expireOverduePersonalData(hub.database.db, new Date('2026-09-01T00:00:00.000Z'))).toBeGreaterThanOrEqual(1);
    const files = await hub.database.db.selectFrom('attachment').select('id').where('id', 'in', [letter, photo]).execute();
    expect(files.map((f) => f.id)).toEqual([photo]);
    expect((await ticket(number!)).attachments.map((a) => a.id)).toEqual([photo]);
    expect(await eventTexts(number!)).not.toContain(letter);
  });

  it('P§27.1 the hub runs the job by itself and says how many tickets it erased', async () => {
    const op = await new TestWorkstation(hub.url).login('operator', PASSWORD);
    await op.lease(1);
    const old = await callRegisteredAt(op, '2026-01-10T10:00:00.000Z');
    const messages: string[] = [];
    const stop = scheduleRetention(hub.database.db, 60_000, (m) => messages.push(m), {
      firstAfterMs: 0,
      now: () => new Date('2026-08-01T00:00:00.000Z'),
    });
    try {
      await expect.poll(() => messages, { timeout: 5000 }).toEqual(['P§27.1 retention: personal data erased from 1 ticket(s).']);
    } finally {
      stop();
    }
    expect((await ticket(old)).personalDataErased).toMatchObject({ basis: 'retentionExpired' });
  });

  it('a hub started with the hourly job serves and closes cleanly', async () => {
    const withJob = await startTestHub({ retentionEveryMs: 3_600_000 });
    try {
      expect((await fetch(`${withJob.url}/health`)).status).toBe(200);
    } finally {
      await withJob.close();
    }
  });
});
