import { sql, type Kysely } from 'kysely';

// A file belongs to the ticket it was first attached to (issue: file ids reused across tickets): set when
// an action naming it is applied, so no other ticket can list it and erasing one ticket's personal data
// deletes only that ticket's files. Uploads no ticket claims are counted against the uploading user's
// quota and cleaned up after a while.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('attachment').addColumn('ticket', 'text').execute();
  await db.schema.createIndex('attachment_ticket').on('attachment').column('ticket').execute();
  // Unclaimed uploads: counted per user (the quota) and cleaned up by age.
  await sql`create index attachment_unclaimed_by on attachment (uploaded_by) where ticket is null`.execute(db);
  await sql`create index attachment_unclaimed_at on attachment (uploaded_at) where ticket is null`.execute(db);
  // Files already listed by tickets belong to the first ticket (by number) that lists them.
  await sql`update attachment a set ticket = owner.ticket
            from (select distinct on (f->>'id') f->>'id' as id, t.number as ticket
                  from ticket t, json_array_elements(t.data->'attachments') f
                  order by f->>'id', t.number) owner
            where owner.id = a.id`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('attachment').dropColumn('ticket').execute();
}
