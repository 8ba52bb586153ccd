// Logins, sessions and lockout. A session token is random, handed out once, and stored only as its
// SHA-256 hash; repeated failures lock the account for a time that doubles with each further failure.
import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { HubUser, LoginRequest, LoginResponse } from '../../src-shared/api/hub';
import { DUMMY_HASH_PROMISE, verifyPassword } from './passwords';
import type { CentralDb } from '../db/connect';

export const SESSION_HOURS = 12;
export const LOCKOUT = { freeFailures: 5, firstLockSeconds: 30, maxLockSeconds: 15 * 60 } as const;

export type LoginOutcome =
  | { ok: true; response: LoginResponse }
  | { ok: false; reason: 'invalidCredentials' }
  | { ok: false; reason: 'installationMismatch' }
  | { ok: false; reason: 'locked'; until: Date };

export function hashToken(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

/** Seconds an account stays locked after its n-th consecutive failure (0 while failures are still free). */
export function lockSeconds(failures: number): number {
  if (failures < LOCKOUT.freeFailures) return 0;
  return Math.min(LOCKOUT.maxLockSeconds, LOCKOUT.firstLockSeconds * 2 ** (failures - LOCKOUT.freeFailures));
}

export async function login(db: CentralDb, req: LoginRequest, now: Date): Promise<LoginOutcome> {
  const user = await db.selectFrom('app_user').selectAll().where('login', '=', req.login).executeTakeFirst();
  if (!user || user.disabled) {
    await verifyPassword(req.password, await DUMMY_HASH_PROMISE);
    await audit(db, req.login, 'login.failed', { installationId: req.installationId, reason: user ? 'disabled' : 'unknownLogin' });
    return { ok: false, reason: 'invalidCredentials' };
  }
  if (user.locked_until && user.locked_until > now) {
    await audit(db, req.login, 'login.refusedLocked', { installationId: req.installationId });
    return { ok: false, reason: 'locked', until: user.locked_until };
  }
  if (!(await verifyPassword(req.password, user.password_hash))) {
    // Counted in the database, so parallel guesses cannot all read the same count.
    const counted = await db
      .updateTable('app_user')
      .set({ failed_logins: sql`failed_logins + 1` })
      .where('id', '=', user.id)
      .returning('failed_logins')
      .executeTakeFirstOrThrow();
    const failures = Number(counted.failed_logins);
    const lock = lockSeconds(failures);
    const until = lock ? new Date(now.getTime() + lock * 1000) : null;
    if (until) await db.updateTable('app_user').set({ locked_until: until }).where('id', '=', user.id).execute();
    await audit(db, req.login, 'login.failed', { installationId: req.installationId, failures });
    return until ? { ok: false, reason: 'locked', until } : { ok: false, reason: 'invalidCredentials' };
  }
  if (req.installationId && !(await installationMatches(db, req.installationId, req.installationKey))) {
    await audit(db, req.login, 'login.installationMismatch', { installationId: req.installationId });
    return { ok: false, reason: 'installationMismatch' };
  }
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3600_000);
  await db.transaction().execute(async (tx) => {
    await tx.updateTable('app_user').set({ failed_logins: 0, locked_until: null }).where('id', '=', user.id).execute();
    await tx
      .insertInto('session')
      .values({ token_hash: hashToken(token), user_id: user.id, installation_id: req.installationId ?? null, created_at: now, expires_at: expiresAt })
      .execute();
    await audit(tx, req.login, 'login.ok', { installationId: req.installationId });
  });
  return { ok: true, response: { token, expiresAt: expiresAt.toISOString(), user: toHubUser(user) } };
}

/**
 * An installation's first login registers its key (as a hash); later logins must present the same
 * key, so the public installation id alone does not let anyone act as that workstation.
 */
async function installationMatches(db: CentralDb, installationId: string, key: string | undefined): Promise<boolean> {
  if (!key) return false;
  const hash = hashToken(key);
  await db.insertInto('installation').values({ id: installationId, key_hash: hash }).onConflict((oc) => oc.column('id').doNothing()).execute();
  const row = await db.selectFrom('installation').select('key_hash').where('id', '=', installationId).executeTakeFirstOrThrow();
  return Buffer.from(row.key_hash).equals(hash);
}

/** The user a bearer token belongs to, and the installation the session was opened on, if the session is live. */
export async function authenticate(db: CentralDb, token: string, now: Date): Promise<(HubUser & { installationId: string | null }) | undefined> {
  const row = await db
    .selectFrom('session')
    .innerJoin('app_user', 'app_user.id', 'session.user_id')
    .select(['app_user.id', 'app_user.login', 'app_user.display_name', 'app_user.roles', 'app_user.disabled', 'session.installation_id'])
    .where('session.token_hash', '=', hashToken(token))
    .where('session.revoked_at', 'is', null)
    .where('session.expires_at', '>', now)
    .executeTakeFirst();
  return row && !row.disabled ? { ...toHubUser(row), installationId: (row.installation_id as string | null) ?? null } : undefined;
}

export async function revokeSession(db: CentralDb, token: string, now: Date): Promise<void> {
  await db.updateTable('session').set({ revoked_at: now }).where('token_hash', '=', hashToken(token)).where('revoked_at', 'is', null).execute();
}

export async function audit(db: CentralDb, actor: string, action: string, details: Record<string, unknown>): Promise<void> {
  await db.insertInto('audit_log').values({ actor, action, details: JSON.stringify(details) }).execute();
}

// Rows are untyped until the central schema gets its Kysely table types.
function toHubUser(row: Record<string, unknown>): HubUser {
  return { id: row.id as string, login: row.login as string, displayName: row.display_name as string, roles: row.roles as HubUser['roles'] };
}
