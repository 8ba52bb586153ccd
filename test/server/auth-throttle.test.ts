// Login throttling by source and by login (ASVS V2.2), on a real hub and PostgreSQL. Each request can come
// from its own loopback address (127.x.y.z, a different req.ip), so "another source" is real here.
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningHub } from '../../src-server/hub';
import { hashPassword } from '../../src-server/auth/passwords';
import { clearLoginFailures, delaySeconds, sourceKey, THROTTLE } from '../../src-server/auth/throttle';
import { startTestHub } from '../support/db';

let hub: RunningHub;
const PASSWORD = 'haslo-testowe-1';
const WRONG = 'zle-haslo-123';

beforeAll(async () => {
  hub = await startTestHub();
  const password_hash = await hashPassword(PASSWORD);
  await hub.database.db
    .insertInto('app_user')
    .values(
      ['ewa', 'filip', 'gosia', 'henryk', 'irena', 'jurek', 'kasia'].map((login) => ({
        login,
        display_name: login,
        password_hash,
        roles: ['operator'],
      })),
    )
    .execute();
  await hub.database.db
    .insertInto('app_user')
    .values({ login: 'zbyszek', display_name: 'zbyszek', password_hash, roles: ['operator'], disabled: true })
    .execute();
});
afterAll(() => hub?.close());

interface Answer {
  status: number;
  retryAfter: string | undefined;
  text: string;
  ms: number;
}

/** POST /auth/login from the loopback address `from`. */
function login(from: string, body: { login: string; password: string }): Promise<Answer> {
  const url = new URL(`${hub.url}/auth/login`);
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        localAddress: from,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (text += d));
        res.on('end', () =>
          resolve({ status: res.statusCode!, retryAfter: res.headers['retry-after'], text, ms: performance.now() - started }),
        );
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

