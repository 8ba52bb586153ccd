import type { Kysely } from 'kysely';

// Login throttling instead of account lockout (issue: lockout as a weapon): every failed login is a row
// (the source address, the login as typed, when), counted over a sliding window by source and by login.
// app_user.failed_logins and locked_until are no longer read; they stay for hub processes of the previous
// version that may still run while an upgrade rolls out.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('login_failure')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('login', 'text', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('login_failure_source').on('login_failure').columns(['source', 'at']).execute();
  await db.schema.createIndex('login_failure_login').on('login_failure').columns(['login', 'at']).execute();
  // Expired rows are purged by time.
  await db.schema.createIndex('login_failure_at').on('login_failure').column('at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('login_failure').execute();
}
