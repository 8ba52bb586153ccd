// Monitoring (P§24) and the statistics a city publishes for any period, and the record kept of deleted
// tickets (P§27.3). One rule here: what a ticket contributes to the figures (ticketFigures). The hub writes
// it beside the ticket in the same transaction and freezes it when the ticket is deleted, so deletion never
// changes a past period's figures; the hub's queries only add these figures up.
import { TZDate } from '@date-fns/tz';
import { addDays, differenceInCalendarDays } from 'date-fns';
import { z } from 'zod';
import { SLA_WORKING_DAYS, TIME_ZONE, type WorkingCalendar } from '../calendar';
import { isoDateSchema, type Ticket } from './model';

/** What one ticket contributes to the statistics: the columns of the hub's `ticket_stat`. */
export interface TicketFigures {
  number: string;
  received_at: string;
  /** Warsaw weekday (1 Monday … 7 Sunday) and hour of receipt. */
  received_weekday: number;
  received_hour: number;
  status: Ticket['status'];
  kind: Ticket['kind'];
  channel: Ticket['channel'];
  unit_id: string | null;
  /** The group holding the ticket: the realizer group once passed there, else the coordinator group. */
  group_id: string | null;
  realizer_id: string | null;
  category_id: string | null;
  /** The street of the address (the city keeps no district data): what a breakdown by place can use. */
  street: string | null;
  during_outage: boolean;
  /** P§4.3: a web form is picked up by the close of the working day (null: not a web form). */
  pickup_due: string | null;
  /** P§16.2: take-up by the group, from being handed to it. */
  handed_at: string | null;
  reaction_due: string | null;
  taken_up_at: string | null;
  reaction_hours: number | null;
  /** P§18.1: realization of an interventional ticket, from receipt. */
  realization_due: string | null;
  finished_at: string | null;
  realization_hours: number | null;
  /** P§18.2: a planned date and a reason for the delay were given. */
  delay_explained: boolean;
  deleted_at: string | null;
  deletion_reason: string | null;
}

/**
 * "ul. Piotrkowska 12 m. 3, Łódź" → "ul. Piotrkowska": the address without its house and flat number
 * (a number inside a street's name stays: "ul. 6 Sierpnia 12" → "ul. 6 Sierpnia").
 */
export function streetOf(address: string | null | undefined): string | null {
  if (!address) return null;
  const street = address
    .split(',')[0]!
    .replace(/\s+(m\.|lok\.)\s*\d+\w*$/i, '')
    .replace(/\s+\d+\w*(\s*\/\s*\d+\w*)?$/, '')
    .trim();
  return street || null;
}

export function ticketFigures(t: Ticket, calendar: WorkingCalendar): TicketFigures {
  const times = t.times;
  const handed = times.handedToGroupAt ?? times.forwardedAt;
  const finished = times.resolvedAt ?? times.closedAt;
  const iso = (d: Date) => d.toISOString();
  const warsaw = new TZDate(Date.parse(times.receivedAt), TIME_ZONE);
  return {
    number: t.number,
    received_at: times.receivedAt,
    received_weekday: warsaw.getDay() === 0 ? 7 : warsaw.getDay(),
    received_hour: warsaw.getHours(),
    status: t.status,
    kind: t.kind,
    channel: t.channel,
    unit_id: t.unitId,
    group_id: t.realizerGroupId ?? t.coordinatorGroupId,
    realizer_id: t.realizerId,
    category_id: t.categoryId,
    street: streetOf(t.location?.address),
    during_outage: t.capturedDuringOutage,
    pickup_due: t.channel === 'web' ? iso(calendar.deadline(Date.parse(times.receivedAt), 0)) : null,
    handed_at: handed,
    reaction_due: handed ? iso(calendar.deadline(Date.parse(handed), SLA_WORKING_DAYS.reaction)) : null,
    taken_up_at: handed ? times.takenUpAt : null,
    reaction_hours:
      handed && times.takenUpAt ? round2(calendar.workingHoursBetween(Date.parse(handed), Date.parse(times.takenUpAt))) : null,
    realization_due:
      t.kind === 'interventional' ? iso(calendar.deadline(Date.parse(times.receivedAt), SLA_WORKING_DAYS.realization)) : null,
    finished_at: finished,
    realization_hours: finished ? round2(calendar.workingHoursBetween(Date.parse(times.receivedAt), Date.parse(finished))) : null,
    delay_explained: !!t.plannedCompletion,
    deleted_at: t.deleted?.at ?? null,
    deletion_reason: t.deleted?.reason ?? null,
  };
}

