// The replica of tickets on this workstation: rows hold the hub's confirmed version and the version
// screens show (with pending local actions applied), plus the columns queues and searches use.
import { sql } from 'kysely';
import type { Ticket } from '../../src-shared/ticket';
import { searchKey } from '../../src-shared/text';
import type { LocalDb } from './store';

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
      .values({ number: t.number, ...columnsOf(t), data })
      .onConflict((oc) =>
        oc.column('number').doUpdateSet({ ...columnsOf(t), data, server_data: sql`coalesce(ticket.server_data, case when ticket.confirmed = 1 then ticket.data end)` }),
      )
      .execute();
  }
}

/**
 * Stores the hub's versions; what screens show becomes them (the caller rebases pending actions
 * after). Multi-row statements in the caller's transaction: a first sync writes 100,000 of these.
 */
export async function writeServerTickets(db: LocalDb, tickets: readonly Ticket[]): Promise<void> {
  for (let i = 0; i < tickets.length; i += 200) {
    const rows = tickets.slice(i, i + 200).map((t) => ({ number: t.number, ...columnsOf(t), pending: 0, confirmed: 1, data: JSON.stringify(t), server_data: null }));
    await db
      .insertInto('ticket')
      .values(rows)
      .onConflict((oc) =>
        oc.column('number').doUpdateSet((eb) => ({
          status: eb.ref('excluded.status'),
          unit_id: eb.ref('excluded.unit_id'),
          coordinator_group_id: eb.ref('excluded.coordinator_group_id'),
          realizer_group_id: eb.ref('excluded.realizer_group_id'),
          category_id: eb.ref('excluded.category_id'),
          received_at: eb.ref('excluded.received_at'),
          forwarded_at: eb.ref('excluded.forwarded_at'),
          routed_groups: eb.ref('excluded.routed_groups'),
          routed_units: eb.ref('excluded.routed_units'),
          phone_digits: eb.ref('excluded.phone_digits'),
          address_key: eb.ref('excluded.address_key'),
          pending: 0,
          confirmed: 1,
          data: eb.ref('excluded.data'),
          server_data: null,
        })),
      )
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
