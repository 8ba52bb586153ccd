// The statistics and the dashboard added up from `ticket_stat` (see figures.ts): indexed narrow rows, one
// statement per answer, never the tickets' documents. A scope of unit ids is a supervisor's; null the city's.
import { sql, type RawBuilder } from 'kysely';
import { TIME_ZONE } from '../../src-shared/calendar';
import {
  breakdowns,
  channelLabels,
  LATE_BUCKETS,
  monthPeriod,
  periodBounds,
  statusLabels,
  type Breakdown,
  type Channel,
  type CountRow,
  type Dashboard,
  type DeletedRecord,
  type FiguresRow,
  type MonthFigures,
  type OutageFigures,
  type Period,
  type PeriodStats,
  type Status,
} from '../../src-shared/ticket';
import type { CentralDb } from '../db/connect';

export type Scope = readonly string[] | null;

const WEEKDAYS = ['poniedziałek', 'wtorek', 'środa', 'czwartek', 'piątek', 'sobota', 'niedziela'];

/** The SQL of each breakdown's key: bytewise ("C") for text, as grouping only compares (sorting by the
 *  database's Polish collation costs several times more); weekday and hour as numbers. */
const KEYS: Record<Breakdown, RawBuilder<unknown>> = {
  unit: sql`unit_id collate "C"`,
  group: sql`group_id collate "C"`,
  realizer: sql`realizer_id collate "C"`,
  category: sql`category_id collate "C"`,
  channel: sql`channel collate "C"`,
  street: sql`street collate "C"`,
  weekday: sql`received_weekday`,
  hour: sql`received_hour`,
};
/**
 * The breakdowns with medians: who handles (unit, group, realizer), what (category) and how it came (channel).
 * Each costs a sort of the period's rows; by street, weekday and hour the counts say what matters.
 */
const MEDIANS_BY: Breakdown[] = ['unit', 'group', 'realizer', 'category', 'channel'];
const keyText = (v: unknown) => (v === null || v === undefined ? null : String(v));

const scopeFilter = (scope: Scope) => (scope ? sql`and unit_id = any(${[...scope, '-']}::text[])` : sql``);

/**
 * Each row's figures as 0/1 (and its working hours) judged at `at`, computed once per row before the
 * grouping adds them up; an unfinished deleted ticket stays judged at its deletion.
 */
function rowFigures(at: Date) {
  const judged = sql`coalesce(deleted_at, ${at}::timestamptz)`;
  const realizationLate = sql`(finished_at > realization_due or (finished_at is null and realization_due < ${judged}))`;
  const bit = (cond: RawBuilder<unknown>) => sql`(${cond})::int`;
  return sql`${bit(sql`finished_at is not null`)} as finished,
    ${bit(sql`finished_at is null and deleted_at is null`)} as open,
    ${bit(sql`deleted_at is not null`)} as deleted,
    during_outage::int as during_outage,
    ${bit(sql`coalesce(taken_up_at <= reaction_due, false)`)} as reaction_on_time,
    ${bit(sql`coalesce(taken_up_at > reaction_due or (taken_up_at is null and finished_at is null and reaction_due < ${judged}), false)`)} as reaction_late,
    ${bit(sql`coalesce(finished_at <= realization_due, false)`)} as realization_on_time,
    ${bit(sql`coalesce(${realizationLate}, false)`)} as realization_late,
    ${bit(sql`coalesce(${realizationLate} and delay_explained, false)`)} as late_explained,
    reaction_hours, realization_hours`;
}

/** The sums of rowFigures: the figures of FiguresRow. */
const figureSums = sql`count(*)::int as received,
    coalesce(sum(finished), 0)::int as finished, coalesce(sum(open), 0)::int as open, coalesce(sum(deleted), 0)::int as deleted, coalesce(sum(during_outage), 0)::int as during_outage,
    coalesce(sum(reaction_on_time), 0)::int as reaction_on_time, coalesce(sum(reaction_late), 0)::int as reaction_late,
    coalesce(sum(realization_on_time), 0)::int as realization_on_time, coalesce(sum(realization_late), 0)::int as realization_late,
    coalesce(sum(late_explained), 0)::int as late_explained`;
