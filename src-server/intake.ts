// The web form's intake (P§4.2, P§5.1): the city portal posts a resident's form, the hub saves it at
// once as a ticket awaiting an operator's pickup, numbered from the same city-wide sequence the
// workstations lease from. No user session (the portal is not a user), but the portal proves itself with
// its own key (src-server/portals.ts), each source and each portal is rate-limited, the hub sets the
// receipt time, and a number is drawn only for a form the rules accept.
import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger, FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { HubError } from '../src-shared/api/hub';
import { formatTicketNumber } from '../src-shared/api/sync';
import { formatWarsawDateTime, warsawYear } from '../src-shared/format';
import {
  applyEvents,
  commandSchemas,
  decide,
  filesAttachedBy,
  hasContact,
  lookup,
  type AttachmentRef,
  type Command,
  type Directory,
} from '../src-shared/ticket';
import type { CentralDb } from './db/connect';
import { cachedDirectory, SYSTEM_ACTOR } from './directory';
import { claimFiles, loadFileOwners, type FileOwner } from './file-claims';
import { authenticatePortal, portalKeyFrom, type Portal } from './portals';
import { issueNumbers, NumbersExhaustedError, poolAfter, warnIfPoolLow } from './sync/numbers';
import { addApplied, emptyBatch, writeBatch } from './ticket-writer';

const envInt = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
};

/**
 * Web forms a minute (per hub process): per portal key — Łódź's portal sends a few hundred a day — and per
 * source address, which also counts requests with no or a wrong key. Set by USTERKA_WEB_FORM_PER_PORTAL and
 * USTERKA_WEB_FORM_PER_SOURCE.
 */
export const WEB_FORM_LIMITS = {
  perPortal: envInt('USTERKA_WEB_FORM_PER_PORTAL', 60),
  perSource: envInt('USTERKA_WEB_FORM_PER_SOURCE', 300),
  windowMs: 60_000,
};

/** A portal may say when the resident sent the form only this shortly before the hub received it (queues, retries). */
export const RECEIVED_AT_WINDOW = { beforeMs: 15 * 60_000, clockSkewMs: 60_000 };

const webFormSchema = commandSchemas.receiveFromWebForm.omit({ type: true, outage: true }).extend({
  receivedAt: z.iso
    .datetime()
    .optional()
    .describe(
      "When the resident sent the form, if the portal held it: at most 15 minutes before the hub receives it. The hub's time when omitted.",
    ),
});

const portals = new WeakMap<FastifyRequest, Portal>();

/** A refusal thrown from a hook: the hub's error handler answers it as a HubError with this status. */
const failure = (statusCode: 401 | 429, code: string, message: string) => Object.assign(new Error(message), { statusCode, code });

