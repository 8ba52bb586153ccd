// Working days and deadlines, every expected value computed by hand from a paper calendar.
import { describe, expect, it } from 'vitest';
import { createWorkingCalendar, toWarsawIso, type ExtraDay } from '../../src-shared/calendar';

const calendar = createWorkingCalendar();
const at = (iso: string): Date => new Date(iso);
/** The deadline as Warsaw ISO text, so the expected values read like a wall calendar. */
const due = (from: string, workingDays: number, cal = calendar): string => toWarsawIso(cal.deadline(at(from), workingDays));
const next = (from: string, cal = calendar): string => toWarsawIso(cal.nextWorkingTimeStart(at(from)));

describe('time zone', () => {
  it('formats instants with the Warsaw offset of their date', () => {
    expect(toWarsawIso(at('2026-04-07T15:00:00Z'))).toBe('2026-04-07T17:00:00+02:00');
    expect(toWarsawIso(Date.UTC(2026, 0, 7, 15))).toBe('2026-01-07T16:00:00+01:00');
  });
});

describe('P§2.2 office hours', () => {
  it('P§2.2 Monday, Wednesday, Thursday, Friday 8:00–16:00, opening inclusive and closing exclusive', () => {
    for (const day of ['2026-04-13', '2026-04-15', '2026-04-16', '2026-04-17']) {
      expect(calendar.isWorkingTime(at(`${day}T07:59:59+02:00`))).toBe(false);
      expect(calendar.isWorkingTime(at(`${day}T08:00:00+02:00`))).toBe(true);
      expect(calendar.isWorkingTime(at(`${day}T15:59:59.999+02:00`))).toBe(true);
      expect(calendar.isWorkingTime(at(`${day}T16:00:00+02:00`))).toBe(false);
    }
  });

  it('P§2.2 Tuesday is longer: 8:00–17:00', () => {
    expect(calendar.isWorkingTime(at('2026-04-14T16:30:00+02:00'))).toBe(true);
    expect(calendar.isWorkingTime(at('2026-04-14T16:59:59+02:00'))).toBe(true);
    expect(calendar.isWorkingTime(at('2026-04-14T17:00:00+02:00'))).toBe(false);
    expect(calendar.isWorkingTime(at('2026-04-13T16:30:00+02:00'))).toBe(false);
    expect(due('2026-04-13T10:00:00+02:00', 1)).toBe('2026-04-14T17:00:00+02:00');
    expect(calendar.workingHoursBetween(at('2026-04-14T00:00:00+02:00'), at('2026-04-15T00:00:00+02:00'))).toBe(9);
  });

  it('P§2.2 weekends are not working time', () => {
    expect(calendar.isWorkingTime(at('2026-04-11T10:00:00+02:00'))).toBe(false);
    expect(calendar.isWorkingTime(at('2026-04-12T10:00:00+02:00'))).toBe(false);
    expect(calendar.describeDay('2026-04-11')).toEqual({ date: '2026-04-11', working: false, reason: 'weekend' });
  });

  it('office hours are configuration', () => {
    const fridaysClosed = createWorkingCalendar({
      officeHours: {
        mon: { open: '07:30', close: '15:30' },
        tue: { open: '08:00', close: '17:00' },
        wed: { open: '08:00', close: '16:00' },
        thu: { open: '08:00', close: '16:00' },
        fri: null,
        sat: null,
        sun: null,
      },
    });
    expect(due('2026-04-16T10:00:00+02:00', 1, fridaysClosed)).toBe('2026-04-20T15:30:00+02:00');
    expect(fridaysClosed.isWorkingTime(at('2026-04-20T07:30:00+02:00'))).toBe(true);
    expect(() => createWorkingCalendar({ extraWorkingDayHours: { open: '16:00', close: '08:00' } })).toThrow(/open before they close/);
    expect(() =>
      createWorkingCalendar({ officeHours: { mon: null, tue: null, wed: null, thu: null, fri: null, sat: null, sun: null } }),
    ).toThrow(/at least one weekday/);
  });
});

