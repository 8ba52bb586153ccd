// Ticket numbers: one city-wide sequence per year (`2026/012345`). Workstations lease blocks of it so
// they can tell a caller the number at once, even offline (P§8.2); the hub's own intake draws from it too.
// The pool is finite (999,999 a year): only roles that register tickets lease, an installation holds a
// bounded reserve, running out is a clear refusal (never a 500), and running low is logged and shown to the super-supervisor.
import { sql } from 'kysely';
import { formatTicketNumber, type LeaseResponse } from '../../src-shared/api/sync';
import type { Actor, Directory } from '../../src-shared/ticket';
import { needsTicketNumbers } from '../../src-shared/ticket/numbering';
import type { CentralDb } from '../db/connect';

export const MAX_NUMBER = 999_999;

/** Below this many numbers left in a year (5 % of the pool) the hub warns: log and the super-supervisor's screen. */
export const POOL_ALERT_BELOW = 50_000;

/**
 * The desktop's lease policy (src-main/core/numbers.ts: it asks for LEASE_BLOCK more when it holds fewer than
 * LEASE_WHEN_BELOW), mirrored here because the hub does not import desktop code; a test keeps them equal.
 */
export const DESKTOP_LEASE_BLOCK = 500;
export const DESKTOP_LEASE_WHEN_BELOW = 200;

/**
 * The most numbers one installation may hold leased and unused (this year, leased in the last
 * UNUSED_WINDOW_DAYS), counting the block it asks for. A desktop holds fewer than LEASE_WHEN_BELOW +
 * LEASE_BLOCK; in an outage it may have used all of them without pushing yet (to the hub they still look
 * unused), and it asks for one more block before pushing: 200 + 2 × 500.
 */
export const MAX_UNUSED_PER_INSTALLATION = DESKTOP_LEASE_WHEN_BELOW + 2 * DESKTOP_LEASE_BLOCK;

/**
 * Leases older than this do not count towards the cap: a block whose answer was lost on the way, or numbers
 * of registrations the hub refused, are never used, and must not lock the workstation out for the year.
 */
export const UNUSED_WINDOW_DAYS = 30;

/** The year's numbers are used up (or too few are left for the request): the web form answers 503, a lease 409, with this message. */
export class NumbersExhaustedError extends Error {
  readonly code = 'numbersExhausted';
  readonly statusCode = 503;
  constructor(readonly year: number) {
    super(
      `The ticket numbers of ${year} are used up (${MAX_NUMBER} a year): new tickets cannot be numbered now. ` +
        "Tell the hub's administrator at once (the leases in ticket_number_lease show who took them); " +
        'workstations still register calls from numbers they hold, and tickets already numbered can be worked on.',
    );
  }
}

export interface NumberPool {
  year: number;
  /** Numbers issued so far this year (leased or drawn by the hub's intake). */
  issued: number;
  remaining: number;
  /** Below POOL_ALERT_BELOW: warn. */
  low: boolean;
}

export function poolAfter(year: number, lastIssued: number): NumberPool {
  const remaining = Math.max(0, MAX_NUMBER - lastIssued);
  return { year, issued: lastIssued, remaining, low: remaining < POOL_ALERT_BELOW };
}

export async function numberPool(db: CentralDb, year: number): Promise<NumberPool> {
  const row = await db.selectFrom('ticket_number_counter').select('last_issued').where('year', '=', year).executeTakeFirst();
  return poolAfter(year, row?.last_issued ?? 0);
}

/**
 * Reserves `count` consecutive numbers of `year`; safe under concurrency (one row update per call). Throws
 * NumbersExhaustedError, changing nothing, when fewer than `count` are left.
 */
export async function issueNumbers(db: CentralDb, year: number, count: number): Promise<{ first: number; last: number }> {
  if (count < 1 || count > MAX_NUMBER) throw new RangeError(`Cannot issue ${count} numbers.`);
  // Numbers have six digits (`2026/012345`): the update happens only while they last.
  const row = await db
    .insertInto('ticket_number_counter')
    .values({ year, last_issued: count })
    .onConflict((oc) =>
      oc
        .column('year')
        .doUpdateSet({ last_issued: sql`ticket_number_counter.last_issued + ${count}` })
        .where(sql<boolean>`ticket_number_counter.last_issued + ${count} <= ${MAX_NUMBER}`),
    )
    .returning('last_issued')
    .executeTakeFirst();
  if (!row) throw new NumbersExhaustedError(year);
  return { first: row.last_issued - count + 1, last: row.last_issued };
}

/**
 * May this actor lease numbers? Those who may send a command that creates a ticket, as the shared rules
 * say (operators register calls; a supervisor reads, and leases nothing).
 */
export function mayLease(actor: Actor, directory: Directory): boolean {
  return needsTicketNumbers(actor, directory);
}