/** The medians: sorted per group, the costly part, so asked apart (and in parallel) from the sums. */
const figureMedians = sql`percentile_cont(0.5) within group (order by reaction_hours) as median_reaction_hours,
    percentile_cont(0.5) within group (order by realization_hours) as median_realization_hours`;

/** The figures of the tickets received in [from, to) within the scope, with `keys` selected beside them. */
function figureRows(from: Date, to: Date, scope: Scope, at: Date, keys: RawBuilder<unknown> = sql`1 as one`, columns = rowFigures(at)) {
  return sql`select ${keys}, ${columns} from ticket_stat
    where received_at >= ${from} and received_at < ${to} ${scopeFilter(scope)}`;
}

interface FigureSql {
  received: number;
  finished: number;
  open: number;
  deleted: number;
  during_outage: number;
  reaction_on_time: number;
  reaction_late: number;
  realization_on_time: number;
  realization_late: number;
  late_explained: number;
  median_reaction_hours: number | null;
  median_realization_hours: number | null;
}

const round1 = (n: number | null | undefined) => (n === null || n === undefined ? null : Math.round(n * 10) / 10);
function toRow(key: string | null, label: string, r: FigureSql): FiguresRow {
  return {
    key,
    label,
    received: r.received,
    finished: r.finished,
    open: r.open,
    deleted: r.deleted,
    duringOutage: r.during_outage,
    reactionOnTime: r.reaction_on_time,
    reactionLate: r.reaction_late,
    realizationOnTime: r.realization_on_time,
    realizationLate: r.realization_late,
    lateExplained: r.late_explained,
    medianReactionHours: round1(r.median_reaction_hours),
    medianRealizationHours: round1(r.median_realization_hours),
  };
}

/** Names for the keys of the breakdowns (units, groups, people, categories), read with the figures. */
async function loadLabels(db: CentralDb) {
  const [units, groups, users, categories] = await Promise.all([
    db.selectFrom('unit').select(['id', 'name']).execute(),
    db.selectFrom('work_group').select(['id', 'name', 'symbol']).execute(),
    db.selectFrom('app_user').select(['id', 'display_name']).execute(),
    db
      .selectFrom('category')
      .select(['id', sql<string>`definition->>'name'`.as('name')])
      .execute(),
  ]);
  const map = (rows: { id: string; name: string }[]) => new Map(rows.map((r) => [r.id, r.name]));
  return {
    unit: map(units),
    group: new Map(groups.map((g) => [g.id, `${g.symbol} — ${g.name}`])),
    realizer: map(users.map((u) => ({ id: u.id, name: u.display_name }))),
    category: map(categories),
  };
}
type Labels = Awaited<ReturnType<typeof loadLabels>>;

const NONE: Record<Breakdown, string> = {
  unit: 'jeszcze nieprzekazane',
  group: 'bez grupy',
  realizer: 'nikt nie podjął',
  category: 'bez kategorii',
  channel: '—',
  street: 'bez adresu',
  weekday: '—',
  hour: '—',
};

function labelOf(labels: Labels, breakdown: Breakdown, key: string | null): string {
  if (key === null) return NONE[breakdown];
  switch (breakdown) {
    case 'unit':
    case 'group':
    case 'realizer':
    case 'category':
      return labels[breakdown].get(key) ?? key;
    case 'channel':
      return channelLabels[key as Channel] ?? key;
    case 'weekday':
      return WEEKDAYS[Number(key) - 1] ?? key;
    case 'hour':
      return `${key.padStart(2, '0')}:00–${key.padStart(2, '0')}:59`;
    default:
      return key;
  }
}

