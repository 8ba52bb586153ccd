import type { Kysely } from 'kysely';

// A large queue's filters and counts read only these indexes, never the tickets' rows: on a million tickets
// the rows are spread over a file far larger than the page cache, and fetching thousands of them to test a
// channel or a street costs more than a page may take. They carry every column a queue filters by, after the
// columns that scope a coordinator's queue (group, status) and an overview (status). They supersede the
// narrower (coordinator group, status, handed) and (status, handed) indexes of 2026-12-03-04.
const FILTERED = ['handed_at', 'received_at', 'kind', 'channel', 'outage', 'category_id', 'holder_group_id', 'address_key'];

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('ticket_coordinator_handed').execute();
  await db.schema.dropIndex('ticket_status_handed').execute();
  await db.schema
    .createIndex('ticket_coordinator_cover')
    .on('ticket')
    .columns(['coordinator_group_id', 'status', ...FILTERED])
    .execute();
  await db.schema
    .createIndex('ticket_status_cover')
    .on('ticket')
    .columns(['status', ...FILTERED])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('ticket_status_cover').execute();
  await db.schema.dropIndex('ticket_coordinator_cover').execute();
  await db.schema.createIndex('ticket_status_handed').on('ticket').columns(['status', 'handed_at']).execute();
  await db.schema.createIndex('ticket_coordinator_handed').on('ticket').columns(['coordinator_group_id', 'status', 'handed_at']).execute();
}
