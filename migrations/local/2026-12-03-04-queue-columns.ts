import { sql, type Kysely } from 'kysely';

// What queues filter and sort by (P§24.2), read from each ticket's stored JSON by SQLite itself:
// virtual generated columns cost nothing to write (no write path changes), and the indexes over them
// keep a queue's filters and counts fast on a million tickets.
const COLUMNS: [name: string, expression: string][] = [
  ['kind', `json_extract(data, '$.kind')`],
  ['channel', `json_extract(data, '$.channel')`],
  ['subject', `json_extract(data, '$.subject')`],
  /** When the group holding it received it: the take-up clock starts here (P§16.2). */
  ['handed_at', `coalesce(json_extract(data, '$.times.handedToGroupAt'), json_extract(data, '$.times.forwardedAt'))`],
  ['outage', `json_extract(data, '$.capturedDuringOutage')`],
  ['coordinator_id', `json_extract(data, '$.coordinatorId')`],
  ['realizer_id', `json_extract(data, '$.realizerId')`],
  /** The group holding it now: the realizer group once assigned, else the coordinator group. */
  ['holder_group_id', `coalesce(json_extract(data, '$.realizerGroupId'), json_extract(data, '$.coordinatorGroupId'))`],
  ['notices', `json_array_length(data, '$.partialCompetenceNotices')`],
  ['suspended_until', `json_extract(data, '$.suspension.until')`],
  ['contractor_due', `json_extract(data, '$.contractorOrders[#-1].dueOn')`],
];

const INDEXES: [name: string, columns: string[]][] = [
  ['ticket_unit_status', ['unit_id', 'status', 'received_at']],
  ['ticket_status_handed', ['status', 'handed_at']],
  ['ticket_coordinator_handed', ['coordinator_group_id', 'status', 'handed_at']],
  ['ticket_realizer_handed', ['realizer_group_id', 'status', 'handed_at']],
  ['ticket_notices', ['notices']],
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const [name, expression] of COLUMNS) {
    await sql.raw(`alter table ticket add column ${name} generated always as (${expression}) virtual`).execute(db);
  }
  for (const [name, columns] of INDEXES) {
    await db.schema.createIndex(name).on('ticket').columns(columns).execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const [name] of INDEXES) await db.schema.dropIndex(name).execute();
  for (const [name] of [...COLUMNS].reverse()) await db.schema.alterTable('ticket').dropColumn(name).execute();
}
