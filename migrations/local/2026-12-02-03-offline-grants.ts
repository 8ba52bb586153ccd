import type { Kysely } from 'kysely';

// Each user's actions are signed with the offline grant the hub issued at their login here, so another
// user's session may carry them to the hub later while nobody can forge them.
// - known_user.grant: the grant, sealed with the system key store, kept only while the user is signed in;
// - known_user.grant_locked: the same grant sealed with a key derived from the user's password, for an
//   offline unlock (only the user can open it);
// - outbox.proof: the action's signature.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('known_user').addColumn('grant', 'text').execute();
  await db.schema.alterTable('known_user').addColumn('grant_locked', 'text').execute();
  await db.schema.alterTable('outbox').addColumn('proof', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('outbox').dropColumn('proof').execute();
  await db.schema.alterTable('known_user').dropColumn('grant_locked').execute();
  await db.schema.alterTable('known_user').dropColumn('grant').execute();
}
