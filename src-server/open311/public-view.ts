// What anyone may know about a ticket from its number (Open311 requests, FixMyStreet updates, the public status
// page): its category, place, state, the unit handling it, when it is due (P§18.1) and its public history —
// never the reporter, their words, the staff or internal reasons.
import { createWorkingCalendar, type WorkingCalendar } from '../../src-shared/calendar';
import { isFinished, lookup, statusLabels, ticketDeadlines, type Directory, type Ticket } from '../../src-shared/ticket';
import type { CentralDb } from '../db/connect';
import { loadExtraDays } from '../calendar-store';

/** Ticket numbers (`2026/012345`) have a slash; in URLs and Open311 ids they are written `2026-012345`. */
export const publicId = (number: string) => number.replace('/', '-');
export const numberOf = (id: string): string | undefined => {
  const match = /^(\d{4})[-/](\d{6})$/.exec(decodeURIComponent(id));
  return match ? `${match[1]}/${match[2]}` : undefined;
};

export interface PublicTicket {
  id: string;
  open: boolean;
  statusText: string;
  serviceCode: string | null;
  serviceName: string | null;
  subject: string;
  agency: string | null;
  requestedAt: string;
  updatedAt: string;
  expectedAt: string | null;
  address: string | null;
  addressId: string | null;
  lat: number | null;
  long: number | null;
}

export function publicTicket(ticket: Ticket, directory: Directory, calendar: WorkingCalendar, updatedAt: string): PublicTicket {
  const category = lookup(directory.categories, ticket.categoryId);
  const unit = lookup(directory.units, ticket.unitId);
  const realization = ticketDeadlines(calendar, ticket, new Date()).find((d) => d.clock === 'realization');
  return {
    id: publicId(ticket.number),
    open: !isFinished(ticket.status),
    statusText: `Zgłoszenie ${statusLabels[ticket.status]}${unit ? ` — ${unit.name}` : ''}.`,
    serviceCode: ticket.categoryId ?? null,
    serviceName: category?.name ?? null,
    // The subject an operator wrote once picked up, never the resident's own words (which may name people).
    subject: ticket.status === 'awaitingPickup' ? (category?.name ?? 'Zgłoszenie') : ticket.subject,
    agency: unit?.name ?? null,
    requestedAt: ticket.times.receivedAt,
    updatedAt,
    expectedAt: realization && !realization.doneAt ? realization.due : null,
    address: ticket.location?.address ?? null,
    addressId: ticket.location?.streetId ?? null,
    lat: ticket.location?.lat ?? null,
    long: ticket.location?.lon ?? null,
  };
}

/** Events a resident may follow, in their words, with the FixMyStreet status each means. */
export const PUBLIC_EVENTS: Record<string, { status: string; text: string }> = {
  registered: { status: 'OPEN', text: 'Zgłoszenie zarejestrowane.' },
  webFormReceived: { status: 'OPEN', text: 'Zgłoszenie przyjęte przez Internet.' },
  webFormPickedUp: { status: 'OPEN', text: 'Zgłoszenie przyjęte do obsługi.' },
  forwarded: { status: 'OPEN', text: 'Przekazane do właściwej jednostki.' },
  passedToCoordinatorGroup: { status: 'OPEN', text: 'Przekazane do właściwej jednostki.' },
  takenUp: { status: 'INVESTIGATING', text: 'Podjęte przez jednostkę.' },
  realizerGroupAssigned: { status: 'IN_PROGRESS', text: 'Skierowane do realizacji.' },
  handedToContractor: { status: 'ACTION_SCHEDULED', text: 'Zlecone wykonawcy.' },
  suspended: { status: 'ACTION_SCHEDULED', text: 'Realizacja zawieszona do wskazanego terminu.' },
  resumed: { status: 'IN_PROGRESS', text: 'Realizacja wznowiona.' },
  plannedDateSet: { status: 'ACTION_SCHEDULED', text: 'Wyznaczono planowany termin realizacji.' },
  resolved: { status: 'FIXED', text: 'Zgłoszenie rozwiązane.' },
  closedNonInterventional: { status: 'CLOSED', text: 'Zgłoszenie zamknięte.' },
  closedOutOfScope: { status: 'INTERNAL_REFERRAL', text: 'Sprawa poza właściwością miasta — przekazana właściwemu podmiotowi.' },
  closedHandledOutside: { status: 'INTERNAL_REFERRAL', text: 'Przekazane jednostce, która obsługuje je poza aplikacją.' },
  forwardedExternalAndClosed: { status: 'INTERNAL_REFERRAL', text: 'Przekazane właściwemu podmiotowi spoza miasta.' },
  answerRecorded: { status: 'IN_PROGRESS', text: 'Udzielono odpowiedzi zgłaszającemu.' },
};

/** A resolved ticket that will not be done reads so, not "fixed". */
export function publicEvent(type: string, data: Record<string, unknown>): { status: string; text: string } | undefined {
  if (type === 'resolved' && data.outcome === 'notToBeDone')
    return { status: 'NOT_POSSIBLE', text: 'Realizacja niemożliwa — zgłoszenie zamknięte.' };
  return PUBLIC_EVENTS[type];
}

export interface PublicUpdate {
  updateId: string;
  id: string;
  status: string;
  at: string;
  text: string;
}

/** The public history of tickets (one or many), oldest first: only events in PUBLIC_EVENTS, and none of a deleted ticket. */
export async function publicUpdates(
  db: CentralDb,
  filter: { numbers?: string[]; from?: Date; to?: Date; limit: number },
): Promise<PublicUpdate[]> {
  let q = db
    .selectFrom('ticket_event as e')
    .innerJoin('ticket as t', 't.number', 'e.ticket')
    .select(['e.ticket', 'e.seq', 'e.type', 'e.at', 'e.data'])
    .where('t.status', '!=', 'deleted')
    .where('e.type', 'in', Object.keys(PUBLIC_EVENTS))
    .orderBy('e.at')
    .orderBy('e.seq')
    .limit(filter.limit);
  if (filter.numbers) q = q.where('e.ticket', 'in', filter.numbers.length ? filter.numbers : ['-']);
  if (filter.from) q = q.where('e.at', '>=', filter.from);
  if (filter.to) q = q.where('e.at', '<', filter.to);
  const rows = await q.execute();
  return rows.flatMap((r) => {
    const event = publicEvent(r.type, (r.data ?? {}) as Record<string, unknown>);
    return event
      ? [
          {
            updateId: `${publicId(r.ticket)}-${r.seq}`,
            id: publicId(r.ticket),
            status: event.status,
            at: new Date(r.at).toISOString(),
            text: event.text,
          },
        ]
      : [];
  });
}

export async function calendarOf(db: CentralDb): Promise<WorkingCalendar> {
  return createWorkingCalendar({ extraDays: await loadExtraDays(db) });
}
