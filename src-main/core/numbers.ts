// Ticket numbers leased from the hub in blocks, so a caller hears the number at once (P§8.2), even
// offline. A number is used once: taking it and recording the action happen in one transaction.
import { sql } from 'kysely';
import type { DesktopEvent } from '../../src-shared/api/desktop';
import { formatTicketNumber, type LeaseResponse } from '../../src-shared/api/sync';
import type { LocalDb } from './store';

/** Lease more while online when fewer than this remain. */
export const LEASE_WHEN_BELOW = 200;
export const LEASE_BLOCK = 500;
/** Warn the user below this: an outage could exhaust the reserve. */
export const WARN_BELOW = 50;

export async function availableNumbers(db: LocalDb): Promise<number> {
  const row = await db
    .selectFrom('number_block')
    .select(sql<number>`coalesce(sum(last - next + 1), 0)`.as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Tells the screens when the reserve runs low (offline, every new ticket takes one). */
export async function warnIfFewNumbers(db: LocalDb, emit: (event: DesktopEvent) => void): Promise<void> {
  const available = await availableNumbers(db);
  if (available < WARN_BELOW) emit({ name: 'numbers.low', payload: { available, warnBelow: WARN_BELOW } });
}

export async function addBlock(db: LocalDb, lease: LeaseResponse): Promise<void> {
  await db.insertInto('number_block').values({ year: lease.year, first: lease.first, last: lease.last, next: lease.first }).execute();
}

/** Takes `count` numbers, oldest blocks first; undefined when the reserve is too small. Call inside the action's transaction. */
export async function takeNumbers(db: LocalDb, count: number): Promise<string[] | undefined> {
  if (count === 0) return [];
  const blocks = await db
    .selectFrom('number_block')
    .selectAll()
    .where(sql<boolean>`next <= last`)
    .orderBy('year')
    .orderBy('first')
    .execute();
  const taken: string[] = [];
  for (const b of blocks) {
    let next = b.next as number;
    while (taken.length < count && next <= b.last) taken.push(formatTicketNumber(b.year, next++));
    await db.updateTable('number_block').set({ next }).where('year', '=', b.year).where('first', '=', b.first).execute();
    if (taken.length === count) return taken;
  }
  return undefined;
}