export function registerIntake(app: FastifyInstance, db: CentralDb, now: () => Date): void {
  const perPortal = app.createRateLimit({
    max: WEB_FORM_LIMITS.perPortal,
    timeWindow: WEB_FORM_LIMITS.windowMs,
    keyGenerator: (req) => `portal:${portals.get(req)?.id}`,
  });

  app.withTypeProvider<ZodTypeProvider>().post(
    '/intake/web-form',
    {
      config: {
        public: true,
        // Per source, first of all (before the key is looked up or the body read).
        rateLimit: {
          max: WEB_FORM_LIMITS.perSource,
          timeWindow: WEB_FORM_LIMITS.windowMs,
          errorResponseBuilder: (_req, context) =>
            Object.assign(new Error(`Too many web forms from this address: at most ${context.max} a minute; retry in ${context.after}.`), {
              statusCode: 429,
              code: 'rateLimited',
            }),
        },
      },
      bodyLimit: 256 * 1024,
      // The portal's key and its own limit, before the body is read.
      preParsing: async (req, reply) => {
        const portal = await authenticatePortal(db, portalKeyFrom(req.headers.authorization));
        if (!portal) {
          throw failure(
            401,
            'portalKeyRequired',
            'Send the portal\'s key as "Authorization: Bearer <key>"; this key is missing, unknown or revoked (the hub\'s administrator issues keys: `npm run admin -- portal add <name>`).',
          );
        }
        portals.set(req, portal);
        const limit = await perPortal(req);
        if (!limit.isAllowed && limit.isExceeded) {
          reply.header('retry-after', String(limit.ttlInSeconds));
          throw failure(
            429,
            'rateLimited',
            `Too many web forms from portal "${portal.name}": at most ${limit.max} a minute; retry in ${limit.ttlInSeconds} s.`,
          );
        }
      },
      schema: {
        summary:
          'Save a web-form report as a ticket awaiting pickup (P§4.2, P§5.1). Needs the portal\'s key as "Authorization: Bearer <key>" ' +
          `(401 otherwise); at most ${WEB_FORM_LIMITS.perPortal} forms a minute per portal and ${WEB_FORM_LIMITS.perSource} per source address (429 with Retry-After)`,
        security: [{ portalKey: [] }],
        body: webFormSchema,
        response: { 201: z.object({ number: z.string() }), 400: HubError, 401: HubError, 429: HubError, 503: HubError },
      },
    },
    async (req, reply) => {
      const at = now();
      const receivedAt = req.body.receivedAt ?? at.toISOString();
      const sent = Date.parse(receivedAt);
      if (sent < at.getTime() - RECEIVED_AT_WINDOW.beforeMs || sent > at.getTime() + RECEIVED_AT_WINDOW.clockSkewMs) {
        return reply.code(400).send({
          error: 'invalidInput',
          field: 'receivedAt',
          message: `Invalid body field "receivedAt": ${receivedAt} is not within 15 minutes before the hub's time (${at.toISOString()}); omit it and the hub records when it received the form.`,
        });
      }
      const outcome = await acceptWebForm(db, { ...req.body, receivedAt }, { portal: portals.get(req)!.name, at, log: req.log });
      if (!outcome.ok) return reply.code(outcome.status).send({ error: outcome.error, message: outcome.message, field: outcome.field });
      return reply.code(201).send({ number: outcome.number });
    },
  );
}

export type WebFormOutcome =
  { ok: true; number: string } | { ok: false; status: 400 | 503; error: string; message: string; field?: string };

/**
 * Saves a resident's form as a ticket awaiting pickup (P§4.2, P§5.1) with its source document (P§9.4). The
 * web-form route and Open311 both come here. `sourceLines`: what else the client sent.
 */
export async function acceptWebForm(
  db: CentralDb,
  form: WebForm & { receivedAt: string },
  via: { portal: string; at: Date; log: FastifyBaseLogger; sourceLines?: string[] },
): Promise<WebFormOutcome> {
  const directory = await cachedDirectory(db);
  const source = sourceDocument(form, form.receivedAt, via.portal, directory, via.sourceLines ?? []);
  const command = { type: 'receiveFromWebForm', ...form, attachments: [...(form.attachments ?? []), source.ref] } as Command;
  return acceptForPickup(db, command, [source], via);
}

/** A file the hub itself received with a report (the source document, an e-mail's attachments). */
export interface ReceivedFile {
  ref: AttachmentRef;
  content: Buffer;
}

/**
 * A report the hub received (web form, Open311, mailbox) saved as a ticket awaiting pickup: the rules first with a
 * number no ticket has (a refused report uses none), then numbered from the city-wide sequence in one transaction
 * with its files; `inTransaction` adds what must commit with it (the mailbox's exactly-once record).
 */
