import { sql, type Kysely } from 'kysely';

// The city's street dictionary kept on the workstation (P§12.1): outage calls get proper street names and
// TERYT ids too. Refreshed from the hub (GET /streets/all) at most daily; `key` is the full name folded
// (lower case, no diacritics) for prefix search.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('street_copy')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .execute();
  await sql`create index street_copy_key on street_copy (key)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('street_copy').execute();
}
