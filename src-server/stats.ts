// Monthly statistics (P§24, P§27.3): the super-supervisor (the monitoring team) for the whole city,
// a supervisor for the units they oversee. Deleted tickets count too: their record is the statistic.
// A ticket counts for the unit it is in now (as in the city's figures), so a supervisor's figures are the
// city's rows of their units and nothing else: a ticket their unit returned and another unit now handles is
// that unit's, and shows neither as a row nor in the totals.
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
        summary: "Statistics of the tickets received in a month: the whole city, or a supervisor's units",
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
      // A supervisor of no unit matches nothing ('in ()' is not SQL).
      if (!wholeCity) query = query.where('unit_id', 'in', actor.unitIds.length ? actor.unitIds : ['-']);
      const [rows, extraDays] = await Promise.all([query.execute(), loadExtraDays(db)]);
      const calendar = createWorkingCalendar({ extraDays });
      return monthStats(
        req.params.month,
        rows.map((r) => r.data as Ticket),
        calendar,
        now(),
      );
    },
  );
}
