// Attachments at the hub on a real PostgreSQL: whoever may see a ticket reads the files it lists for
// them; a file with personal data only those who may see that data; a file belongs to the ticket it was
// first attached to; uploads are checked, limited and cleaned up.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningHub } from '../../src-server/hub';
import { deleteOrphanFiles, ORPHAN_DAYS, UNCLAIMED_QUOTA } from '../../src-server/file-claims';
import { startTestHub } from '../support/db';
import { PASSWORD, seedCity } from '../support/city';
import { portalKey, postWebForm } from '../support/portal';
import { potholeCall, TestWorkstation } from '../support/sync-client';

let hub: RunningHub;
beforeAll(async () => {
  hub = await startTestHub();
  await seedCity(hub.database.db);
});
afterAll(() => hub?.close());

const station = (login: string) => new TestWorkstation(hub.url).login(login, PASSWORD);

function uploadBody(ws: TestWorkstation, name: string, text: string, id: string = randomUUID()) {
  return { clientId: ws.clientId, id, name, contentBase64: Buffer.from(text).toString('base64') };
}

async function upload(ws: TestWorkstation, name: string, text = `zawartość ${name}`): Promise<string> {
  return (await ws.request<{ id: string }>('/files', uploadBody(ws, name, text))).id;
}

async function uploadStatus(ws: TestWorkstation, body: object): Promise<{ status: number; body: { error?: string; message?: string } }> {
  const res = await fetch(`${hub.url}/files`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${ws.token}` },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

const fileExists = async (id: string) =>
  !!(await hub.database.db.selectFrom('attachment').select('id').where('id', '=', id).executeTakeFirst());

async function readFile(
  ws: TestWorkstation,
  number: string,
  id: string,
): Promise<{ status: number; body: { name?: string; contentBase64?: string; message?: string } }> {
  const res = await fetch(`${hub.url}/tickets/${encodeURIComponent(number)}/files/${id}`, {
    headers: { authorization: `Bearer ${ws.token}` },
  });
  return { status: res.status, body: await res.json() };
}

describe('attachments at the hub', () => {
  it("P§8.1 I§4 a ticket's files are read by those who may see it; the resident's letter only by those who may see personal data", async () => {
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
      op.mutation(
        potholeCall({
          attachments: [
            { id: photo, name: 'dziura.jpg' },
            { id: letter, name: 'pismo.pdf', personal: true },
          ],
        }),
        { newTicketNumbers: [number!] },
      ),
      op.mutation({ type: 'forwardToCoordinators', groupId: 'zdit-k', rpwId: 'RPW/5/2026' }, { ticket: number }),
    ]);
    expect(pushed.results.map((r) => r.status)).toEqual(['applied', 'applied']);

    const fromOperator = await readFile(op, number!, letter);
    expect(fromOperator.status).toBe(200);
    expect(Buffer.from(fromOperator.body.contentBase64!, 'base64').toString()).toBe('pismo Jana Mieszkańca');

    const supervisor = await station('nadzor-zdit');
    expect((await readFile(supervisor, number!, photo)).body).toMatchObject({
      name: 'dziura.jpg',
      contentBase64: Buffer.from('zdjęcie dziury').toString('base64'),
    });
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

  it('a file belongs to the ticket it was first attached to: no other ticket lists it and erasing the other deletes nothing of it', async () => {
    const op = await station('operator');
    await op.lease(2);
    const letter = await upload(op, 'pismo.pdf', 'pismo pierwszego mieszkańca');
    const [first, second] = op.takeNumbers(2);
    const pushed = await op.push([
      op.mutation(potholeCall({ attachments: [{ id: letter, name: 'pismo.pdf', personal: true }] }), { newTicketNumbers: [first!] }),
      op.mutation(potholeCall(), { newTicketNumbers: [second!] }),
      op.mutation({ type: 'addAttachments', attachments: [{ id: letter, name: 'pismo.pdf', personal: true }] }, { ticket: second }),
      op.mutation({ type: 'withdrawConsent' }, { ticket: second }),
    ]);
    expect(pushed.results.map((r) => r.status)).toEqual(['applied', 'applied', 'refused', 'applied']);
    expect(pushed.results[2]).toMatchObject({
      refusal: { field: 'attachments', message: expect.stringContaining(`należy do zgłoszenia ${first}`) },
    });
    expect((await readFile(op, second!, letter)).status).toBe(404);
    // The second reporter's withdrawal took nothing of the first's.
    expect(await fileExists(letter)).toBe(true);
    expect((await readFile(op, first!, letter)).status).toBe(200);
  });

  it("an upload is only its workstation's until attached: another workstation can neither attach it nor learn about its id", async () => {
    const mine = await station('operator');
    const other = await station('operator');
    await other.lease(1);
    const photo = await upload(mine, 'dziura.jpg');
    const [number] = other.takeNumbers(1);
    const pushed = await other.push([
      other.mutation(potholeCall({ attachments: [{ id: photo, name: 'dziura.jpg' }] }), { newTicketNumbers: [number!] }),
    ]);
    expect(pushed.results[0]).toMatchObject({
      status: 'refused',
      refusal: { field: 'attachments', message: expect.stringContaining('nie został przesłany do centrali z tego stanowiska') },
    });
    // Re-uploading under the same id is refused; the file's owner can retry its own upload.
    expect((await uploadStatus(other, uploadBody(other, 'inny.jpg', 'podmiana', photo))).status).toBe(409);
    expect((await uploadStatus(mine, uploadBody(mine, 'dziura.jpg', 'zawartość dziura.jpg', photo))).status).toBe(200);
    // An upload in another workstation's name is refused outright.
    expect((await uploadStatus(mine, { ...uploadBody(mine, 'x.jpg', 'x'), clientId: other.clientId })).status).toBe(403);
  });

  it('P§4.2 the web form may not name a file a workstation uploaded: 400 naming the field, and no number used', async () => {
    const op = await station('operator');
    const photo = await upload(op, 'cudze.jpg');
    const key = await portalKey(hub.database.db);
    const numberBefore = await hub.database.db
      .selectFrom('ticket')
      .select(({ fn }) => fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    const res = await postWebForm(hub.url, key, {
      description: 'Przewrócone drzewo.',
      location: { address: 'ul. Zgierska 20, Łódź' },
      reporter: { wantsAnswer: false, consent: false },
      attachments: [{ id: photo, name: 'cudze.jpg' }],
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ field: 'attachments' });
    const numberAfter = await hub.database.db
      .selectFrom('ticket')
      .select(({ fn }) => fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(numberAfter.n).toBe(numberBefore.n);
  });

  it("P§9.4 P§27.1 the message a ticket came in is personal data: a supervisor neither sees nor reads it, and it is erased with the reporter's data", async () => {
    const op = await station('operator');
    await op.lease(1);
    const message = await upload(op, 'wiadomość.eml', 'From: Jan Mieszkaniec <jan@example.com>');
    const [number] = op.takeNumbers(1);
    // Marked only as the source message, as the intake screen marks it.
    const pushed = await op.push([
      op.mutation(potholeCall({ channel: 'email', attachments: [{ id: message, name: 'wiadomość.eml', source: true }] }), {
        newTicketNumbers: [number!],
      }),
      op.mutation({ type: 'forwardToCoordinators', groupId: 'zdit-k', rpwId: 'RPW/6/2026' }, { ticket: number }),
    ]);
    expect(pushed.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    const supervisor = await station('nadzor-zdit');
    const seen = (await supervisor.pullAll()).changes.find((c) => c.kind === 'ticket' && c.ticket.number === number);
    expect(seen?.kind === 'ticket' && seen.ticket.attachments).toEqual([]);
    expect((await readFile(supervisor, number!, message)).status).toBe(404);
    expect((await readFile(op, number!, message)).status).toBe(200);

    await op.push([op.mutation({ type: 'withdrawConsent' }, { ticket: number })]);
    expect(await fileExists(message)).toBe(false);
  });

  it('uploads: invalid base64 and text the database cannot store are refused with 400; a user holds a bounded number of unused uploads, deleted after a while', async () => {
    const op = await station('operator2'); // a user with no uploads yet
    const bad = await uploadStatus(op, { ...uploadBody(op, 'a.jpg', ''), contentBase64: 'to nie jest base64!' });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('contentBase64');
    expect((await uploadStatus(op, uploadBody(op, 'zły\u0000.jpg', 'x'))).status).toBe(400);

    // Up to the quota of files no ticket uses; then 429 saying what to do.
    const ids: string[] = [];
    for (let i = 0; i < UNCLAIMED_QUOTA.files; i++) ids.push(await upload(op, `z${i}.jpg`, 'x'));
    const over = await uploadStatus(op, uploadBody(op, 'jeszcze.jpg', 'x'));
    expect(over.status).toBe(429);
    expect(over.body).toMatchObject({ error: 'quotaExceeded', message: expect.stringContaining('no ticket uses') });
    // The quota is the user's, whichever workstation uploads.
    const sameUserElsewhere = await station('operator2');
    expect((await uploadStatus(sameUserElsewhere, uploadBody(sameUserElsewhere, 'jeszcze.jpg', 'x'))).status).toBe(429);
    // Attaching one frees a place.
    await op.lease(1);
    const [number] = op.takeNumbers(1);
    await op.push([op.mutation(potholeCall({ attachments: [{ id: ids[0]!, name: 'z0.jpg' }] }), { newTicketNumbers: [number!] })]);
    expect((await uploadStatus(op, uploadBody(op, 'jeszcze.jpg', 'x'))).status).toBe(200);

    // The clean-up keeps what tickets use and young uploads, and deletes the unused old ones.
    const justBefore = new Date(Date.now() + ORPHAN_DAYS * 86_400_000 - 60_000);
    expect(await deleteOrphanFiles(hub.database.db, justBefore)).toBe(0);
    expect(await deleteOrphanFiles(hub.database.db, new Date(Date.now() + (ORPHAN_DAYS + 1) * 86_400_000))).toBeGreaterThanOrEqual(
      UNCLAIMED_QUOTA.files,
    );
    expect(await fileExists(ids[0]!)).toBe(true);
    expect(await fileExists(ids[1]!)).toBe(false);
  });
});