/** Statistics of the tickets received in a period (Warsaw days), with every breakdown, judged at `at`. */
export async function periodStats(db: CentralDb, period: Period, scope: Scope, at: Date): Promise<PeriodStats> {
  const { from, to } = periodBounds(period);
  // GROUPING SETS gives the total and each breakdown in one pass: the sums hashed in one statement, the
  // medians (sorts) in two more beside it, so that the database's cores share the work.
  const grouped = (sets: Breakdown[], aggregates: RawBuilder<unknown>, total: boolean, columns?: RawBuilder<unknown>) =>
    db.transaction().execute(async (tx) => {
      // Sorts stay in memory (a month of a large city is some 60,000 rows).
      await sql`set local work_mem = '64MB'`.execute(tx);
      const keys = sql.join(sets.map((b) => sql`${KEYS[b]} as ${sql.ref(`key_${b}`)}`));
      const groups = sql.join([...(total ? [sql`()`] : []), ...sets.map((b) => sql`(${sql.ref(`key_${b}`)})`)]);
      const flags = sql.join(sets.map((b) => sql`grouping(${sql.ref(`key_${b}`)}) = 0 as ${sql.ref(`in_${b}`)}, ${sql.ref(`key_${b}`)}`));
      const { rows } = await sql<
        Record<string, unknown>
      >`select ${flags}, ${aggregates} from (${figureRows(from, to, scope, at, keys, columns)}) f
        group by grouping sets (${groups})`.execute(tx);
      return rows.map((r) => {
        const breakdown = sets.find((b) => r[`in_${b}`]) ?? null;
        return {
          id: `${breakdown}:${breakdown ? r[`key_${breakdown}`] : ''}`,
          breakdown,
          key: breakdown ? keyText(r[`key_${breakdown}`]) : null,
          r,
        };
      });
    });
  const hoursOnly = sql`reaction_hours, realization_hours`;
  const [sums, medians1, medians2, labels, outages] = await Promise.all([
    grouped([...breakdowns], figureSums, true),
    grouped(MEDIANS_BY.slice(0, 2), figureMedians, true, hoursOnly),
    grouped(MEDIANS_BY.slice(2), figureMedians, false, hoursOnly),
    loadLabels(db),
    outageFigures(db, from, to, scope, at),
  ]);
  const medians = new Map([...medians1, ...medians2].map((m) => [m.id, m.r]));
  const result = { rows: sums.map((s) => ({ ...s.r, ...medians.get(s.id) }) as FigureSql & Record<string, unknown>) };
  const empty = toRow(null, 'Razem', {
    received: 0,
    finished: 0,
    open: 0,
    deleted: 0,
    during_outage: 0,
    reaction_on_time: 0,
    reaction_late: 0,
    realization_on_time: 0,
    realization_late: 0,
    late_explained: 0,
    median_reaction_hours: null,
    median_realization_hours: null,
  });
  let total = empty;
  const byBreakdown = Object.fromEntries(breakdowns.map((b) => [b, [] as FiguresRow[]])) as Record<Breakdown, FiguresRow[]>;
  for (const r of result.rows) {
    const breakdown = breakdowns.find((b) => r[`in_${b}`]);
    if (!breakdown) {
      total = toRow(null, 'Razem', r);
      continue;
    }
    const key = keyText(r[`key_${breakdown}`]);
    byBreakdown[breakdown].push(toRow(key, labelOf(labels, breakdown, key), r));
  }
  for (const b of breakdowns) {
    const rows = byBreakdown[b];
    if (b === 'weekday' || b === 'hour') rows.sort((x, y) => Number(x.key) - Number(y.key));
    else rows.sort((x, y) => y.received - x.received || x.label.localeCompare(y.label, 'pl'));
  }
  return {
    ...period,
    at: at.toISOString(),
    scope: scope ? 'units' : 'city',
    total,
    breakdowns: byBreakdown,
    outages,
  };
}

