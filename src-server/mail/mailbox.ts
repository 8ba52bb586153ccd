// The department's mailbox (P§3.2, P§10): the hub reads a configured IMAP folder; each message becomes a ticket
// awaiting an operator's pickup, the message itself attached as its source document (P§9.4) with its
// attachments, and is then moved to a "processed" folder. Exactly once per Message-ID (mail_message, written in
// the ticket's transaction): a hub stopped between saving and moving, or two hub processes reading the same
// mailbox, find the record and only move the message. A message that cannot be read is saved with what could be
// read and a note — never lost, never left to block the ones after it.
import { createHash, randomUUID } from 'node:crypto';
import { ImapFlow } from 'imapflow';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { FastifyBaseLogger } from 'fastify';
import { MAX_ATTACHMENT_BYTES } from '../../src-shared/api/desktop';
import type { Command } from '../../src-shared/ticket';
import type { CentralDb } from '../db/connect';
import { acceptForPickup, type ReceivedFile } from '../intake';

export interface MailboxConfig {
  host: string;
  port: number;
  secure: boolean;
  user: string;
  pass: string;
  folder: string;
  processedFolder: string;
}

/** Larger than any report: such a message is saved as a note pointing to the mailbox, without its content. */
export const MAX_MESSAGE_BYTES = 25 * 1024 * 1024;
const MAX_ATTACHMENTS = 20;
/** Messages handled per reading: the rest wait for the next one (the hub stays responsive). */
const PER_ROUND = 200;

