// Monitoring and statistics routes (P§24, P§27.3): a supervisor sees their units, the super-supervisor the
// city; everyone else is refused. The record of deleted tickets is the super-supervisor's (P§28).
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { HubError } from '../../src-shared/api/hub';
import { dashboardSchema, deletedRecordSchema, periodSchema, periodStatsSchema } from '../../src-shared/ticket';
import type { CentralDb } from '../db/connect';
import { loadActor } from '../directory';
import { dashboard, deletedRecord, periodStats, type Scope } from './queries';

export function registerStatsRoutes(app: FastifyInstance, db: CentralDb, now: () => Date): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const security = [{ bearer: [] }];

  /** The actor's scope, or undefined once refused. */
  async function scopeOf(userId: string, reply: FastifyReply, superOnly = false): Promise<Scope | undefined> {
    const actor = await loadActor(db, userId);
    if (actor?.roles.includes('superSupervisor')) return null;
    if (actor?.roles.includes('supervisor') && !superOnly) return actor.unitIds;
    await reply.code(403).send({
      error: 'forbidden',
      message: superOnly
        ? 'The record of deleted tickets is the super-supervisor’s.'
        : 'Statistics are for supervisors and the super-supervisor.',
    });
    return undefined;
  }

  r.get(
    '/stats/period',
    {
      schema: {
        summary: 'Statistics of the tickets received in any period of Warsaw days, with every breakdown',
        security,
        querystring: periodSchema,
        response: { 200: periodStatsSchema, 403: HubError },
      },
    },
    async (req, reply) => {
      const scope = await scopeOf(req.user!.id, reply);
      if (scope === undefined) return reply;
      return periodStats(db, req.query, scope, now());
    },
  );

  r.get(
    '/stats/dashboard',
    {
      schema: {
        summary: 'The monitoring dashboard: open and late tickets now, this month against the last',
        security,
        response: { 200: dashboardSchema, 403: HubError },
      },
    },
    async (req, reply) => {
      const scope = await scopeOf(req.user!.id, reply);
      if (scope === undefined) return reply;
      return dashboard(db, scope, now());
    },
  );

  r.get(
    '/stats/deleted',
    {
      schema: {
        summary: 'P§27.3 the record of tickets deleted in a period: what each contributed to the statistics',
        security,
        querystring: periodSchema,
        response: { 200: deletedRecordSchema, 403: HubError },
      },
    },
    async (req, reply) => {
      const scope = await scopeOf(req.user!.id, reply, true);
      if (scope === undefined) return reply;
      return deletedRecord(db, req.query);
    },
  );
}
