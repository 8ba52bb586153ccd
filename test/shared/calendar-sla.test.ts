// The procedure's clocks; expected deadlines computed by hand from a paper calendar.
import { describe, expect, it } from 'vitest';
import {
  createWorkingCalendar,
  owedDelayInfo,
  reactionClock,
  realizationClock,
  returnToOperatorClock,
  webFormPickupClock,
  type ClockStatus,
} from '../../src-shared/calendar';

const calendar = createWorkingCalendar();
const at = (iso: string): Date => new Date(iso);

describe('P§4.3 web-form pickup', () => {
  const pickupDue = (receivedAt: string): Date => webFormPickupClock(calendar, { receivedAt: at(receivedAt) }, at(receivedAt)).due;

  it('P§4.3 a web ticket received outside working days is taken up on the first working day after receipt', () => {
    expect(pickupDue('2026-04-11T21:00:00+02:00')).toEqual(at('2026-04-13T16:00:00+02:00')); // Saturday → Monday
    expect(pickupDue('2026-04-06T10:00:00+02:00')).toEqual(at('2026-04-07T17:00:00+02:00')); // Easter Monday → Tuesday
    expect(pickupDue('2026-04-03T17:00:00+02:00')).toEqual(at('2026-04-07T17:00:00+02:00')); // Friday after closing → Tuesday
  });

  it('P§4.3 after closing or before opening: the next working time; during office hours: the same day', () => {
    expect(pickupDue('2026-04-13T16:30:00+02:00')).toEqual(at('2026-04-14T17:00:00+02:00'));
    expect(pickupDue('2026-04-13T07:15:00+02:00')).toEqual(at('2026-04-13T16:00:00+02:00'));
    expect(pickupDue('2026-04-13T10:00:00+02:00')).toEqual(at('2026-04-13T16:00:00+02:00'));
    expect(pickupDue('2026-10-23T18:30:00+02:00')).toEqual(at('2026-10-26T16:00:00+01:00')); // over the autumn clock change
  });

  it('P§4.3 status while waiting and once taken up', () => {
    const ticket = { receivedAt: at('2026-04-11T21:00:00+02:00') };
    const due = at('2026-04-13T16:00:00+02:00');
    expect(webFormPickupClock(calendar, ticket, at('2026-04-12T10:00:00+02:00'))).toEqual({ state: 'onTime', due, workingDaysLeft: 1 });
    expect(webFormPickupClock(calendar, ticket, at('2026-04-13T09:00:00+02:00'))).toEqual({ state: 'dueToday', due, workingDaysLeft: 0 });
    expect(
      webFormPickupClock(calendar, { ...ticket, takenUpAt: at('2026-04-13T10:00:00+02:00') }, at('2026-04-20T10:00:00+02:00')),
    ).toEqual({
      state: 'done',
      due,
    });
  });
});

describe('P§16.2 reaction', () => {
  const forwardedAt = at('2026-04-13T10:00:00+02:00');
  const due = at('2026-04-14T17:00:00+02:00');
  const clock = (now: string, takenUpAt?: string): ClockStatus =>
    reactionClock(calendar, { forwardedAt, takenUpAt: takenUpAt ? at(takenUpAt) : null }, at(now));

  it('P§16.2 reaction deadline is one working day after forwarding', () => {
    expect(clock('2026-04-13T12:00:00+02:00').due).toEqual(due);
    expect(reactionClock(calendar, { forwardedAt: at('2026-04-03T15:00:00+02:00') }, forwardedAt).due).toEqual(
      at('2026-04-07T17:00:00+02:00'),
    );
    expect(reactionClock(calendar, { forwardedAt: at('2026-04-11T11:00:00+02:00') }, forwardedAt).due).toEqual(
      at('2026-04-13T16:00:00+02:00'),
    );
  });

  it('P§16.2 on time, due today, late (counting working days), done and done late', () => {
    expect(clock('2026-04-13T12:00:00+02:00')).toEqual({ state: 'onTime', due, workingDaysLeft: 1 });
    expect(clock('2026-04-14T09:00:00+02:00')).toEqual({ state: 'dueToday', due, workingDaysLeft: 0 });
    expect(clock('2026-04-14T17:00:00+02:00')).toEqual({ state: 'dueToday', due, workingDaysLeft: 0 });
    expect(clock('2026-04-14T17:30:00+02:00')).toEqual({ state: 'late', due, workingDaysOverdue: 0 });
    expect(clock('2026-04-15T10:00:00+02:00')).toEqual({ state: 'late', due, workingDaysOverdue: 1 });
    expect(clock('2026-04-18T10:00:00+02:00')).toEqual({ state: 'late', due, workingDaysOverdue: 3 }); // Saturday
    expect(clock('2026-04-20T10:00:00+02:00', '2026-04-14T16:59:00+02:00')).toEqual({ state: 'done', due });
    expect(clock('2026-04-20T10:00:00+02:00', '2026-04-16T09:00:00+02:00')).toEqual({ state: 'doneLate', due, workingDaysOverdue: 2 });
  });
});