describe('login throttling', () => {
  it('progressive delays: free failures, then 1 s, 2 s, 4 s … at most 15 min', () => {
    const free = THROTTLE.sourceFreeFailures;
    expect([free - 1, free, free + 1, free + 2, free + 3, free + 40].map((n) => delaySeconds(n, free))).toEqual([
      0,
      1,
      2,
      4,
      8,
      THROTTLE.maxDelaySeconds,
    ]);
    expect(THROTTLE.maxDelaySeconds).toBe(900);
  });

  it('one source on its own can never delay a login for everyone (its own delays keep it below the login threshold)', () => {
    // A greedy attacker on one address, trying whenever its delay allows, for a week.
    const windowMs = THROTTLE.windowSeconds * 1000;
    const times: number[] = [];
    let t = 0;
    while (t < 7 * 86_400_000) {
      const inWindow = times.filter((x) => x > t - windowMs);
      const delay = delaySeconds(inWindow.length, THROTTLE.sourceFreeFailures);
      const allowedAt = delay ? Math.max(...inWindow) + delay * 1000 : t;
      if (allowedAt <= t) times.push(t);
      else t = Math.min(allowedAt, Math.min(...inWindow) + windowMs + 1);
    }
    const mostInAnyWindow = Math.max(...times.map((ti) => times.filter((x) => x > ti - windowMs && x <= ti).length));
    expect(mostInAnyWindow).toBeLessThan(THROTTLE.loginFreeFailures);
  });

  it('counts IPv6 sources by their /64 and IPv4-mapped addresses as IPv4', () => {
    expect(sourceKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(sourceKey('2001:db8:1:2:bbbb:cccc:dddd:eeee')).toBe('2001:db8:1:2::/64');
    expect(sourceKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(sourceKey('::ffff:10.1.2.3')).toBe('10.1.2.3');
    expect(sourceKey('10.1.2.3')).toBe('10.1.2.3');
  });

  it('throttles one source spraying many logins, known and unknown alike, without checking the password, then lets it try after the delay', async () => {
    const attacker = '127.0.1.1';
    const known = ['ewa', 'filip', 'gosia', 'henryk', 'irena'];
    const targets = Array.from({ length: THROTTLE.sourceFreeFailures }, (_, i) => (i < known.length ? known[i]! : `nikt-${i}`));
    for (const target of targets) expect((await login(attacker, { login: target, password: WRONG })).status).toBe(401);

    const unknown = await login(attacker, { login: 'nikt-ostatni', password: WRONG });
    const rightPassword = await login(attacker, { login: 'jurek', password: PASSWORD });
    for (const answer of [unknown, rightPassword]) {
      expect(answer.status).toBe(429);
      expect(answer.retryAfter).toBe('1');
      expect(JSON.parse(answer.text)).toMatchObject({ error: 'tooManyAttempts', retryAfterSeconds: 1 });
    }
    expect(JSON.parse(unknown.text)).toEqual(JSON.parse(rightPassword.text));
    // The throttled attempts checked nothing and were not counted: the failures are still the sprayed ones.
    const rows = await hub.database.db.selectFrom('login_failure').select('login').where('source', '=', attacker).execute();
    expect(rows.map((r) => r.login).sort()).toEqual([...targets].sort());

    // The real users, elsewhere, are not affected.
    expect((await login('127.0.1.2', { login: 'ewa', password: PASSWORD })).status).toBe(200);

    // After the delay one more try is looked at; the next delay is twice as long.
    await sleep(1100);
    expect((await login(attacker, { login: 'nikt-7', password: WRONG })).status).toBe(401);
    const next = await login(attacker, { login: 'nikt-8', password: WRONG });
    expect(next.status).toBe(429);
    expect(next.retryAfter).toBe('2');
  });

  it('an attacker throttled on a login from one source does not keep the real user out on another', async () => {
    const attacker = '127.0.2.1';
    const user = '127.0.2.2';
    for (let i = 0; i < THROTTLE.sourceFreeFailures; i++)
      expect((await login(attacker, { login: 'filip', password: WRONG })).status).toBe(401);
    expect((await login(attacker, { login: 'filip', password: PASSWORD })).status).toBe(429);

    expect((await login(user, { login: 'filip', password: WRONG })).status).toBe(401); // a typo: refused, not throttled
    expect((await login(user, { login: 'filip', password: PASSWORD })).status).toBe(200);
    // The user's success cleared only their own failure; the attacker stays throttled.
    expect((await login(attacker, { login: 'filip', password: PASSWORD })).status).toBe(429);
    const left = await hub.database.db.selectFrom('login_failure').select('source').where('login', '=', 'filip').execute();
    expect(left.map((r) => r.source)).not.toContain(user);
  });

  it('many sources together delay a login, known and unknown alike; clearing its failures (user unlock) lets the user in', async () => {
    for (let i = 0; i < THROTTLE.loginFreeFailures; i++) {
      expect((await login(`127.0.3.${i + 1}`, { login: 'kasia', password: WRONG })).status).toBe(401);
      expect((await login(`127.0.4.${i + 1}`, { login: 'nieznana', password: WRONG })).status).toBe(401);
    }
    const known = await login('127.0.3.200', { login: 'kasia', password: PASSWORD });
    const unknown = await login('127.0.4.200', { login: 'nieznana', password: WRONG });
    expect([known.status, unknown.status]).toEqual([429, 429]);
    expect(known.retryAfter).toBe(unknown.retryAfter);
    const { retryAfter: _k, ...knownBody } = JSON.parse(known.text);
    const { retryAfter: _u, ...unknownBody } = JSON.parse(unknown.text);
    expect(knownBody).toEqual(unknownBody);

    expect(await clearLoginFailures(hub.database.db, 'kasia')).toBe(THROTTLE.loginFreeFailures);
    expect((await login('127.0.3.200', { login: 'kasia', password: PASSWORD })).status).toBe(200);
  });

  it('answers an unknown login, a disabled account and a wrong password with the same bytes after the same time', async () => {
    const cases = {
      unknown: { login: 'nie-ma-takiego', password: WRONG },
      disabled: { login: 'zbyszek', password: PASSWORD },
      wrong: { login: 'henryk', password: WRONG },
    };
    const times: Record<keyof typeof cases, number[]> = { unknown: [], disabled: [], wrong: [] };
    const bodies = new Set<string>();
    let n = 0;
    // A distinct source per try, so no try is throttled; the kinds interleaved, so noise hits all alike.
    for (let round = 0; round < 18; round++) {
      for (const kind of Object.keys(cases) as (keyof typeof cases)[]) {
        n++;
        const answer = await login(`127.0.${10 + Math.floor(n / 200)}.${(n % 200) + 1}`, cases[kind]);
        expect(answer.status).toBe(401);
        bodies.add(answer.text);
        if (round >= 3) times[kind].push(answer.ms); // the first rounds warm up
      }
    }
    expect([...bodies]).toEqual([JSON.stringify({ error: 'invalidCredentials', message: 'Wrong login or password.' })]);
    const wrong = median(times.wrong);
    for (const kind of ['unknown', 'disabled'] as const) {
      const other = median(times[kind]);
      expect(Math.abs(other - wrong), `${kind} ${other.toFixed(1)} ms vs wrong password ${wrong.toFixed(1)} ms`).toBeLessThan(
        0.4 * Math.max(other, wrong),
      );
    }
  });
});