describe('P§2.2 deadlines: whole working days, the day of the start not counted, due at the close', () => {
  it('counts from the day of the start, wherever in the day it is', () => {
    expect(due('2026-04-13T07:00:00+02:00', 1)).toBe('2026-04-14T17:00:00+02:00'); // before opening
    expect(due('2026-04-13T10:00:00+02:00', 1)).toBe('2026-04-14T17:00:00+02:00');
    expect(due('2026-04-13T16:00:00+02:00', 1)).toBe('2026-04-14T17:00:00+02:00'); // at closing
    expect(due('2026-04-13T23:30:00+02:00', 1)).toBe('2026-04-14T17:00:00+02:00'); // after closing (21:30 UTC)
    expect(due('2026-04-14T00:00:00+02:00', 1)).toBe('2026-04-15T16:00:00+02:00'); // Warsaw midnight, still Monday in UTC
    expect(due('2026-04-13T10:00:00+02:00', 2)).toBe('2026-04-15T16:00:00+02:00');
    expect(due('2026-04-13T10:00:00+02:00', 5)).toBe('2026-04-20T16:00:00+02:00');
  });

  it('a start on a weekend counts from the next working day', () => {
    expect(due('2026-04-11T12:00:00+02:00', 1)).toBe('2026-04-13T16:00:00+02:00');
    expect(due('2026-04-12T23:59:00+02:00', 2)).toBe('2026-04-14T17:00:00+02:00');
  });

  it('0 working days: the close of the working day in progress, or of the next one once closed', () => {
    expect(due('2026-04-13T07:00:00+02:00', 0)).toBe('2026-04-13T16:00:00+02:00');
    expect(due('2026-04-13T15:59:00+02:00', 0)).toBe('2026-04-13T16:00:00+02:00');
    expect(due('2026-04-13T16:00:00+02:00', 0)).toBe('2026-04-14T17:00:00+02:00');
    expect(due('2026-04-11T12:00:00+02:00', 0)).toBe('2026-04-13T16:00:00+02:00');
  });

  it('rejects a negative or fractional number of working days', () => {
    expect(() => calendar.deadline(at('2026-04-13T10:00:00+02:00'), -1)).toThrow(RangeError);
    expect(() => calendar.deadline(at('2026-04-13T10:00:00+02:00'), 1.5)).toThrow(RangeError);
    expect(() => calendar.deadline(new Date('nonsense'), 1)).toThrow(RangeError);
  });

  it('accepts epoch milliseconds as well as Dates', () => {
    expect(toWarsawIso(calendar.deadline(Date.UTC(2026, 3, 13, 8), 1))).toBe('2026-04-14T17:00:00+02:00');
  });
});

describe('next start of working time', () => {
  it('is the moment itself during office hours, else the next opening', () => {
    expect(next('2026-04-13T10:15:00+02:00')).toBe('2026-04-13T10:15:00+02:00');
    expect(next('2026-04-13T07:00:00+02:00')).toBe('2026-04-13T08:00:00+02:00');
    expect(next('2026-04-13T16:00:00+02:00')).toBe('2026-04-14T08:00:00+02:00');
    expect(next('2026-04-10T16:30:00+02:00')).toBe('2026-04-13T08:00:00+02:00');
    expect(next('2026-04-03T18:00:00+02:00')).toBe('2026-04-07T08:00:00+02:00'); // over Easter
  });
});

