// push: applies a workstation's mutations in order, exactly once, re-running the shared rules with
// each actor's real permissions. The whole batch is decided in memory on the tickets it touches
// (loaded and locked at once) and written with a few multi-row statements in one transaction,
// atomically with the client's last mutation id.
import { sql } from 'kysely';
import type { Mutation, MutationResult, PushRequest, PushResponse } from '../../src-shared/api/sync';
import { SUPPORTED_PROTOCOL_VERSIONS, ticketRowOf } from '../../src-shared/api/sync';
import { applyEvents, decide, ticketsTouchedBy, type Actor, type Command, type Directory, type Ticket, type TicketEvent } from '../../src-shared/ticket';
import type { Refusal } from '../../src-shared/ticket';
import type { HubUser } from '../../src-shared/api/hub';
import type { CentralDb } from '../db/connect';
import { cachedDirectory, loadActors } from '../directory';
import { leaseCheck, type Lease } from './numbers';
import { CHANGES_CHANNEL } from './poke';

export class PushError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Ticket writes take this lock so the change feed's order is the commit order (pull never skips a row). */
const WRITE_LOCK = 7_461_001;

export async function push(db: CentralDb, user: HubUser, req: PushRequest, receivedAt: Date): Promise<PushResponse> {
  // A deadlock can still arise between split siblings read mid-batch; the loser is rolled back whole, so run it again.
  for (let attempt = 1; ; attempt++) {
    try {
      return await pushOnce(db, user, req, receivedAt);
    } catch (err) {
      if (attempt < 3 && (err as { code?: string }).code === '40P01') continue;
      throw err;
    }
  }
}

async function pushOnce(db: CentralDb, user: HubUser, req: PushRequest, receivedAt: Date): Promise<PushResponse> {
  const skewSeconds = Math.round((Date.parse(req.sentAt) - receivedAt.getTime()) / 1000);
  const directory = await cachedDirectory(db);
  return db.transaction().execute(async (tx) => {
    const client = await lockClient(tx, req.clientId, user.id);
    let lastId = client.lastMutationId;

    const fresh = req.mutations.filter((m) => m.mutationId > lastId);
    fresh.forEach((m, i) => {
      if (m.mutationId !== lastId + 1 + i) {
        throw new PushError(409, 'mutationGap', `Mutation ${lastId + 1 + i} is missing before ${m.mutationId}; push the outbox in order.`);
      }
    });
    const results = await earlierOutcomes(tx, req.clientId, req.mutations.filter((m) => m.mutationId <= lastId).map((m) => m.mutationId));

    if (fresh.length > 0) lastId = fresh.at(-1)!.mutationId;
    // The client's row is locked since the read above; its new last id commits with the batch.
    await tx
      .updateTable('sync_client')
      .set({ last_mutation_id: lastId, last_push_at: receivedAt, clock_skew_seconds: skewSeconds })
      .where('client_id', '=', req.clientId)
      .execute();
    if (fresh.length > 0) {
      const context = { directory, actors: await loadActors(tx, fresh.map((m) => m.actorId)), isLeased: client.isLeased, knownActors: client.knownActors };
      // Tickets are locked row by row while deciding; the change-feed lock is taken only for the final write.
      const outcome = await decideBatch(tx, context, fresh);
      results.push(...outcome.results);
      await writeBatch(tx, req.clientId, outcome, receivedAt);
    }
    return { lastMutationId: lastId, results, clockSkewSeconds: skewSeconds };
  });
}

/**
 * What became of mutations pushed before (a retry after a lost answer): refused ones are reported as
 * refused again, with the recorded reason, so the workstation still puts them in "to resolve".
 */
async function earlierOutcomes(tx: CentralDb, clientId: string, ids: number[]): Promise<MutationResult[]> {
  if (ids.length === 0) return [];
  const refused = await tx.selectFrom('refused_mutation').select(['mutation_id', 'refusal']).where('client_id', '=', clientId).where('mutation_id', 'in', ids).execute();
  const reasons = new Map(refused.map((r) => [Number(r.mutation_id), r.refusal as Refusal]));
  return ids.map((mutationId) => {
    const refusal = reasons.get(mutationId);
    return refusal ? { mutationId, status: 'refused' as const, refusal } : { mutationId, status: 'duplicate' as const };
  });
}

export interface BatchOutcome {
  results: MutationResult[];
  changed: Map<string, Ticket>;
  events: { event: TicketEvent; seq: number; mutationId: number }[];
  refused: { mutation: Mutation; refusal: Refusal }[];
  /** Tickets whose earlier events must lose their personal data (P§27). */
  erase: Set<string>;
}

interface BatchContext {
  directory: Directory;
  actors: Map<string, Actor>;
  isLeased: (number: string) => boolean;
  knownActors: Set<string>;
}

/**
 * Locks the workstation's row (created on its first push) and reads, in the same round trip, what it
 * may push: the numbers leased to it, and the users who ever logged in on it (an outbox written during
 * an outage may hold a previous shift's work).
 */
