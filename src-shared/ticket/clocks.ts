// Which procedure clock runs for a ticket, fed from the ticket's own times (the calendar computes).
import {
  clockStatus,
  reactionClock,
  realizationClock,
  SLA_WORKING_DAYS,
  webFormPickupClock,
  type ClockStatus,
  type WorkingCalendar,
} from '../calendar';
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

/** The clocks a queue row can show, each with the time it starts from and its working days (P§4.3, P§16.2, P§18.1). */
export type SingleClock = 'webPickup' | 'reaction' | 'realization';
const CLOCK_DAYS: Record<SingleClock, number> = {
  webPickup: 0,
  reaction: SLA_WORKING_DAYS.reaction,
  realization: SLA_WORKING_DAYS.realization,
};

/** The states of RUNNING_CLOCKS for queries: which clocks run in a status besides completion. */
export const clocksRunningIn = (status: Ticket['status']): SingleClock[] => (RUNNING_CLOCKS[status] ?? ['realization']) as SingleClock[];

/**
 * Where a clock's start time splits late / due today / on time at `now`: a clock started before `lateBefore`
 * is late, before `dueTodayBefore` due today, later on time. A deadline never moves back as its start moves
 * on, so a store can filter and count by comparing start times; the calendar's own verdict (clockStatus)
 * is searched for the two boundaries, so both always agree.
 */
export function clockCutoffs(calendar: WorkingCalendar, clock: SingleClock, now: Date): { lateBefore: Date; dueTodayBefore: Date } {
  const days = CLOCK_DAYS[clock];
  const stateAt = (start: number) => clockStatus(calendar, calendar.deadline(start, days), null, now).state;
  const firstWhere = (lo: number, hi: number, ok: (ms: number) => boolean) => {
    // lo fails, hi holds: halve down to the millisecond.
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (ok(mid)) hi = mid;
      else lo = mid;
    }
    return hi;
  };
  const t = now.getTime();
  const year = 366 * 86_400_000;
  const lateBefore = firstWhere(t - 3 * year, t, (ms) => stateAt(ms) !== 'late');
  const dueTodayBefore = firstWhere(lateBefore - 1, t + 40 * 86_400_000, (ms) => stateAt(ms) === 'onTime');
  return { lateBefore: new Date(lateBefore), dueTodayBefore: new Date(dueTodayBefore) };
}

/** One of the procedure's clocks of a ticket as P§17.2 asks it shown: when it started, its deadline, whether it was met. */
export interface TicketDeadline {
  clock: 'webPickup' | 'reaction' | 'returnToOperator' | 'realization';
  startedAt: string;
  due: string;
  /** When what the clock waits for happened (pickup, take-up, return, completion); null while it has not. */
  doneAt: string | null;
  /** `closed`: the clock no longer applies (the return window once the ticket went on to realizers). */
  state: ClockStatus['state'] | 'closed';
  /** Working days left (running) or overdue (late, done late). */
  workingDays: number | null;
}

/**
 * P§17.2: every clock of the ticket — web-form pickup (P§4.3), take-up by the group holding it (P§16.2), the
 * coordinator's window to return a misrouted ticket (P§19.4.1) and realization (P§18.1) — with its deadline and
 * whether it was met.
 */
export function ticketDeadlines(calendar: WorkingCalendar, ticket: Ticket, now: Date): TicketDeadline[] {
  const t = ticket.times;
  const out: TicketDeadline[] = [];
  const add = (clock: TicketDeadline['clock'], startedAt: string, days: number, doneAt: string | null, closed = false) => {
    const status = clockStatus(calendar, calendar.deadline(Date.parse(startedAt), days), doneAt ? Date.parse(doneAt) : null, now);
    const workingDays =
      'workingDaysLeft' in status ? status.workingDaysLeft : 'workingDaysOverdue' in status ? status.workingDaysOverdue : null;
    out.push({ clock, startedAt, due: status.due.toISOString(), doneAt, state: closed && !doneAt ? 'closed' : status.state, workingDays });
  };
  if (ticket.channel === 'web') add('webPickup', t.receivedAt, 0, t.pickedUpAt);
  const handed = t.handedToGroupAt ?? t.forwardedAt;
  if (handed && ticket.status !== 'deleted') add('reaction', handed, SLA_WORKING_DAYS.reaction, t.takenUpAt);
  if (t.forwardedAt) {
    const returned = ticket.returns.find((r) => r.to === 'operator' && r.at >= t.forwardedAt!)?.at ?? null;
    const stillWithCoordinator = ticket.status === 'forwarded' || ticket.status === 'withCoordinator';
    add('returnToOperator', t.forwardedAt, SLA_WORKING_DAYS.returnToOperator, returned, !stillWithCoordinator);
  }
  if (ticket.kind === 'interventional') add('realization', t.receivedAt, SLA_WORKING_DAYS.realization, t.resolvedAt ?? t.closedAt);
  return out;
}
