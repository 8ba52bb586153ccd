// What screens read from the replica: queue pages with the user's filters, sort and search, and their
// counts (P§24.2), the status-inquiry search (P§23.1) and the duplicate hint. Each query uses an index
// (see migrations/local 2026-12-03-04-queue-columns); pages are windows of a queue, so every ticket is reachable.
import type Database from 'better-sqlite3';
import { sql, type RawBuilder } from 'kysely';
import type { QueueCounts, QueueName, QueueRow } from '../../src-shared/api/desktop';
import type { WorkingCalendar } from '../../src-shared/calendar';
import {
  allowedCommands,
  bulkCommandsOf,
  clockCutoffs,
  currentGroupId,
  isOpen,
  openStatuses,
  queueFilter,
  statuses,
  retentionCutoff,
  retentionOver,
  ticketClock,
  type Actor,
  type DeadlineState,
  type Directory,
  type QueueFilter,
  type QueueQuery,
  type SingleClock,
  type Ticket,
} from '../../src-shared/ticket';
import { polishCollator, searchKey } from '../../src-shared/text';
import type { LocalDb } from './store';

/**
 * Counting looks this far past the window asked for, no further: a filter the indexes do not cover reads
 * each ticket's stored data, and a million of them cannot be read in the time a page may take. The screen
 * shows "2 000+" and the figure grows as the user scrolls on, so every ticket stays reachable.
 */
export const COUNT_HORIZON = 2_000;
/** Facet counts stop here (screens add "+"). */
export const COUNT_CAP = 2_000;

export interface QueryView {
  actor: Actor;
  directory: Directory;
  calendar: WorkingCalendar;
}

interface RowData {
  data: string;
  pending: number;
}

/** Polish alphabetical order as a binary-comparable key (SQLite's own collation knows no Polish); numbers in natural order. */
const ALPHABET = 'aąbcćdeęfghijklłmnńoópqrsśtuvwxyzźż';
export function polishSortKey(text: string | null): string | null {
  if (text == null) return null;
  let out = '';
  // "Kilińskiego 51" before "Kilińskiego 131": each run of digits led by its length.
  const natural = text.toLowerCase().replace(/\d+/g, (digits) => String.fromCharCode(0x30 + Math.min(digits.length, 40)) + digits);
  for (const ch of natural) {
    const at = ALPHABET.indexOf(ch);
    out += at >= 0 ? String.fromCharCode(0x100 + at) : ch;
  }
  return out;
}