async function lockClient(tx: CentralDb, clientId: string, userId: string) {
  const row = await tx
    .insertInto('sync_client')
    .values({ client_id: clientId, user_id: userId })
    // Updating the row locks it, so pushes of one workstation run one after another.
    .onConflict((oc) => oc.column('client_id').doUpdateSet({ user_id: userId }))
    .returning([
      'last_mutation_id',
      sql<Lease[]>`coalesce((select json_agg(json_build_object('year', year, 'first', first, 'last', last)) from ticket_number_lease where client_id = ${clientId}), '[]')`.as('leases'),
      sql<string[]>`array(select distinct user_id::text from session where installation_id = ${clientId})`.as('users'),
    ])
    .executeTakeFirstOrThrow();
  return {
    lastMutationId: Number(row.last_mutation_id),
    isLeased: leaseCheck(row.leases),
    knownActors: new Set([userId, ...row.users]),
  };
}

async function decideBatch(tx: CentralDb, { directory, actors, isLeased, knownActors }: BatchContext, mutations: Mutation[]): Promise<BatchOutcome> {
  const tickets = new Map<string, Ticket>();
  const fetched = new Set<string>();
  /** Loads (and locks) the tickets not yet read in this batch; the batch's own changes stay in `tickets`. */
  async function load(numbers: readonly string[]): Promise<void> {
    const missing = numbers.filter((n) => !fetched.has(n));
    if (missing.length === 0) return;
    missing.forEach((n) => fetched.add(n));
    // Locked in number order, the same in every transaction, so two pushes never wait for each other in a circle.
    const rows = await tx.selectFrom('ticket').select(['number', 'data']).where('number', 'in', missing).orderBy('number').forUpdate().execute();
    for (const r of rows) if (!tickets.has(r.number)) tickets.set(r.number, r.data as Ticket);
  }
  // Most of the batch in one round trip; split siblings are read as the loop meets them.
  await load([...new Set(mutations.flatMap((m) => [m.args.ticket, ...(m.args.newTicketNumbers ?? [])]).filter((n): n is string => !!n))]);

  const outcome: BatchOutcome = { results: [], changed: new Map(), events: [], refused: [], erase: new Set() };
  for (const m of mutations) {
    const target = m.args.ticket ? (tickets.get(m.args.ticket) ?? null) : null;
    await load(ticketsTouchedBy(target, m.args.newTicketNumbers));
    const refusal = checkMutation(m, actors.get(m.actorId), knownActors, isLeased, tickets);
    const decision = refusal
      ? { ok: false as const, refusal }
      : decide(target, { ...m.args.command, outage: m.outage } as Command, actors.get(m.actorId)!, m.at, { directory, newTicketNumbers: m.args.newTicketNumbers });
    if (!decision.ok) {
      outcome.refused.push({ mutation: m, refusal: decision.refusal });
      outcome.results.push({ mutationId: m.mutationId, status: 'refused', refusal: decision.refusal });
      continue;
    }
    const applied = applyEvents(tickets, decision.events);
    for (const [number, ticket] of applied.changed) {
      tickets.set(number, ticket);
      outcome.changed.set(number, ticket);
    }
    for (const { event, version } of applied.append) outcome.events.push({ event, seq: version, mutationId: m.mutationId });
    applied.erase.forEach((n) => outcome.erase.add(n));
    outcome.results.push({ mutationId: m.mutationId, status: 'applied' });
  }
  return outcome;
}

/** What the hub checks beyond the shared rules: who may act through this installation, and whose numbers. */
function checkMutation(
  m: Mutation,
  actor: Actor | undefined,
  knownActors: Set<string>,
  isLeased: (n: string) => boolean,
  tickets: Map<string, Ticket>,
): Refusal | undefined {
  if (!SUPPORTED_PROTOCOL_VERSIONS.includes(m.protocolVersion)) {
    return { code: 'invalidInput', field: 'protocolVersion', message: `Ta wersja centrali nie obsługuje zapisu w wersji ${m.protocolVersion}. Zaktualizuj aplikację.` };
  }
  if (!actor || !knownActors.has(m.actorId)) {
    return { code: 'forbidden', message: 'Autor tej czynności nie jest aktywnym użytkownikiem tego stanowiska.' };
  }
  for (const number of m.args.newTicketNumbers ?? []) {
    if (!isLeased(number)) return { code: 'invalidInput', field: 'newTicketNumbers', message: `Numer ${number} nie został przydzielony temu stanowisku.` };
    if (tickets.has(number)) return { code: 'invalidInput', field: 'newTicketNumbers', message: `Numer ${number} jest już zajęty.` };
  }
  return undefined;
}

