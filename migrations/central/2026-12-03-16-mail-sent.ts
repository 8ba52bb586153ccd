import { sql, type Kysely } from 'kysely';

// E-mails the hub sends for tickets (P§14, P§15, P§16.3): one row per emailSent event, claimed before sending, so
// an e-mail goes at most once whatever number of hub processes run; a failure stays with its reason.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('mail_sent')
    .addColumn('ticket', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('sending', 'sent', 'failed')`))
    .addColumn('recipient', 'text')
    .addColumn('message_id', 'text')
    .addColumn('error', 'text')
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('mail_sent_pkey', ['ticket', 'seq'])
    .execute();
  await sql`create index ticket_event_email on ticket_event (ticket, seq) where type = 'emailSent'`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index ticket_event_email`.execute(db);
  await db.schema.dropTable('mail_sent').execute();
}
