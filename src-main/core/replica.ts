// The replica of tickets on this workstation: rows hold the hub's confirmed version and the version
// screens show (with pending local actions applied), plus the columns queues and searches use.
import { sql } from 'kysely';
import type { Ticket } from '../../src-shared/ticket';
import { searchKey } from '../../src-shared/text';
import type { LocalDb } from './store';

export interface ReplicaRow {
  number: string;
  data: string;
  server_data: string | null;
  pending: number;
}

function columnsOf(t: Ticket) {
  return {
    status: t.status,
    unit_id: t.unitId,
    coordinator_group_id: t.coordinatorGroupId,
    realizer_group_id: t.realizerGroupId,
    category_id: t.categoryId,
    received_at: t.times.receivedAt,
    forwarded_at: t.times.forwardedAt,
    routed_groups: `,${t.routedGroupIds.join(',')},`,
    routed_units: `,${t.routedUnitIds.join(',')},`,
    phone_digits: t.reporter.phone ? t.reporter.phone.replace(/\D/g, '') : null,
    address_key: t.location ? searchKey(t.location.address) : null,
  };
}

/** The tickets as screens see them, by number (missing ones are absent). */
export async function readTickets(db: LocalDb, numbers: readonly string[]): Promise<Map<string, Ticket>> {
  const out = new Map<string, Ticket>();
  for (let i = 0; i < numbers.length; i += 500) {
    const rows = await db.selectFrom('ticket').select(['number', 'data']).where('number', 'in', numbers.slice(i, i + 500)).execute();
    for (const r of rows) out.set(r.number, JSON.parse(r.data) as Ticket);
  }
  return out;
}

/** The hub's confirmed versions, by number. */
export async function readServerTickets(db: LocalDb, numbers: readonly string[]): Promise<Map<string, Ticket>> {
  const out = new Map<string, Ticket>();
  for (let i = 0; i < numbers.length; i += 500) {
    const rows = await db.selectFrom('ticket').select(['number', 'server_data']).where('number', 'in', numbers.slice(i, i + 500)).where('server_data', 'is not', null).execute();
    for (const r of rows) out.set(r.number, JSON.parse(r.server_data!) as Ticket);
  }
  return out;
}

/** Writes what screens show for these tickets (after a local action or a rebase). */
export async function writeLocalTickets(db: LocalDb, tickets: Iterable<Ticket>, pendingCount: (number: string) => number): Promise<void> {
  for (const t of tickets) {
    const data = JSON.stringify(t);
    await db
      .insertInto('ticket')
      .values({ number: t.number, ...columnsOf(t), pending: pendingCount(t.number), server_data: null, data })
      .onConflict((oc) => oc.column('number').doUpdateSet({ ...columnsOf(t), pending: pendingCount(t.number), data }))
      .execute();
  }
}

/** Stores the hub's versions of tickets; what screens show is set to them (the caller rebases pending actions after). */
export async function writeServerTickets(db: LocalDb, tickets: readonly Ticket[]): Promise<void> {
  for (const t of tickets) {
    const json = JSON.stringify(t);
    await db
      .insertInto('ticket')
      .values({ number: t.number, ...columnsOf(t), pending: 0, server_data: json, data: json })
      .onConflict((oc) => oc.column('number').doUpdateSet({ ...columnsOf(t), pending: 0, server_data: json, data: json }))
      .execute();
  }
}

export async function dropTickets(db: LocalDb, numbers: readonly string[]): Promise<void> {
  if (numbers.length) await db.deleteFrom('ticket').where('number', 'in', numbers).execute();
}

export async function countTickets(db: LocalDb): Promise<number> {
  const row = await db.selectFrom('ticket').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}
