// The sync protocol's HTTP routes: push, pull, number leases and the poke stream.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { HubError } from '../../src-shared/api/hub';
import {
  historyResponseSchema,
  leaseRequestSchema,
  leaseResponseSchema,
  MAX_PUSH_BYTES,
  pullRequestSchema,
  pullPageDescription,
  PULL_PAGE_TYPE,
  pullResponseV1Schema,
  pushRequestSchema,
  pushResponseSchema,
  SUPPORTED_PROTOCOL_VERSIONS,
} from '../../src-shared/api/sync';
import type { CentralDb } from '../db/connect';
import { loadActor } from '../directory';
import { ownsInstallation } from '../auth/routes';
import { leaseNumbers } from './numbers';
import type { PokeHub } from './poke';
import { pull } from './pull';
import { push, PushError } from './push';
import { warsawYear } from '../../src-shared/format';
import { z } from 'zod';
import { redactEventsForActor, ticketNumberSchema, type Ticket, type TicketEvent } from '../../src-shared/ticket';
import { WorkstationConfig } from '../../src-shared/api/desktop';
import { loadExtraDays } from '../calendar-store';
import { loadDirectory } from '../directory';
import { searchStreets } from '../admin/streets';

/**
 * How operators reach the department that takes snow and ice reports (P§5.2), e.g. its phone number;
 * the rules' message already names the department. Set by the city in USTERKA_SNOW_ICE_REFERRAL.
 */
const SNOW_ICE_REFERRAL = process.env.USTERKA_SNOW_ICE_REFERRAL || undefined;

