import { spawn } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { centralMigrations } from '../../migrations/central';
import { prepareSchema } from '../../migrations/runner';
import { openKysely, type CentralDb } from '../../src-server/db/connect';
import { saveDirectory } from '../../src-server/directory';
import { verifyPassword } from '../../src-server/auth/passwords';
import { login } from '../../src-server/auth/sessions';
import { THROTTLE } from '../../src-server/auth/throttle';
import { startHub, type RunningHub } from '../../src-server/hub';
import { PASSWORD_MAX_LENGTH } from '../../src-shared/passwords';
import { categories, groups, units } from '../support/city';
import { freshDatabaseUrl } from '../support/db';

let databaseUrl: string;
let db: CentralDb;
let hub: RunningHub;

beforeAll(async () => {
  databaseUrl = await freshDatabaseUrl();
  db = openKysely(databaseUrl, 2);
  await prepareSchema(db, centralMigrations, { label: 'central', autoMigrate: true, upgradeHint: '' });
  await saveDirectory(db, { units, groups, categories });
  // A hub on the same database: sessions the CLI ends must stop working there.
  hub = await startHub({ databaseUrl, dataDir: '/nonexistent', logger: false });
  return async () => {
    await hub.close();
    await db.destroy();
  };
});

const hubLogin = (login: string, password: string) =>
  fetch(`${hub.url}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login, password }),
  });
const me = (token: string) => fetch(`${hub.url}/auth/me`, { headers: { authorization: `Bearer ${token}` } });

/** Runs the admin CLI with the password on standard input, as an administrator would pipe it. */
function admin(args: string[], stdin = ''): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn('npx', ['tsx', 'src-server/admin/cli.ts', ...args], { env: { ...process.env, DATABASE_URL: databaseUrl } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

describe('npm run admin -- user …', () => {
  it('adds a coordinator with a password from stdin and puts them in a group by its symbol', async () => {
    const res = await admin(
      ['user', 'add', 'jnowak', '--name', 'Jan Nowak', '--roles', 'coordinator', '--groups', 'ZDIT-K'],
      'bardzo-tajne-haslo\n',
    );
    expect(res.stdout).toContain('Added jnowak');
    const user = await db.selectFrom('app_user').selectAll().where('login', '=', 'jnowak').executeTakeFirstOrThrow();
    expect(user.roles).toEqual(['coordinator']);
    expect(await verifyPassword('bardzo-tajne-haslo', user.password_hash)).toBe(true);
    const membership = await db.selectFrom('group_member').select('group_id').where('user_id', '=', user.id).execute();
    expect(membership).toEqual([{ group_id: 'zdit-k' }]);
  });

  it('changes roles and groups, and refuses an unknown group symbol saying which', async () => {
    expect(
      (await admin(['user', 'set-roles', 'jnowak', '--roles', 'coordinator,supervisor', '--groups', 'WGK-K', '--units', 'wgk'])).code,
    ).toBe(0);
    const user = await db.selectFrom('app_user').selectAll().where('login', '=', 'jnowak').executeTakeFirstOrThrow();
    expect(user.roles).toEqual(['coordinator', 'supervisor']);
    const bad = await admin(['user', 'set-roles', 'jnowak', '--roles', 'coordinator', '--groups', 'NIE-MA']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('NIE-MA');
  });

  it('refuses a short password and an unknown role, changing nothing', async () => {
    const short = await admin(['user', 'add', 'krotki', '--name', 'K', '--roles', 'operator'], 'abcdefgh\n');
    expect(short.code).toBe(2);
    expect(short.stderr).toContain('at least 10 characters');
    const role = await admin(['user', 'add', 'zla-rola', '--name', 'Z', '--roles', 'boss'], 'dlugie-haslo-1\n');
    expect(role.stderr).toContain('Unknown role "boss"');
    expect(await db.selectFrom('app_user').select('login').where('login', 'in', ['krotki', 'zla-rola']).execute()).toEqual([]);
  });

  it('refuses a common password, one containing the login, and one over the maximum length, changing nothing', async () => {
    const add = (password: string) =>
      admin(['user', 'add', 'pkowalska', '--name', 'Paula Kowalska', '--roles', 'operator'], `${password}\n`);
    // (the rules themselves: auth-password-policy.test.ts)
    const common = await add('Zaq12wsx2026!');
    expect(common.code).toBe(2);
    expect(common.stderr).toContain('list of common passwords');
    const withLogin = await add('PKowalska-1990');
    expect(withLogin.code).toBe(2);
    expect(withLogin.stderr).toContain('must not be the login or contain it');
    const long = await add('x'.repeat(PASSWORD_MAX_LENGTH + 1));
    expect(long.stderr).toContain(`at most ${PASSWORD_MAX_LENGTH} characters`);
    expect(await db.selectFrom('app_user').select('login').where('login', '=', 'pkowalska').execute()).toEqual([]);
    // The longest allowed password is set and accepted at login.
    expect((await add('x'.repeat(PASSWORD_MAX_LENGTH - 1) + '1')).code).toBe(0);
    expect((await hubLogin('pkowalska', 'x'.repeat(PASSWORD_MAX_LENGTH - 1) + '1')).status).toBe(200);
  }, 120_000);

  it('set-password ends every session of the user: their old token gets 401, the old password no longer works', async () => {
    const first = await (await hubLogin('jnowak', 'bardzo-tajne-haslo')).json();
    const second = await (await hubLogin('jnowak', 'bardzo-tajne-haslo')).json();
    expect((await me(first.token)).status).toBe(200);
    const res = await admin(['user', 'set-password', 'jnowak'], 'nowe-tajne-haslo-2\n');
    expect(res.code).toBe(0);
    expect(res.stdout).toContain('sessions ended');
    expect((await me(first.token)).status).toBe(401);
    expect((await me(second.token)).status).toBe(401);
    expect((await hubLogin('jnowak', 'bardzo-tajne-haslo')).status).toBe(401);
    expect((await hubLogin('jnowak', 'nowe-tajne-haslo-2')).status).toBe(200);
    // The policy applies to set-password too.
    expect((await admin(['user', 'set-password', 'jnowak'], 'jnowak12345\n')).code).toBe(2);
  }, 60_000);

  it('user unlock clears the failed logins that delay an account', async () => {
    const now = new Date();
    for (let i = 0; i < THROTTLE.loginFreeFailures; i++) {
      expect((await login(db, { login: 'jnowak', password: 'zle-haslo-123' }, now, `10.9.0.${i + 1}`)).ok).toBe(false);
    }
    const throttled = await login(db, { login: 'jnowak', password: 'nowe-tajne-haslo-2' }, now, '10.9.1.1');
    expect(throttled).toMatchObject({ ok: false, reason: 'throttled' });
    const res = await admin(['user', 'unlock', 'jnowak']);
    expect(res.code).toBe(0);
    expect(res.stdout).toContain(`${THROTTLE.loginFreeFailures} recent failed login(s) cleared`);
    expect((await login(db, { login: 'jnowak', password: 'nowe-tajne-haslo-2' }, now, '10.9.1.1')).ok).toBe(true);
    expect((await admin(['user', 'unlock', 'nie-ma-go'])).stderr).toContain('There is no user "nie-ma-go"');
  }, 60_000);

  it('disables a user and revokes their sessions', async () => {
    const user = await db.selectFrom('app_user').select('id').where('login', '=', 'jnowak').executeTakeFirstOrThrow();
    await db
      .insertInto('session')
      .values({ token_hash: Buffer.from('x'), user_id: user.id, expires_at: new Date(Date.now() + 3600_000) })
      .execute();
    const { token } = await (await hubLogin('jnowak', 'nowe-tajne-haslo-2')).json();
    expect((await admin(['user', 'disable', 'jnowak'])).code).toBe(0);
    const sessions = await db.selectFrom('session').select('revoked_at').where('user_id', '=', user.id).execute();
    expect(sessions.length).toBeGreaterThan(1);
    expect(sessions.every((s) => s.revoked_at !== null)).toBe(true);
    expect((await me(token)).status).toBe(401);
  });
});
