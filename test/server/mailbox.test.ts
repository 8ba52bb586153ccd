// The department's mailbox (P§3.2, P§10) on a real IMAP server (Dovecot on loopback) and a real PostgreSQL:
// each message becomes exactly one ticket awaiting pickup with the message attached as its source document,
// also when two hub processes read at once or a message comes again; broken, huge or oddly encoded messages
// are saved with what could be read and a note.
import { ImapFlow } from 'imapflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailboxConfigFrom, readMailbox } from '../../src-server/mail/mailbox';
import type { RunningHub } from '../../src-server/hub';
import type { Ticket } from '../../src-shared/ticket';
import { startTestHub } from '../support/db';
import { silentLog } from '../support/silent-log';
import { seedCity } from '../support/city';
import { DOVECOT, NO_DOVECOT, startImapServer, type ImapServer } from '../support/imap-server';

describe.skipIf(!DOVECOT)(`the department's mailbox${DOVECOT ? '' : ` — skipped: ${NO_DOVECOT}`}`, () => {
  let hub: RunningHub;
  let imap: ImapServer;
  let client: ImapFlow;

  beforeAll(async () => {
    hub = await startTestHub();
    await seedCity(hub.database.db);
    imap = await startImapServer();
    client = new ImapFlow({ host: imap.host, port: imap.port, secure: false, auth: { user: imap.user, pass: imap.pass }, logger: false });
    await client.connect();
  });
  afterAll(async () => {
    await client?.logout().catch(() => {});
    await imap?.stop();
    await hub?.close();
  });

  const config = () => mailboxConfigFrom(`${imap.url}?processed=Przetworzone`);
  const read = () => readMailbox(hub.database.db, config(), () => new Date(), silentLog);
  const tickets = async () =>
    (await hub.database.db.selectFrom('ticket').select('data').where('data', 'is not', null).execute())
      .map((r) => r.data as Ticket)
      .filter((t) => t.channel === 'email');
  const count = async (folder: string) => (await client.status(folder, { messages: true })).messages ?? 0;

  const photo = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
  const withPhoto = [
    'From: Jan Kowalski <jan.kowalski@example.com>',
    'To: awaria@uml.lodz.pl',
    'Subject: =?UTF-8?Q?Dziura_na_ul._Piotrkowskiej_=E2=80=94_zdj=C4=99cie?=',
    'Message-ID: <m1@example.com>',
    'Date: Wed, 02 Dec 2026 09:15:00 +0100',
    'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="b1"',
    '',
    '--b1',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    'Przy Piotrkowskiej 104 jest głęboka dziura, w załączniku zdjęcie.',
    '--b1',
    'Content-Type: image/png; name="dziura.png"',
    'Content-Disposition: attachment; filename="dziura.png"',
    'Content-Transfer-Encoding: base64',
    '',
    photo.toString('base64'),
    '--b1--',
    '',
  ].join('\r\n');

  it('P§3.2 P§9.4 a message becomes a ticket awaiting pickup with the message as its source document and its attachments; then it is moved', async () => {
    await client.append('INBOX', withPhoto);
    expect(await read()).toEqual({ saved: 1, moved: 1 });
    const [ticket] = await tickets();
    expect(ticket).toMatchObject({
      status: 'awaitingPickup',
      channel: 'email',
      subject: 'Dziura na ul. Piotrkowskiej — zdjęcie',
      reporter: { email: 'jan.kowalski@example.com', name: 'Jan Kowalski', consent: true, wantsAnswer: true },
    });
    expect(ticket!.description).toContain('głęboka dziura');
    expect(ticket!.attachments.map((a) => [a.name, a.source ?? false]).sort()).toEqual([
      ['dziura.png', false],
      ['wiadomosc.eml', true],
    ]);
    const png = ticket!.attachments.find((a) => a.name === 'dziura.png')!;
    const stored = await hub.database.db.selectFrom('attachment').select('content').where('id', '=', png.id).executeTakeFirstOrThrow();
    expect(Buffer.from(stored.content).equals(photo)).toBe(true);
    expect(await count('INBOX')).toBe(0);
    expect(await count('Przetworzone')).toBe(1);
  });

  it('P§3.2 exactly once per Message-ID: the same message again (a hub stopped before moving it) only moves', async () => {
    await client.append('INBOX', withPhoto);
    expect(await read()).toEqual({ saved: 0, moved: 1 });
    expect(await tickets()).toHaveLength(1);
  });

  it('two hub processes reading the same mailbox at once save each message once', async () => {
    for (let i = 0; i < 6; i++)
      await client.append(
        'INBOX',
        `From: mieszkaniec${i}@example.com\r\nSubject: Zgłoszenie ${i}\r\nMessage-ID: <par${i}@example.com>\r\n\r\nTreść ${i}\r\n`,
      );
    const results = await Promise.allSettled([read(), read()]);
    const saved = results.reduce((n, r) => n + (r.status === 'fulfilled' ? r.value.saved : 0), 0);
    expect(saved).toBe(6);
    expect((await tickets()).filter((t) => t.subject.startsWith('Zgłoszenie '))).toHaveLength(6);
    // Whatever one of them left in the inbox the next reading moves.
    await read();
    expect(await count('INBOX')).toBe(0);
  });

  it('broken, unnamed, wrongly encoded and oversized messages are saved with what could be read and a note, never lost', async () => {
    const latin2 = Buffer.concat([
      Buffer.from('From: <ktos@example.com>\r\nMessage-ID: <enc@example.com>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nZ'),
      Buffer.from([0xb3, 0xf3, 0x00, 0xbf]), // ISO-8859-2 bytes and a NUL in a "UTF-8" body
      Buffer.from(' koniec\r\n'),
    ]);
    await client.append('INBOX', latin2);
    await client.append(
      'INBOX',
      'From: zly@example.com\r\nSubject: Uszkodzona\r\nMessage-ID: <broken@example.com>\r\nContent-Type: multipart/mixed; boundary="x"\r\n\r\n--x\r\nContent-Type: text/plain\r\n\r\nCzęść bez końca',
    );
    const big = Buffer.alloc(11 * 1024 * 1024, 65)
      .toString('base64')
      .replace(/.{76}/g, '$&\r\n');
    await client.append(
      'INBOX',
      `From: duzy@example.com\r\nSubject: Duży plik\r\nMessage-ID: <big@example.com>\r\nContent-Type: multipart/mixed; boundary="y"\r\n\r\n--y\r\nContent-Type: text/plain\r\n\r\nFilm z dziury.\r\n--y\r\nContent-Type: video/mp4; name="film.mp4"\r\nContent-Disposition: attachment; filename="film.mp4"\r\nContent-Transfer-Encoding: base64\r\n\r\n${big}\r\n--y--\r\n`,
    );
    expect((await read()).saved).toBe(3);
    const all = await tickets();
    const noSubject = all.find((t) => t.reporter.email === 'ktos@example.com');
    expect(noSubject?.subject).toBe('(bez tematu)');
    expect(noSubject?.description).not.toContain('\u0000');
    expect(all.find((t) => t.subject === 'Uszkodzona')?.description).toContain('Część bez końca');
    const large = all.find((t) => t.subject === 'Duży plik')!;
    expect(large.description).toContain('„film.mp4” ma ponad 10 MB');
    expect(large.attachments.map((a) => a.name)).toEqual(['wiadomosc.eml']);
    expect(await count('INBOX')).toBe(0);
  });

  it('refuses a mailbox address it cannot use, saying what to write', () => {
    expect(() => mailboxConfigFrom('http://example.com')).toThrow(/imap:\/\/ or imaps:\/\//);
    expect(() => mailboxConfigFrom('imaps://host/INBOX')).toThrow(/no user/);
    expect(mailboxConfigFrom('imaps://awaria%40uml:tajne@poczta.uml.lodz.pl/INBOX?processed=Gotowe')).toMatchObject({
      host: 'poczta.uml.lodz.pl',
      port: 993,
      secure: true,
      user: 'awaria@uml',
      folder: 'INBOX',
      processedFolder: 'Gotowe',
    });
  });
});
