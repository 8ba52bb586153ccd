import { sql, type Kysely } from 'kysely';

// Workstations prove who they are with a secret key created at installation (stored here only as a
// hash), so nobody can push into another workstation's outbox stream by copying its public id.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('installation')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('key_hash', 'bytea', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('installation').execute();
}
