// Which procedure clock runs for a ticket, fed from the ticket's own times (the calendar computes).
import { reactionClock, realizationClock, webFormPickupClock, type ClockStatus, type WorkingCalendar } from '../calendar';
import type { Ticket } from './model';
import type { QueueFilter } from './queues';

export function ticketClock(calendar: WorkingCalendar, ticket: Ticket, clock: QueueFilter['clock'], now: Date): ClockStatus | null {
  const t = ticket.times;
  switch (clock) {
    case 'webPickup':
      return webFormPickupClock(
        calendar,
        { receivedAt: Date.parse(t.receivedAt), takenUpAt: t.pickedUpAt ? Date.parse(t.pickedUpAt) : null },
        now,
      );
    case 'reaction': {
      const since = t.handedToGroupAt ?? t.forwardedAt;
      return since
        ? reactionClock(calendar, { forwardedAt: Date.parse(since), takenUpAt: t.takenUpAt ? Date.parse(t.takenUpAt) : null }, now)
        : null;
    }
    case 'realization': {
      const done = t.resolvedAt ?? t.closedAt;
      return realizationClock(
        calendar,
        {
          interventional: ticket.kind === 'interventional',
          receivedAt: Date.parse(t.receivedAt),
          completedAt: done ? Date.parse(done) : null,
        },
        now,
      );
    }
    case 'mostPressing': {
      const running = RUNNING_CLOCKS[ticket.status] ?? ['realization'];
      const states = running
        .map((kind) => ticketClock(calendar, ticket, kind, now))
        .filter((c): c is ClockStatus => !!c && c.state !== 'done' && c.state !== 'doneLate');
      return states.sort((a, b) => a.due.getTime() - b.due.getTime())[0] ?? null;
    }
    default:
      return null;
  }
}

/** Clocks besides completion (P§18.1) that run in a state: pickup of a web form (P§4.3), take-up by a group (P§16.2). */
const RUNNING_CLOCKS: Partial<Record<Ticket['status'], QueueFilter['clock'][]>> = {
  awaitingPickup: ['webPickup', 'realization'],
  forwarded: ['reaction', 'realization'],
  assigned: ['reaction', 'realization'],
};
