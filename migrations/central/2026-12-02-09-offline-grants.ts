import { sql, type Kysely } from 'kysely';

// Who may push whose actions (issue: shared-workstation impersonation), and what the hub remembers of
// each push so a resent mutation id with other content is caught:
// - offline_grant: issued at a user's login on a workstation, its key signs every action that user records
//   there, so another user's session can carry them to the hub later (an outage, a shift change) and nobody
//   else can forge them; bound to the installation, expiring, revoked by logout, password change, disabling.
// - sync_client.synced_at: the workstation's last pull; actions it pushes later cannot be older (backdating).
// - pushed_batch: a short digest of every mutation a push brought, one row per push.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('offline_grant')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
    .addColumn('installation_id', 'uuid', (c) => c.notNull())
    .addColumn('key', 'bytea', (c) => c.notNull())
    .addColumn('issued_at', 'timestamptz', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('revoked_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('offline_grant_user').on('offline_grant').columns(['user_id', 'installation_id']).execute();

  await db.schema.alterTable('sync_client').addColumn('synced_at', 'timestamptz').execute();

  await db.schema
    .createTable('pushed_batch')
    .addColumn('client_id', 'uuid', (c) => c.notNull())
    .addColumn('first_mutation_id', 'bigint', (c) => c.notNull())
    .addColumn('last_mutation_id', 'bigint', (c) => c.notNull())
    /** 16 bytes per mutation, in id order. */
    .addColumn('digests', 'bytea', (c) => c.notNull())
    .addColumn('pushed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('pushed_batch_pk', ['client_id', 'first_mutation_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('pushed_batch').execute();
  await db.schema.alterTable('sync_client').dropColumn('synced_at').execute();
  await db.schema.dropTable('offline_grant').execute();
}