describe('P§19.4.1 return to operator', () => {
  it('P§19.4.1 coordinator returns to operator within 2 working days of the operator forwarding it', () => {
    const ticket = { forwardedAt: at('2026-04-03T11:00:00+02:00') }; // Friday before Easter
    const due = at('2026-04-08T16:00:00+02:00');
    expect(returnToOperatorClock(calendar, ticket, at('2026-04-07T10:00:00+02:00'))).toEqual({ state: 'onTime', due, workingDaysLeft: 1 });
    expect(
      returnToOperatorClock(calendar, { ...ticket, returnedAt: at('2026-04-08T15:00:00+02:00') }, at('2026-04-09T10:00:00+02:00')),
    ).toEqual({
      state: 'done',
      due,
    });
    expect(returnToOperatorClock(calendar, ticket, at('2026-04-09T10:00:00+02:00'))).toEqual({ state: 'late', due, workingDaysOverdue: 1 });
  });
});

describe('P§18 realization', () => {
  it('P§18.1 interventional tickets are due 10 working days after the day of receipt', () => {
    const clock = realizationClock(
      calendar,
      { interventional: true, receivedAt: at('2026-04-13T10:00:00+02:00') },
      at('2026-04-20T10:00:00+02:00'),
    );
    expect(clock).toEqual({ state: 'onTime', due: at('2026-04-27T16:00:00+02:00'), workingDaysLeft: 5 });
    // Over 1 May (Friday); 14 May (Ascension) is not a holiday in Poland.
    const overMay = realizationClock(
      calendar,
      { interventional: true, receivedAt: at('2026-04-30T12:00:00+02:00') },
      at('2026-05-18T08:00:00+02:00'),
    );
    expect(overMay).toEqual({ state: 'late', due: at('2026-05-15T16:00:00+02:00'), workingDaysOverdue: 1 });
  });

  it('P§18.1 informational tickets have no realization clock', () => {
    expect(
      realizationClock(calendar, { interventional: false, receivedAt: at('2026-04-13T10:00:00+02:00') }, at('2026-05-20T10:00:00+02:00')),
    ).toBeNull();
  });

  it('P§18.2 a late ticket owes the delay reason and the planned completion date', () => {
    const receivedAt = at('2026-04-13T10:00:00+02:00');
    const late = realizationClock(calendar, { interventional: true, receivedAt }, at('2026-04-28T10:00:00+02:00'));
    expect(late).toMatchObject({ state: 'late', workingDaysOverdue: 1 });
    expect(owedDelayInfo(late, { hasDelayReason: false, hasPlannedCompletion: false })).toEqual(['delayReason', 'plannedCompletion']);
    expect(owedDelayInfo(late, { hasDelayReason: true, hasPlannedCompletion: false })).toEqual(['plannedCompletion']);
    expect(owedDelayInfo(late, { hasDelayReason: true, hasPlannedCompletion: true })).toEqual([]);
  });

  it('P§18.2 a ticket finished late still owes the reason; one on time owes nothing', () => {
    const receivedAt = at('2026-04-13T10:00:00+02:00');
    const doneLate = realizationClock(
      calendar,
      { interventional: true, receivedAt, completedAt: at('2026-04-29T10:00:00+02:00') },
      at('2026-05-04T10:00:00+02:00'),
    );
    expect(doneLate).toEqual({ state: 'doneLate', due: at('2026-04-27T16:00:00+02:00'), workingDaysOverdue: 2 });
    expect(owedDelayInfo(doneLate, { hasDelayReason: false, hasPlannedCompletion: false })).toEqual(['delayReason']);
    const onTime = realizationClock(calendar, { interventional: true, receivedAt }, at('2026-04-27T15:00:00+02:00'));
    expect(onTime).toMatchObject({ state: 'dueToday' });
    expect(owedDelayInfo(onTime, { hasDelayReason: false, hasPlannedCompletion: false })).toEqual([]);
    expect(owedDelayInfo(null, { hasDelayReason: false, hasPlannedCompletion: false })).toEqual([]);
  });
});
