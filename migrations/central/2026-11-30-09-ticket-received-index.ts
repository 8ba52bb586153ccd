import type { Kysely } from 'kysely';

// Monthly statistics read the tickets received in a month.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('ticket_received').on('ticket').column('received_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('ticket_received').execute();
}
