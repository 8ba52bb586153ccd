// E-mails out (P§14.2, P§15.2, P§16.3) through a real SMTP server (the smtp-server package on loopback): a
// recorded sendEmail action is sent once by the hub, to the reporter's own address or the unit's; an answer by
// e-mail counts as the answer (P§17.2.8); a refusing server's reason is kept; a lost connection is retried.
import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningHub } from '../../src-server/hub';
import { sendPendingEmails, smtpTransport } from '../../src-server/mail/outgoing';
import { freePort } from '../../src-server/net';
import type { Ticket } from '../../src-shared/ticket';
import { startTestHub } from '../support/db';
import { silentLog } from '../support/silent-log';
import { PASSWORD, seedCity } from '../support/city';
import { potholeCall, TestWorkstation } from '../support/sync-client';

let hub: RunningHub;
let smtp: SMTPServer;
let port: number;
const received: { to: string[]; subject: string; text: string }[] = [];
let refuse = false;

beforeAll(async () => {
  hub = await startTestHub();
  await seedCity(hub.database.db);
  port = await freePort();
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onRcptTo(address, _session, callback) {
      if (refuse) return callback(Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 }));
      callback();
    },
    onData(stream, session, callback) {
      simpleParser(stream).then((mail) => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), subject: mail.subject ?? '', text: mail.text ?? '' });
        callback();
      }, callback);
    },
  });
  await new Promise<void>((resolve) => smtp.listen(port, '127.0.0.1', resolve));
});
afterAll(async () => {
  await new Promise<void>((r) => (smtp ? smtp.close(() => r()) : r()));
  await hub?.close();
});

const transport = () => smtpTransport({ url: `smtp://127.0.0.1:${port}`, from: 'Usterka <awaria@uml.lodz.pl>' });
const send = () => sendPendingEmails(hub.database.db, transport(), 'Usterka <awaria@uml.lodz.pl>', silentLog);

async function ticketInProgress(): Promise<{ number: string; realizer: TestWorkstation }> {
  const op = await new TestWorkstation(hub.url).login('operator', PASSWORD);
  await op.lease(1);
  const [number] = op.takeNumbers(1);
  const coordinator = await new TestWorkstation(hub.url).login('koord-zdit', PASSWORD);
  const realizer = await new TestWorkstation(hub.url).login('real-zdit', PASSWORD);
  await op.push([
    op.mutation(potholeCall({ reporter: { wantsAnswer: true, consent: true, name: 'Jan Mieszkaniec', email: 'jan@example.com' } }), {
      newTicketNumbers: [number!],
    }),
    op.mutation({ type: 'forwardToCoordinators', groupId: 'zdit-k', rpwId: 'RPW/7/2026' }, { ticket: number }),
  ]);
  await coordinator.push([
    coordinator.mutation({ type: 'takeUp' }, { ticket: number }),
    coordinator.mutation({ type: 'assignRealizerGroup', groupId: 'zdit-r' }, { ticket: number }),
  ]);
  await realizer.push([realizer.mutation({ type: 'takeUp' }, { ticket: number })]);
  return { number: number!, realizer };
}

/** A new ticket the operator forwards outside the app by e-mail (P§15.2). */
async function forwardedByEmail(to: string, subject: string): Promise<string> {
  const op = await new TestWorkstation(hub.url).login('operator', PASSWORD);
  await op.lease(1);
  const [number] = op.takeNumbers(1);
  await op.push([
    op.mutation(potholeCall(), { newTicketNumbers: [number!] }),
    op.mutation({ type: 'sendEmail', purpose: 'forwardOutside', to, subject, body: 'Prosimy o obsługę.' }, { ticket: number }),
  ]);
  return number!;
}

describe('e-mails out', () => {
  it('P§16.3 P§17.2.8 the realizer answers the reporter by e-mail: recorded on the ticket, sent once to the address the reporter gave', async () => {
    const { number, realizer } = await ticketInProgress();
    const pushed = await realizer.push([
      realizer.mutation(
        { type: 'sendEmail', purpose: 'answer', subject: 'Odpowiedź na zgłoszenie', body: 'Ubytek zostanie załatany do piątku.' },
        { ticket: number },
      ),
    ]);
    expect(pushed.results[0]).toMatchObject({ status: 'applied' });
    const ticket = (await hub.database.db.selectFrom('ticket').select('data').where('number', '=', number).executeTakeFirstOrThrow())
      .data as Ticket;
    expect(ticket.emails).toEqual([expect.objectContaining({ purpose: 'answer', subject: 'Odpowiedź na zgłoszenie' })]);
    expect(ticket.answers).toEqual([expect.objectContaining({ how: 'email' })]);

    expect(await send()).toBe(1);
    expect(await send()).toBe(0);
    const mail = received.find((m) => m.subject.includes(number))!;
    expect(mail.to).toEqual(['jan@example.com']);
    expect(mail.text).toContain('Ubytek zostanie załatany do piątku.');

    // An address typed by the user is refused for the reporter's purposes (the e-mail goes to the reporter's own).
    const typed = await realizer.push([
      realizer.mutation({ type: 'sendEmail', purpose: 'answer', to: 'ktos@example.com', subject: 'x', body: 'y' }, { ticket: number }),
    ]);
    expect(typed.results[0]).toMatchObject({ status: 'refused', refusal: { field: 'to' } });
  });

  it('P§15.2 the operator forwards a ticket outside the app to the unit address; a refusing server leaves the reason, nothing is resent', async () => {
    const number = await forwardedByEmail('mpk@example.com', 'Przekazanie zgłoszenia');
    refuse = true;
    expect(await send()).toBe(0);
    refuse = false;
    const row = await hub.database.db.selectFrom('mail_sent').selectAll().where('ticket', '=', number).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'failed', recipient: null });
    expect(row.error).toMatch(/unavailable/i);
    expect(await send()).toBe(0);
  });

  it('a lost connection to the mail server is retried at the next round, not given up', async () => {
    const number = await forwardedByEmail('wgk@example.com', 'Do WGK');
    const dead = smtpTransport({ url: `smtp://127.0.0.1:${await freePort()}`, from: 'x <x@example.com>' });
    expect(await sendPendingEmails(hub.database.db, dead, 'x <x@example.com>', silentLog)).toBe(0);
    expect(await hub.database.db.selectFrom('mail_sent').select('status').where('ticket', '=', number).executeTakeFirst()).toBeUndefined();
    expect(await send()).toBe(1);
    expect(received.at(-1)!.to).toEqual(['wgk@example.com']);
  });
});
