import { sql, type Kysely } from 'kysely';

// The public web form's callers and the ticket-number pool (issue: unthrottled intake, leases by anyone):
// - portal: each city portal that may post residents' forms, with its key stored only as a SHA-256 hash;
//   revoking a portal refuses its key at once.
// - ticket_number_lease.user_id: who leased the block (audit; leases are only for roles that register tickets).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('portal')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('key_hash', 'bytea', (c) => c.notNull().unique())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('revoked_at', 'timestamptz')
    .execute();

  await db.schema.alterTable('ticket_number_lease').addColumn('user_id', 'uuid').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('ticket_number_lease').dropColumn('user_id').execute();
  await db.schema.dropTable('portal').execute();
}
