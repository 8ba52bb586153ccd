// P§27: how long a ticket keeps its reporter's personal data. Months are Warsaw calendar months.
import { tz } from '@date-fns/tz';
import { addMonths, startOfMonth } from 'date-fns';
import { TIME_ZONE } from '../calendar';
import type { Ticket } from './model';

/** P§27.1: six months, not counting the month in which the ticket was registered. */
export const RETENTION_MONTHS = 6;

const warsaw = tz(TIME_ZONE);

/** The first moment a ticket registered at `registeredAt` may no longer hold personal data. */
export function retentionEnds(registeredAt: string): Date {
  return new Date(addMonths(startOfMonth(new Date(registeredAt), { in: warsaw }), RETENTION_MONTHS + 1).getTime());
}

/** Tickets registered before this moment are past retention at `now` (a filter for queries). */
export function retentionCutoff(now: Date): Date {
  return new Date(addMonths(startOfMonth(now, { in: warsaw }), -RETENTION_MONTHS).getTime());
}

/** P§27.1–27.2: the ticket's retention period is over at `now`. */
export function retentionOver(ticket: Ticket, now: Date): boolean {
  return retentionEnds(ticket.times.registeredAt) <= now;
}

/** P§27.1: the ticket still holds personal data it may no longer keep. */
export function personalDataOverdue(ticket: Ticket, now: Date): boolean {
  return !ticket.personalDataErased && !ticket.deleted && retentionOver(ticket, now);
}
