import { type Kysely } from 'kysely';

// The department's mailbox (P§3.2): each message read becomes one ticket, exactly once per Message-ID — the
// record is written in the ticket's transaction, so a hub stopped mid-way, or two hub processes reading the same
// mailbox, never save a message twice.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('mail_message')
    .addColumn('message_id', 'text', (c) => c.primaryKey())
    .addColumn('ticket', 'text', (c) => c.notNull())
    .addColumn('received_at', 'timestamptz', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('mail_message').execute();
}
