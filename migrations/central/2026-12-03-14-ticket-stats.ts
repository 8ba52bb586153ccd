import { sql, type Kysely } from 'kysely';

// What each ticket contributes to the statistics (P§24, P§27.3), written by the ticket writer in the same
// transaction as the ticket and frozen when the ticket is deleted: the record kept after deletion, and the
// narrow indexed rows the hub adds up instead of reading ticket documents. Tickets written before this
// migration get their row the next time they change (or from `backfill`).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('ticket_stat')
    .addColumn('number', 'text', (c) => c.primaryKey())
    .addColumn('received_at', 'timestamptz', (c) => c.notNull())
    // Warsaw weekday (1 Monday … 7 Sunday) and hour of receipt: breakdowns without a time-zone conversion per row.
    .addColumn('received_weekday', 'smallint', (c) => c.notNull())
    .addColumn('received_hour', 'smallint', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text')
    .addColumn('group_id', 'text')
    .addColumn('realizer_id', 'text')
    .addColumn('category_id', 'text')
    .addColumn('street', 'text')
    .addColumn('during_outage', 'boolean', (c) => c.notNull())
    // P§4.3: a web form's pickup deadline (null for other channels).
    .addColumn('pickup_due', 'timestamptz')
    .addColumn('handed_at', 'timestamptz')
    .addColumn('reaction_due', 'timestamptz')
    .addColumn('taken_up_at', 'timestamptz')
    .addColumn('reaction_hours', 'double precision')
    .addColumn('realization_due', 'timestamptz')
    .addColumn('finished_at', 'timestamptz')
    .addColumn('realization_hours', 'double precision')
    .addColumn('delay_explained', 'boolean', (c) => c.notNull())
    .addColumn('deleted_at', 'timestamptz')
    .addColumn('deletion_reason', 'text')
    .execute();
  await db.schema.createIndex('ticket_stat_received').on('ticket_stat').column('received_at').execute();
  await db.schema.createIndex('ticket_stat_unit_received').on('ticket_stat').columns(['unit_id', 'received_at']).execute();
  // The dashboard reads only what is open now: a small index, whatever the years behind it.
  await sql`create index ticket_stat_open on ticket_stat (unit_id) include (status, group_id, pickup_due, handed_at, reaction_due, taken_up_at, realization_due)
            where finished_at is null and deleted_at is null`.execute(db);
  await sql`create index ticket_stat_deleted on ticket_stat (deleted_at) where deleted_at is not null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('ticket_stat').execute();
}
