// The one writer of tickets on the hub: push, the web-form intake, retention, the demo seed (and the coming
// admin and channel code) hand it a decided batch — events, the tickets' new state, refusals, erasures and
// file claims — and it writes them in a few multi-row statements, taking the change-feed lock.
import { sql } from 'kysely';
import type { MutationResult } from '../src-shared/api/sync';
import { ticketRowOf, type TicketRow } from '../src-shared/api/sync';
import type { AppliedEvents, Refusal, Ticket, TicketEvent } from '../src-shared/ticket';
import type { CentralDb } from './db/connect';
import { writeClaims } from './file-claims';
import { writeTicketFigures } from './stats/figures';
import { CHANGES_CHANNEL } from './sync/poke';

/** Ticket writes take this lock so the change feed's order is the commit order (pull never skips a row). */
const WRITE_LOCK = 7_461_001;

export interface RefusedRecord {
  mutationId: number;
  actorId: string;
  at: string;
  args: unknown;
  refusal: Refusal;
}

export interface BatchOutcome {
  results: MutationResult[];
  changed: Map<string, Ticket>;
  events: { event: TicketEvent; seq: number; mutationId: number }[];
  refused: RefusedRecord[];
  /** Tickets whose earlier events must lose their personal data (P§27). */
  erase: Set<string>;
  /** Files the batch attached, with the ticket each now belongs to. */
  claims?: Map<string, string>;
}

/** A batch with nothing in it yet. */
export const emptyBatch = (): BatchOutcome => ({
  results: [],
  changed: new Map(),
  events: [],
  refused: [],
  erase: new Set(),
  claims: new Map(),
});

/** Adds what one decision applied to the batch (mutation id 0: no workstation's action, e.g. the system's). */
export function addApplied(batch: BatchOutcome, applied: Pick<AppliedEvents, 'changed' | 'append' | 'erase'>, mutationId = 0): void {
  for (const [number, ticket] of applied.changed) batch.changed.set(number, ticket);
  for (const { event, version } of applied.append) batch.events.push({ event, seq: version, mutationId });
  applied.erase.forEach((number) => batch.erase.add(number));
}

/** Writes a decided batch: events, ticket rows (with their change-feed position), refusals, erasure. */
export async function writeBatch(tx: CentralDb, clientId: string | null, outcome: BatchOutcome, receivedAt: Date): Promise<void> {
  for (const chunk of chunks(outcome.refused, 1000)) {
    await tx
      .insertInto('refused_mutation')
      .values(
        chunk.map((r) => ({
          client_id: clientId,
          mutation_id: r.mutationId,
          actor_id: r.actorId,
          at: r.at,
          args: JSON.stringify(r.args),
          refusal: JSON.stringify(r.refusal),
        })),
      )
      .execute();
  }
  if (outcome.changed.size === 0) return;
  await writeClaims(tx, outcome.claims ?? new Map());
  // Erasure first, so it scrubs only the events written before this batch.
  if (outcome.erase.size > 0) {
    const erased = sql.join([...outcome.erase]);
    // The files that carried personal data go with it: those of earlier events, and of this batch's.
    // Only files that belong to the erased tickets: a split part's copy of its original's file is not its own.
    const batchFiles = outcome.events.flatMap(({ event }) => (outcome.erase.has(event.ticket) ? personalFileIds(event) : []));
    await sql`delete from attachment where ticket in (${erased}) and id in (
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
            on conflict (number) do update set ${UPDATE_LIST}, updated_at = excluded.updated_at, change_seq = excluded.change_seq, data = excluded.data`.execute(
    tx,
  );
  // The statistics' figures of these tickets, in the same transaction (P§24, P§27.3).
  await writeTicketFigures(tx, outcome.changed.values());
}

function personalFileIds(event: TicketEvent): string[] {
  return 'personal' in event && event.personal ? (event.personal.attachments ?? []).map((file) => file.id) : [];
}

/**
 * The columns queues filter and sort on, each a field of the row pulls send (`ticketRowOf`, the one place a
 * ticket's row is computed), plus that row itself.
 */
const FILING_COLUMNS = {
  number: 'number',
  status: 'status',
  unitId: 'unit_id',
  coordinatorGroupId: 'coordinator_group_id',
  realizerGroupId: 'realizer_group_id',
  routedGroupIds: 'routed_group_ids',
  routedUnitIds: 'routed_unit_ids',
  categoryId: 'category_id',
  receivedAt: 'received_at',
  forwardedAt: 'forwarded_at',
} as const satisfies Partial<Record<keyof TicketRow, string>>;

const TICKET_COLUMNS = [...Object.values(FILING_COLUMNS), 'ticket_row'];

function ticketColumns(t: Ticket): Record<string, unknown> {
  const row = ticketRowOf(t);
  const columns: Record<string, unknown> = { ticket_row: row };
  for (const [field, column] of Object.entries(FILING_COLUMNS)) columns[column] = row[field as keyof typeof FILING_COLUMNS];
  return columns;
}

const COLUMN_LIST = sql.raw(TICKET_COLUMNS.join(', '));
const UPDATE_LIST = sql.raw(
  TICKET_COLUMNS.filter((c) => c !== 'number')
    .map((c) => `${c} = excluded.${c}`)
    .join(', '),
);

/** The ticket's row for a plain INSERT (bulk loads in benchmarks): the document plus its queue columns. */
export function ticketRow(t: Ticket, updatedAt: Date) {
  return { ...ticketColumns(t), updated_at: updatedAt, change_seq: sql<string>`nextval('ticket_change_feed')`, data: JSON.stringify(t) };
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
