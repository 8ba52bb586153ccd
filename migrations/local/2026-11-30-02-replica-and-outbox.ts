import type { Kysely } from 'kysely';

// The workstation's replica of the tickets its user may see (the hub's confirmed state and the
// state with local, unconfirmed actions applied on top), the outbox of actions waiting for the hub,
// the "to resolve" inbox of actions the hub refused, leased ticket numbers, offline-login verifiers
// and the outage periods seen here.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('ticket')
    .addColumn('number', 'text', (c) => c.primaryKey())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text')
    .addColumn('coordinator_group_id', 'text')
    .addColumn('realizer_group_id', 'text')
    .addColumn('category_id', 'text')
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('forwarded_at', 'text')
    /** ",g1,g2," so that `like '%,g1,%'` finds membership without a join. */
    .addColumn('routed_groups', 'text', (c) => c.notNull())
    .addColumn('routed_units', 'text', (c) => c.notNull())
    /** Digits of the reporter's phone, for the status inquiry (P§23.1). */
    .addColumn('phone_digits', 'text')
    /** Lower-case, diacritics-free address, for search and the duplicate hint. */
    .addColumn('address_key', 'text')
    .addColumn('pending', 'integer', (c) => c.notNull().defaultTo(0))
    /** The hub has this ticket (it came in a pull); 0 for one created here and not yet pulled back. */
    .addColumn('confirmed', 'integer', (c) => c.notNull().defaultTo(0))
    /** What screens show: the hub's version with this workstation's pending actions applied. */
    .addColumn('data', 'text', (c) => c.notNull())
    /** The hub's version while it differs from `data` (pending actions); null when `data` is it. */
    .addColumn('server_data', 'text')
    .execute();
  for (const [name, columns] of [
    ['ticket_status', ['status', 'received_at']],
    ['ticket_coordinator', ['coordinator_group_id', 'status', 'received_at']],
    ['ticket_realizer', ['realizer_group_id', 'status', 'received_at']],
    ['ticket_received', ['received_at']],
    ['ticket_phone', ['phone_digits']],
    ['ticket_category_address', ['category_id', 'address_key']],
  ] as const) {
    await db.schema
      .createIndex(name)
      .on('ticket')
      .columns([...columns])
      .execute();
  }

  await db.schema
    .createTable('outbox')
    .addColumn('mutation_id', 'integer', (c) => c.primaryKey())
    .addColumn('ticket', 'text')
    .addColumn('args', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.notNull())
    .addColumn('outage', 'integer', (c) => c.notNull())
    .addColumn('protocol_version', 'integer', (c) => c.notNull())
    .execute();
  // Which tickets each pending action touches, to re-apply them on fresh hub state (rebase).
  await db.schema
    .createTable('outbox_ticket')
    .addColumn('mutation_id', 'integer', (c) => c.notNull())
    .addColumn('ticket', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('outbox_ticket_pk', ['ticket', 'mutation_id'])
    .execute();

  await db.schema
    .createTable('to_resolve')
    .addColumn('mutation_id', 'integer', (c) => c.primaryKey())
    .addColumn('ticket', 'text')
    .addColumn('args', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.notNull())
    .addColumn('outage', 'integer', (c) => c.notNull())
    .addColumn('refusal', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('number_block')
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('first', 'integer', (c) => c.notNull())
    .addColumn('last', 'integer', (c) => c.notNull())
    /** The next number not yet used in this block. */
    .addColumn('next', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('number_block_pk', ['year', 'first'])
    .execute();

  await db.schema
    .createTable('known_user')
    .addColumn('login', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull())
    /** scrypt verifier of the password, for unlocking while the hub is unreachable; never the password. */
    .addColumn('verifier', 'text', (c) => c.notNull())
    .addColumn('user', 'text', (c) => c.notNull())
    .addColumn('config', 'text', (c) => c.notNull())
    /** The hub session of the user's last login here, so a restarted workstation can resume sync. */
    .addColumn('token', 'text')
    /** The user signed in on this workstation now (one at most). */
    .addColumn('signed_in', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_login_at', 'text', (c) => c.notNull())
    .execute();

  // Files attached here (photos, scans), kept until the hub has them.
  await db.schema
    .createTable('attachment')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text')
    .addColumn('content', 'blob', (c) => c.notNull())
    .addColumn('uploaded', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('outage_period')
    .addColumn('started_at', 'text', (c) => c.primaryKey())
    .addColumn('ended_at', 'text')
    .addColumn('declared_by', 'text', (c) => c.notNull())
    .addColumn('uploaded', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['outage_period', 'attachment', 'known_user', 'number_block', 'to_resolve', 'outbox_ticket', 'outbox', 'ticket']) {
    await db.schema.dropTable(table).execute();
  }
}
