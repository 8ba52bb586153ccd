// The outbox: actions recorded on this workstation and not yet confirmed by the hub, in order, with
// gap-free ids (the sync protocol's mutation ids). Written in the same transaction as the action's
// effect on the replica, before the screen is told "saved".
import { sql } from 'kysely';
import type { Mutation, TicketMutationArgs } from '../../src-shared/api/sync';
import { PROTOCOL_VERSION } from '../../src-shared/api/sync';
import type { LocalDb } from './store';

export interface OutboxEntry {
  mutationId: number;
  ticket: string | null;
  args: TicketMutationArgs;
  at: string;
  actorId: string;
  outage: boolean;
  protocolVersion: number;
  /** Signed with the actor's offline grant (see mutationProofText); absent in entries written before it existed. */
  proof?: string;
}

interface OutboxRow {
  mutation_id: number;
  ticket: string | null;
  args: string;
  at: string;
  actor_id: string;
  outage: number;
  protocol_version: number;
  proof: string | null;
}

const toEntry = (r: OutboxRow): OutboxEntry => ({
  mutationId: r.mutation_id,
  ticket: r.ticket,
  args: JSON.parse(r.args) as TicketMutationArgs,
  at: r.at,
  actorId: r.actor_id,
  outage: r.outage === 1,
  protocolVersion: r.protocol_version,
  ...(r.proof ? { proof: r.proof } : {}),
});

export function toMutation(e: OutboxEntry): Mutation {
  return {
    mutationId: e.mutationId,
    name: 'ticket',
    args: e.args,
    at: e.at,
    actorId: e.actorId,
    outage: e.outage,
    protocolVersion: e.protocolVersion,
    ...(e.proof ? { proof: e.proof } : {}),
  };
}

/** The next mutation id: one past everything ever written (outbox, refused, or confirmed by the hub). */
export async function nextMutationId(db: LocalDb): Promise<number> {
  const row = await db.selectFrom('setting').select('value').where('key', '=', 'lastMutationId').executeTakeFirst();
  return Number(row?.value ?? 0) + 1;
}

export async function append(db: LocalDb, entry: Omit<OutboxEntry, 'protocolVersion'>, touched: readonly string[]): Promise<void> {
  await db
    .insertInto('outbox')
    .values({
      mutation_id: entry.mutationId,
      ticket: entry.ticket,
      args: JSON.stringify(entry.args),
      at: entry.at,
      actor_id: entry.actorId,
      outage: entry.outage ? 1 : 0,
      protocol_version: PROTOCOL_VERSION,
      proof: entry.proof ?? null,
    })
    .execute();
  if (touched.length)
    await db
      .insertInto('outbox_ticket')
      .values(touched.map((ticket) => ({ mutation_id: entry.mutationId, ticket })))
      .execute();
  await db
    .insertInto('setting')
    .values({ key: 'lastMutationId', value: String(entry.mutationId) })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: String(entry.mutationId) }))
    .execute();
}

export async function pendingEntries(db: LocalDb, limit = 100_000, upTo = Number.MAX_SAFE_INTEGER): Promise<OutboxEntry[]> {
  const rows = await db.selectFrom('outbox').selectAll().where('mutation_id', '<=', upTo).orderBy('mutation_id').limit(limit).execute();
  return (rows as OutboxRow[]).map(toEntry);
}

export async function pendingCount(db: LocalDb, upTo = Number.MAX_SAFE_INTEGER): Promise<number> {
  const row = await db
    .selectFrom('outbox')
    .select(sql<number>`count(*)`.as('n'))
    .where('mutation_id', '<=', upTo)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function lastOutboxId(db: LocalDb): Promise<number> {
  const row = await db
    .selectFrom('outbox')
    .select(sql<number | null>`max(mutation_id)`.as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n ?? 0);
}

/** Pending actions that touch these tickets, in order (to re-apply on fresh hub state). */
export async function pendingFor(db: LocalDb, tickets: readonly string[]): Promise<OutboxEntry[]> {
  if (tickets.length === 0) return [];
  const rows = await db
    .selectFrom('outbox')
    .selectAll()
    .where('mutation_id', 'in', db.selectFrom('outbox_ticket').select('mutation_id').where('ticket', 'in', tickets))
    .orderBy('mutation_id')
    .execute();
  return (rows as OutboxRow[]).map(toEntry);
}

/** Tickets each given pending action touches. */
export async function ticketsOf(db: LocalDb, mutationIds: readonly number[]): Promise<string[]> {
  if (mutationIds.length === 0) return [];
  const rows = await db.selectFrom('outbox_ticket').select('ticket').distinct().where('mutation_id', 'in', mutationIds).execute();
  return rows.map((r) => r.ticket);
}

export async function remove(db: LocalDb, mutationIds: readonly number[]): Promise<void> {
  for (let i = 0; i < mutationIds.length; i += 500) {
    const ids = mutationIds.slice(i, i + 500);
    await db.deleteFrom('outbox').where('mutation_id', 'in', ids).execute();
    await db.deleteFrom('outbox_ticket').where('mutation_id', 'in', ids).execute();
  }
}

/** Moves refused actions to the "to resolve" inbox, with the hub's reason. */
export async function moveToResolve(
  db: LocalDb,
  refused: readonly { entry: OutboxEntry; refusal: { code: string; field?: string; message: string } }[],
): Promise<void> {
  for (const { entry, refusal } of refused) {
    await db
      .insertInto('to_resolve')
      .values({
        mutation_id: entry.mutationId,
        ticket: entry.ticket,
        args: JSON.stringify(entry.args),
        at: entry.at,
        actor_id: entry.actorId,
        outage: entry.outage ? 1 : 0,
        refusal: JSON.stringify(refusal),
      })
      .onConflict((oc) => oc.column('mutation_id').doNothing())
      .execute();
  }
  await remove(
    db,
    refused.map((r) => r.entry.mutationId),
  );
}
