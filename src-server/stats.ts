// Monthly statistics (P§24, P§27.3), the summary older workstations ask for: the super-supervisor (the
// monitoring team) for the whole city, a supervisor for the units they oversee. Added up from ticket_stat (see
// stats/figures.ts), so deleted tickets count with the figures they had. A ticket counts for the unit it is in
// now (as in the city's figures), so a supervisor's figures are the city's rows of their units and nothing
// else: a ticket their unit returned and another unit now handles is that unit's, and shows neither as a row
// nor in the totals.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import { HubError } from '../src-shared/api/hub';
import { monthBounds, monthSchema, monthStatsSchema, type StatsRow } from '../src-shared/ticket';
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
      const at = now();
      // A supervisor of no unit matches nothing.
      const scope = wholeCity ? sql`` : sql`and unit_id = any(${[...actor.unitIds, '-']}::text[])`;
      const { rows } = await sql<{
        by_unit: boolean;
        by_category: boolean;
        by_channel: boolean;
        unit_id: string | null;
        category_id: string | null;
        channel: string | null;
        received: number;
        finished: number;
        finished_late: number;
        open_late: number;
        during_outage: number;
        deleted: number;
      }>`select grouping(unit_id) = 0 as by_unit, grouping(category_id) = 0 as by_category, grouping(channel) = 0 as by_channel,
            unit_id, category_id, channel, count(*)::int as received,
            count(*) filter (where finished_at is not null)::int as finished,
            count(*) filter (where finished_at > realization_due)::int as finished_late,
            count(*) filter (where finished_at is null and deleted_at is null
              and ((status = 'awaitingPickup' and pickup_due < ${at}) or (taken_up_at is null and reaction_due < ${at}) or realization_due < ${at}))::int as open_late,
            count(*) filter (where during_outage)::int as during_outage,
            count(*) filter (where deleted_at is not null)::int as deleted
          from ticket_stat where received_at >= ${from} and received_at < ${to} ${scope}
          group by grouping sets ((), (unit_id), (category_id), (channel))`.execute(db);
      const row = (key: string | null, r: (typeof rows)[number]): StatsRow => ({
        key,
        received: r.received,
        finished: r.finished,
        finishedLate: r.finished_late,
        openLate: r.open_late,
      });
      const total = rows.find((r) => !r.by_unit && !r.by_category && !r.by_channel);
      const mostFirst = (a: StatsRow, b: StatsRow) => b.received - a.received;
      return {
        month: req.params.month,
        total: total ? row(null, total) : { key: null, received: 0, finished: 0, finishedLate: 0, openLate: 0 },
        byUnit: rows
          .filter((r) => r.by_unit)
          .map((r) => row(r.unit_id, r))
          .sort(mostFirst),
        byCategory: rows
          .filter((r) => r.by_category)
          .map((r) => row(r.category_id, r))
          .sort(mostFirst),
        byChannel: Object.fromEntries(rows.filter((r) => r.by_channel).map((r) => [r.channel!, r.received])),
        duringOutage: total?.during_outage ?? 0,
        deleted: total?.deleted ?? 0,
      };
    },
  );
}
