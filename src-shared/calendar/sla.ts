// The procedure's deadlines (SLA clocks). Each clock takes plain timestamps, so the ticket model decides which
// event is which and these functions only count working time.
import { toMs, type Instant } from './time-zone';
import type { WorkingCalendar } from './working-calendar';

/** Working days each clock allows, counted after the day of the starting event (that day is not counted). */
export const SLA_WORKING_DAYS = {
  /** P§16.2: a forwarded ticket is taken up within 1 working day of being forwarded to a coordinator or realizer. */
  reaction: 1,
  /** P§19.4.1: a misrouted ticket is returned to the operator within 2 working days of the operator's forwarding. */
  returnToOperator: 2,
  /** P§18.1: an interventional ticket is realized within 10 working days of its receipt by the office. */
  realization: 10,
} as const;

export type ClockStatus =
  /** workingDaysLeft: working days after today up to the due day (0 when due today). */
  | { state: 'onTime' | 'dueToday'; due: Date; workingDaysLeft: number }
  /** workingDaysOverdue: working days after the due day up to today, or up to the day it was done (0 = the due day itself). */
  | { state: 'late' | 'doneLate'; due: Date; workingDaysOverdue: number }
  | { state: 'done'; due: Date };

/** The status of any clock: done (in time or late) once `doneAt` is set, otherwise judged at `now`. */
export function clockStatus(calendar: WorkingCalendar, due: Date, doneAt: Instant | null | undefined, now: Instant): ClockStatus {
  if (doneAt != null) {
    return toMs(doneAt) <= due.getTime()
      ? { state: 'done', due }
      : { state: 'doneLate', due, workingDaysOverdue: calendar.workingDaysBetween(due, doneAt) };
  }
  if (toMs(now) > due.getTime()) return { state: 'late', due, workingDaysOverdue: calendar.workingDaysBetween(due, now) };
  const workingDaysLeft = calendar.workingDaysBetween(now, due);
  return { state: workingDaysLeft === 0 ? 'dueToday' : 'onTime', due, workingDaysLeft };
}

/**
 * P§4.3 web-form pickup. The procedure says a web ticket received outside working days is taken up on the first
 * working day after receipt; read with P§4.1 (tickets are handled on working days) this gives one rule: an operator
 * takes a web ticket up by the close of the working day in progress when it arrives, or, when it arrives while the
 * office is closed (weekend, holiday, before opening or after closing), by the close of the next working day.
 * That is `deadline(receivedAt, 0)`.
 */
export function webFormPickupClock(
  calendar: WorkingCalendar,
  ticket: { receivedAt: Instant; takenUpAt?: Instant | null },
  now: Instant,
): ClockStatus {
  return clockStatus(calendar, calendar.deadline(ticket.receivedAt, 0), ticket.takenUpAt, now);
}

/** P§16.2 reaction: taken up by the coordinator or realizer within 1 working day after the day of forwarding. */
export function reactionClock(
  calendar: WorkingCalendar,
  ticket: { forwardedAt: Instant; takenUpAt?: Instant | null },
  now: Instant,
): ClockStatus {
  return clockStatus(calendar, calendar.deadline(ticket.forwardedAt, SLA_WORKING_DAYS.reaction), ticket.takenUpAt, now);
}

/**
 * P§19.4.1: a coordinator may return a misrouted ticket to the operator at most 2 working days after the day the
 * operator forwarded it. 'late' means the window has passed without a return: show it only while the coordinator
 * has not yet accepted the ticket as theirs.
 */
export function returnToOperatorClock(
  calendar: WorkingCalendar,
  ticket: { forwardedAt: Instant; returnedAt?: Instant | null },
  now: Instant,
): ClockStatus {
  return clockStatus(calendar, calendar.deadline(ticket.forwardedAt, SLA_WORKING_DAYS.returnToOperator), ticket.returnedAt, now);
}

/** P§18.1 realization: interventional tickets only (null for informational ones), 10 working days after the day of receipt. */
export function realizationClock(
  calendar: WorkingCalendar,
  ticket: { interventional: boolean; receivedAt: Instant; completedAt?: Instant | null },
  now: Instant,
): ClockStatus | null {
  if (!ticket.interventional) return null;
  return clockStatus(calendar, calendar.deadline(ticket.receivedAt, SLA_WORKING_DAYS.realization), ticket.completedAt, now);
}

export type DelayInfoField = 'delayReason' | 'plannedCompletion';

/**
 * P§18.2: past the realization deadline the ticket must state the reason for the delay and the planned completion
 * date. Returns the fields still owed: both while the ticket is late and unfinished; only the reason once it was
 * finished late (the completion date is then known).
 */
export function owedDelayInfo(
  realization: ClockStatus | null,
  recorded: { hasDelayReason: boolean; hasPlannedCompletion: boolean },
): DelayInfoField[] {
  const owed: DelayInfoField[] = [];
  if (realization?.state !== 'late' && realization?.state !== 'doneLate') return owed;
  if (!recorded.hasDelayReason) owed.push('delayReason');
  if (realization.state === 'late' && !recorded.hasPlannedCompletion) owed.push('plannedCompletion');
  return owed;
}
