// The hub's `ticket_stat` rows: what each ticket contributes to the statistics (ticketFigures in src-shared),
// written by the ticket writer in the same transaction as the ticket. Once a ticket is deleted (P§27.2, P§28)
// its row keeps the figures it had and only learns when and why it went (P§27.3): the record kept after
// deletion, so no past period's figures change.
import { sql } from 'kysely';
import { createWorkingCalendar, type WorkingCalendar } from '../../src-shared/calendar';
import { ticketFigures, type Ticket, type TicketFigures } from '../../src-shared/ticket';
import { loadExtraDays } from '../calendar-store';
import type { CentralDb } from '../db/connect';

const COLUMNS: (keyof TicketFigures)[] = [
  'number',
  'received_at',
  'received_weekday',
  'received_hour',
  'status',
  'kind',
  'channel',
  'unit_id',
  'group_id',
  'realizer_id',
  'category_id',
  'street',
  'during_outage',
  'pickup_due',
  'handed_at',
  'reaction_due',
  'taken_up_at',
  'reaction_hours',
  'realization_due',
  'finished_at',
  'realization_hours',
  'delay_explained',
  'deleted_at',
  'deletion_reason',
];
const FROZEN = COLUMNS.filter((c) => c !== 'number' && c !== 'deleted_at' && c !== 'deletion_reason');
const COLUMN_LIST = sql.raw(COLUMNS.join(', '));
// A deleted ticket's figures stay as they were; only the deletion itself is written.
const UPDATE_LIST = sql.raw(
  [
    ...FROZEN.map((c) => `${c} = case when excluded.deleted_at is null then excluded.${c} else ticket_stat.${c} end`),
    'deleted_at = excluded.deleted_at',
    'deletion_reason = excluded.deletion_reason',
  ].join(', '),
);

// Building a calendar indexes its years; the extra days change rarely, so one per distinct configuration.
let cached: { key: string; calendar: WorkingCalendar } | undefined;
async function statsCalendar(db: CentralDb): Promise<WorkingCalendar> {
  const extraDays = await loadExtraDays(db);
  const key = JSON.stringify(extraDays);
  if (cached?.key !== key) cached = { key, calendar: createWorkingCalendar({ extraDays }) };
  return cached.calendar;
}

export async function writeTicketFigures(tx: CentralDb, tickets: Iterable<Ticket>): Promise<void> {
  const list = [...tickets];
  if (list.length === 0) return;
  const calendar = await statsCalendar(tx);
  const rows = list.map((t) => ticketFigures(t, calendar));
  await sql`insert into ticket_stat (${COLUMN_LIST})
            select ${COLUMN_LIST} from json_populate_recordset(null::ticket_stat, ${JSON.stringify(rows)}::json)
            on conflict (number) do update set ${UPDATE_LIST}
            where ticket_stat.deleted_at is null`.execute(tx);
}

/** Rows for tickets written before `ticket_stat` existed (run once after the upgrade; safe to repeat). */
export async function backfillTicketFigures(db: CentralDb, batch = 2000): Promise<number> {
  let filled = 0;
  for (;;) {
    const rows = await db
      .selectFrom('ticket')
      .select('data')
      .where(sql<boolean>`not exists (select 1 from ticket_stat s where s.number = ticket.number)`)
      .limit(batch)
      .execute();
    if (rows.length === 0) return filled;
    await db.transaction().execute((tx) =>
      writeTicketFigures(
        tx,
        rows.map((r) => r.data as Ticket),
      ),
    );
    filled += rows.length;
  }
}