export type LeaseOutcome =
  | { ok: true; lease: LeaseResponse; pool: NumberPool }
  | { ok: false; status: 409; error: 'leaseCapReached'; message: string; unused: number }
  // 409, not 503: a workstation reads 502–504 as the hub being away (an outage), and this is an answer.
  | { ok: false; status: 409; error: 'numbersExhausted'; message: string; pool: NumberPool };

/**
 * Leased numbers of this installation (this year, leased since `since`) that no ticket uses yet. Numbers are
 * unique city-wide, so a ticket numbered within a lease was registered from it.
 */
export async function unusedLeased(db: CentralDb, clientId: string, year: number, since: Date): Promise<number> {
  const row = await sql<{ unused: string | null }>`
    select sum(l.last - l.first + 1 - (
      select count(*) from ticket t
      where t.number between ${sql.lit(`${year}/`)} || lpad(l.first::text, 6, '0') and ${sql.lit(`${year}/`)} || lpad(l.last::text, 6, '0')
    )) as unused
    from ticket_number_lease l
    where l.client_id = ${clientId} and l.year = ${year} and l.leased_at > ${since}`.execute(db);
  return Number(row.rows[0]?.unused ?? 0);
}

/**
 * Leases up to `count` numbers of `year` to an installation: fewer when fewer are left in the year, a 409
 * `leaseCapReached` when the installation already holds its cap of unused numbers, a 409 `numbersExhausted`
 * when none are left.
 */
export async function leaseNumbers(
  db: CentralDb,
  lease: { clientId: string; userId: string; count: number; year: number; at: Date },
): Promise<LeaseOutcome> {
  const { clientId, userId, year, at } = lease;
  return db.transaction().execute(async (tx) => {
    // One lease at a time per installation, so two at once cannot both pass the cap.
    await sql`select pg_advisory_xact_lock(${LEASE_LOCK_SPACE}, hashtext(${clientId}))`.execute(tx);
    const since = new Date(at.getTime() - UNUSED_WINDOW_DAYS * 86_400_000);
    const unused = await unusedLeased(tx, clientId, year, since);
    if (unused + lease.count > MAX_UNUSED_PER_INSTALLATION) {
      return {
        ok: false as const,
        status: 409 as const,
        error: 'leaseCapReached' as const,
        unused,
        message:
          `This workstation already holds ${unused} leased ticket numbers of ${year} that no ticket uses yet; ` +
          `at most ${MAX_UNUSED_PER_INSTALLATION} may be held unused (asked for ${lease.count}). ` +
          "Use those first: send the workstation's saved registrations (sync), then lease again.",
      };
    }
    const pool = await numberPool(tx, year);
    const count = Math.min(lease.count, pool.remaining);
    if (count === 0) {
      const err = new NumbersExhaustedError(year);
      return { ok: false as const, status: 409 as const, error: err.code, message: err.message, pool };
    }
    try {
      const { first, last } = await issueNumbers(tx, year, count);
      await tx
        .insertInto('ticket_number_lease')
        .values({ client_id: clientId, user_id: userId, year, first, last, leased_at: at })
        .execute();
      return { ok: true as const, lease: { year, first, last }, pool: poolAfter(year, last) };
    } catch (err) {
      // Another hub process took the last numbers meanwhile.
      if (!(err instanceof NumbersExhaustedError)) throw err;
      return { ok: false as const, status: 409 as const, error: err.code, message: err.message, pool: poolAfter(year, MAX_NUMBER) };
    }
  });
}

/** Advisory-lock key space of leases (two-key locks: distinct from the single-key locks elsewhere). */
const LEASE_LOCK_SPACE = 7_461_011;

/**
 * Logs a warning when an issue left the year's pool low — once per thousand numbers used, so a flood of
 * single draws does not flood the log — and an error when it is used up.
 */
export function warnIfPoolLow(log: { warn(obj: object, msg: string): void }, pool: NumberPool, issuedNow: number): void {
  if (!pool.low) return;
  const crossedThousand = Math.floor(pool.remaining / 1000) !== Math.floor((pool.remaining + issuedNow) / 1000);
  if (!crossedThousand && pool.remaining > 0) return;
  log.warn(
    { year: pool.year, remaining: pool.remaining, threshold: POOL_ALERT_BELOW },
    `Only ${pool.remaining} ticket numbers of ${pool.year} are left (warning below ${POOL_ALERT_BELOW}); when they run out, new registrations fail.`,
  );
}

export interface Lease {
  year: number;
  first: number;
  last: number;
}

/** A test for "was this number leased to this client?" over all its leases. */
export function leaseCheck(leases: readonly Lease[]): (number: string) => boolean {
  return (number) => {
    const [year, n] = number.split('/').map(Number);
    return leases.some((l) => l.year === year && n! >= l.first && n! <= l.last);
  };
}

export { formatTicketNumber };
