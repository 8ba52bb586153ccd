// Logins and sessions. A session token is random, handed out once, and stored only as its SHA-256 hash.
// Repeated failures never lock an account: they throttle the source and the login (see throttle.ts), and
// an unknown login, a disabled account and a wrong password get the same answer after the same work.
import { createHash, randomBytes } from 'node:crypto';
import type { HubUser, LoginRequest, LoginResponse } from '../../src-shared/api/hub';
import { DUMMY_HASH_PROMISE, hashPassword, verifyPassword } from './passwords';
import { passwordProblem } from '../../src-shared/passwords';
import type { CentralDb } from '../db/connect';
import { attemptSucceeded, beginAttempt, loginKey, sourceKey } from './throttle';
import { issueGrant, revokeGrants } from './grants';

export const SESSION_HOURS = 12;

export type LoginOutcome =
  | { ok: true; response: LoginResponse }
  | { ok: false; reason: 'invalidCredentials' }
  | { ok: false; reason: 'installationMismatch' }
  /** The password is right but one-time (first admin, reset): a new one must come with the login. */
  | { ok: false; reason: 'passwordChangeRequired' }
  | { ok: false; reason: 'newPasswordRejected'; message: string }
  /** Too many recent failures from this source or for this login: nothing was checked. */
  | { ok: false; reason: 'throttled'; until: Date };

export function hashToken(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

/**
 * `source` is the request's address (req.ip). Every refused login costs the same: the throttle's one
 * statement, the user lookup, one scrypt verification (of a dummy hash when there is no usable account),
 * one audit row; the attempt stays counted as a failure.
 */
export async function login(db: CentralDb, req: LoginRequest, now: Date, source: string): Promise<LoginOutcome> {
  const attempt = { source: sourceKey(source), login: loginKey(req.login) };
  const gate = await beginAttempt(db, attempt, now);
  if (!gate.ok) return { ok: false, reason: 'throttled', until: gate.until };
  const user = await db.selectFrom('app_user').selectAll().where('login', '=', req.login).executeTakeFirst();
  const usable = user && !user.disabled;
  const passwordOk = await verifyPassword(req.password, usable ? user.password_hash : await DUMMY_HASH_PROMISE);
  if (!usable || !passwordOk) {
    const reason = !user ? 'unknownLogin' : user.disabled ? 'disabled' : 'wrongPassword';
    await audit(db, req.login, 'login.failed', { installationId: req.installationId, source: attempt.source, reason });
    return { ok: false, reason: 'invalidCredentials' };
  }
  if (req.installationId && !(await installationMatches(db, req.installationId, req.installationKey))) {
    await audit(db, req.login, 'login.installationMismatch', { installationId: req.installationId });
    return { ok: false, reason: 'installationMismatch' };
  }
  let newHash: string | undefined;
  if (user.must_change_password) {
    // The password was proven: asking for a new one is not a failed attempt.
    if (!req.newPassword) {
      await attemptSucceeded(db, attempt);
      return { ok: false, reason: 'passwordChangeRequired' };
    }
    const problem =
      passwordProblem(req.newPassword, user.login) ??
      (req.newPassword === req.password ? { message: 'Nowe hasło musi być inne niż jednorazowe.' } : undefined);
    if (problem) {
      await attemptSucceeded(db, attempt);
      return { ok: false, reason: 'newPasswordRejected', message: problem.message };
    }
    newHash = await hashPassword(req.newPassword);
  }
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3600_000);
  await db.transaction().execute(async (tx) => {
    await attemptSucceeded(tx, attempt);
    await tx
      .updateTable('app_user')
      .set({ last_login_at: now, ...(newHash ? { password_hash: newHash, must_change_password: false } : {}) })
      .where('id', '=', user.id)
      .execute();
    if (newHash) await audit(tx, req.login, 'user.passwordChanged', { installationId: req.installationId });
    await tx
      .insertInto('session')
      .values({
        token_hash: hashToken(token),
        user_id: user.id,
        installation_id: req.installationId ?? null,
        created_at: now,
        expires_at: expiresAt,
      })
      .execute();
    await audit(tx, req.login, 'login.ok', { installationId: req.installationId, source: attempt.source });
  });
  const offlineGrant = req.installationId ? await issueGrant(db, user.id, req.installationId, now) : undefined;
  return {
    ok: true,
    response: { token, expiresAt: expiresAt.toISOString(), user: toHubUser(user), ...(offlineGrant ? { offlineGrant } : {}) },
  };
}

/**
 * An installation's first login registers its key (as a hash); later logins must present the same
 * key, so the public installation id alone does not let anyone act as that workstation.
 */
async function installationMatches(db: CentralDb, installationId: string, key: string | undefined): Promise<boolean> {
  if (!key) return false;
  const hash = hashToken(key);
  await db
    .insertInto('installation')
    .values({ id: installationId, key_hash: hash })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  const row = await db.selectFrom('installation').select('key_hash').where('id', '=', installationId).executeTakeFirstOrThrow();
  return Buffer.from(row.key_hash).equals(hash);
}

/** The user a bearer token belongs to, and the installation the session was opened on, if the session is live. */
export async function authenticate(
  db: CentralDb,
  token: string,
  now: Date,
): Promise<(HubUser & { installationId: string | null }) | undefined> {
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

/** Logout: the session ends, and with it the user's offline grants on that workstation. */
export async function revokeSession(db: CentralDb, token: string, now: Date): Promise<void> {
  const ended = await db
    .updateTable('session')
    .set({ revoked_at: now })
    .where('token_hash', '=', hashToken(token))
    .where('revoked_at', 'is', null)
    .returning(['user_id', 'installation_id'])
    .executeTakeFirst();
  if (ended?.installation_id) await revokeGrants(db, ended.user_id, now, ended.installation_id);
}

/**
 * Ends every live session and offline grant of the user at once — password change or reset, disabling: each
 * of their tokens stops working (401) and no workstation can sign their actions from now on.
 */
export async function endUserSessions(db: CentralDb, userId: string, now: Date): Promise<void> {
  await db.updateTable('session').set({ revoked_at: now }).where('user_id', '=', userId).where('revoked_at', 'is', null).execute();
  await revokeGrants(db, userId, now);
}

export async function audit(db: CentralDb, actor: string, action: string, details: Record<string, unknown>): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({ actor, action, details: JSON.stringify(details) })
    .execute();
}

// Rows are untyped until the central schema gets its Kysely table types.
function toHubUser(row: Record<string, unknown>): HubUser {
  return {
    id: row.id as string,
    login: row.login as string,
    displayName: row.display_name as string,
    roles: row.roles as HubUser['roles'],
  };
}
