// The sync protocol's HTTP routes: push, pull, number leases and the poke stream.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { HubError } from '../../src-shared/api/hub';
import {
  historyResponseSchema,
  leaseRequestSchema,
  leaseResponseSchema,
  MAX_PUSH_BYTES,
  outagePeriodsRequestSchema,
  outagePeriodsResponseSchema,
  streetsQuerySchema,
  streetsResponseSchema,
  streetListSchema,
  pushEnvelopeSchema,
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
import { hashToken } from '../auth/sessions';
import { leaseNumbers, mayLease, MAX_UNUSED_PER_INSTALLATION, numberPool, warnIfPoolLow } from './numbers';
import type { PokeHub } from './poke';
import { pull } from './pull';
import { push, PushError } from './push';
import { warsawYear } from '../../src-shared/format';
import { z } from 'zod';
import { validatorCompiler } from 'fastify-type-provider-zod';
import { redactEventsForActor, ticketNumberSchema, type Ticket, type TicketEvent } from '../../src-shared/ticket';
import { WorkstationConfig } from '../../src-shared/api/desktop';
import { loadExtraDays } from '../calendar-store';
import { loadDirectory } from '../directory';
import { searchStreets } from '../admin/streets';
import { loadSettings } from '../admin/config-store';

export function registerSync(app: FastifyInstance, db: CentralDb, pokes: PokeHub | undefined, now: () => Date): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const security = [{ bearer: [] }];
  // Every route that names a workstation's stream must be called with a session opened on that workstation.
  app.addHook('preHandler', async (req, reply) => {
    const clientId = (req.body as { clientId?: unknown } | undefined)?.clientId;
    if (typeof clientId === 'string' && req.user && !ownsInstallation(req, clientId)) {
      return reply
        .code(403)
        .send({ error: 'wrongInstallation', message: 'This session was not opened on that workstation; log in from it.' });
    }
  });

  r.post(
    '/sync/push',
    {
      // A little above the desktop's own limit, for the JSON envelope.
      bodyLimit: MAX_PUSH_BYTES + 64 * 1024,
      // The answer is built here from checked parts; re-validating it would cost every push ~5 % (the schema stays for OpenAPI).
      serializerCompiler: () => (data) => JSON.stringify(data),
      // The body is checked as an envelope; each mutation is checked in push, so a bad one is refused alone
      // instead of blocking the workstation's outbox (the full schema stays for OpenAPI).
      validatorCompiler: (route) => validatorCompiler({ ...route, schema: pushEnvelopeSchema }),
      config: { checksItsOwnInput: true },
      schema: {
        summary: "Apply a workstation's mutations in order, exactly once",
        security,
        body: pushRequestSchema,
        response: { 200: pushResponseSchema, 409: HubError },
      },
    },
    async (req, reply) => {
      try {
        return await push(db, req.user!, req.body as never, now());
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
        summary: "Changes this user may see since a cursor, paged, in the page format of the workstation's protocol version",
        security,
        body: pullRequestSchema,
        response: { 200: z.union([pullResponseV1Schema, z.string()]).describe(pullPageDescription), 400: HubError, 403: HubError },
      },
    },
    async (req, reply) => {
      if (!SUPPORTED_PROTOCOL_VERSIONS.includes(req.body.protocolVersion)) {
        return reply.code(400).send({
          error: 'unsupportedVersion',
          message: `This hub speaks sync protocol versions ${SUPPORTED_PROTOCOL_VERSIONS.join(', ')}; upgrade the hub before the workstations.`,
        });
      }
      const actor = await loadActor(db, req.user!.id);
      if (!actor) return reply.code(403).send({ error: 'forbidden', message: 'This account may not read tickets.' });
      // Pre-serialised (see pull): sent as it is, not through the response schema.
      const page = await pull(db, actor, req.body.clientId, req.body.cursor, req.body.limit, req.body.protocolVersion);
      // What the workstation still has to push was recorded after this (the push goes first in a cycle).
      await db
        .insertInto('sync_client')
        .values({ client_id: req.body.clientId, user_id: req.user!.id, synced_at: now() })
        .onConflict((oc) => oc.column('client_id').doUpdateSet({ synced_at: now() }))
        .execute();
      return reply.type(req.body.protocolVersion >= 2 ? PULL_PAGE_TYPE : 'application/json').send(page as never);
    },
  );

  r.get(
    '/sync/config',
    {
      schema: {
        summary: 'The configuration a workstation needs to run the rules offline: directory, the user as an actor, calendar',
        security,
        response: { 200: WorkstationConfig, 403: HubError },
      },
    },
    async (req, reply) => {
      const [actor, directory, extraDays, settings] = await Promise.all([
        loadActor(db, req.user!.id),
        loadDirectory(db),
        loadExtraDays(db),
        loadSettings(db),
      ]);
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
        // How operators reach the department that takes snow and ice reports (P§5.2), set in the admin's settings.
        snowIceReferral: settings.snowIceReferral,
        numberPool: actor.roles.includes('superSupervisor') ? await numberPool(db, warsawYear(now())) : undefined,
      };
    },
  );

  r.post(
    '/sync/lease',
    {
      schema: {
        summary:
          'Lease a block of ticket numbers for offline registration: only for accounts that register tickets (403 otherwise); ' +
          `at most ${MAX_UNUSED_PER_INSTALLATION} leased numbers unused per workstation (409); fewer than asked when the year's pool runs low, 409 numbersExhausted when it is used up`,
        security,
        body: leaseRequestSchema,
        response: { 200: leaseResponseSchema, 403: HubError, 409: HubError },
      },
    },
    async (req, reply) => {
      const [actor, directory] = await Promise.all([loadActor(db, req.user!.id), loadDirectory(db)]);
      if (!actor || !mayLease(actor, directory)) {
        return reply.code(403).send({
          error: 'forbidden',
          message: 'Only accounts that register tickets (operators) lease ticket numbers; this account does not need them.',
        });
      }
      const outcome = await leaseNumbers(db, {
        clientId: req.body.clientId,
        userId: actor.userId,
        count: req.body.count,
        year: warsawYear(now()),
        at: now(),
      });
      if (!outcome.ok) {
        if (outcome.error === 'numbersExhausted') req.log.error({ year: outcome.pool.year }, outcome.message);
        else
          req.log.warn(
            { clientId: req.body.clientId, unused: outcome.unused },
            'lease refused: the workstation holds its cap of unused numbers',
          );
        return reply.code(outcome.status).send({ error: outcome.error, message: outcome.message });
      }
      warnIfPoolLow(req.log, outcome.pool, outcome.lease.last - outcome.lease.first + 1);
      return outcome.lease;
    },
  );

  r.post(
    '/sync/outages',
    {
      schema: {
        summary: 'Record outage periods a workstation lived through (P§29)',
        security,
        body: outagePeriodsRequestSchema,
        response: { 200: outagePeriodsResponseSchema },
      },
    },
    async (req) => {
      await db
        .insertInto('outage_period')
        .values(
          req.body.periods.map((p) => ({
            client_id: req.body.clientId,
            started_at: p.startedAt,
            ended_at: p.endedAt,
            declared_by: p.declaredBy,
          })),
        )
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
      const visible =
        actor && row
          ? redactEventsForActor(
              actor,
              row.data as Ticket,
              events.map((e) => e.data as TicketEvent),
              directory,
            )
          : [];
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
        querystring: streetsQuerySchema,
        response: { 200: streetsResponseSchema },
      },
    },
    async (req) => (await searchStreets(db, req.query.q, 20)).map((s) => ({ id: s.symUl, name: s.name })),
  );

  r.get(
    '/streets/all',
    {
      schema: {
        summary: "The city's whole street dictionary, for the copy each workstation searches during an outage",
        security,
        response: { 200: streetListSchema },
      },
    },
    async () => {
      const rows = await db.selectFrom('street').select(['sym_ul', 'name', 'search_full']).orderBy('name').limit(50_000).execute();
      return rows.map((s) => ({ id: s.sym_ul as string, name: s.name as string, key: s.search_full as string }));
    },
  );

  r.get(
    '/sync/poke',
    { schema: { summary: 'Server-sent events: "poke" when there is something to pull', security } },
    async (req, reply) => {
      if (!pokes) return reply.code(503).send({ error: 'unavailable', message: 'Pokes are not enabled on this hub.' });
      reply.hijack();
      pokes.attach(reply.raw, { tokenHash: hashToken(req.sessionToken!) });
    },
  );
}
