// The calendar's extra days off and working days, as configured centrally (they reach desktops by sync).
import { sql } from 'kysely';
import { extraDaysSchema, type ExtraDay } from '../src-shared/calendar';
import type { CentralDb } from './db/connect';

export async function loadExtraDays(db: CentralDb): Promise<ExtraDay[]> {
  const rows = await db
    .selectFrom('calendar_extra_day')
    .select([sql<string>`to_char(day, 'YYYY-MM-DD')`.as('date'), 'kind', 'reference', 'note'])
    .orderBy('day')
    .execute();
  return extraDaysSchema.parse(
    rows.map((r) => ({ date: r.date, kind: r.kind, reference: r.reference, ...(r.note ? { note: r.note } : {}) })),
  );
}