/**
 * Outage periods the workstations reported (P§29) overlapping [from, to), overlapping ones merged into one,
 * each with the tickets registered from calls taken during it.
 */
async function outageFigures(db: CentralDb, from: Date, to: Date, scope: Scope, at: Date): Promise<OutageFigures[]> {
  const rows = await db
    .selectFrom('outage_period')
    .select(['client_id', 'started_at', 'ended_at'])
    .where('started_at', '<', to)
    .where(sql<boolean>`coalesce(ended_at, ${at}) >= ${from}`)
    .orderBy('started_at')
    .limit(1000)
    .execute();
  const merged: { start: Date; end: Date | null; clients: Set<string> }[] = [];
  for (const r of rows) {
    const start = new Date(r.started_at);
    const end = r.ended_at ? new Date(r.ended_at) : null;
    const last = merged.at(-1);
    if (last && (last.end === null || start <= last.end)) {
      last.end = last.end === null || end === null ? null : end > last.end ? end : last.end;
      last.clients.add(r.client_id);
    } else merged.push({ start, end, clients: new Set([r.client_id]) });
  }
  if (merged.length === 0) return [];
  const counts = await sql<{ i: string; taken: number }>`select p.i, count(t.number)::int as taken
      from unnest(${merged.map((m) => m.start.toISOString())}::timestamptz[], ${merged.map((m) => (m.end ?? at).toISOString())}::timestamptz[])
           with ordinality as p(s, e, i)
      join ticket_stat t on t.during_outage and t.received_at >= p.s and t.received_at <= p.e ${scopeFilter(scope)}
      group by p.i`.execute(db);
  const taken = new Map(counts.rows.map((r) => [Number(r.i), r.taken]));
  return merged.map((m, i) => ({
    startedAt: m.start.toISOString(),
    endedAt: m.end?.toISOString() ?? null,
    workstations: m.clients.size,
    taken: taken.get(i + 1) ?? 0,
  }));
}

const warsawMonth = (at: Date) => at.toLocaleString('sv-SE', { timeZone: TIME_ZONE }).slice(0, 7);
function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 1 ? `${y! - 1}-12` : `${y}-${String(m! - 1).padStart(2, '0')}`;
}

async function monthFigures(db: CentralDb, month: string, scope: Scope, at: Date): Promise<MonthFigures> {
  const { from, to } = periodBounds(monthPeriod(month));
  const { rows } = await sql<FigureSql>`select ${figureSums}, ${figureMedians} from (${figureRows(from, to, scope, at)}) f`.execute(db);
  const r = rows[0]!;
  const share = (onTime: number, late: number) => (onTime + late ? onTime / (onTime + late) : null);
  return {
    month,
    received: r.received,
    duringOutage: r.during_outage,
    reactionOnTimeShare: share(r.reaction_on_time, r.reaction_late),
    realizationOnTimeShare: share(r.realization_on_time, r.realization_late),
    medianReactionHours: round1(r.median_reaction_hours),
    medianRealizationHours: round1(r.median_realization_hours),
  };
}

