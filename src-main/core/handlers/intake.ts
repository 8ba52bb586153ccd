// What the intake screens learn from this workstation's tickets (the category search's ranking).
import { sql } from 'kysely';
import { categoryUsage, USAGE_SAMPLE } from '../category-usage';
import type { CoreContext, HandlerSlice } from './context';

/** Habits change slowly: with a full sample, reread at most this often. */
const USAGE_MAX_AGE_MS = 5 * 60_000;

export function intakeHandlers(ctx: Pick<CoreContext, 'store' | 'now'>): HandlerSlice<'categories.usage'> {
  let cached: { at: number; lastRow: number; usage: Awaited<ReturnType<typeof categoryUsage>> } | undefined;
  return {
    'categories.usage': async () => {
      const { rows } = await sql<{ last: number | null; count: number }>`select max(rowid) as last from ticket`.execute(ctx.store.db);
      const lastRow = rows[0]?.last ?? 0;
      // A store still filling (the first sync) is reread as it grows; a full sample only when it is old.
      const stale = !cached || ctx.now() - cached.at > USAGE_MAX_AGE_MS || (cached.lastRow !== lastRow && lastRow < USAGE_SAMPLE);
      if (stale) cached = { at: ctx.now(), lastRow, usage: await categoryUsage(ctx.store.db) };
      return cached!.usage;
    },
  };
}
