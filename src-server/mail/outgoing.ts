// E-mails out (P§14.1–P§14.2, P§15.2–P§15.3, P§16.3): a `sendEmail` action is recorded on the ticket like any
// (offline it waits in the workstation's outbox); the hub then sends each recorded e-mail through the city's SMTP
// server, at most once: the mail_sent row is claimed before sending, so two hub processes never both send, and a
// hub stopped mid-way leaves "sending" rather than sending twice. A reporter's e-mail goes to the address in the
// ticket's personal data, read only now (erased data: not sent, the reason kept).
import nodemailer, { type Transporter } from 'nodemailer';
import type { FastifyBaseLogger } from 'fastify';
import { emailPurposeLabels, type Ticket } from '../../src-shared/ticket';
import type { CentralDb } from '../db/connect';

export interface SmtpConfig {
  /** smtp(s)://user:password@host:port */
  url: string;
  /** The sender, e.g. "Usterka — Urząd Miasta Łodzi <awaria@uml.lodz.pl>". */
  from: string;
}

export function smtpTransport(config: SmtpConfig): Transporter {
  const u = new URL(config.url);
  if (u.protocol !== 'smtp:' && u.protocol !== 'smtps:')
    throw new Error(`USTERKA_SMTP_URL must start with smtp:// or smtps://, not ${u.protocol}`);
  return nodemailer.createTransport({
    host: u.hostname,
    port: Number(u.port || (u.protocol === 'smtps:' ? 465 : 587)),
    secure: u.protocol === 'smtps:',
    ...(u.username ? { auth: { user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password) } } : {}),
    connectionTimeout: 15_000,
  });
}

/** Sends what was recorded and not yet sent; returns how many went. */
export async function sendPendingEmails(db: CentralDb, transport: Transporter, from: string, log: FastifyBaseLogger): Promise<number> {
  const waiting = await db
    .selectFrom('ticket_event as e')
    .leftJoin('mail_sent as s', (join) => join.onRef('s.ticket', '=', 'e.ticket').onRef('s.seq', '=', 'e.seq'))
    .select(['e.ticket', 'e.seq', 'e.data'])
    .where('e.type', '=', 'emailSent')
    .where('s.ticket', 'is', null)
    .orderBy('e.recorded_at')
    .limit(50)
    .execute();
  let sent = 0;
  for (const row of waiting) {
    const claimed = await db
      .insertInto('mail_sent')
      .values({ ticket: row.ticket, seq: row.seq, status: 'sending' })
      .onConflict((oc) => oc.doNothing())
      .returning('ticket')
      .executeTakeFirst();
    if (!claimed) continue;
    const data = row.data as { purpose: keyof typeof emailPurposeLabels; to?: string; subject: string; body: string };
    const finish = (values: { status: 'sent' | 'failed'; recipient?: string | null; message_id?: string | null; error?: string | null }) =>
      db.updateTable('mail_sent').set(values).where('ticket', '=', row.ticket).where('seq', '=', row.seq).execute();
    let to = data.to;
    if (!to) {
      const ticket = await db.selectFrom('ticket').select('data').where('number', '=', row.ticket).executeTakeFirst();
      to = (ticket?.data as Ticket | undefined)?.reporter.email ?? undefined;
    }
    if (!to) {
      await finish({ status: 'failed', error: 'Brak adresu e-mail zgłaszającego (dane usunięte lub niepodane).' });
      continue;
    }
    try {
      const info = await transport.sendMail({
        from,
        to,
        subject: `${data.subject} [zgłoszenie ${row.ticket}]`,
        text: `${data.body}\n\n—\nZgłoszenie nr ${row.ticket} (${emailPurposeLabels[data.purpose]}). Urząd Miasta Łodzi, aplikacja Usterka.`,
      });
      // The reporter's address is personal data: kept with the ticket, not repeated here.
      await finish({ status: 'sent', recipient: data.to ? to : null, message_id: info.messageId ?? null, error: null });
      sent++;
    } catch (err) {
      log.error({ err, ticket: row.ticket }, 'e-mail not sent');
      // The server refused this e-mail (5xx): kept as failed with its reason. Anything else (no connection, 4xx)
      // is tried again next round.
      const code = (err as { responseCode?: number }).responseCode;
      if (code !== undefined && code >= 500)
        await finish({ status: 'failed', error: err instanceof Error ? err.message.slice(0, 500) : 'error' });
      else await db.deleteFrom('mail_sent').where('ticket', '=', row.ticket).where('seq', '=', row.seq).execute();
    }
  }
  return sent;
}

/** Sends recorded e-mails every `everyMs`, one round at a time. */
export function pollOutgoing(db: CentralDb, config: SmtpConfig, everyMs: number, log: FastifyBaseLogger): () => void {
  const transport = smtpTransport(config);
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const round = async () => {
    await sendPendingEmails(db, transport, config.from, log).catch((err) => log.error({ err }, 'sending e-mails failed; retrying later'));
    if (!stopped) timer = setTimeout(() => void round(), everyMs).unref();
  };
  void round();
  return () => {
    stopped = true;
    clearTimeout(timer);
    transport.close();
  };
}
