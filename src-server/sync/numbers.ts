// Ticket numbers: one city-wide sequence per year (`2026/012345`). Workstations lease blocks of it so
// they can tell a caller the number at once, even offline (P§8.2); the hub's own intake draws from it too.
import { sql } from 'kysely';
import { formatTicketNumber, type LeaseResponse } from '../../src-shared/api/sync';
import type { CentralDb } from '../db/connect';

export const MAX_NUMBER = 999_999;

/** Reserves `count` consecutive numbers of `year`; safe under concurrency (one row update per call). */
export async function issueNumbers(db: CentralDb, year: number, count: number): Promise<{ first: number; last: number }> {
  const row = await db
    .insertInto('ticket_number_counter')
    .values({ year, last_issued: count })
    .onConflict((oc) => oc.column('year').doUpdateSet({ last_issued: sql`ticket_number_counter.last_issued + ${count}` }))
    .returning('last_issued')
    .executeTakeFirstOrThrow();
  // Numbers have six digits (`2026/012345`); past that the year's sequence is exhausted (the transaction rolls back).
  if (row.last_issued > MAX_NUMBER) throw new Error(`The ticket numbers of ${year} are exhausted (${MAX_NUMBER}).`);
  return { first: row.last_issued - count + 1, last: row.last_issued };
}

export async function leaseNumbers(db: CentralDb, clientId: string, count: number, year: number): Promise<LeaseResponse> {
  return db.transaction().execute(async (tx) => {
    const { first, last } = await issueNumbers(tx, year, count);
    await tx.insertInto('ticket_number_lease').values({ client_id: clientId, year, first, last }).execute();
    return { year, first, last };
  });
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
