// Offline grants: issued at a user's login on a workstation; the workstation signs each action of that
// user with the grant's key (see mutationProofText), so another user's session may carry the actions
// to the hub later while nobody can forge them. Bound to the installation, expiring, and revoked by
// logout, password change and disabling (actions taken before the revocation stay valid).
import { randomBytes, randomUUID } from 'node:crypto';
import type { LoginResponse } from '../../src-shared/api/hub';
import type { CentralDb } from '../db/connect';

/** Long enough for an outage over a long weekend (P§29), short enough that a lost workstation's grants lapse. */
export const GRANT_DAYS = 14;

export async function issueGrant(
  db: CentralDb,
  userId: string,
  installationId: string,
  now: Date,
): Promise<NonNullable<LoginResponse['offlineGrant']>> {
  const id = randomUUID();
  const key = randomBytes(32);
  const expiresAt = new Date(now.getTime() + GRANT_DAYS * 86_400_000);
  await db
    .insertInto('offline_grant')
    .values({ id, user_id: userId, installation_id: installationId, key, issued_at: now, expires_at: expiresAt })
    .execute();
  return { id, key: key.toString('base64url'), expiresAt: expiresAt.toISOString() };
}

/** Ends the user's grants (on one workstation, or everywhere): actions taken from now on need a new login. */
export async function revokeGrants(db: CentralDb, userId: string, now: Date, installationId?: string | null): Promise<void> {
  let q = db.updateTable('offline_grant').set({ revoked_at: now }).where('user_id', '=', userId).where('revoked_at', 'is', null);
  if (installationId) q = q.where('installation_id', '=', installationId);
  await q.execute();
}