describe('Polish statutory holidays', () => {
  it('Easter Sunday and Easter Monday 2025–2027 (Good Friday is a working day)', () => {
    expect(calendar.describeDay('2025-04-20')).toEqual({
      date: '2025-04-20',
      working: false,
      reason: 'holiday',
      holiday: 'Niedziela Wielkanocna',
    });
    expect(calendar.describeDay('2025-04-21')).toEqual({
      date: '2025-04-21',
      working: false,
      reason: 'holiday',
      holiday: 'Drugi dzień Wielkanocy',
    });
    expect(calendar.describeDay('2026-04-05')).toMatchObject({ working: false, reason: 'holiday', holiday: 'Niedziela Wielkanocna' });
    expect(calendar.describeDay('2026-04-06')).toMatchObject({ working: false, reason: 'holiday', holiday: 'Drugi dzień Wielkanocy' });
    expect(calendar.describeDay('2027-03-28')).toMatchObject({ working: false, reason: 'holiday', holiday: 'Niedziela Wielkanocna' });
    expect(calendar.describeDay('2027-03-29')).toMatchObject({ working: false, reason: 'holiday', holiday: 'Drugi dzień Wielkanocy' });
    expect(calendar.describeDay('2026-04-03')).toMatchObject({ working: true });

    expect(due('2025-04-17T10:00:00+02:00', 1)).toBe('2025-04-18T16:00:00+02:00');
    expect(due('2025-04-17T10:00:00+02:00', 2)).toBe('2025-04-22T17:00:00+02:00');
    expect(due('2026-04-03T10:00:00+02:00', 1)).toBe('2026-04-07T17:00:00+02:00');
    // 2027: Easter Sunday is also the day clocks go forward.
    expect(due('2027-03-26T10:00:00+01:00', 1)).toBe('2027-03-30T17:00:00+02:00');
  });

  it('Corpus Christi', () => {
    expect(calendar.describeDay('2025-06-19')).toMatchObject({ working: false, reason: 'holiday', holiday: 'Dzień Bożego Ciała' });
    expect(calendar.describeDay('2026-06-04')).toMatchObject({ working: false, reason: 'holiday', holiday: 'Dzień Bożego Ciała' });
    expect(calendar.describeDay('2027-05-27')).toMatchObject({ working: false, reason: 'holiday', holiday: 'Dzień Bożego Ciała' });
    expect(due('2025-06-18T10:00:00+02:00', 1)).toBe('2025-06-20T16:00:00+02:00');
    expect(due('2026-06-03T10:00:00+02:00', 1)).toBe('2026-06-05T16:00:00+02:00');
  });

  it('1 and 3 May (2 May is a working day)', () => {
    expect(due('2025-04-30T10:00:00+02:00', 1)).toBe('2025-05-02T16:00:00+02:00');
    expect(due('2025-04-30T10:00:00+02:00', 2)).toBe('2025-05-05T16:00:00+02:00');
    expect(due('2026-04-30T10:00:00+02:00', 1)).toBe('2026-05-04T16:00:00+02:00');
    expect(due('2027-04-30T10:00:00+02:00', 1)).toBe('2027-05-04T17:00:00+02:00');
    expect(calendar.describeDay('2026-05-01')).toMatchObject({
      working: false,
      reason: 'holiday',
      holiday: 'Święto Państwowe; Święto Pracy',
    });
    expect(calendar.describeDay('2027-05-03')).toMatchObject({
      working: false,
      reason: 'holiday',
      holiday: 'Święto Narodowe Trzeciego Maja',
    });
  });

  it('holidays on a Saturday (3 May 2025, 1 November 2025, 15 August 2026) are named, and give no substitute day by themselves', () => {
    expect(calendar.describeDay('2025-05-03')).toMatchObject({
      working: false,
      reason: 'holiday',
      holiday: 'Święto Narodowe Trzeciego Maja',
    });
    expect(calendar.describeDay('2025-11-01')).toMatchObject({ working: false, reason: 'holiday', holiday: 'Wszystkich Świętych' });
    expect(calendar.describeDay('2026-08-15')).toMatchObject({
      working: false,
      reason: 'holiday',
      holiday: 'Wniebowzięcie Najświętszej Maryi Panny',
    });
    expect(calendar.describeDay('2020-08-15')).toMatchObject({ working: false, reason: 'holiday' });
    // The substitute day off is the office's decision (an ordinance), configured as an extra day off.
    expect(due('2025-10-31T10:00:00+01:00', 1)).toBe('2025-11-03T16:00:00+01:00');
    expect(due('2026-08-13T10:00:00+02:00', 1)).toBe('2026-08-14T16:00:00+02:00');
  });

  it('11 November', () => {
    expect(calendar.describeDay('2025-11-11')).toMatchObject({
      working: false,
      reason: 'holiday',
      holiday: 'Narodowe Święto Niepodległości',
    });
    expect(due('2025-11-10T10:00:00+01:00', 1)).toBe('2025-11-12T16:00:00+01:00');
    expect(due('2026-11-10T10:00:00+01:00', 1)).toBe('2026-11-12T16:00:00+01:00');
  });

  it('24 December is a working day in 2024 (a Tuesday, until 17:00) and a holiday from 2025', () => {
    expect(calendar.describeDay('2024-12-24')).toEqual({
      date: '2024-12-24',
      working: true,
      open: at('2024-12-24T08:00:00+01:00'),
      close: at('2024-12-24T17:00:00+01:00'),
    });
    expect(due('2024-12-23T10:00:00+01:00', 1)).toBe('2024-12-24T17:00:00+01:00');
    expect(due('2024-12-23T10:00:00+01:00', 2)).toBe('2024-12-27T16:00:00+01:00');
    expect(calendar.describeDay('2025-12-24')).toMatchObject({ working: false, reason: 'holiday', holiday: 'Wigilia Bożego Narodzenia' });
    expect(calendar.describeDay('2026-12-24')).toMatchObject({ working: false, reason: 'holiday', holiday: 'Wigilia Bożego Narodzenia' });
    expect(calendar.describeDay('2026-12-25')).toMatchObject({
      working: false,
      reason: 'holiday',
      holiday: 'Pierwszy dzień Bożego Narodzenia',
    });
    expect(calendar.describeDay('2026-12-26')).toMatchObject({
      working: false,
      reason: 'holiday',
      holiday: 'Drugi dzień Bożego Narodzenia',
    });
    expect(due('2025-12-23T10:00:00+01:00', 1)).toBe('2025-12-29T16:00:00+01:00');
    expect(due('2026-12-23T10:00:00+01:00', 1)).toBe('2026-12-28T16:00:00+01:00');
  });

  it('New Year and 6 January', () => {
    expect(calendar.describeDay('2026-01-01')).toMatchObject({ working: false, reason: 'holiday', holiday: 'Nowy Rok' });
    expect(calendar.describeDay('2026-01-06')).toMatchObject({ working: false, reason: 'holiday', holiday: 'Święto Trzech Króli' });
    expect(due('2025-12-31T10:00:00+01:00', 1)).toBe('2026-01-02T16:00:00+01:00');
    expect(due('2025-12-31T10:00:00+01:00', 2)).toBe('2026-01-05T16:00:00+01:00');
    expect(due('2025-12-31T10:00:00+01:00', 3)).toBe('2026-01-07T16:00:00+01:00');
    expect(due('2026-12-31T10:00:00+01:00', 1)).toBe('2027-01-04T16:00:00+01:00');
    expect(due('2026-12-31T10:00:00+01:00', 2)).toBe('2027-01-05T17:00:00+01:00');
    expect(due('2026-12-31T10:00:00+01:00', 3)).toBe('2027-01-07T16:00:00+01:00');
  });
});

