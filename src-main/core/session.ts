// The signed-in user of this workstation: an online login at the hub, or — while the hub is
// unreachable — an unlock with the verifier stored at the user's last online login here.
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
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
}

export async function login(
  db: LocalDb,
  secrets: SecretBox,
  hubUrl: string,
  login: string,
  password: string,
  installation: { id: string; key: string },
  now: Date,
): Promise<Session> {
  let res: LoginResponse;
  try {
    res = await hubRequest(hubUrl, '/auth/login', LoginResponse, { body: { login, password, installationId: installation.id, installationKey: installation.key } });
  } catch (err) {
    // The hub unreachable or failing (its database down): those who worked here before can go on.
    if (err instanceof HubRequestError && (err.status === 'unreachable' || err.status >= 500)) return unlockOffline(db, secrets, login, password);
    throw new DesktopApiError(loginFailure(err));
  }
  const config = await hubRequest(hubUrl, '/sync/config', WorkstationConfig, { token: res.token });
  const session: Session = { user: res.user, token: res.token, config, offline: false };
  await rememberUser(db, secrets, login, password, session, now);
  return session;
}

/** The sessions of users who logged in here before, for re-applying their pending actions. */
export async function knownSessions(db: LocalDb, secrets: SecretBox): Promise<Session[]> {
  const rows = await db.selectFrom('known_user').select(['user', 'config', 'token']).execute();
  return rows.map((r) => storedSession(r, secrets));
}

export async function lastSession(db: LocalDb, secrets: SecretBox): Promise<Session | undefined> {
  const row = await db.selectFrom('known_user').select(['user', 'config', 'token']).where('signed_in', '=', 1).executeTakeFirst();
  return row ? storedSession(row, secrets) : undefined;
}

function storedSession(row: { user: string; config: string; token: string | null }, secrets: SecretBox): Session {
  return { user: JSON.parse(row.user), config: JSON.parse(row.config), token: openToken(row.token, secrets), offline: true };
}

/** A token sealed under another system account cannot be read: the user logs in again. */
function openToken(stored: string | null, secrets: SecretBox): string {
  try {
    return stored ? secrets.open(stored) : '';
  } catch {
    return '';
  }
}

export async function signOut(db: LocalDb): Promise<void> {
  await db.updateTable('known_user').set({ signed_in: 0, token: null }).execute();
}

export async function refreshConfig(db: LocalDb, hubUrl: string, session: Session): Promise<Session> {
  const config = await hubRequest(hubUrl, '/sync/config', WorkstationConfig, { token: session.token });
  await db.updateTable('known_user').set({ config: JSON.stringify(config) }).where('user_id', '=', session.user.id).execute();
  return { ...session, config };
}

async function rememberUser(db: LocalDb, secrets: SecretBox, login: string, password: string, s: Session, now: Date): Promise<void> {
  const verifier = await makeVerifier(password);
  const row = { user_id: s.user.id, verifier, user: JSON.stringify(s.user), config: JSON.stringify(s.config), token: secrets.seal(s.token), signed_in: 1, last_login_at: now.toISOString() };
  await db.transaction().execute(async (tx) => {
    await tx.updateTable('known_user').set({ signed_in: 0 }).execute();
    await tx.insertInto('known_user').values({ login, ...row }).onConflict((oc) => oc.column('login').doUpdateSet(row)).execute();
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
  await db.updateTable('known_user').set({ signed_in: 0 }).execute();
  await db.updateTable('known_user').set({ signed_in: 1 }).where('login', '=', login).execute();
  return storedSession(row as { user: string; config: string; token: string | null }, secrets);
}

// The offline verifier: scrypt of the password with a random salt; the password itself is never stored.
const N = 16384;
function derive(password: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => scrypt(password.normalize('NFC'), salt, 32, { N, r: 8, p: 1 }, (e, k) => (e ? reject(e) : resolve(k))));
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
    const until = (err.body as { retryAfter?: string } | undefined)?.retryAfter;
    return {
      code: 'forbidden',
      message: `Zbyt wiele nieudanych prób logowania. Konto jest zablokowane${until ? ` do ${formatWarsawTime(until)}` : ' na kilka minut'}.`,
    };
  }
  if (err.status === 401 && err.body?.error === 'installationMismatch') {
    return { code: 'forbidden', message: 'Centrala nie rozpoznaje tego stanowiska (klucz instalacji się nie zgadza). Skontaktuj się z administratorem.' };
  }
  if (err.status === 401) return { code: 'forbidden', message: 'Nieprawidłowy login lub hasło.' };
  return { code: 'unavailable', message: `Centrala nie przyjęła logowania (${err.message}).` };
}
