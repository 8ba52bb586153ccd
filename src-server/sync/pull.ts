// pull: from a cursor (a position in the change feed), the tickets this user may see, redacted for
// them, and tombstones for tickets that left their view; paged.
import { sql } from 'kysely';
import { canSeePersonalData, redactForActor, type Actor, type Directory, type Ticket } from '../../src-shared/ticket';
import { ticketLines, ticketRowOf, writePullPage } from '../../src-shared/api/sync';
import type { CentralDb } from '../db/connect';
import { loadExtraDays } from '../calendar-store';
import { cachedDirectory } from '../directory';

/**
 * The pull response, already serialised: tickets are stored as JSON and most pulls (operators, the
 * monitoring team) may see them whole, so their text goes out as it is, neither parsed nor escaped.
 * Shape: a protocol 2 page (writePullPage in src-shared/api/sync), or PullResponseV1 as JSON.
 */
export async function pull(
  db: CentralDb,
  actor: Actor,
  clientId: string,
  cursor: string | null,
  limit: number,
  protocolVersion: number,
): Promise<string> {
  const after = cursor === null ? 0 : Number(cursor);
  // Operators and super-supervisors see every ticket whole (deleted ones: super-supervisors only).
  const seesAllWhole = actor.roles.includes('superSupervisor') || actor.roles.includes('operator');
  let query = db
    .selectFrom('ticket')
    .select(['number', 'status', 'change_seq', sql<string>`data::text`.as('json'), sql<string | null>`ticket_row`.as('row_json')])
    .where('change_seq', '>', String(after))
    .orderBy('change_seq')
    .limit(limit);
  if (!seesAllWhole) {
    // Narrow in SQL to tickets ever routed to the user's groups or units (indexed); canSee decides exactly.
    const groups = actor.groupIds.length ? actor.groupIds : ['-'];
    const units = actor.unitIds.length ? actor.unitIds : ['-'];
    query = query.where((eb) => eb.or([eb('routed_group_ids', '&&', eb.val(groups)), eb('routed_unit_ids', '&&', eb.val(units))]));
  }
  const [rows, directory, client, extraDays] = await Promise.all([
    query.execute(),
    cachedDirectory(db),
    db.selectFrom('sync_client').select('last_mutation_id').where('client_id', '=', clientId).executeTakeFirst(),
    loadExtraDays(db),
  ]);
  const changes: string[] = [];
  for (const row of rows) {
    const visible = visibleTicket(actor, row, seesAllWhole, directory);
    if (visible) changes.push(ticketChange(visible, protocolVersion));
    // A first sync has nothing to drop.
    else if (cursor !== null) changes.push(JSON.stringify({ kind: 'tombstone', number: row.number }));
  }
  const envelope = {
    cursor: rows.length ? String(rows.at(-1)!.change_seq) : String(after),
    more: rows.length === limit,
    lastMutationId: Number(client?.last_mutation_id ?? 0),
    extraDays,
  };
  if (protocolVersion >= 2) return writePullPage(envelope, changes);
  return `{"changes":[${changes.join(',')}],${JSON.stringify(envelope).slice(1)}`;
}

interface VisibleTicket {
  text: string;
  /** The stored row, when the text is the stored one. */
  rowJson?: string | null;
  /** The ticket, when it had to be read. */
  ticket?: Ticket;
}

/** The ticket's text as this user may see it, or nothing. */
function visibleTicket(
  actor: Actor,
  row: { status: string; json: string; row_json: string | null },
  seesAllWhole: boolean,
  directory: Directory,
): VisibleTicket | undefined {
  if (seesAllWhole)
    return row.status !== 'deleted' || actor.roles.includes('superSupervisor') ? { text: row.json, rowJson: row.row_json } : undefined;
  const ticket = JSON.parse(row.json) as Ticket;
  const visible = redactForActor(actor, ticket, directory);
  if (!visible) return undefined;
  return canSeePersonalData(actor, ticket, directory)
    ? { text: row.json, rowJson: row.row_json, ticket }
    : { text: JSON.stringify(visible), ticket: visible };
}

/** One ticket change in the page format of the workstation's protocol version (see PROTOCOL_VERSION). */
function ticketChange({ text, rowJson, ticket }: VisibleTicket, protocolVersion: number): string {
  if (protocolVersion === 1) return `{"kind":"ticket","ticket":${text}}`;
  return ticketLines(rowJson ?? JSON.stringify(ticketRowOf(ticket ?? (JSON.parse(text) as Ticket))), text);
}