describe('daylight-saving switches', () => {
  it('March 2026: clocks go forward on Sunday 29 March', () => {
    expect(due('2026-03-27T10:00:00+01:00', 1)).toBe('2026-03-30T16:00:00+02:00');
    expect(calendar.deadline(at('2026-03-27T10:00:00+01:00'), 1).toISOString()).toBe('2026-03-30T14:00:00.000Z');
    expect(calendar.isWorkingTime(at('2026-03-27T14:30:00Z'))).toBe(true); // 15:30 CET
    expect(calendar.isWorkingTime(at('2026-03-27T15:00:00Z'))).toBe(false); // 16:00 CET
    expect(calendar.isWorkingTime(at('2026-03-30T05:30:00Z'))).toBe(false); // 07:30 CEST
    expect(calendar.isWorkingTime(at('2026-03-30T06:00:00Z'))).toBe(true); // 08:00 CEST
    expect(calendar.isWorkingTime(at('2026-03-30T14:30:00Z'))).toBe(false); // 16:30 CEST
    expect(next('2026-03-27T16:00:00+01:00')).toBe('2026-03-30T08:00:00+02:00');
    // 65 hours pass in reality, 2 of them office hours.
    expect(calendar.workingHoursBetween(at('2026-03-27T15:00:00+01:00'), at('2026-03-30T09:00:00+02:00'))).toBe(2);
  });

  it('October 2026: clocks go back on Sunday 25 October', () => {
    expect(due('2026-10-23T10:00:00+02:00', 1)).toBe('2026-10-26T16:00:00+01:00');
    expect(due('2026-10-23T10:00:00+02:00', 2)).toBe('2026-10-27T17:00:00+01:00');
    expect(calendar.deadline(at('2026-10-23T10:00:00+02:00'), 1).toISOString()).toBe('2026-10-26T15:00:00.000Z');
    expect(calendar.isWorkingTime(at('2026-10-26T06:30:00Z'))).toBe(false); // 07:30 CET
    expect(calendar.isWorkingTime(at('2026-10-26T07:00:00Z'))).toBe(true); // 08:00 CET
    expect(next('2026-10-24T12:00:00+02:00')).toBe('2026-10-26T08:00:00+01:00');
    expect(calendar.workingHoursBetween(at('2026-10-23T15:00:00+02:00'), at('2026-10-26T09:00:00+01:00'))).toBe(2);
  });

  it('days are Warsaw calendar days on both sides of a switch', () => {
    expect(calendar.describeDay('2026-03-29')).toEqual({ date: '2026-03-29', working: false, reason: 'weekend' });
    expect(due('2026-03-30T00:30:00+02:00', 1)).toBe('2026-03-31T17:00:00+02:00'); // 29 March 22:30 UTC
    expect(due('2026-10-26T00:30:00+01:00', 1)).toBe('2026-10-27T17:00:00+01:00'); // 25 October 23:30 UTC
  });
});

