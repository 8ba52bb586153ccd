import type { Kysely } from 'kysely';

// Every push asks which users ever logged in on the pushing installation (who may have written its outbox).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('session_installation').on('session').columns(['installation_id', 'user_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('session_installation').execute();
}