export async function acceptForPickup(
  db: CentralDb,
  command: Command,
  files: ReceivedFile[],
  via: { portal: string; at: Date; log: FastifyBaseLogger; inTransaction?: (tx: CentralDb, number: string) => Promise<void> },
): Promise<WebFormOutcome> {
  const { at } = via;
  const directory = await cachedDirectory(db);
  const year = warsawYear(at);
  const rules = (number: string) => decide(null, command, SYSTEM_ACTOR, at.toISOString(), { directory, newTicketNumbers: [number] });
  const withClaims = (decided: ReturnType<typeof rules>, owners: Map<string, FileOwner>) =>
    decided.ok ? claimFiles(command, decided.events, null, owners) : decided;
  // A portal uploads no files of its own, so it may name none a workstation uploaded (file-claims.ts).
  const owners = await loadFileOwners(
    db,
    filesAttachedBy(command).map((f) => f.id),
  );
  // The hub's own files are stored with the ticket in the same transaction.
  for (const file of files) owners.set(file.ref.id, { ticket: null, clientId: null });
  const provisional = withClaims(rules(formatTicketNumber(year, 0)), new Map(owners));
  if (!provisional.ok)
    return {
      ok: false,
      status: 400,
      error: provisional.refusal.code,
      message: provisional.refusal.message,
      field: provisional.refusal.field,
    };
  try {
    const number = await db.transaction().execute(async (tx) => {
      const { first } = await issueNumbers(tx, year, 1);
      const number = formatTicketNumber(year, first);
      const decision = withClaims(rules(number), owners);
      // The same rules on the same input: only the number differs (throwing rolls the number back).
      if (!decision.ok) throw new Error(`report refused once numbered: ${decision.refusal.message}`);
      for (const file of files)
        await tx
          .insertInto('attachment')
          .values({ id: file.ref.id, name: file.ref.name, media_type: file.ref.mediaType ?? null, content: file.content })
          .execute();
      await via.inTransaction?.(tx, number);
      const batch = { ...emptyBatch(), claims: decision.claims };
      addApplied(batch, applyEvents(new Map(), decision.events));
      await writeBatch(tx, null, batch, at);
      warnIfPoolLow(via.log, poolAfter(year, first), 1);
      return number;
    });
    via.log.info({ via: via.portal, number }, 'report received for pickup');
    return { ok: true, number };
  } catch (err) {
    if (!(err instanceof NumbersExhaustedError)) throw err;
    via.log.error({ year }, err.message);
    return { ok: false, status: 503, error: err.code, message: err.message };
  }
}

type WebForm = z.infer<typeof webFormSchema>;

/** The form as a readable text file: every field the resident filled in, as they wrote it. */
function sourceDocument(
  form: WebForm,
  receivedAt: string,
  portal: string,
  directory: Directory,
  extra: string[],
): { ref: AttachmentRef; content: Buffer } {
  const category = form.categoryId ? lookup(directory.categories, form.categoryId) : undefined;
  const subcategory = category?.subcategories?.find((s) => s.id === form.subcategoryId);
  const r = form.reporter;
  const lines = [
    'Formularz WWW — zgłoszenie mieszkańca (wiadomość źródłowa, P§9.4)',
    `Portal: ${portal}`,
    `Wpłynęło: ${formatWarsawDateTime(receivedAt)}`,
    '',
    ...(category ? [`Kategoria wskazana przez zgłaszającego: ${category.name}${subcategory ? ` › ${subcategory.name}` : ''}`] : []),
    ...(form.subject ? [`Temat: ${form.subject}`] : []),
    ...(form.location
      ? [`Miejsce: ${form.location.address}${form.location.lat !== undefined ? ` (${form.location.lat}, ${form.location.lon})` : ''}`]
      : []),
    '',
    'Treść:',
    form.description,
    '',
    `Zgłaszający chce odpowiedzi: ${r.wantsAnswer ? 'tak' : 'nie'}; zgoda na przetwarzanie danych: ${r.consent ? 'tak' : 'nie'}`,
    ...(r.name ? [`Imię i nazwisko: ${r.name}`] : []),
    ...(r.phone ? [`Telefon: ${r.phone}`] : []),
    ...(r.email ? [`E-mail: ${r.email}`] : []),
    ...(r.postalAddress ? [`Adres do korespondencji: ${r.postalAddress}`] : []),
    ...(extra.length ? ['', ...extra] : []),
  ];
  return {
    // A source message names its sender: hidden and erased like the contact fields (isPersonalFile).
    ref: {
      id: randomUUID(),
      name: 'formularz-www.txt',
      mediaType: 'text/plain; charset=utf-8',
      source: true,
      ...(hasContact(r) ? { personal: true } : {}),
    },
    content: Buffer.from(lines.join('\r\n') + '\r\n', 'utf8'),
  };
}
