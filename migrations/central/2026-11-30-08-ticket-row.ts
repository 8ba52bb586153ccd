import type { Kysely } from 'kysely';

// The fields a workstation files a ticket by (TicketRow in src-shared/api/sync), written with the ticket
// so that pulls send them beside its stored text without reading it (JSON kept as text: nothing reads it
// inside the database, and a json column would check it on every write). Null for rows written before this
// migration until they change; pulls compute those on the fly.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('ticket').addColumn('ticket_row', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('ticket').dropColumn('ticket_row').execute();
}
