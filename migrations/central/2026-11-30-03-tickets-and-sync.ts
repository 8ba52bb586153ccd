import { sql, type Kysely } from 'kysely';

// The city's structure (units, groups, memberships, categories), the tickets (current state as a
// projection plus the append-only event log), and the sync protocol's bookkeeping: clients and their
// last mutation ids, refused mutations, ticket-number leases, outage periods.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('unit')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('department', 'agency')`))
    .addColumn('works_in_app', 'boolean', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('work_group')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('symbol', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('unit.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('coordinator', 'realizer')`))
    .execute();

  await db.schema
    .createTable('group_member')
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
    .addColumn('group_id', 'text', (c) => c.notNull().references('work_group.id'))
    .addPrimaryKeyConstraint('group_member_pk', ['user_id', 'group_id'])
    .execute();

  await db.schema
    .createTable('unit_supervisor')
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('unit.id'))
    .addPrimaryKeyConstraint('unit_supervisor_pk', ['user_id', 'unit_id'])
    .execute();

  // A category's name, kind, flags, subcategories and template (P§7, P§34) as one document: they are
  // read together and changed together by the admin.
  await db.schema
    .createTable('category')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('definition', 'jsonb', (c) => c.notNull())
    .execute();

  // Current state of every ticket: the full document plus the columns queues filter and sort on.
  await db.schema
    .createTable('ticket')
    .addColumn('number', 'text', (c) => c.primaryKey())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text')
    .addColumn('coordinator_group_id', 'text')
    .addColumn('realizer_group_id', 'text')
    .addColumn('routed_group_ids', sql`text[]`, (c) => c.notNull())
    .addColumn('routed_unit_ids', sql`text[]`, (c) => c.notNull())
    .addColumn('category_id', 'text')
    .addColumn('received_at', 'timestamptz', (c) => c.notNull())
    .addColumn('forwarded_at', 'timestamptz')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    /** Position in the hub's change feed (pull cursor). */
    .addColumn('change_seq', 'bigint', (c) => c.notNull())
    // json, not jsonb: the document is only ever read whole, and pulls send its stored text as it is.
    .addColumn('data', 'json', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('ticket_change_seq').on('ticket').column('change_seq').unique().execute();
  await db.schema.createIndex('ticket_coordinator_queue').on('ticket').columns(['coordinator_group_id', 'status', 'received_at']).execute();
  await db.schema.createIndex('ticket_realizer_queue').on('ticket').columns(['realizer_group_id', 'status', 'received_at']).execute();
  await db.schema.createIndex('ticket_unit_queue').on('ticket').columns(['unit_id', 'status', 'received_at']).execute();
  await db.schema.createIndex('ticket_status_queue').on('ticket').columns(['status', 'received_at']).execute();
  await sql`create index ticket_routed_groups on ticket using gin (routed_group_ids)`.execute(db);
  await sql`create index ticket_routed_units on ticket using gin (routed_unit_ids)`.execute(db);
  await sql`create sequence ticket_change_feed`.execute(db);

  // Append-only history. Only erasure of personal data (P§27) rewrites earlier events' `personal`.
  await db.schema
    .createTable('ticket_event')
    .addColumn('ticket', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.notNull())
    .addColumn('outage', 'boolean', (c) => c.notNull())
    .addColumn('data', 'jsonb', (c) => c.notNull())
    .addColumn('client_id', 'uuid')
    .addColumn('mutation_id', 'bigint')
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('ticket_event_pk', ['ticket', 'seq'])
    .execute();

  await db.schema
    .createTable('sync_client')
    .addColumn('client_id', 'uuid', (c) => c.primaryKey())
    .addColumn('user_id', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('last_mutation_id', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('last_push_at', 'timestamptz')
    .addColumn('clock_skew_seconds', 'double precision')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('refused_mutation')
    .addColumn('client_id', 'uuid', (c) => c.notNull())
    .addColumn('mutation_id', 'bigint', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('args', 'jsonb', (c) => c.notNull())
    .addColumn('refusal', 'jsonb', (c) => c.notNull())
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('refused_mutation_pk', ['client_id', 'mutation_id'])
    .execute();

  // One city-wide sequence of ticket numbers per year; workstations lease blocks of it.
  await db.schema
    .createTable('ticket_number_counter')
    .addColumn('year', 'integer', (c) => c.primaryKey())
    .addColumn('last_issued', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('ticket_number_lease')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('client_id', 'uuid')
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('first', 'integer', (c) => c.notNull())
    .addColumn('last', 'integer', (c) => c.notNull())
    .addColumn('leased_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('ticket_number_lease_client').on('ticket_number_lease').columns(['client_id', 'year']).execute();

  await db.schema
    .createTable('outage_period')
    .addColumn('client_id', 'uuid', (c) => c.notNull())
    .addColumn('started_at', 'timestamptz', (c) => c.notNull())
    .addColumn('ended_at', 'timestamptz')
    .addColumn('declared_by', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('outage_period_pk', ['client_id', 'started_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'outage_period',
    'ticket_number_lease',
    'ticket_number_counter',
    'refused_mutation',
    'sync_client',
    'ticket_event',
    'ticket',
    'category',
    'unit_supervisor',
    'group_member',
    'work_group',
    'unit',
  ]) {
    await db.schema.dropTable(table).execute();
  }
  await sql`drop sequence ticket_change_feed`.execute(db);
}