/** P§24: what is open now by state and by group, what is late and by how much, this month against the last. */
export async function dashboard(db: CentralDb, scope: Scope, at: Date): Promise<Dashboard> {
  // Waiting past P§4.3 (a web form not picked up) or P§16.2 (not taken up by the group).
  const reactionLate = sql`((status = 'awaitingPickup' and pickup_due < ${at}) or (taken_up_at is null and reaction_due < ${at}))`;
  const realizationLate = sql`(realization_due < ${at})`;
  const days = (due: RawBuilder<unknown>) => sql`extract(epoch from (${at}::timestamptz - ${due})) / 86400`;
  const bucket = (due: RawBuilder<unknown>) =>
    sql.join(
      LATE_BUCKETS.map((b, i) => {
        const above = i === 0 ? sql`` : sql`and ${days(due)} > ${LATE_BUCKETS[i - 1]!.upTo}`;
        const upTo = b.upTo === null ? sql`` : sql`and ${days(due)} <= ${b.upTo}`;
        return sql`count(*) filter (where ${due} < ${at} ${above} ${upTo})::int`;
      }),
    );
  const month = warsawMonth(at);
  const [open, late, thisMonth, lastMonth, labels] = await Promise.all([
    sql<{ status: string | null; group_id: string | null; by_status: boolean; count: number; late: number }>`
      select status, group_id, grouping(status) = 0 as by_status, count(*)::int as count,
        count(*) filter (where ${reactionLate} or ${realizationLate})::int as late
      from ticket_stat where finished_at is null and deleted_at is null ${scopeFilter(scope)}
      group by grouping sets ((status), (group_id))`.execute(db),
    sql<{ reaction: number[]; realization: number[] }>`
      select array[${bucket(sql`case when status = 'awaitingPickup' then pickup_due when taken_up_at is null then reaction_due end`)}] as reaction,
             array[${bucket(sql`realization_due`)}] as realization
      from ticket_stat where finished_at is null and deleted_at is null ${scopeFilter(scope)}`.execute(db),
    monthFigures(db, month, scope, at),
    monthFigures(db, previousMonth(month), scope, at),
    loadLabels(db),
  ]);
  const openByStatus: CountRow[] = [];
  const openByGroup: CountRow[] = [];
  for (const r of open.rows) {
    if (r.by_status)
      openByStatus.push({ key: r.status, label: statusLabels[r.status as Status] ?? String(r.status), count: r.count, late: r.late });
    else
      openByGroup.push({
        key: r.group_id,
        label: r.group_id ? (labels.group.get(r.group_id) ?? r.group_id) : 'bez grupy',
        count: r.count,
        late: r.late,
      });
  }
  openByStatus.sort((a, b) => b.count - a.count);
  openByGroup.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'pl'));
  const buckets = (counts: number[]) => LATE_BUCKETS.map((b, i) => ({ label: b.label, count: counts[i] ?? 0 }));
  const { from: monthStart } = periodBounds(monthPeriod(previousMonth(month)));
  return {
    at: at.toISOString(),
    scope: scope ? 'units' : 'city',
    open: openByStatus.reduce((n, r) => n + r.count, 0),
    openByStatus,
    openByGroup,
    late: { reaction: buckets(late.rows[0]!.reaction), realization: buckets(late.rows[0]!.realization) },
    thisMonth,
    lastMonth,
    outages: await outageFigures(db, monthStart, at, scope, at),
  };
}

/** P§27.3: the record of tickets deleted in a period (Warsaw days), without any personal data. */
export async function deletedRecord(db: CentralDb, period: Period): Promise<DeletedRecord> {
  const { from, to } = periodBounds(period);
  const [rows, labels] = await Promise.all([
    db
      .selectFrom('ticket_stat')
      .selectAll()
      .where('deleted_at', '>=', from)
      .where('deleted_at', '<', to)
      .orderBy('deleted_at')
      .orderBy('number')
      .limit(200_000)
      .execute(),
    loadLabels(db),
  ]);
  const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
  const met = (done: Date | null, due: Date | null) => (done && due ? new Date(done) <= new Date(due) : null);
  return {
    ...period,
    rows: rows.map((r) => ({
      number: r.number,
      receivedAt: iso(r.received_at)!,
      deletedAt: iso(r.deleted_at)!,
      reason: r.deletion_reason ?? '',
      status: statusLabels[r.status as Status] ?? r.status,
      unit: labelOf(labels, 'unit', r.unit_id),
      category: labelOf(labels, 'category', r.category_id),
      channel: labelOf(labels, 'channel', r.channel),
      street: r.street,
      finishedAt: iso(r.finished_at),
      reactionOnTime: met(r.taken_up_at, r.reaction_due),
      realizationOnTime: met(r.finished_at, r.realization_due),
    })),
  };
}
