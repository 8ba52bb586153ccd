import { spawn } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { centralMigrations } from '../../migrations/central';
import { prepareSchema } from '../../migrations/runner';
import { openKysely, type CentralDb } from '../../src-server/db/connect';
import { saveDirectory } from '../../src-server/directory';
import { verifyPassword } from '../../src-server/auth/passwords';
import { categories, groups, units } from '../support/city';
import { freshDatabaseUrl } from '../support/db';

let databaseUrl: string;
let db: CentralDb;

beforeAll(async () => {
  databaseUrl = await freshDatabaseUrl();
  db = openKysely(databaseUrl, 2);
  await prepareSchema(db, centralMigrations, { label: 'central', autoMigrate: true, upgradeHint: '' });
  await saveDirectory(db, { units, groups, categories });
  return () => db.destroy();
});

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
    const res = await admin(['user', 'add', 'jnowak', '--name', 'Jan Nowak', '--roles', 'coordinator', '--groups', 'ZDIT-K'], 'bardzo-tajne-haslo\n');
    expect(res.stdout).toContain('Added jnowak');
    const user = await db.selectFrom('app_user').selectAll().where('login', '=', 'jnowak').executeTakeFirstOrThrow();
    expect(user.roles).toEqual(['coordinator']);
    expect(await verifyPassword('bardzo-tajne-haslo', user.password_hash)).toBe(true);
    const membership = await db.selectFrom('group_member').select('group_id').where('user_id', '=', user.id).execute();
    expect(membership).toEqual([{ group_id: 'zdit-k' }]);
  });

  it('changes roles and groups, and refuses an unknown group symbol saying which', async () => {
    expect((await admin(['user', 'set-roles', 'jnowak', '--roles', 'coordinator,supervisor', '--groups', 'WGK-K', '--units', 'wgk'])).code).toBe(0);
    const user = await db.selectFrom('app_user').selectAll().where('login', '=', 'jnowak').executeTakeFirstOrThrow();
    expect(user.roles).toEqual(['coordinator', 'supervisor']);
    const bad = await admin(['user', 'set-roles', 'jnowak', '--roles', 'coordinator', '--groups', 'NIE-MA']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('NIE-MA');
  });

  it('refuses a short password and an unknown role, changing nothing', async () => {
    const short = await admin(['user', 'add', 'krotki', '--name', 'K', '--roles', 'operator'], 'abc\n');
    expect(short.code).toBe(2);
    expect(short.stderr).toContain('at least 8 characters');
    const role = await admin(['user', 'add', 'zla-rola', '--name', 'Z', '--roles', 'boss'], 'dlugie-haslo-1\n');
    expect(role.stderr).toContain('Unknown role "boss"');
    expect(await db.selectFrom('app_user').select('login').where('login', 'in', ['krotki', 'zla-rola']).execute()).toEqual([]);
  });

  it('disables a user and revokes their sessions', async () => {
    const user = await db.selectFrom('app_user').select('id').where('login', '=', 'jnowak').executeTakeFirstOrThrow();
    await db.insertInto('session').values({ token_hash: Buffer.from('x'), user_id: user.id, expires_at: new Date(Date.now() + 3600_000) }).execute();
    expect((await admin(['user', 'disable', 'jnowak'])).code).toBe(0);
    const session = await db.selectFrom('session').select('revoked_at').where('user_id', '=', user.id).executeTakeFirstOrThrow();
    expect(session.revoked_at).not.toBeNull();
  });
});
