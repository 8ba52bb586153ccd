// Which procedure clock runs for a ticket, fed from the ticket's own times (the calendar computes).
import { reactionClock, realizationClock, webFormPickupClock, type ClockStatus, type WorkingCalendar } from '../calendar';
import type { Ticket } from './model';
import type { QueueFilter } from './queues';

export function ticketClock(calendar: WorkingCalendar, ticket: Ticket, clock: QueueFilter['clock'], now: Date): ClockStatus | null {
  const t = ticket.times;
  switch (clock) {
    case 'webPickup':
      return webFormPickupClock(calendar, { receivedAt: Date.parse(t.receivedAt), takenUpAt: t.pickedUpAt ? Date.parse(t.pickedUpAt) : null }, now);
    case 'reaction': {
      const since = t.handedToGroupAt ?? t.forwardedAt;
      return since ? reactionClock(calendar, { forwardedAt: Date.parse(since), takenUpAt: t.takenUpAt ? Date.parse(t.takenUpAt) : null }, now) : null;
    }
    case 'realization': {
      const done = t.resolvedAt ?? t.closedAt;
      return realizationClock(calendar, { interventional: ticket.kind === 'interventional', receivedAt: Date.parse(t.receivedAt), completedAt: done ? Date.parse(done) : null }, now);
    }
    default:
      return null;
  }
}
