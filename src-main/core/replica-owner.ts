// The replica holds what its user may see. When someone who may see differently signs in here (another
// role, other groups or units), or the user's own permissions change, the hub's tickets are dropped
// and pulled again from the start: no one reads tickets or personal data meant for someone else, and
// nobody misses tickets the previous cursor had already passed. Actions not yet sent stay.
import type { Actor } from '../../src-shared/ticket';
import { readSetting, writeSetting } from './sync-client';
import type { LocalDb } from './store';

/** What decides visibility (canSee): roles, groups and units — not who the person is. */
function visibilityKey(actor: Actor): string {
  return JSON.stringify([[...actor.roles].sort(), [...actor.groupIds].sort(), [...actor.unitIds].sort()]);
}

export async function adoptReplica(db: LocalDb, actor: Actor): Promise<void> {
  const key = visibilityKey(actor);
  if ((await readSetting(db, 'replicaVisibility')) === key) return;
  await db.transaction().execute(async (tx) => {
    // Tickets created here and not yet confirmed are this workstation's own work: they stay.
    await tx.deleteFrom('ticket').where('confirmed', '=', 1).execute();
    await tx.deleteFrom('setting').where('key', '=', 'pullCursor').execute();
    await writeSetting(tx, 'replicaVisibility', key);
  });
}
