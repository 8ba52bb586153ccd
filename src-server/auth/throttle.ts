// Login throttling instead of account lockout (OWASP ASVS V2.2.1). Every failed login is a row of
// login_failure (source address, login as typed, time). While the source or the login is "in a delay",
// an attempt is refused (429 with Retry-After) before its login is looked up or its password checked —
// so the answer is the same for known and unknown logins. Delay: after `freeFailures` failures within
// the sliding window, the next attempt must wait 1 s after the latest failure, then 2 s, 4 s … at most
// 15 minutes. Nothing is ever locked: the delay runs out, and shrinks as failures leave the window.
//
// The choice of keys and numbers:
// - By source, 60 free (a call centre behind one address logs in many workstations at once): one address guessing one password, or spraying a password over many logins, soon
//   waits minutes per try (IPv6 addresses count by their /64: one host holds a whole /64).
// - By login, 100 free (ASVS V2.2.1), failures from every source together: guessing one account from many addresses.
//   Weaker on purpose: one source's own delays hold it below that (at most ~25 failures in any hour, see
//   the test), so an attacker on one address can never delay the real user on another; only many
//   addresses together delay the account, for a bounded time, and `npm run admin -- user unlock` clears it.
// - A successful login clears the failures of that login from that source (the user's own typos), not
//   that source's failures on other logins: an insider logging in to their own account between guesses
//   does not reset the count that holds their spraying back.
// - The attempt is written as a failure before its password is checked (and removed on success), so
//   parallel guesses see each other instead of all passing on the same count.
// Behind a reverse proxy, the hub must trust it (HUB_TRUST_PROXY, Fastify trustProxy) for the source to be the client's.
import { isIPv6 } from 'node:net';
import { sql } from 'kysely';
import type { CentralDb } from '../db/connect';

export const THROTTLE = {
  windowSeconds: 3600,
  sourceFreeFailures: 60,
  loginFreeFailures: 100,
  firstDelaySeconds: 1,
  maxDelaySeconds: 15 * 60,
} as const;

/** Who is trying: the normalised source address and login. */
export interface LoginAttempt {
  source: string;
  login: string;
}

export type ThrottleGate = { ok: true; attemptId: string } | { ok: false; until: Date };

/** Seconds to wait after the latest failure once `failures` failures are in the window (0 while they are free). */
export function delaySeconds(failures: number, freeFailures: number): number {
  if (failures < freeFailures) return 0;
  return Math.min(THROTTLE.maxDelaySeconds, THROTTLE.firstDelaySeconds * 2 ** (failures - freeFailures));
}

/** The key a request's address counts under: IPv4 as it is, IPv6 by its /64 prefix. */
export function sourceKey(ip: string | undefined): string {
  if (!ip) return 'unknown';
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip);
  if (mapped) return mapped[1]!;
  if (!isIPv6(ip.split('%')[0]!)) return ip;
  return `${ipv6Groups(ip).slice(0, 4).join(':')}::/64`;
}

function ipv6Groups(ip: string): string[] {
  const [head = '', tail] = ip.split('%')[0]!.split('::');
  const parts = (s: string) => (s ? s.split(':').flatMap((g) => (g.includes('.') ? ['0', '0'] : [g])) : []);
  const h = parts(head);
  const t = tail === undefined ? [] : parts(tail);
  return [...h, ...Array<string>(Math.max(0, 8 - h.length - t.length)).fill('0'), ...t].map((g) => parseInt(g, 16).toString(16));
}

/** Logins count case-insensitively, so "Anna" and "anna" share one budget. */
export function loginKey(login: string): string {
  return login.trim().toLowerCase();
}

/**
 * Counts this attempt as a failure in advance and says whether it may go on. Refused attempts are not
 * counted (they checked nothing), so a user waiting out a delay does not make it longer by trying.
 */
export async function beginAttempt(db: CentralDb, attempt: LoginAttempt, now: Date): Promise<ThrottleGate> {
  const cutoff = new Date(now.getTime() - THROTTLE.windowSeconds * 1000);
  // One round trip: purge what left the window, write this attempt, count the others (the counting
  // part does not see the row this statement writes).
  const { rows } = await sql<{
    id: string;
    source_failures: string;
    source_last: Date | null;
    login_failures: string;
    login_last: Date | null;
  }>`
    with purged as (delete from login_failure where at <= ${cutoff}),
    mine as (insert into login_failure (source, login, at) values (${attempt.source}, ${attempt.login}, ${now}) returning id)
    select (select id from mine) as id,
      count(*) filter (where source = ${attempt.source}) as source_failures,
      max(at) filter (where source = ${attempt.source}) as source_last,
      count(*) filter (where login = ${attempt.login}) as login_failures,
      max(at) filter (where login = ${attempt.login}) as login_last
    from login_failure
    where at > ${cutoff} and (source = ${attempt.source} or login = ${attempt.login})`.execute(db);
  const row = rows[0]!;
  const until = Math.max(
    waitUntil(Number(row.source_failures), row.source_last, THROTTLE.sourceFreeFailures),
    waitUntil(Number(row.login_failures), row.login_last, THROTTLE.loginFreeFailures),
  );
  if (until > now.getTime()) {
    await db.deleteFrom('login_failure').where('id', '=', row.id).execute();
    return { ok: false, until: new Date(until) };
  }
  return { ok: true, attemptId: String(row.id) };
}

function waitUntil(failures: number, last: Date | null, freeFailures: number): number {
  const delay = delaySeconds(failures, freeFailures);
  return delay && last ? new Date(last).getTime() + delay * 1000 : 0;
}

/** A successful login: this attempt and the earlier failures of this login from this source are forgotten. */
export async function attemptSucceeded(db: CentralDb, attempt: LoginAttempt): Promise<void> {
  await db.deleteFrom('login_failure').where('source', '=', attempt.source).where('login', '=', attempt.login).execute();
}

/** `user unlock`: the login's failures from every source go (and with them their weight on those sources). */
export async function clearLoginFailures(db: CentralDb, login: string): Promise<number> {
  const result = await db.deleteFrom('login_failure').where('login', '=', loginKey(login)).executeTakeFirst();
  return Number(result.numDeletedRows);
}
