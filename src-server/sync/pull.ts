// pull: from a cursor (a position in the change feed), the tickets this user may see, redacted for
// them, and tombstones for tickets that left their view; paged.
import { sql } from 'kysely';
import { canSeePersonalData, redactForActor, type Actor, type Ticket } from '../../src-shared/ticket';
import type { CentralDb } from '../db/connect';
import { loadExtraDays } from '../calendar-store';
import { cachedDirectory } from '../directory';

/**
 * The pull response, already serialised: tickets are stored as JSON and most pulls (operators, the
 * monitoring team) may see them whole, so their text goes out without being parsed and re-encoded.
 * Shape: PullResponse in src-shared/api/sync.
 */
export async function pull(db: CentralDb, actor: Actor, clientId: string, cursor: string | null, limit: number): Promise<string> {
  const after = cursor === null ? 0 : Number(cursor);
  // Operators and super-supervisors see every ticket whole (deleted ones: super-supervisors only).
  const seesAllWhole = actor.roles.includes('superSupervisor') || actor.roles.includes('operator');
  let query = db
    .selectFrom('ticket')
    .select(['number', 'status', 'change_seq', sql<string>`data::text`.as('json')])
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
    const whole = seesAllWhole && (row.status !== 'deleted' || actor.roles.includes('superSupervisor'));
    let ticketJson: string | undefined;
    if (whole) ticketJson = row.json;
    else if (!seesAllWhole) {
      const ticket = JSON.parse(row.json) as Ticket;
      const visible = redactForActor(actor, ticket, directory);
      if (visible) ticketJson = canSeePersonalData(actor, ticket, directory) ? row.json : JSON.stringify(visible);
    }
    if (ticketJson) changes.push(`{"kind":"ticket","ticket":${ticketJson}}`);
    // A first sync has nothing to drop.
    else if (cursor !== null) changes.push(JSON.stringify({ kind: 'tombstone', number: row.number }));
  }
  const tail = {
    cursor: rows.length ? String(rows.at(-1)!.change_seq) : String(after),
    more: rows.length === limit,
    lastMutationId: Number(client?.last_mutation_id ?? 0),
    extraDays,
  };
  return `{"changes":[${changes.join(',')}],${JSON.stringify(tail).slice(1)}`;
}
