// The sync protocol's HTTP routes: push, pull, number leases and the poke stream.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { HubError } from '../../src-shared/api/hub';
import {
  leaseRequestSchema,
  leaseResponseSchema,
  MAX_PUSH_BYTES,
  pullRequestSchema,
  pullResponseSchema,
  pushRequestSchema,
  pushResponseSchema,
} from '../../src-shared/api/sync';
import type { CentralDb } from '../db/connect';
import { loadActors } from '../directory';
import { leaseNumbers } from './numbers';
import type { PokeHub } from './poke';
import { pull } from './pull';
import { push, PushError } from './push';
import { warsawYear } from '../../src-shared/format';

export function registerSync(app: FastifyInstance, db: CentralDb, pokes: PokeHub | undefined, now: () => Date): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const security = [{ bearer: [] }];

  r.post(
    '/sync/push',
    {
      // A little above the desktop's own limit, for the JSON envelope.
      bodyLimit: MAX_PUSH_BYTES + 64 * 1024,
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
    { schema: { summary: 'Changes this user may see since a cursor, paged', security, body: pullRequestSchema, response: { 200: pullResponseSchema, 403: HubError } } },
    async (req, reply) => {
      const actor = (await loadActors(db, [req.user!.id])).get(req.user!.id);
      if (!actor) return reply.code(403).send({ error: 'forbidden', message: 'This account may not read tickets.' });
      // Pre-serialised (see pull): sent as it is, not through the response schema.
      return reply.type('application/json').send((await pull(db, actor, req.body.clientId, req.body.cursor, req.body.limit)) as never);
    },
  );

  r.post(
    '/sync/lease',
    { schema: { summary: 'Lease a block of ticket numbers for offline registration', security, body: leaseRequestSchema, response: { 200: leaseResponseSchema } } },
    async (req) => leaseNumbers(db, req.body.clientId, req.body.count, warsawYear(now())),
  );

  r.get('/sync/poke', { schema: { summary: 'Server-sent events: "poke" when there is something to pull', security } }, async (req, reply) => {
    if (!pokes) return reply.code(503).send({ error: 'unavailable', message: 'Pokes are not enabled on this hub.' });
    reply.hijack();
    pokes.attach(reply.raw);
  });
}
