// pull: from a cursor (a position in the change feed), the tickets this user may see, redacted for
// them, and tombstones for tickets that left their view; paged.
import type { PullResponse } from '../../src-shared/api/sync';
import { redactForActor, type Actor, type Ticket } from '../../src-shared/ticket';
import type { TicketChange } from '../../src-shared/api/sync';
import type { CentralDb } from '../db/connect';
import { loadExtraDays } from '../calendar-store';
import { loadDirectory } from '../directory';

export async function pull(db: CentralDb, actor: Actor, clientId: string, cursor: string | null, limit: number): Promise<PullResponse> {
  const after = cursor === null ? 0 : Number(cursor);
  const seesEverything = actor.roles.some((r) => r === 'operator' || r === 'superSupervisor');
  let query = db
    .selectFrom('ticket')
    .select(['number', 'change_seq', 'data'])
    .where('change_seq', '>', String(after))
    .orderBy('change_seq')
    .limit(limit);
  if (!seesEverything) {
    // Narrow in SQL to tickets ever routed to the user's groups or units (indexed); canSee decides exactly.
    const groups = actor.groupIds.length ? actor.groupIds : ['-'];
    const units = actor.unitIds.length ? actor.unitIds : ['-'];
    query = query.where((eb) => eb.or([eb('routed_group_ids', '&&', eb.val(groups)), eb('routed_unit_ids', '&&', eb.val(units))]));
  }
  const [rows, directory, client, extraDays] = await Promise.all([
    query.execute(),
    loadDirectory(db),
    db.selectFrom('sync_client').select('last_mutation_id').where('client_id', '=', clientId).executeTakeFirst(),
    loadExtraDays(db),
  ]);
  const changes: TicketChange[] = [];
  for (const row of rows) {
    const ticket = redactForActor(actor, row.data as Ticket, directory);
    if (ticket) changes.push({ kind: 'ticket', ticket });
    // A first sync has nothing to drop.
    else if (cursor !== null) changes.push({ kind: 'tombstone', number: row.number });
  }
  return {
    changes,
    cursor: rows.length ? String(rows.at(-1)!.change_seq) : String(after),
    more: rows.length === limit,
    lastMutationId: Number(client?.last_mutation_id ?? 0),
    extraDays,
  };
}
