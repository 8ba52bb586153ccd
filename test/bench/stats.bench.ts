// Statistics at city scale (P§24): 3,000,000 tickets' figures (over four years at Warsaw's 700,000 a year)
// written straight into ticket_stat with generate_series, then a month's statistics with every breakdown
// and the dashboard asked through the hub's routes as the super-supervisor. Beside each, the floor: a raw
// count over the same rows through the same indexes.
import { sql } from 'kysely';
import { monthPeriod } from '../../src-shared/ticket';
import { PASSWORD, seedCity } from '../support/city';
import { TestWorkstation } from '../support/sync-client';
import { withHub } from './bench-support';
import type { Bench } from './harness';

const TICKETS = Number(process.env.STATS_BENCH_TICKETS ?? 3_000_000);
/** 45 s apart: 700,000 a year. */
const SPACING_S = 45;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
async function timed(runs: number, fn: () => Promise<unknown>): Promise<number> {
  await fn(); // warm
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    ms.push(performance.now() - t);
  }
  return median(ms);
}

const stats: Bench = {
  name: 'stats',
  run: () =>
    withHub(async (hub) => {
      const db = hub.database.db;
      await seedCity(db);
      const now = new Date();
      const start = new Date(now.getTime() - TICKETS * SPACING_S * 1000);
      const loadStarted = performance.now();
      // Recent ones (30 days) and every hundredth older one are open; a third of take-ups are late.
      for (let first = 0; first < TICKETS; first += 500_000) {
        const last = Math.min(TICKETS, first + 500_000) - 1;
        await sql`insert into ticket_stat (number, received_at, received_weekday, received_hour, status, kind, channel, unit_id, group_id, realizer_id, category_id, street,
                    during_outage, handed_at, reaction_due, taken_up_at, reaction_hours, realization_due, finished_at, realization_hours,
                    delay_explained, deleted_at, deletion_reason)
          select 'B/' || i, r, extract(isodow from r at time zone 'Europe/Warsaw'), extract(hour from r at time zone 'Europe/Warsaw'), case when open then 'inProgress' else 'resolved' end, 'interventional',
            (array['phone','web','email','ezd','other'])[1 + i % 5], 'u' || (i % 20), 'g' || (i % 60), 'r' || (i % 300), 'c' || (i % 80),
            'ul. ' || (i * 7 % 2000), i % 200 = 0, r + interval '10 minutes', r + interval '1 day',
            r + (i % 36) * interval '1 hour', (i % 36) * 0.3, r + interval '14 days',
            case when open then null else r + (i % 20) * interval '1 day' end, case when open then null else (i % 20) * 8.0 end,
            i % 7 = 0, case when i % 97 = 0 and not open then r + interval '200 days' end, case when i % 97 = 0 and not open then 'P§27.2' end
          from generate_series(${first}::int, ${last}::int) i,
            lateral (select ${start}::timestamptz + i * ${SPACING_S} * interval '1 second' as r) t,
            lateral (select (r > ${now}::timestamptz - interval '30 days' or i % 100 = 0) as open) o`.execute(db);
      }
      await sql`vacuum analyze ticket_stat`.execute(db);
      process.stderr.write(`  ${TICKETS} figures loaded in ${Math.round((performance.now() - loadStarted) / 1000)} s\n`);

      const boss = await new TestWorkstation(hub.url).login('supernadzor', PASSWORD);
      const get = async (path: string) => {
        const res = await fetch(`${hub.url}${path}`, { headers: { authorization: `Bearer ${boss.token}` } });
        if (res.status !== 200) throw new Error(`${path}: HTTP ${res.status} ${await res.text()}`);
        return res.json();
      };
      // The last whole Warsaw month.
      const month = new Date(now.getTime() - 31 * 86_400_000).toLocaleString('sv-SE', { timeZone: 'Europe/Warsaw' }).slice(0, 7);
      const period = monthPeriod(month);
      const monthMs = await timed(7, () => get(`/stats/period?from=${period.from}&to=${period.to}`));
      const countMonthMs = await timed(7, () =>
        sql`select count(*) from ticket_stat where received_at >= ${period.from}::date and received_at < ${period.to}::date + 1`.execute(
          db,
        ),
      );
      const dashboardMs = await timed(7, () => get('/stats/dashboard'));
      const countOpenMs = await timed(7, () =>
        sql`select count(*) from ticket_stat where finished_at is null and deleted_at is null`.execute(db),
      );
      return [
        {
          name: 'stats.month_ms',
          value: monthMs,
          unit: 'ms',
          target: 300,
          peer: { name: 'raw count(*) of the month', value: countMonthMs },
        },
        {
          name: 'stats.dashboard_ms',
          value: dashboardMs,
          unit: 'ms',
          target: 300,
          peer: { name: 'raw count(*) of open tickets', value: countOpenMs },
        },
      ];
    }),
};

export default stats;