const round2 = (n: number) => Math.round(n * 100) / 100;

// ---------- periods ----------

export const MAX_PERIOD_DAYS = 366;

/** Any run of Warsaw calendar days, both ends included: a day, a week, a month, a year. */
export const periodSchema = z
  .object({ from: isoDateSchema, to: isoDateSchema })
  .refine((p) => p.from <= p.to, { message: 'Początek okresu nie może być po jego końcu.', path: ['to'] })
  .refine((p) => differenceInCalendarDays(p.to, p.from) < MAX_PERIOD_DAYS, {
    message: `Okres może mieć najwyżej ${MAX_PERIOD_DAYS} dni.`,
    path: ['to'],
  });
export type Period = z.infer<typeof periodSchema>;

/** The first instant of the Warsaw day `from` and the first instant after the Warsaw day `to` (DST-correct). */
export function periodBounds(p: Period): { from: Date; to: Date } {
  const midnight = (day: string) => {
    const [y, m, d] = day.split('-').map(Number);
    return new TZDate(y!, m! - 1, d!, TIME_ZONE);
  };
  return { from: new Date(midnight(p.from).getTime()), to: new Date(addDays(midnight(p.to), 1).getTime()) };
}

/** The Warsaw calendar month `YYYY-MM` as a period. */
export function monthPeriod(month: string): Period {
  const [y, m] = month.split('-').map(Number);
  const last = new Date(Date.UTC(y!, m!, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

// ---------- the figures ----------

export const figuresRowSchema = z.object({
  /** The id (unit, group, user, category, channel, street; weekday 1–7 from Monday; hour 0–23); null: none yet. */
  key: z.string().nullable(),
  label: z.string(),
  received: z.number().int(),
  finished: z.number().int(),
  open: z.number().int(),
  deleted: z.number().int(),
  duringOutage: z.number().int(),
  /** P§16.2: taken up within a working day / taken up late or still waiting past it. */
  reactionOnTime: z.number().int(),
  reactionLate: z.number().int(),
  /** P§18.1: finished within 10 working days / finished late or still open past it. */
  realizationOnTime: z.number().int(),
  realizationLate: z.number().int(),
  /** P§18.2: of those late in realization, how many state a planned date and reason. */
  lateExplained: z.number().int(),
  /** Median working hours from handing to take-up and from receipt to finishing (null: none, or not kept for this breakdown). */
  medianReactionHours: z.number().nullable(),
  medianRealizationHours: z.number().nullable(),
});
export type FiguresRow = z.infer<typeof figuresRowSchema>;

export const breakdowns = ['unit', 'group', 'realizer', 'category', 'channel', 'street', 'weekday', 'hour'] as const;
export type Breakdown = (typeof breakdowns)[number];
/** Polish names of the breakdowns: tabs, sheets, CSV sections. */
export const breakdownLabels: Record<Breakdown, string> = {
  unit: 'Jednostki',
  group: 'Grupy',
  realizer: 'Realizatorzy',
  category: 'Kategorie',
  channel: 'Kanały',
  street: 'Ulice',
  weekday: 'Dni tygodnia',
  hour: 'Godziny',
};

export const outageFiguresSchema = z.object({
  startedAt: z.string(),
  /** null: not over (or not reported over) yet. */
  endedAt: z.string().nullable(),
  workstations: z.number().int(),
  /** Tickets registered from calls taken during it (P§29–P§32). */
  taken: z.number().int(),
});
export type OutageFigures = z.infer<typeof outageFiguresSchema>;

export const periodStatsSchema = z.object({
  from: isoDateSchema,
  to: isoDateSchema,
  /** Judged at (open and late ones). */
  at: z.string(),
  scope: z.enum(['city', 'units']),
  total: figuresRowSchema,
  breakdowns: z.object(
    Object.fromEntries(breakdowns.map((b) => [b, z.array(figuresRowSchema)])) as Record<Breakdown, z.ZodArray<typeof figuresRowSchema>>,
  ),
  outages: z.array(outageFiguresSchema),
});
export type PeriodStats = z.infer<typeof periodStatsSchema>;

// ---------- the dashboard ----------

const countRowSchema = z.object({ key: z.string().nullable(), label: z.string(), count: z.number().int(), late: z.number().int() });
export type CountRow = z.infer<typeof countRowSchema>;

export const monthFiguresSchema = z.object({
  month: z.string(),
  received: z.number().int(),
  duringOutage: z.number().int(),
  /** Shares 0–1; null when no clock closed or ran out yet. */
  reactionOnTimeShare: z.number().nullable(),
  realizationOnTimeShare: z.number().nullable(),
  medianReactionHours: z.number().nullable(),
  medianRealizationHours: z.number().nullable(),
});
export type MonthFigures = z.infer<typeof monthFiguresSchema>;

/** How late the late ones are, in calendar days past their deadline. */
export const LATE_BUCKETS = [
  { label: 'do 1 dnia', upTo: 1 },
  { label: '2–5 dni', upTo: 5 },
  { label: '6–10 dni', upTo: 10 },
  { label: 'ponad 10 dni', upTo: null },
] as const;

export const dashboardSchema = z.object({
  at: z.string(),
  scope: z.enum(['city', 'units']),
  open: z.number().int(),
  openByStatus: z.array(countRowSchema),
  openByGroup: z.array(countRowSchema),
  late: z.object({
    reaction: z.array(z.object({ label: z.string(), count: z.number().int() })),
    realization: z.array(z.object({ label: z.string(), count: z.number().int() })),
  }),
  thisMonth: monthFiguresSchema,
  lastMonth: monthFiguresSchema,
  outages: z.array(outageFiguresSchema),
});
export type Dashboard = z.infer<typeof dashboardSchema>;

// ---------- the record of deleted tickets (P§27.3) ----------

export const deletedRecordRowSchema = z.object({
  number: z.string(),
  receivedAt: z.string(),
  deletedAt: z.string(),
  reason: z.string(),
  /** The status it had when deleted. */
  status: z.string(),
  unit: z.string(),
  category: z.string(),
  channel: z.string(),
  street: z.string().nullable(),
  finishedAt: z.string().nullable(),
  reactionOnTime: z.boolean().nullable(),
  realizationOnTime: z.boolean().nullable(),
});
export const deletedRecordSchema = z.object({ from: isoDateSchema, to: isoDateSchema, rows: z.array(deletedRecordRowSchema) });
export type DeletedRecord = z.infer<typeof deletedRecordSchema>;

/** The columns of a figures row as the screen, the XLSX and the CSV show them (Polish headers). */
export const figureColumns: { key: Exclude<keyof FiguresRow, 'key' | 'label'>; label: string; hours?: true }[] = [
  { key: 'received', label: 'Przyjęte' },
  { key: 'finished', label: 'Zakończone' },
  { key: 'open', label: 'Otwarte' },
  { key: 'deleted', label: 'Usunięte (P§27.3)' },
  { key: 'duringOutage', label: 'Przyjęte w awarii' },
  { key: 'reactionOnTime', label: 'Podjęte w terminie (P§16.2)' },
  { key: 'reactionLate', label: 'Podjęte po terminie lub czekające' },
  { key: 'realizationOnTime', label: 'Zrealizowane w terminie (P§18.1)' },
  { key: 'realizationLate', label: 'Po terminie realizacji' },
  { key: 'lateExplained', label: 'Z podaną przyczyną i terminem (P§18.2)' },
  { key: 'medianReactionHours', label: 'Mediana podjęcia [godz. robocze]', hours: true },
  { key: 'medianRealizationHours', label: 'Mediana realizacji [godz. robocze]', hours: true },
];

/** The first column's header of each breakdown. */
export const breakdownKeyLabels: Record<Breakdown, string> = {
  unit: 'Jednostka',
  group: 'Grupa',
  realizer: 'Realizator',
  category: 'Kategoria',
  channel: 'Kanał',
  street: 'Ulica',
  weekday: 'Dzień tygodnia',
  hour: 'Godzina',
};
