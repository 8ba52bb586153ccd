// The event store contract as pure helpers, so the desktop's local store and the hub apply a
// decision the same way: load every ticket a command may write, skip events that change nothing,
// and scrub a stream's personal data when erasure is required.
import type { Ticket } from './model';
import type { TicketEvent } from './ticket-events';
import { requiresErasure } from './ticket-events';
import { evolve } from './evolve';
import { isCreationCommand } from './commands';

/**
 * Every ticket a command on `ticket` may write events to: the ticket itself, the other parts of
 * its split report (a split updates their lists, a consent withdrawal erases them too) and the
 * numbers allocated for new tickets. Load these (and lock them, on the hub) before deciding.
 */
export function ticketsTouchedBy(ticket: Ticket | null, newTicketNumbers: readonly string[] = []): string[] {
  const linked = ticket ? [ticket.number, ...ticket.links.splitParts.map((part) => part.number), ticket.links.splitFrom] : [];
  return [...new Set([...linked, ...newTicketNumbers].filter((number): number is string => !!number))];
}

export interface AppliedEvents {
  /** The tickets the events changed, as they are now. */
  changed: Map<string, Ticket>;
  /** The events to append, each with its ticket's version after it (the stream position, 1-based). */
  append: { event: TicketEvent; version: number }[];
  /** Streams whose earlier events must be scrubbed with `erasePersonalData` (P§27.1, P§28). */
  erase: Set<string>;
  /** Tickets the events were for but which were not loaded: the caller's mistake (see `ticketsTouchedBy`); nothing was applied to them. */
  missing: Set<string>;
}

/**
 * Applies a decision's events to the loaded tickets. An event that changes nothing (it reached a
 * deleted ticket, or erased data already erased) is not appended; one for a ticket that was not
 * loaded is reported in `missing` (load with `ticketsTouchedBy` and it never happens).
 */
export function applyEvents(loaded: ReadonlyMap<string, Ticket>, events: readonly TicketEvent[]): AppliedEvents {
  const result: AppliedEvents = { changed: new Map(), append: [], erase: new Set(), missing: new Set() };
  for (const event of events) {
    const before = result.changed.get(event.ticket) ?? loaded.get(event.ticket) ?? null;
    const after = evolve(before, event);
    if (after === null) {
      result.missing.add(event.ticket);
      continue;
    }
    if (after === before) continue;
    result.changed.set(event.ticket, after);
    result.append.push({ event, version: after.version });
    if (requiresErasure(event)) result.erase.add(event.ticket);
  }
  return result;
}

/** How many new ticket numbers a command uses (to take from the leased block before deciding). */
export function numbersNeededBy(command: { type: string; parts?: unknown }): number {
  if (isCreationCommand(command.type)) return 1;
  switch (command.type) {
    case 'registerFollowUp':
      return 1;
    case 'split':
      return Array.isArray(command.parts) ? command.parts.length : 0;
    default:
      return 0;
  }
}
