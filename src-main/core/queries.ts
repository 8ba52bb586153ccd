// What screens read from the replica: queue pages (P§24.2), the status-inquiry search (P§23.1) and
// the duplicate hint. Each query uses an index; pages are bounded.
import { sql } from 'kysely';
import type { QueueName, QueueRow } from '../../src-shared/api/desktop';
import type { WorkingCalendar } from '../../src-shared/calendar';
import {
  currentGroupId,
  isOpen,
  queueFilter,
  retentionCutoff,
  retentionOver,
  ticketClock,
  type Actor,
  type Directory,
  type QueueFilter,
  type Ticket,
} from '../../src-shared/ticket';
import { searchKey } from '../../src-shared/text';
import type { LocalDb } from './store';

/** Counting stops here: screens say "10 000+" rather than scan a million rows for an exact figure. */
export const COUNT_CAP = 10_000;

interface RowData {
  data: string;
  pending: number;
}

export async function queuePage(
  db: LocalDb,
  view: { actor: Actor; directory: Directory; calendar: WorkingCalendar },
  queue: QueueName,
  limit: number,
  offset: number,
  now: Date,
): Promise<{ rows: QueueRow[]; total: number }> {
  const filter = queueFilter(queue, view.actor, view.directory);
  const base = filtered(db, filter);
  if (filter.retentionOver) {
    // Registered before the cutoff's month boundary (received never later than registered, so the
    // indexed filter keeps every candidate); the shared rule decides each.
    const candidates = await base
      .where('received_at', '<', retentionCutoff(now).toISOString())
      .orderBy('received_at')
      .select(['data', 'pending'])
      .execute();
    const due = candidates.filter((r) => retentionOver(JSON.parse(r.data as string) as Ticket, now));
    return { rows: due.slice(offset, offset + limit).map((r) => toRow(r as RowData, view.calendar, filter.clock, now)), total: due.length };
  }
  if (filter.onlyLate) {
    // Lateness depends on each ticket's clocks and the calendar, so it is judged here, over the open
    // tickets of the supervisor's units (a few thousand at most), most overdue first.
    const open = await base.select(['data', 'pending']).execute();
    const late = open
      .map((r) => toRow(r as RowData, view.calendar, filter.clock, now))
      .filter((r) => r.clock === 'late' || r.clock === 'dueToday')
      .sort((a, b) => a.due!.localeCompare(b.due!));
    return { rows: late.slice(offset, offset + limit), total: late.length };
  }
  const [rows, count] = await Promise.all([
    base
      .select(['data', 'pending'])
      .orderBy('received_at', filter.order === 'oldestFirst' ? 'asc' : 'desc')
      .limit(limit)
      .offset(offset)
      .execute(),
    db
      .selectFrom(
        base
          .select(sql<number>`1`.as('one'))
          .limit(COUNT_CAP)
          .as('capped'),
      )
      .select(sql<number>`count(*)`.as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows: rows.map((r) => toRow(r as RowData, view.calendar, filter.clock, now)), total: Number(count.n) };
}

/** The replica's tickets in a queue (see queueFilter); each filter maps to an indexed column. */
function filtered(db: LocalDb, f: QueueFilter) {
  let out = db.selectFrom('ticket');
  if (f.statuses) out = out.where('status', 'in', [...f.statuses]);
  if (f.coordinatorGroupIds)
    out = out.where('coordinator_group_id', 'in', f.coordinatorGroupIds.length ? [...f.coordinatorGroupIds] : ['-']);
  if (f.realizerGroupIds) out = out.where('realizer_group_id', 'in', f.realizerGroupIds.length ? [...f.realizerGroupIds] : ['-']);
  if (f.unitIds) {
    const units = f.unitIds.length ? f.unitIds : ['-'];
    out = out.where((eb) => eb.or(units.map((u) => eb('routed_units', 'like', `%,${u},%`))));
  }
  return out;
}

function toRow(r: RowData, calendar: WorkingCalendar, clock: QueueFilter['clock'], now: Date): QueueRow {
  const t = JSON.parse(r.data) as Ticket;
  const status = isOpen(t.status) ? ticketClock(calendar, t, clock, now) : null;
  return {
    number: t.number,
    status: t.status,
    subject: t.subject,
    categoryId: t.categoryId,
    address: t.location?.address ?? null,
    receivedAt: t.times.receivedAt,
    groupId: currentGroupId(t),
    due: status ? status.due.toISOString() : null,
    clock: status && (status.state === 'onTime' || status.state === 'dueToday' || status.state === 'late') ? status.state : null,
    pending: r.pending > 0,
    capturedDuringOutage: t.capturedDuringOutage,
  };
}

/** P§23.1: by ticket number (whole or its digits), the reporter's phone, or words of the address. */
export async function searchTickets(db: LocalDb, view: { calendar: WorkingCalendar }, text: string, now: Date): Promise<QueueRow[]> {
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
      ...(key.length >= 3 ? [eb('address_key', 'like', `%${key}%`)] : []),
    ]),
  );
  const rows = await q.orderBy('received_at', 'desc').limit(50).execute();
  return rows.map((r) => toRow(r as RowData, view.calendar, 'realization', now));
}

/** Open tickets of the same category at the same street (the duplicate hint while registering). */
export async function nearbyTickets(
  db: LocalDb,
  view: { calendar: WorkingCalendar },
  categoryId: string,
  address: string,
  now: Date,
): Promise<QueueRow[]> {
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
  return rows.map((r) => toRow(r as RowData, view.calendar, 'realization', now));
}