export function registerSync(app: FastifyInstance, db: CentralDb, pokes: PokeHub | undefined, now: () => Date): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const security = [{ bearer: [] }];
  // Every route that names a workstation's stream must be called with a session opened on that workstation.
  app.addHook('preHandler', async (req, reply) => {
    const clientId = (req.body as { clientId?: unknown } | undefined)?.clientId;
    if (typeof clientId === 'string' && req.user && !ownsInstallation(req, clientId)) {
      return reply.code(403).send({ error: 'wrongInstallation', message: 'This session was not opened on that workstation; log in from it.' });
    }
  });

  r.post(
    '/sync/push',
    {
      // A little above the desktop's own limit, for the JSON envelope.
      bodyLimit: MAX_PUSH_BYTES + 64 * 1024,
      // The answer is built here from checked parts; re-validating it would cost every push ~5 % (the schema stays for OpenAPI).
      serializerCompiler: () => (data) => JSON.stringify(data),
      schema: { summary: 'Apply a workstation\'s mutations in order, exactly once', security, body: pushRequestSchema, response: { 200: pushResponseSchema, 409: HubError } },
    },
    async (req, reply) => {
      try {
        return await push(db, req.user!, req.body, now());
      } catch (err) {
        if (err instanceof PushError) return reply.code(err.statusCode as 409).send({ error: err.code, message: err.message });
        throw err;
      }
    },
  );

  r.post(
    '/sync/pull',
    {
      schema: {
        summary: 'Changes this user may see since a cursor, paged, in the page format of the workstation\'s protocol version',
        security,
        body: pullRequestSchema,
        response: { 200: z.union([pullResponseV1Schema, z.string()]).describe(pullPageDescription), 400: HubError, 403: HubError },
      },
    },
    async (req, reply) => {
      if (!SUPPORTED_PROTOCOL_VERSIONS.includes(req.body.protocolVersion)) {
        return reply.code(400).send({ error: 'unsupportedVersion', message: `This hub speaks sync protocol versions ${SUPPORTED_PROTOCOL_VERSIONS.join(', ')}; upgrade the hub before the workstations.` });
      }
      const actor = await loadActor(db, req.user!.id);
      if (!actor) return reply.code(403).send({ error: 'forbidden', message: 'This account may not read tickets.' });
      // Pre-serialised (see pull): sent as it is, not through the response schema.
      const page = await pull(db, actor, req.body.clientId, req.body.cursor, req.body.limit, req.body.protocolVersion);
      return reply.type(req.body.protocolVersion >= 2 ? PULL_PAGE_TYPE : 'application/json').send(page as never);
    },
  );

  r.get(
    '/sync/config',
    { schema: { summary: 'The configuration a workstation needs to run the rules offline: directory, the user as an actor, calendar', security, response: { 200: WorkstationConfig, 403: HubError } } },
    async (req, reply) => {
      const [actor, directory, extraDays] = await Promise.all([loadActor(db, req.user!.id), loadDirectory(db), loadExtraDays(db)]);
      if (!actor) return reply.code(403).send({ error: 'forbidden', message: 'This account is disabled.' });
      return {
        directory: {
          units: Object.values(directory.units),
          groups: Object.values(directory.groups),
          categories: Object.values(directory.categories),
          users: Object.entries(directory.users ?? {}).map(([id, u]) => ({ id, name: u.name })),
        },
        actor,
        extraDays,
        snowIceReferral: SNOW_ICE_REFERRAL,
      };
    },
  );

  r.post(
    '/sync/lease',
    { schema: { summary: 'Lease a block of ticket numbers for offline registration', security, body: leaseRequestSchema, response: { 200: leaseResponseSchema } } },
    async (req) => leaseNumbers(db, req.body.clientId, req.body.count, warsawYear(now())),
  );

  r.post(
    '/sync/outages',
    {
      schema: {
        summary: 'Record outage periods a workstation lived through (P§29)',
        security,
        body: z.object({
          clientId: z.uuid(),
          periods: z.array(z.object({ startedAt: z.iso.datetime(), endedAt: z.iso.datetime(), declaredBy: z.enum(['auto', 'user']) })).min(1).max(1000),
        }),
        response: { 200: z.object({ recorded: z.number().int() }) },
      },
    },
    async (req) => {
      await db
        .insertInto('outage_period')
        .values(req.body.periods.map((p) => ({ client_id: req.body.clientId, started_at: p.startedAt, ended_at: p.endedAt, declared_by: p.declaredBy })))
        .onConflict((oc) => oc.columns(['client_id', 'started_at']).doUpdateSet((eb) => ({ ended_at: eb.ref('excluded.ended_at') })))
        .execute();
      return { recorded: req.body.periods.length };
    },
  );

  r.get(
    '/tickets/:number/history',
    {
      schema: {
        summary: "A ticket's history (P§17.2), as this user may see it",
        security,
        params: z.object({ number: ticketNumberSchema }),
        response: { 200: historyResponseSchema, 404: HubError },
      },
    },
    async (req, reply) => {
      const number = req.params.number;
      const [actor, directory, row, events] = await Promise.all([
        loadActor(db, req.user!.id),
        loadDirectory(db),
        db.selectFrom('ticket').select('data').where('number', '=', number).executeTakeFirst(),
        db.selectFrom('ticket_event').select('data').where('ticket', '=', number).orderBy('seq').execute(),
      ]);
      const visible = actor && row ? redactEventsForActor(actor, row.data as Ticket, events.map((e) => e.data as TicketEvent), directory) : [];
      if (visible.length === 0) return reply.code(404).send({ error: 'notFound', message: `No ticket ${number} visible to you.` });
      return { events: visible };
    },
  );

  r.get(
    '/streets',
    {
      schema: {
        summary: 'Streets of the city whose name matches (diacritics-insensitive), for the intake form',
        security,
        querystring: z.object({ q: z.string().trim().min(1).max(100) }),
        response: { 200: z.array(z.object({ id: z.string(), name: z.string() })) },
      },
    },
    async (req) => (await searchStreets(db, req.query.q, 20)).map((s) => ({ id: s.symUl, name: s.name })),
  );

  r.get('/sync/poke', { schema: { summary: 'Server-sent events: "poke" when there is something to pull', security } }, async (req, reply) => {
    if (!pokes) return reply.code(503).send({ error: 'unavailable', message: 'Pokes are not enabled on this hub.' });
    reply.hijack();
    pokes.attach(reply.raw);
  });
}
