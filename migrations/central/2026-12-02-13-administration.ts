import { sql, type Kysely } from 'kysely';

// Administration (I§2–I§5, P§7, P§33–P§35): a first administrator whose one-time password must be changed,
// the last login shown to the admin, the address a unit outside the app receives tickets at (P§15), settings
// that were environment variables, a version every configuration change bumps (workstations refetch when it
// moves), and structure changes waiting for the super-supervisor's agreement (I§5.5).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('app_user')
    .addColumn('must_change_password', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('last_login_at', 'timestamptz')
    .execute();
  await db.schema.alterTable('unit').addColumn('address', 'text').execute();

  await db.schema
    .createTable('config_setting')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'jsonb', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('config_version')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('version', 'bigint', (c) => c.notNull())
    .execute();
  await db.insertInto('config_version').values({ id: 1, version: 1 }).execute();

  await db.schema
    .createTable('structure_change')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    /** What applies when it is carried out: the operations (see src-server/admin/structure.ts). */
    .addColumn('plan', 'jsonb', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('pending', 'approved', 'rejected', 'applied')`))
    .addColumn('requested_by', 'text', (c) => c.notNull())
    .addColumn('requested_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'timestamptz')
    .addColumn('note', 'text')
    .execute();
  await sql`create index audit_log_action on audit_log (action, at)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index audit_log_action`.execute(db);
  await db.schema.dropTable('structure_change').execute();
  await db.schema.dropTable('config_version').execute();
  await db.schema.dropTable('config_setting').execute();
  await db.schema.alterTable('unit').dropColumn('address').execute();
  await db.schema.alterTable('app_user').dropColumn('last_login_at').dropColumn('must_change_password').execute();
}
