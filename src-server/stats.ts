// Monthly statistics (P§24, P§27.3): the super-supervisor (the monitoring team) for the whole city,
// a supervisor for the units they oversee. Deleted tickets count too: their record is the statistic.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createWorkingCalendar } from '../src-shared/calendar';
import { HubError } from '../src-shared/api/hub';
import { monthBounds, monthSchema, monthStats, monthStatsSchema, type Ticket } from '../src-shared/ticket';
import { loadExtraDays } from './calendar-store';
import type { CentralDb } from './db/connect';
import { loadActor } from './directory';

export function registerStats(app: FastifyInstance, db: CentralDb, now: () => Date): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/stats/:month',
    {
      schema: {
        summary: 'Statistics of the tickets received in a month: the whole city, or a supervisor\'s units',
        security: [{ bearer: [] }],
        params: z.object({ month: monthSchema }),
        response: { 200: monthStatsSchema, 403: HubError },
      },
    },
    async (req, reply) => {
      const actor = await loadActor(db, req.user!.id);
      const wholeCity = actor?.roles.includes('superSupervisor');
      if (!actor || (!wholeCity && !actor.roles.includes('supervisor'))) {
        return reply.code(403).send({ error: 'forbidden', message: 'Statistics are for supervisors and the super-supervisor.' });
      }
      const { from, to } = monthBounds(req.params.month);
      let query = db.selectFrom('ticket').select('data').where('received_at', '>=', from).where('received_at', '<', to);
      const units = actor.unitIds.length ? actor.unitIds : ['-'];
      if (!wholeCity) query = query.where((eb) => eb('routed_unit_ids', '&&', eb.val(units)));
      const [rows, extraDays] = await Promise.all([query.execute(), loadExtraDays(db)]);
      const calendar = createWorkingCalendar({ extraDays });
      return monthStats(req.params.month, rows.map((r) => r.data as Ticket), calendar, now());
    },
  );
}
