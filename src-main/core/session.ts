// The signed-in user of this workstation: an online login at the hub, or — while the hub is
// unreachable — an unlock with the verifier stored at the user's last online login here.
import { createCipheriv, createDecipheriv, createHmac, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { mutationProofText, type Mutation } from '../../src-shared/api/sync';
import { DesktopApiError, WorkstationConfig, type SessionUser } from '../../src-shared/api/desktop';
import { LoginResponse } from '../../src-shared/api/hub';
import { formatWarsawTime } from '../../src-shared/format';
import { hubRequest, HubRequestError } from './hub-client';
import type { LocalDb } from './store';
import type { SecretBox } from './secrets';

export interface Session {
  user: SessionUser;
  token: string;
  config: WorkstationConfig;
  /** Unlocked offline: the token may have expired; sync asks for a fresh login when the hub is back. */
  offline: boolean;
  /** The offline grant of the user's last online login here: signs their actions (see proveAction). */
  grant?: OfflineGrant;
}

export type OfflineGrant = NonNullable<LoginResponse['offlineGrant']>;

/** `<grant id>.<HMAC>` of the action, which the hub checks when another user's session carries it. */
export function proveAction(grant: OfflineGrant, clientId: string, mutation: Omit<Mutation, 'proof'>): string {
  const signature = createHmac('sha256', Buffer.from(grant.key, 'base64url'))
    .update(mutationProofText(clientId, mutation))
    .digest('base64url');
  return `${grant.id}.${signature}`;
}

export async function login(
  db: LocalDb,
  secrets: SecretBox,
  hubUrl: string,
  login: string,
  password: string,
  installation: { id: string; key: string },
  now: Date,
  newPassword?: string,
): Promise<Session> {
  let res: LoginResponse;
  try {
    res = await hubRequest(hubUrl, '/auth/login', LoginResponse, {
      body: {
        login,
        password,
        installationId: installation.id,
        installationKey: installation.key,
        ...(newPassword ? { newPassword } : {}),
      },
    });
  } catch (err) {
    // The hub unreachable or failing (its database down): those who worked here before can go on.
    if (err instanceof HubRequestError && (err.status === 'unreachable' || err.status >= 500))
      return unlockOffline(db, secrets, login, password);
    throw new DesktopApiError(loginFailure(err));
  }
  const config = await hubRequest(hubUrl, '/sync/config', WorkstationConfig, { token: res.token });
  const session: Session = {
    user: res.user,
    token: res.token,
    config,
    offline: false,
    ...(res.offlineGrant ? { grant: res.offlineGrant } : {}),
  };
  // The password that unlocks this workstation offline is the one now in force.
  await rememberUser(db, secrets, login, newPassword || password, session, now);
  return session;
}

/** The sessions of users who logged in here before, for re-applying their pending actions. */
export async function knownSessions(db: LocalDb, secrets: SecretBox): Promise<Session[]> {
  const rows = await db.selectFrom('known_user').select(['user', 'config', 'token', 'grant']).execute();
  return rows.map((r) => storedSession(r, secrets));
}

export async function lastSession(db: LocalDb, secrets: SecretBox): Promise<Session | undefined> {
  const row = await db.selectFrom('known_user').select(['user', 'config', 'token', 'grant']).where('signed_in', '=', 1).executeTakeFirst();
  return row ? storedSession(row, secrets) : undefined;
}

function storedSession(row: { user: string; config: string; token: string | null; grant: string | null }, secrets: SecretBox): Session {
  const grant = openToken(row.grant, secrets);
  return {
    user: JSON.parse(row.user),
    config: JSON.parse(row.config),
    token: openToken(row.token, secrets),
    offline: true,
    ...(grant ? { grant: JSON.parse(grant) } : {}),
  };
}

/** A token sealed under another system account cannot be read: the user logs in again. */
function openToken(stored: string | null, secrets: SecretBox): string {
  try {
    return stored ? secrets.open(stored) : '';
  } catch {
    return '';
  }
}

/** Nobody is signed in afterwards, and no credential usable without a password stays behind. */
export async function signOut(db: LocalDb): Promise<void> {
  await db.updateTable('known_user').set({ signed_in: 0, token: null, grant: null }).execute();
}

export async function refreshConfig(db: LocalDb, hubUrl: string, session: Session): Promise<Session> {
  const config = await hubRequest(hubUrl, '/sync/config', WorkstationConfig, { token: session.token });
  await db
    .updateTable('known_user')
    .set({ config: JSON.stringify(config) })
    .where('user_id', '=', session.user.id)
    .execute();
  return { ...session, config };
}

async function rememberUser(db: LocalDb, secrets: SecretBox, login: string, password: string, s: Session, now: Date): Promise<void> {
  const verifier = await makeVerifier(password);
  const grants = s.grant
    ? { grant: secrets.seal(JSON.stringify(s.grant)), grant_locked: await lockWithPassword(JSON.stringify(s.grant), password) }
    : { grant: null, grant_locked: null };
  const row = {
    user_id: s.user.id,
    verifier,
    user: JSON.stringify(s.user),
    config: JSON.stringify(s.config),
    token: secrets.seal(s.token),
    signed_in: 1,
    last_login_at: now.toISOString(),
    ...grants,
  };
  await db.transaction().execute(async (tx) => {
    // The previous user's session and grant go: the next user must not be able to act as them.
    await tx.updateTable('known_user').set({ signed_in: 0, token: null, grant: null }).execute();
    await tx
      .insertInto('known_user')
      .values({ login, ...row })
      .onConflict((oc) => oc.column('login').doUpdateSet(row))
      .execute();
  });
}

async function unlockOffline(db: LocalDb, secrets: SecretBox, login: string, password: string): Promise<Session> {
  const row = await db.selectFrom('known_user').selectAll().where('login', '=', login).executeTakeFirst();
  if (!row || !(await checkVerifier(password, row.verifier))) {
    throw new DesktopApiError({
      code: 'unavailable',
      message: row
        ? 'Nieprawidłowy login lub hasło (centrala jest nieosiągalna, sprawdzono hasło zapamiętane na tym stanowisku).'
        : 'Centrala jest nieosiągalna, a ten użytkownik nie logował się wcześniej na tym stanowisku — bez centrali nie można go zalogować.',
    });
  }
  const grant = row.grant_locked ? await unlockWithPassword(row.grant_locked, password) : undefined;
  await db.updateTable('known_user').set({ signed_in: 0, token: null, grant: null }).where('login', '!=', login).execute();
  await db
    .updateTable('known_user')
    .set({ signed_in: 1, grant: grant ? secrets.seal(grant) : null })
    .where('login', '=', login)
    .execute();
  const session = storedSession({ ...(row as { user: string; config: string; token: string | null }), grant: null }, secrets);
  return grant ? { ...session, grant: JSON.parse(grant) } : session;
}

// The grant kept for an offline unlock, sealed with a key only the user's password gives (AES-256-GCM).
async function lockWithPassword(text: string, password: string): Promise<string> {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', await derive(password, salt), iv);
  const sealed = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
  return [salt, iv, cipher.getAuthTag(), sealed].map((b) => b.toString('base64')).join('$');
}
async function unlockWithPassword(stored: string, password: string): Promise<string | undefined> {
  try {
    const [salt, iv, tag, sealed] = stored.split('$').map((p) => Buffer.from(p, 'base64'));
    const decipher = createDecipheriv('aes-256-gcm', await derive(password, salt!), iv!);
    decipher.setAuthTag(tag!);
    return Buffer.concat([decipher.update(sealed!), decipher.final()]).toString('utf8');
  } catch {
    return undefined;
  }
}

// The offline verifier: scrypt of the password with a random salt; the password itself is never stored.
const N = 16384;
function derive(password: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, 32, { N, r: 8, p: 1 }, (e, k) => (e ? reject(e) : resolve(k))),
  );
}
async function makeVerifier(password: string): Promise<string> {
  const salt = randomBytes(16);
  return `scrypt$${N}$${salt.toString('base64')}$${(await derive(password, salt)).toString('base64')}`;
}
async function checkVerifier(password: string, stored: string): Promise<boolean> {
  const [, , salt, key] = stored.split('$');
  if (!salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await derive(password, Buffer.from(salt, 'base64'));
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

function loginFailure(err: unknown): DesktopApiError['body'] {
  if (!(err instanceof HubRequestError)) return { code: 'internal', message: 'Nie udało się zalogować.' };
  if (err.status === 429) {
    // The hub throttles failed logins by address and by login (no account is locked): wait and try again.
    const { retryAfterSeconds: seconds, retryAfter: until } = (err.body ?? {}) as { retryAfterSeconds?: number; retryAfter?: string };
    const wait = !seconds
      ? 'za chwilę'
      : seconds < 60
        ? `za ${Math.ceil(seconds)} s`
        : `za ${Math.ceil(seconds / 60)} min${until ? ` (o ${formatWarsawTime(until)})` : ''}`;
    return { code: 'forbidden', message: `Zbyt wiele nieudanych prób logowania — spróbuj ponownie ${wait}.` };
  }
  if (err.status === 401 && err.body?.error === 'installationMismatch') {
    return {
      code: 'forbidden',
      message: 'Centrala nie rozpoznaje tego stanowiska (klucz instalacji się nie zgadza). Skontaktuj się z administratorem.',
    };
  }
  if (err.status === 401) return { code: 'forbidden', message: 'Nieprawidłowy login lub hasło.' };
  if (err.status === 403 && err.body?.error === 'passwordChangeRequired')
    return { code: 'forbidden', field: 'newPassword', message: 'To hasło jest jednorazowe — ustaw teraz własne, nowe hasło.' };
  if (err.status === 400 && err.body?.field === 'newPassword')
    return { code: 'invalidInput', field: 'newPassword', message: err.body.message };
  return { code: 'unavailable', message: `Centrala nie przyjęła logowania (${err.message}).` };
}
