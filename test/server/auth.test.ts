import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningHub } from '../../src-server/hub';
import { hashPassword } from '../../src-server/auth/passwords';
import { hashToken } from '../../src-server/auth/sessions';
import { THROTTLE } from '../../src-server/auth/throttle';
import { startTestHub } from '../support/db';

let hub: RunningHub;
const PASSWORD = 'correct horse battery';

beforeAll(async () => {
  hub = await startTestHub();
  const password_hash = await hashPassword(PASSWORD);
  await hub.database.db
    .insertInto('app_user')
    .values(['anna', 'bartek', 'celina', 'dorota'].map((login) => ({ login, display_name: login, password_hash, roles: ['operator'] })))
    .execute();
});
afterAll(() => hub?.close());

const login = (body: object) =>
  fetch(`${hub.url}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const me = (token: string) => fetch(`${hub.url}/auth/me`, { headers: { authorization: `Bearer ${token}` } });

describe('hub authentication', () => {
  it('logs in with the right password and answers /auth/me for the token', async () => {
    const res = await login({ login: 'anna', password: PASSWORD });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.user).toMatchObject({ login: 'anna', roles: ['operator'] });
    expect((await me(body.token)).status).toBe(200);
  });

  it('stores the session token only as its hash', async () => {
    const { token } = await (await login({ login: 'anna', password: PASSWORD })).json();
    const rows = await hub.database.db.selectFrom('session').select('token_hash').execute();
    expect(rows.some((r) => Buffer.from(r.token_hash).equals(hashToken(token)))).toBe(true);
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  it('refuses a wrong password and an unknown login alike', async () => {
    const wrong = await login({ login: 'bartek', password: 'nope-nope' });
    const unknown = await login({ login: 'nobody', password: 'nope-nope' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(await wrong.text()).toBe(await unknown.text());
  });

  it('refuses routes without a token, with a wrong token, and never reads tokens from the URL', async () => {
    expect((await fetch(`${hub.url}/auth/me`)).status).toBe(401);
    expect((await me('x'.repeat(43))).status).toBe(401);
    const { token } = await (await login({ login: 'anna', password: PASSWORD })).json();
    expect((await fetch(`${hub.url}/auth/me?token=${token}`)).status).toBe(401);
  });

  it('refuses a revoked token after logout', async () => {
    const { token } = await (await login({ login: 'celina', password: PASSWORD })).json();
    const out = await fetch(`${hub.url}/auth/logout`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    expect(out.status).toBe(204);
    expect((await me(token)).status).toBe(401);
  });

  it('refuses an expired token', async () => {
    const { token } = await (await login({ login: 'celina', password: PASSWORD })).json();
    await hub.database.db
      .updateTable('session')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('token_hash', '=', hashToken(token))
      .execute();
    expect((await me(token)).status).toBe(401);
  });

  it('throttles repeated failures with 429 and Retry-After instead of locking the account (more in auth-throttle.test.ts)', async () => {
    await hub.database.db.deleteFrom('login_failure').execute(); // the earlier tests' failures from this source
    for (let i = 0; i < THROTTLE.sourceFreeFailures; i++)
      expect((await login({ login: 'dorota', password: 'wrong-wrong' })).status).toBe(401);
    const throttled = await login({ login: 'dorota', password: PASSWORD });
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toBe('1');
    expect(await throttled.json()).toMatchObject({ error: 'tooManyAttempts', retryAfterSeconds: 1 });
    await hub.database.db.deleteFrom('login_failure').execute();
    expect((await login({ login: 'dorota', password: PASSWORD })).status).toBe(200);
  });

  it('writes logins and failures to the audit log', async () => {
    const actions = await hub.database.db.selectFrom('audit_log').select(['actor', 'action']).execute();
    expect(actions).toEqual(
      expect.arrayContaining([
        { actor: 'anna', action: 'login.ok' },
        { actor: 'bartek', action: 'login.failed' },
      ]),
    );
  });
});
