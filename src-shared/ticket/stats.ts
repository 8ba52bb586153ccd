// Monthly statistics for the monitoring team (P§24, P§27.3): what came in during a month, where it went,
// how much of it was finished, and how much was or is late by the procedure's clocks.
import { TZDate } from '@date-fns/tz';
import { z } from 'zod';
import { addMonths } from 'date-fns';
import { TIME_ZONE, type WorkingCalendar } from '../calendar';
import { ticketClock } from './clocks';
import { isFinished, isOpen, type Ticket } from './model';

const statsRowSchema = z.object({
  /** A unit or category id; null: not routed / no category yet. */
  key: z.string().nullable(),
  received: z.number().int(),
  finished: z.number().int(),
  /** Finished after the completion deadline (P§18.1). */
  finishedLate: z.number().int(),
  /** Still open and past its most pressing deadline (P§4.3, P§16.2, P§18.1). */
  openLate: z.number().int(),
});
export type StatsRow = z.infer<typeof statsRowSchema>;

export const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Give the month as YYYY-MM, e.g. 2026-11.');

export const monthStatsSchema = z.object({
  /** `YYYY-MM`, a Warsaw calendar month. */
  month: monthSchema,
  total: statsRowSchema,
  byUnit: z.array(statsRowSchema),
  byCategory: z.array(statsRowSchema),
  byChannel: z.record(z.string(), z.number().int()),
  /** Taken while the central system was down (P§29–P§32). */
  duringOutage: z.number().int(),
  /** Deleted since (P§27.2); counted above all the same (P§27.3). */
  deleted: z.number().int(),
});
export type MonthStats = z.infer<typeof monthStatsSchema>;

/** The first and the last-plus-one instant of a Warsaw month `YYYY-MM`. */
export function monthBounds(month: string): { from: Date; to: Date } {
  const [year, monthNumber] = month.split('-').map(Number);
  const from = new TZDate(year!, monthNumber! - 1, 1, TIME_ZONE);
  return { from: new Date(from.getTime()), to: new Date(addMonths(from, 1).getTime()) };
}

/** Statistics of the tickets received in `month` (the caller passes those), judged at `now`. */
export function monthStats(month: string, tickets: readonly Ticket[], calendar: WorkingCalendar, now: Date): MonthStats {
  const empty = (key: string | null): StatsRow => ({ key, received: 0, finished: 0, finishedLate: 0, openLate: 0 });
  const total = empty(null);
  const byUnit = new Map<string | null, StatsRow>();
  const byCategory = new Map<string | null, StatsRow>();
  const byChannel: Record<string, number> = {};
  let duringOutage = 0;
  let deleted = 0;
  for (const t of tickets) {
    const counts = {
      received: 1,
      finished: isFinished(t.status) ? 1 : 0,
      finishedLate: isFinished(t.status) && ticketClock(calendar, t, 'realization', now)?.state === 'doneLate' ? 1 : 0,
      openLate: isOpen(t.status) && ticketClock(calendar, t, 'mostPressing', now)?.state === 'late' ? 1 : 0,
    };
    for (const [rows, key] of [
      [byUnit, t.unitId],
      [byCategory, t.categoryId],
    ] as const) {
      if (!rows.has(key)) rows.set(key, empty(key));
      add(rows.get(key)!, counts);
    }
    add(total, counts);
    byChannel[t.channel] = (byChannel[t.channel] ?? 0) + 1;
    if (t.capturedDuringOutage) duringOutage++;
    if (t.status === 'deleted') deleted++;
  }
  const mostFirst = (rows: Map<string | null, StatsRow>) => [...rows.values()].sort((a, b) => b.received - a.received);
  return { month, total, byUnit: mostFirst(byUnit), byCategory: mostFirst(byCategory), byChannel, duringOutage, deleted };
}

function add(row: StatsRow, counts: Omit<StatsRow, 'key'>): void {
  row.received += counts.received;
  row.finished += counts.finished;
  row.finishedLate += counts.finishedLate;
  row.openLate += counts.openLate;
}
