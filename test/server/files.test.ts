// Attachments at the hub on a real PostgreSQL: whoever may see a ticket reads the files it lists for
// them; a file with personal data only those who may see that data.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningHub } from '../../src-server/hub';
import { startTestHub } from '../support/db';
import { PASSWORD, seedCity } from '../support/city';
import { potholeCall, TestWorkstation } from '../support/sync-client';

let hub: RunningHub;
beforeAll(async () => {
  hub = await startTestHub();
  await seedCity(hub.database.db);
});
afterAll(() => hub?.close());

const station = (login: string) => new TestWorkstation(hub.url).login(login, PASSWORD);

async function readFile(ws: TestWorkstation, number: string, id: string): Promise<{ status: number; body: { name?: string; contentBase64?: string; message?: string } }> {
  const res = await fetch(`${hub.url}/tickets/${encodeURIComponent(number)}/files/${id}`, { headers: { authorization: `Bearer ${ws.token}` } });
  return { status: res.status, body: await res.json() };
}

describe('attachments at the hub', () => {
  it('P§8.1 I§4 a ticket\'s files are read by those who may see it; the resident\'s letter only by those who may see personal data', async () => {
    const op = await station('operator');
    await op.lease(1);
    const upload = async (name: string, text: string) => {
      const id = randomUUID();
      await op.request('/files', { clientId: op.clientId, id, name, contentBase64: Buffer.from(text).toString('base64') });
      return id;
    };
    const photo = await upload('dziura.jpg', 'zdjęcie dziury');
    const letter = await upload('pismo.pdf', 'pismo Jana Mieszkańca');
    const [number] = op.takeNumbers(1);
    const pushed = await op.push([
      op.mutation(potholeCall({ attachments: [{ id: photo, name: 'dziura.jpg' }, { id: letter, name: 'pismo.pdf', personal: true }] }), { newTicketNumbers: [number!] }),
      op.mutation({ type: 'forwardToCoordinators', groupId: 'zdit-k', rpwId: 'RPW/5/2026' }, { ticket: number }),
    ]);
    expect(pushed.results.map((r) => r.status)).toEqual(['applied', 'applied']);

    const fromOperator = await readFile(op, number!, letter);
    expect(fromOperator.status).toBe(200);
    expect(Buffer.from(fromOperator.body.contentBase64!, 'base64').toString()).toBe('pismo Jana Mieszkańca');

    const supervisor = await station('nadzor-zdit');
    expect((await readFile(supervisor, number!, photo)).body).toMatchObject({ name: 'dziura.jpg', contentBase64: Buffer.from('zdjęcie dziury').toString('base64') });
    expect((await readFile(supervisor, number!, letter)).status).toBe(404);

    // Another department's realizer does not see the ticket at all.
    expect((await readFile(await station('real-wgk'), number!, photo)).status).toBe(404);
    // A file id is no key of its own: it must be listed by the ticket named.
    const [other] = (await op.lease(1), op.takeNumbers(1));
    await op.push([op.mutation(potholeCall(), { newTicketNumbers: [other!] })]);
    expect((await readFile(op, other!, photo)).status).toBe(404);

    // Consent withdrawn: the letter is gone from the hub, the photo stays.
    await op.push([op.mutation({ type: 'withdrawConsent' }, { ticket: number })]);
    expect((await readFile(op, number!, letter)).status).toBe(404);
    expect((await readFile(op, number!, photo)).status).toBe(200);
  });
});