/** `imaps://user:password@host:993/INBOX?processed=Przetworzone` (USTERKA_IMAP_URL). */
export function mailboxConfigFrom(url: string): MailboxConfig {
  const u = new URL(url);
  if (u.protocol !== 'imap:' && u.protocol !== 'imaps:')
    throw new Error(`USTERKA_IMAP_URL must start with imap:// or imaps://, not ${u.protocol}`);
  if (!u.username) throw new Error('USTERKA_IMAP_URL names no user (imaps://user:password@host/INBOX).');
  return {
    host: u.hostname,
    port: Number(u.port || (u.protocol === 'imaps:' ? 993 : 143)),
    secure: u.protocol === 'imaps:',
    user: decodeURIComponent(u.username),
    pass: decodeURIComponent(u.password),
    folder: decodeURIComponent(u.pathname.replace(/^\//, '')) || 'INBOX',
    processedFolder: u.searchParams.get('processed') || 'Przetworzone',
  };
}

/** Text PostgreSQL can store: no NUL, no broken Unicode (a wrong charset must not stop the mailbox). */
const storable = (text: string | undefined, max: number) =>
  (text ?? '')
    .replaceAll('\u0000', '')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
    .trim()
    .slice(0, max);

const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

/** One message as the command and files of its ticket. */
export async function messageToReport(raw: Buffer | null, envelope: { from?: string; subject?: string; date?: Date }, size: number) {
  const notes: string[] = [];
  let parsed: ParsedMail | undefined;
  if (!raw)
    notes.push(
      `Wiadomość ma ${(size / 1024 / 1024).toFixed(0)} MB — więcej niż ${MAX_MESSAGE_BYTES / 1024 / 1024} MB; przeczytaj ją w skrzynce.`,
    );
  else {
    try {
      parsed = await simpleParser(raw, { skipImageLinks: true, maxHtmlLengthToParse: 2 * 1024 * 1024 });
    } catch (err) {
      notes.push(
        `Wiadomości nie udało się w pełni odczytać (${err instanceof Error ? err.message.slice(0, 200) : 'błąd'}); oryginał jest w załączniku.`,
      );
    }
  }
  const from = parsed?.from?.value[0];
  const email = storable(from?.address ?? envelope.from, 200);
  const name = storable(from?.name, 200);
  const files: ReceivedFile[] = [];
  if (raw) files.push({ ref: { id: randomUUID(), name: 'wiadomosc.eml', mediaType: 'message/rfc822', source: true }, content: raw });
  for (const attachment of parsed?.attachments ?? []) {
    if (files.length > MAX_ATTACHMENTS) {
      notes.push(`Wiadomość ma więcej niż ${MAX_ATTACHMENTS} załączników — pozostałe są w oryginale wiadomości.`);
      break;
    }
    const fileName = storable(attachment.filename, 200) || 'zalacznik';
    if (attachment.size > MAX_ATTACHMENT_BYTES) {
      notes.push(`Załącznik „${fileName}” ma ponad 10 MB — jest tylko w oryginale wiadomości.`);
      continue;
    }
    files.push({
      ref: { id: randomUUID(), name: fileName, mediaType: storable(attachment.contentType, 200) || undefined },
      content: attachment.content,
    });
  }
  const subject = storable(parsed?.subject ?? envelope.subject, 300) || '(bez tematu)';
  const text = storable(parsed?.text, 9000);
  const description = [text, ...notes].filter(Boolean).join('\n\n').slice(0, 10000);
  // P§26.2: who writes to the office gives their address on their own initiative, to be answered.
  const reporter = EMAIL.test(email)
    ? { wantsAnswer: true, consent: true, email, ...(name ? { name } : {}) }
    : { wantsAnswer: false, consent: false };
  const command = {
    type: 'receiveFromMailbox',
    subject,
    description,
    reporter,
    receivedAt: (parsed?.date && !Number.isNaN(parsed.date.getTime()) ? parsed.date : (envelope.date ?? new Date())).toISOString(),
    attachments: files.map((f) => f.ref),
  } as Command;
  return { command, files };
}

/** Reads the mailbox once: every message saved (or found already saved) and moved to the processed folder. */
export async function readMailbox(
  db: CentralDb,
  config: MailboxConfig,
  now: () => Date,
  log: FastifyBaseLogger,
): Promise<{ saved: number; moved: number }> {
  const client = new ImapFlow({
    host: config.host,
    port: config.port,
    secure: config.secure,
    auth: { user: config.user, pass: config.pass },
    logger: false,
    socketTimeout: 120_000,
  });
  await client.connect();
  const done = { saved: 0, moved: 0 };
  try {
    const existing = await client.list();
    if (!existing.some((m) => m.path === config.processedFolder)) await client.mailboxCreate(config.processedFolder);
    const lock = await client.getMailboxLock(config.folder);
    try {
      const uids = ((await client.search({ all: true }, { uid: true })) || []).slice(0, PER_ROUND);
      for (const uid of uids) {
        const meta = await client.fetchOne(String(uid), { envelope: true, size: true, internalDate: true }, { uid: true });
        if (!meta) continue;
        const size = meta.size ?? 0;
        const raw =
          size <= MAX_MESSAGE_BYTES
            ? (((await client.fetchOne(String(uid), { source: true }, { uid: true })) || undefined)?.source ?? null)
            : null;
        const messageId =
          storable(meta.envelope?.messageId, 900) ||
          `sha256:${createHash('sha256')
            .update(raw ?? `${uid}:${meta.internalDate}`)
            .digest('hex')}`;
        const known = await db.selectFrom('mail_message').select('ticket').where('message_id', '=', messageId).executeTakeFirst();
        if (!known) {
          const { command, files } = await messageToReport(
            raw,
            {
              from: meta.envelope?.from?.[0]?.address,
              subject: meta.envelope?.subject,
              date: meta.internalDate ? new Date(meta.internalDate) : undefined,
            },
            size,
          );
          try {
            const outcome = await acceptForPickup(db, command, files, {
              portal: `skrzynka ${config.user}`,
              at: now(),
              log,
              inTransaction: async (tx, number) => {
                await tx.insertInto('mail_message').values({ message_id: messageId, ticket: number, received_at: now() }).execute();
              },
            });
            if (!outcome.ok) {
              // Never lost: the message stays in the mailbox, the next reading tries again; the log says why.
              log.error({ messageId, refusal: outcome.message }, 'mailbox: message not saved');
              continue;
            }
            done.saved++;
          } catch (err) {
            // Another hub process saved it first (the Message-ID record): only the move is left.
            if (!(err instanceof Error && /mail_message_pkey|duplicate key/.test(err.message))) throw err;
          }
        }
        await client.messageMove(String(uid), config.processedFolder, { uid: true });
        done.moved++;
      }
    } finally {
      lock.release();
    }
  } finally {
    await client.logout().catch(() => client.close());
  }
  return done;
}

/** Reads the mailbox now and then every `everyMs`, one reading at a time; failures are logged and retried. */
export function pollMailbox(db: CentralDb, config: MailboxConfig, everyMs: number, log: FastifyBaseLogger): () => void {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const round = async () => {
    try {
      const done = await readMailbox(db, config, () => new Date(), log);
      if (done.saved) log.info(done, 'mailbox read');
    } catch (err) {
      log.error({ err }, 'mailbox: reading failed; retrying later');
    }
    if (!stopped) timer = setTimeout(() => void round(), everyMs).unref();
  };
  void round();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