/** Writes a decided batch: events, ticket rows (with their change-feed position), refusals, erasure. */
export async function writeBatch(tx: CentralDb, clientId: string | null, outcome: BatchOutcome, receivedAt: Date): Promise<void> {
  for (const chunk of chunks(outcome.refused, 1000)) {
    await tx
      .insertInto('refused_mutation')
      .values(
        chunk.map(({ mutation, refusal }) => ({
          client_id: clientId,
          mutation_id: mutation.mutationId,
          actor_id: mutation.actorId,
          at: mutation.at,
          args: JSON.stringify(mutation.args),
          refusal: JSON.stringify(refusal),
        })),
      )
      .execute();
  }
  if (outcome.changed.size === 0) return;
  // Erasure first, so it scrubs only the events written before this batch.
  if (outcome.erase.size > 0) {
    const erased = sql.join([...outcome.erase]);
    // The files that carried personal data go with it: those of earlier events, and of this batch's.
    const batchFiles = outcome.events.flatMap(({ event }) => (outcome.erase.has(event.ticket) ? personalFileIds(event) : []));
    await sql`delete from attachment where id in (
                select f->>'id' from ticket_event, jsonb_array_elements(coalesce(data->'personal'->'attachments', '[]'::jsonb)) f
                where ticket in (${erased}) and data ? 'personal'
                union all select unnest(${batchFiles}::text[]))`.execute(tx);
    await sql`update ticket_event set data = jsonb_set(data, '{personal}', 'null'::jsonb)
              where ticket in (${erased}) and data ? 'personal'`.execute(tx);
  }
  // Events and tickets go as one JSON parameter each: a fixed, short statement for a batch of any size,
  // much cheaper for the hub and PostgreSQL than thousands of bound values.
  const events = outcome.events.map(({ event, seq, mutationId }) => ({
    ticket: event.ticket,
    seq,
    type: event.type,
    at: event.at,
    actor_id: event.actorId,
    outage: event.outage,
    data: outcome.erase.has(event.ticket) && 'personal' in event ? { ...event, personal: null } : event,
    client_id: clientId,
    mutation_id: mutationId,
  }));
  await sql`insert into ticket_event (ticket, seq, type, at, actor_id, outage, data, client_id, mutation_id, recorded_at)
            select ticket, seq, type, at, actor_id, outage, data, client_id, mutation_id, ${receivedAt}
            from json_populate_recordset(null::ticket_event, ${JSON.stringify(events)}::json)`.execute(tx);
  const tickets = [...outcome.changed.values()].map((t) => ({ ...ticketColumns(t), data: t }));
  // Change-feed positions are taken under this lock, held to commit, so their order is the commit order
  // and a pull never passes a position whose row is not yet visible. Every ticket writer goes through here.
  // Taking it in the same statement that draws the positions keeps the section others wait for short; the
  // join makes every row's nextval wait for the lock. The notification is delivered at commit, to every hub.
  await sql`with feed_lock as materialized (select pg_advisory_xact_lock(${WRITE_LOCK}), pg_notify(${CHANGES_CHANNEL}, ''))
            insert into ticket (${COLUMN_LIST}, updated_at, change_seq, data)
            select ${COLUMN_LIST}, ${receivedAt}, nextval('ticket_change_feed'), data
            from json_populate_recordset(null::ticket, ${JSON.stringify(tickets)}::json) cross join feed_lock
            on conflict (number) do update set ${UPDATE_LIST}, updated_at = excluded.updated_at, change_seq = excluded.change_seq, data = excluded.data`.execute(tx);
}

function personalFileIds(event: TicketEvent): string[] {
  return 'personal' in event && event.personal ? (event.personal.attachments ?? []).map((file) => file.id) : [];
}

/** The columns queues filter and sort on, and the row pulls send, copied out of the ticket document. */
const TICKET_COLUMNS = [
  'number',
  'status',
  'unit_id',
  'coordinator_group_id',
  'realizer_group_id',
  'routed_group_ids',
  'routed_unit_ids',
  'category_id',
  'received_at',
  'forwarded_at',
  'ticket_row',
] as const;

function ticketColumns(t: Ticket): Record<(typeof TICKET_COLUMNS)[number], unknown> {
  return {
    number: t.number,
    status: t.status,
    unit_id: t.unitId,
    coordinator_group_id: t.coordinatorGroupId,
    realizer_group_id: t.realizerGroupId,
    routed_group_ids: t.routedGroupIds,
    routed_unit_ids: t.routedUnitIds,
    category_id: t.categoryId,
    received_at: t.times.receivedAt,
    forwarded_at: t.times.forwardedAt,
    ticket_row: ticketRowOf(t),
  };
}

const COLUMN_LIST = sql.raw(TICKET_COLUMNS.join(', '));
const UPDATE_LIST = sql.raw(TICKET_COLUMNS.filter((c) => c !== 'number').map((c) => `${c} = excluded.${c}`).join(', '));

/** The ticket's row for a plain INSERT (bulk loads in benchmarks): the document plus its queue columns. */
export function ticketRow(t: Ticket, updatedAt: Date) {
  return { ...ticketColumns(t), updated_at: updatedAt, change_seq: sql<string>`nextval('ticket_change_feed')`, data: JSON.stringify(t) };
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