/** searchKey (src-shared/text) for the letters a Polish text holds, without Unicode normalisation: it runs once a row. */
const FOLD: Record<string, string> = { ą: 'a', ć: 'c', ę: 'e', ł: 'l', ń: 'n', ó: 'o', ś: 's', ź: 'z', ż: 'z' };
export function fastSearchKey(text: string): string {
  const lower = text.toLowerCase();
  // Anything beyond ASCII and Polish letters goes the full way, so both always agree.
  if (/[^ -~ąćęłńóśźż]/.test(lower)) return searchKey(text);
  return lower
    .replace(/[ąćęłńóśźż]/g, (ch) => FOLD[ch]!)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const registered = new WeakSet<Database.Database>();
/** The functions queries call: Polish sort keys and the diacritics-free search key of src-shared/text. */
export function registerQueryFunctions(sqlite: Database.Database): void {
  if (registered.has(sqlite)) return;
  sqlite.function('polish_key', { deterministic: true }, (text: unknown) => polishSortKey(typeof text === 'string' ? text : null));
  sqlite.function('search_key', { deterministic: true }, (text: unknown) => (typeof text === 'string' ? fastSearchKey(text) : null));
  registered.add(sqlite);
}

const OPEN_SQL = sql.join(openStatuses.map((s) => sql.lit(s)));
const iso = (d: Date) => sql.lit(d.toISOString());

/** Whether a clock runs for a row and when it started (the rows' columns; mirrors ticketClock in src-shared). */
const RUNS: Record<SingleClock, RawBuilder<boolean>> = {
  webPickup: sql<boolean>`status = 'awaitingPickup'`,
  reaction: sql<boolean>`(status in ('forwarded', 'assigned') and handed_at is not null)`,
  realization: sql<boolean>`(kind = 'interventional' and status in (${OPEN_SQL}))`,
};
const STARTS: Record<SingleClock, RawBuilder<string>> = {
  webPickup: sql`received_at`,
  reaction: sql`handed_at`,
  realization: sql`received_at`,
};

const clocksOf = (clock: QueueFilter['clock']): SingleClock[] =>
  clock === null ? [] : clock === 'mostPressing' ? ['webPickup', 'reaction', 'realization'] : [clock];

type Cutoffs = Record<SingleClock, { lateBefore: Date; dueTodayBefore: Date }>;

/** SQL that is true exactly for the rows in one of these deadline states (late / due today / on time / no clock). */
function deadlineSql(states: readonly DeadlineState[], clock: QueueFilter['clock'], cut: Cutoffs): RawBuilder<boolean> {
  const clocks = clocksOf(clock);
  const any = (parts: RawBuilder<boolean>[]) => (parts.length ? sql<boolean>`(${sql.join(parts, sql` or `)})` : sql<boolean>`0`);
  const late = any(clocks.map((c) => sql<boolean>`(${RUNS[c]} and ${STARTS[c]} < ${iso(cut[c].lateBefore)})`));
  const today = any(clocks.map((c) => sql<boolean>`(${RUNS[c]} and ${STARTS[c]} < ${iso(cut[c].dueTodayBefore)})`));
  const running = any(clocks.map((c) => RUNS[c]));
  // The most pressing clock decides: a late clock makes the row late whatever the others say.
  const byState: Record<DeadlineState, RawBuilder<boolean>> = {
    late,
    dueToday: sql<boolean>`(not ${late} and ${today})`,
    onTime: sql<boolean>`(${running} and not ${today})`,
    none: sql<boolean>`(not ${running})`,
  };
  return sql<boolean>`(${sql.join(
    states.map((s) => byState[s]),
    sql` or `,
  )})`;
}

/**
 * The order of the "Termin" column, read from an index so a page of a large queue needs no sort. For one clock
 * its start orders rows exactly as their deadlines. For the most pressing of several, the report's receipt: a
 * ticket received long ago is late for completion (P§18.1), and one handed over long ago was received earlier
 * still, so both lead; each row's deadline text stays exact and "Po terminie" narrows to the late ones.
 */
function dueOrderSql(f: QueueFilter): RawBuilder<unknown> {
  if (f.clock === null || f.clock === 'mostPressing') return sql`received_at`;
  return STARTS[f.clock];
}

/** Every ticket of the queue waits for a group's take-up (P§16.2 runs on each row). */
const waitsForTakeUp = (f: QueueFilter) => !!f.statuses?.length && f.statuses.every((s) => s === 'forwarded' || s === 'assigned');

/** A rank of ids in Polish order of their names, for sorting by a column that holds ids. */
function rankSql(column: string, names: [id: string, name: string][]): RawBuilder<unknown> {
  if (names.length === 0) return sql.ref(column);
  const ordered = [...names].sort((a, b) => polishCollator.compare(a[1], b[1]));
  return sql`case ${sql.ref(column)} ${sql.join(
    ordered.map(([id], i) => sql`when ${sql.lit(id)} then ${sql.lit(i)}`),
    sql` `,
  )} else ${sql.lit(ordered.length)} end`;
}

type Facet = 'statuses' | 'deadline' | 'groupIds' | 'categoryIds' | 'channels' | 'outage' | 'mine';

/** The queue (its statuses, groups, units) narrowed by the user's filters, except `skip` (for that facet's counts). */
function selection(db: LocalDb, f: QueueFilter, q: QueueQuery, view: QueryView, cut: Cutoffs, now: Date, skip?: Facet) {
  let out = db.selectFrom('ticket');
  if (f.statuses) out = out.where('status', 'in', [...f.statuses]);
  if (f.coordinatorGroupIds)
    out = out.where('coordinator_group_id', 'in', f.coordinatorGroupIds.length ? [...f.coordinatorGroupIds] : ['-']);
  if (f.realizerGroupIds) out = out.where('realizer_group_id', 'in', f.realizerGroupIds.length ? [...f.realizerGroupIds] : ['-']);
  if (f.unitIds) out = out.where('unit_id', 'in', f.unitIds.length ? [...f.unitIds] : ['-']);
  // Mirrors the shared rule of P§20.2 (a notice not yet acted on), in SQL so that pages and counts agree.
  if (f.pendingNotice)
    out = out
      .where('notices', '>', 0)
      .where(
        sql<boolean>`exists (select 1 from json_each(data, '$.partialCompetenceNotices') where json_extract(value, '$.handledAt') is null)`,
      );
  if (f.onlyLate) out = out.where(deadlineSql(['late', 'dueToday'], f.clock, cut));
  if (f.retentionOver) out = out.where('received_at', '<', retentionCutoff(now).toISOString());

  if (q.statuses?.length && skip !== 'statuses') out = out.where('status', 'in', q.statuses);
  if (q.categoryIds?.length && skip !== 'categoryIds') out = out.where('category_id', 'in', q.categoryIds);
  if (q.groupIds?.length && skip !== 'groupIds') out = out.where('holder_group_id', 'in', q.groupIds);
  if (q.channels?.length && skip !== 'channels') out = out.where('channel', 'in', q.channels);
  if (q.deadline?.length && skip !== 'deadline') {
    out = out.where(deadlineSql(q.deadline, f.clock, cut));
    // Where take-up runs on every row, a row not late is one handed over after the take-up cutoff: the same
    // rows, said as a range of the index the queue walks.
    if (waitsForTakeUp(f) && !q.deadline.includes('late') && !q.deadline.includes('none'))
      out = out.where('handed_at', '>=', cut.reaction[q.deadline.includes('dueToday') ? 'lateBefore' : 'dueTodayBefore'].toISOString());
  }
  if (q.outage && skip !== 'outage') out = out.where('outage', '=', 1);
  if (q.mine && skip !== 'mine') {
    const me = view.actor.userId;
    out = out.where((eb) => eb.or([eb('coordinator_id', '=', me), eb('realizer_id', '=', me)]));
  }
  const street = q.street ? searchKey(q.street) : '';
  if (street) out = out.where('address_key', 'like', `%${street}%`);
  const search = q.search?.trim() ?? '';
  if (search) {
    const key = searchKey(search);
    const digits = search.replace(/\D/g, '');
    out = out.where((eb) =>
      eb.or([
        ...(digits.length >= 2 ? [eb('number', 'like', `%${digits}%`)] : []),
        ...(key ? [eb('address_key', 'like', `%${key}%`), eb(sql`search_key(subject)`, 'like', `%${key}%`)] : []),
      ]),
    );
  }
  return out;
}

function cutoffsAt(calendar: WorkingCalendar, now: Date): Cutoffs {
  return {
    webPickup: clockCutoffs(calendar, 'webPickup', now),
    reaction: clockCutoffs(calendar, 'reaction', now),
    realization: clockCutoffs(calendar, 'realization', now),
  };
}

/** One window of a queue as the user narrowed and sorted it, and how many tickets it holds in all. */
export async function queuePage(
  db: LocalDb,
  view: QueryView,
  queue: QueueName,
  query: QueueQuery,
  limit: number,
  offset: number,
  now: Date,
): Promise<{ rows: QueueRow[]; total: number; more: boolean }> {
  const filter = queueFilter(queue, view.actor, view.directory);
  const cut = cutoffsAt(view.calendar, now);
  const base = selection(db, filter, query, view, cut, now);
  if (filter.retentionOver) {
    // Registered before the cutoff's month boundary (received never later than registered, so the
    // indexed filter keeps every candidate); the shared rule decides each.
    const candidates = await base.orderBy('received_at').select(['data', 'pending']).execute();
    const due = candidates.filter((r) => retentionOver(JSON.parse(r.data as string) as Ticket, now));
    return {
      rows: due.slice(offset, offset + limit).map((r) => toRow(r as RowData, view, filter.clock, now, queue)),
      total: due.length,
      more: false,
    };
  }
  const sort = query.sort ?? defaultSort(filter);
  const direction = sort.direction;
  const dir = direction === 'asc' ? sql`asc` : sql`desc`;
  const key = sortSql(sort.column, filter, view);
  // The window's tickets are chosen from the indexes alone (every index holds the rowid), then only
  // those rows are read: sorting a large queue never reads the tickets it does not show.
  const ids = (
    await base
      .select(sql<number>`ticket.rowid`.as('id'))
      .orderBy(sql`${key} ${dir} nulls last`)
      .orderBy(sql`ticket.rowid`, direction)
      .limit(limit)
      .offset(offset)
      .execute()
  ).map((r) => Number(r.id));
  const [found, count] = await Promise.all([
    ids.length
      ? db
          .selectFrom('ticket')
          .select([sql<number>`rowid`.as('id'), 'data', 'pending'])
          .where(sql.ref('rowid'), 'in', ids)
          .execute()
      : Promise.resolve([]),
    db
      .selectFrom(
        base
          .select(sql<number>`1`.as('one'))
          .limit(offset + COUNT_HORIZON)
          .as('counted'),
      )
      .select(sql<number>`count(*)`.as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  const byId = new Map(found.map((r) => [Number(r.id), r as unknown as RowData]));
  const rows = ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
  const total = Number(count.n);
  return { rows: rows.map((r) => toRow(r, view, filter.clock, now, queue)), total, more: total >= offset + COUNT_HORIZON };
}

const defaultSort = (f: QueueFilter): NonNullable<QueueQuery['sort']> =>
  f.onlyLate || (f.order === 'oldestFirst' && f.clock) ? { column: 'due', direction: 'asc' } : { column: 'received', direction: 'desc' };

function sortSql(column: NonNullable<QueueQuery['sort']>['column'], f: QueueFilter, view: QueryView): RawBuilder<unknown> {
  const dir = view.directory;
  switch (column) {
    case 'number':
      return sql.ref('number');
    case 'subject':
      return sql`polish_key(subject)`;
    case 'address':
      return sql`polish_key(json_extract(data, '$.location.address'))`;
    case 'received':
      return sql.ref('received_at');
    case 'due':
      return dueOrderSql(f);
    case 'category':
      return rankSql(
        'category_id',
        Object.values(dir.categories).map((c) => [c.id, c.name]),
      );
    case 'group':
      return rankSql(
        'holder_group_id',
        Object.values(dir.groups).map((g) => [g.id, g.symbol]),
      );
    case 'status':
      // The order of the lifecycle (src-shared statuses), not of the labels.
      return rankSql(
        'status',
        statuses.map((s, i) => [s, String(i).padStart(2, '0')]),
      );
  }
}

/** How many tickets of the narrowed queue fall under each filter value (each facet counted without its own filter). */
export async function queueCounts(db: LocalDb, view: QueryView, queue: QueueName, query: QueueQuery, now: Date): Promise<QueueCounts> {
  const filter = queueFilter(queue, view.actor, view.directory);
  const cut = cutoffsAt(view.calendar, now);
  const capped = (skip?: Facet) =>
    selection(db, filter, query, view, cut, now, skip)
      .select([
        'status',
        'holder_group_id',
        'category_id',
        'channel',
        'kind',
        'handed_at',
        'received_at',
        'outage',
        'coordinator_id',
        'realizer_id',
      ])
      .limit(COUNT_CAP)
      .as('q');
  const groupCount = async (facet: Facet, column: string) => {
    const rows = await db
      .selectFrom(capped(facet))
      .select([sql.ref<string>(column).as('k'), sql<number>`count(*)`.as('n')])
      .groupBy(column)
      .execute();
    return Object.fromEntries(rows.filter((r) => r.k != null).map((r) => [String(r.k), Number(r.n)]));
  };
  const state = (s: DeadlineState) => sql<number>`sum(case when ${deadlineSql([s], filter.clock, cut)} then 1 else 0 end)`.as(s);
  const me = sql.lit(view.actor.userId);
  const [total, statuses, groups, categories, channels, deadline, flags] = await Promise.all([
    db
      .selectFrom(capped())
      .select(sql<number>`count(*)`.as('n'))
      .executeTakeFirstOrThrow(),
    groupCount('statuses', 'status'),
    groupCount('groupIds', 'holder_group_id'),
    groupCount('categoryIds', 'category_id'),
    groupCount('channels', 'channel'),
    db
      .selectFrom(capped('deadline'))
      .select([state('late'), state('dueToday'), state('onTime'), state('none')])
      .executeTakeFirstOrThrow(),
    db
      .selectFrom(capped())
      .select([
        sql<number>`sum(case when outage = 1 then 1 else 0 end)`.as('outage'),
        sql<number>`sum(case when coordinator_id = ${me} or realizer_id = ${me} then 1 else 0 end)`.as('mine'),
      ])
      .executeTakeFirstOrThrow(),
  ]);
  const n = (v: unknown) => Number(v ?? 0);
  return {
    total: n(total.n),
    capped: n(total.n) >= COUNT_CAP,
    statuses,
    groups,
    categories,
    channels,
    deadline: { late: n(deadline.late), dueToday: n(deadline.dueToday), onTime: n(deadline.onTime), none: n(deadline.none) },
    outage: n(flags.outage),
    mine: n(flags.mine),
  };
}

function toRow(r: RowData, view: QueryView, clock: QueueFilter['clock'], now: Date, queue?: QueueName): QueueRow {
  const t = JSON.parse(r.data) as Ticket;
  const status = isOpen(t.status) ? ticketClock(view.calendar, t, clock, now) : null;
  const running = status && status.state !== 'done' && status.state !== 'doneLate' ? status : null;
  const order = t.contractorOrders.at(-1);
  return {
    number: t.number,
    status: t.status,
    subject: t.subject,
    categoryId: t.categoryId,
    address: t.location?.address ?? null,
    receivedAt: t.times.receivedAt,
    groupId: currentGroupId(t),
    due: running ? running.due.toISOString() : null,
    clock: running ? (running.state as 'onTime' | 'dueToday' | 'late') : null,
    workingDays: !running ? null : 'workingDaysLeft' in running ? running.workingDaysLeft : -running.workingDaysOverdue,
    channel: t.channel,
    suspendedUntil: t.status === 'suspended' ? (t.suspension?.until ?? null) : null,
    contractorDueOn: t.status === 'withContractor' && order?.state === 'ordered' ? order.dueOn : null,
    bulk: queue
      ? allowedCommands(view.actor, t, view.directory).filter((c) => (bulkCommandsOf(queue) as readonly string[]).includes(c))
      : [],
    pending: r.pending > 0,
    capturedDuringOutage: t.capturedDuringOutage,
  };
}

/**
 * P§23.1: by ticket number (whole or its digits), the reporter's phone or name, or words of the address. Names
 * match without diacritics; a user not entitled to personal data has none on this workstation to match (the hub
 * sends tickets without them).
 */
export async function searchTickets(db: LocalDb, view: QueryView, text: string, now: Date): Promise<QueueRow[]> {
  const digits = text.replace(/\D/g, '');
  const numberLike = /^\d{4}\/\d{1,6}$/.test(text.trim()) ? text.trim() : null;
  const key = searchKey(text);
  let q = db.selectFrom('ticket').select(['data', 'pending']);
  q = q.where((eb) =>
    eb.or([
      ...(numberLike ? [eb('number', 'like', `${numberLike}%`)] : []),
      ...(digits.length >= 3 && !numberLike
        ? [eb('phone_digits', 'like', `%${digits}%`), eb('number', 'like', `%/${digits.padStart(6, '0')}`)]
        : []),
      ...(key.length >= 3
        ? [eb('address_key', 'like', `%${key}%`), eb(sql`search_key(json_extract(data, '$.reporter.name'))`, 'like', `%${key}%`)]
        : []),
    ]),
  );
  const rows = await q.orderBy('received_at', 'desc').limit(50).execute();
  return rows.map((r) => toRow(r as RowData, view, 'realization', now));
}

/** Open tickets of the same category at the same street (the duplicate hint while registering). */
export async function nearbyTickets(db: LocalDb, view: QueryView, categoryId: string, address: string, now: Date): Promise<QueueRow[]> {
  const street = searchKey(address).replace(/\s*\d.*$/, '');
  if (street.length < 3) return [];
  const rows = await db
    .selectFrom('ticket')
    .select(['data', 'pending'])
    .where('category_id', '=', categoryId)
    .where('address_key', 'like', `${street}%`)
    .where('status', 'not in', ['resolved', 'closed', 'deleted'])
    .orderBy('received_at', 'desc')
    .limit(20)
    .execute();
  return rows.map((r) => toRow(r as RowData, view, 'realization', now));
}
