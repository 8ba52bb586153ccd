// Ticket numbers for benchmarks and tests that need more than a workstation may hold (the hub caps a
// workstation's unused leased numbers): leased straight in the database, as /sync/lease records them.
import type { CentralDb } from '../../src-server/db/connect';
import { formatTicketNumber, issueNumbers } from '../../src-server/sync/numbers';
import { warsawYear } from '../../src-shared/format';

/** Leases `count` numbers of this year to the installation without the cap; returns them formatted. */
export async function leaseWithoutCap(db: CentralDb, clientId: string, count: number): Promise<string[]> {
  const year = warsawYear(new Date());
  return db.transaction().execute(async (tx) => {
    const { first, last } = await issueNumbers(tx, year, count);
    await tx.insertInto('ticket_number_lease').values({ client_id: clientId, year, first, last }).execute();
    return Array.from({ length: last - first + 1 }, (_, i) => formatTicketNumber(year, first + i));
  });
}
