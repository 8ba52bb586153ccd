// The replica of tickets on this workstation: rows hold the hub's confirmed version and the version
// screens show (with pending local actions applied), plus the columns queues and searches use.
import type Database from 'better-sqlite3';
import { sql } from 'kysely';
import type { Ticket } from '../../src-shared/ticket';
import { ticketRowOf, type TicketRow } from '../../src-shared/api/sync';
import { searchKey } from '../../src-shared/text';
import type { LocalDb } from './store';

function columnsOf(row: TicketRow) {
  return {
    status: row.status,
    unit_id: row.unitId,
    coordinator_group_id: row.coordinatorGroupId,
    realizer_group_id: row.realizerGroupId,
    category_id: row.categoryId,
    received_at: row.receivedAt,
    forwarded_at: row.forwardedAt,
    routed_groups: `,${row.routedGroupIds.join(',')},`,
    routed_units: `,${row.routedUnitIds.join(',')},`,
    phone_digits: row.phone ? row.phone.replace(/\D/g, '') : null,
    address_key: row.address ? searchKey(row.address) : null,
  };
}

/** A ticket as the hub sent it: its row, and its text stored as it came (see PROTOCOL_VERSION 2). */
export interface ServerTicket {
  row: TicketRow;
  text: string;
}

export function serverTicketOf(t: Ticket): ServerTicket {
  return { row: ticketRowOf(t), text: JSON.stringify(t) };
}

/** The tickets as screens see them, by number (missing ones are absent). */
export async function readTickets(db: LocalDb, numbers: readonly string[]): Promise<Map<string, Ticket>> {
  const out = new Map<string, Ticket>();
  for (let i = 0; i < numbers.length; i += 500) {
    const rows = await db
      .selectFrom('ticket')
      .select(['number', 'data'])
      .where('number', 'in', numbers.slice(i, i + 500))
      .execute();
    for (const r of rows) out.set(r.number, JSON.parse(r.data) as Ticket);
  }
  return out;
}

/** The hub's versions of those tickets the hub has, by number. */
export async function readServerTickets(db: LocalDb, numbers: readonly string[]): Promise<Map<string, Ticket>> {
  const out = new Map<string, Ticket>();
  for (let i = 0; i < numbers.length; i += 500) {
    const rows = await db
      .selectFrom('ticket')
      .select(['number', sql<string>`coalesce(server_data, data)`.as('json')])
      .where('number', 'in', numbers.slice(i, i + 500))
      .where('confirmed', '=', 1)
      .execute();
    for (const r of rows) out.set(r.number, JSON.parse(r.json) as Ticket);
  }
  return out;
}

/**
 * Writes what screens show after a local action or a rebase. The hub's version is kept aside the
 * first time a confirmed ticket diverges from it.
 */
export async function writeLocalTickets(db: LocalDb, tickets: Iterable<Ticket>): Promise<void> {
  for (const t of tickets) {
    const data = JSON.stringify(t);
    await db
      .insertInto('ticket')
      .values({ number: t.number, ...columnsOf(ticketRowOf(t)), data })
      .onConflict((oc) =>
        oc.column('number').doUpdateSet({
          ...columnsOf(ticketRowOf(t)),
          data,
          server_data: sql`coalesce(ticket.server_data, case when ticket.confirmed = 1 then ticket.data end)`,
        }),
      )
      .execute();
  }
}

const upserts = new WeakMap<Database.Database, Database.Statement>();

/**
 * Stores the hub's versions; what screens show becomes them (the caller rebases pending actions
 * after). Runs on the raw connection inside the caller's Kysely transaction: a first sync writes
 * 100,000 of these, and one reused prepared statement is several times faster than built queries.
 */
export function writeServerTickets(sqlite: Database.Database, tickets: readonly ServerTicket[]): void {
  let upsert = upserts.get(sqlite);
  if (!upsert) {
    upsert =
      sqlite.prepare(`insert into ticket (number, status, unit_id, coordinator_group_id, realizer_group_id, category_id, received_at, forwarded_at,
        routed_groups, routed_units, phone_digits, address_key, pending, confirmed, data, server_data)
      values (@number, @status, @unit_id, @coordinator_group_id, @realizer_group_id, @category_id, @received_at, @forwarded_at,
        @routed_groups, @routed_units, @phone_digits, @address_key, 0, 1, @data, null)
      on conflict (number) do update set status = excluded.status, unit_id = excluded.unit_id, coordinator_group_id = excluded.coordinator_group_id,
        realizer_group_id = excluded.realizer_group_id, category_id = excluded.category_id, received_at = excluded.received_at,
        forwarded_at = excluded.forwarded_at, routed_groups = excluded.routed_groups, routed_units = excluded.routed_units,
        phone_digits = excluded.phone_digits, address_key = excluded.address_key, pending = 0, confirmed = 1, data = excluded.data, server_data = null`);
    upserts.set(sqlite, upsert);
  }
  for (const t of tickets) upsert.run({ number: t.row.number, ...columnsOf(t.row), data: t.text });
}

export async function dropTickets(db: LocalDb, numbers: readonly string[]): Promise<void> {
  if (numbers.length) await db.deleteFrom('ticket').where('number', 'in', numbers).execute();
}

export async function countTickets(db: LocalDb): Promise<number> {
  const row = await db
    .selectFrom('ticket')
    .select(sql<number>`count(*)`.as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
