// P§27.1: the hub erases personal data whose retention period is over, acting as the system. Runs on a
// timer in every hub process (rows are claimed with SKIP LOCKED, so processes never take the same ticket),
// with the clean-up of uploads no ticket attached, and on demand (`npm run admin -- retention`).
// Workstations learn of it through their next pull.
import { sql } from 'kysely';
import { applyEvents, decide, personalDataOverdue, retentionCutoff, type Ticket } from '../src-shared/ticket';
import type { CentralDb } from './db/connect';
import { loadDirectory, SYSTEM_ACTOR } from './directory';
import { addApplied, emptyBatch, writeBatch } from './ticket-writer';
import { deleteOrphanFiles, ORPHAN_DAYS } from './file-claims';

const BATCH = 500;

/** Erases the personal data of every ticket past retention at `now`; returns how many tickets. */
export async function expireOverduePersonalData(db: CentralDb, now: Date): Promise<number> {
  const directory = await loadDirectory(db);
  const cutoff = retentionCutoff(now);
  let erased = 0;
  let after = '';
  for (;;) {
    const batch = await db.transaction().execute(async (tx) => {
      // Received before registered, so this coarse filter keeps every candidate; the shared rule decides.
      const rows = await tx
        .selectFrom('ticket')
        .select(['number', 'data'])
        .where('number', '>', after)
        .where('received_at', '<', cutoff)
        .where('status', '!=', 'deleted')
        .where(sql<boolean>`data->>'personalDataErased' is null`)
        .orderBy('number')
        .limit(BATCH)
        .forUpdate()
        .skipLocked()
        .execute();
      const outcome = emptyBatch();
      for (const row of rows) {
        const ticket = row.data as Ticket;
        if (!personalDataOverdue(ticket, now)) continue;
        const decision = decide(ticket, { type: 'expirePersonalData' }, SYSTEM_ACTOR, now.toISOString(), { directory });
        if (!decision.ok) continue;
        addApplied(outcome, applyEvents(new Map([[ticket.number, ticket]]), decision.events));
      }
      if (outcome.changed.size) await writeBatch(tx, null, outcome, now);
      return { last: rows.at(-1)?.number as string | undefined, erased: outcome.changed.size };
    });
    erased += batch.erased;
    if (!batch.last) return erased;
    after = batch.last;
  }
}

/** Runs the job shortly after start and then every `everyMs`; the returned function stops it. */
export function scheduleRetention(
  db: CentralDb,
  everyMs: number,
  log: (msg: string) => void,
  opts: { now?: () => Date; firstAfterMs?: number } = {},
): () => void {
  const now = opts.now ?? (() => new Date());
  let running: Promise<void> | undefined;
  const run = () => {
    running ??= expireOverduePersonalData(db, now())
      .then(async (n) => {
        if (n > 0) log(`P§27.1 retention: personal data erased from ${n} ticket(s).`);
        const orphans = await deleteOrphanFiles(db, now());
        if (orphans > 0) log(`Uploads no ticket attached within ${ORPHAN_DAYS} days deleted: ${orphans}.`);
      })
      .catch((err) => log(`P§27.1 retention failed, retried in ${Math.round(everyMs / 60_000)} min: ${String(err)}`))
      .finally(() => (running = undefined));
  };
  const first = setTimeout(run, opts.firstAfterMs ?? 5_000);
  const timer = setInterval(run, everyMs);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