describe('extra days off and working days set by ordinance', () => {
  const ordinance = 'Zarządzenie nr 1234/VIII/2026 Prezydenta Miasta Łodzi';
  const extraDays: ExtraDay[] = [
    { date: '2026-08-14', kind: 'dayOff', reference: ordinance, note: 'za święto 15 sierpnia przypadające w sobotę' },
    { date: '2026-01-02', kind: 'dayOff', reference: ordinance },
    { date: '2026-01-10', kind: 'workingDay', reference: ordinance, note: 'odpracowanie 2 stycznia' },
  ];
  const configured = createWorkingCalendar({ extraDays });

  it('an extra day off moves deadlines and says which ordinance set it', () => {
    expect(due('2026-08-13T10:00:00+02:00', 1, configured)).toBe('2026-08-17T16:00:00+02:00');
    expect(configured.isWorkingTime(at('2026-08-14T10:00:00+02:00'))).toBe(false);
    expect(configured.describeDay('2026-08-14')).toEqual({
      date: '2026-08-14',
      working: false,
      reason: 'extraDayOff',
      extraDay: extraDays[0],
    });
    expect(due('2025-12-31T10:00:00+01:00', 1, configured)).toBe('2026-01-05T16:00:00+01:00');
  });

  it('an extra working day on a Saturday is worked 8:00–16:00 and counts', () => {
    expect(configured.isWorkingTime(at('2026-01-10T12:00:00+01:00'))).toBe(true);
    expect(due('2026-01-09T10:00:00+01:00', 1, configured)).toBe('2026-01-10T16:00:00+01:00');
    expect(due('2026-01-09T10:00:00+01:00', 1)).toBe('2026-01-12T16:00:00+01:00');
    expect(configured.describeDay('2026-01-10')).toEqual({
      date: '2026-01-10',
      working: true,
      open: at('2026-01-10T08:00:00+01:00'),
      close: at('2026-01-10T16:00:00+01:00'),
      extraDay: extraDays[2],
    });
  });

  it('rejects extra days without a reference, with an impossible date, or configured twice', () => {
    expect(() => createWorkingCalendar({ extraDays: [{ date: '2026-08-14', kind: 'dayOff', reference: ' ' }] })).toThrow(/reference/);
    expect(() => createWorkingCalendar({ extraDays: [{ date: '2026-02-30', kind: 'dayOff', reference: ordinance }] })).toThrow();
    expect(() =>
      createWorkingCalendar({
        extraDays: [
          { date: '2026-08-14', kind: 'dayOff', reference: ordinance },
          { date: '2026-08-14', kind: 'workingDay', reference: ordinance },
        ],
      }),
    ).toThrow(/configured twice/);
  });
});

describe('working time between moments and working days between days', () => {
  it('counts office hours only', () => {
    expect(calendar.workingHoursBetween(at('2026-04-13T10:00:00+02:00'), at('2026-04-15T10:00:00+02:00'))).toBe(17);
    expect(calendar.workingHoursBetween(at('2026-04-15T10:00:00+02:00'), at('2026-04-13T10:00:00+02:00'))).toBe(-17);
    expect(calendar.workingHoursBetween(at('2026-04-11T09:00:00+02:00'), at('2026-04-12T15:00:00+02:00'))).toBe(0);
    expect(calendar.workingHoursBetween(at('2026-04-13T07:00:00+02:00'), at('2026-04-13T08:30:00+02:00'))).toBe(0.5);
  });

  it('counts working days after the first day up to and including the second', () => {
    expect(calendar.workingDaysBetween(at('2026-04-03T10:00:00+02:00'), at('2026-04-07T09:00:00+02:00'))).toBe(1);
    expect(calendar.workingDaysBetween(at('2026-04-13T10:00:00+02:00'), at('2026-04-13T18:00:00+02:00'))).toBe(0);
    expect(calendar.workingDaysBetween(at('2026-04-20T10:00:00+02:00'), at('2026-04-13T10:00:00+02:00'))).toBe(-5);
  });
});

describe('years outside the precomputed range', () => {
  it('are indexed on first use, in both directions', () => {
    const narrow = createWorkingCalendar({ years: { from: 2026, to: 2026 } });
    expect(due('2026-12-30T10:00:00+01:00', 2, narrow)).toBe('2027-01-04T16:00:00+01:00');
    expect(due('2019-12-23T10:00:00+01:00', 1, narrow)).toBe('2019-12-24T17:00:00+01:00');
    expect(narrow.describeDay('2040-12-24')).toMatchObject({ working: false, reason: 'holiday' });
    expect(due('2026-04-13T10:00:00+02:00', 1, narrow)).toBe('2026-04-14T17:00:00+02:00');
  });

  it('rejects a string that is not a calendar date', () => {
    expect(() => calendar.describeDay('2026-02-30')).toThrow(RangeError);
    expect(() => calendar.describeDay('30.04.2026')).toThrow(RangeError);
  });
});
