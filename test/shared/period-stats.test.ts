// The shared rules of the statistics: Warsaw periods across DST, the street of an address, what a deleted
// ticket contributes (P§24, P§27.3).
import { describe, expect, it } from 'vitest';
import { monthPeriod, periodBounds, periodSchema, streetOf } from '../../src-shared/ticket';

describe('statistics periods and figures', () => {
  it('a Warsaw month runs from local midnight to local midnight, across the DST change', () => {
    // October 2026: starts in CEST (UTC+2), ends in CET (UTC+1): 31 days and one hour.
    expect(periodBounds(monthPeriod('2026-10'))).toEqual({
      from: new Date('2026-09-30T22:00:00.000Z'),
      to: new Date('2026-10-31T23:00:00.000Z'),
    });
    // March 2026: starts in CET, ends in CEST: 31 days less one hour.
    expect(periodBounds(monthPeriod('2026-03'))).toEqual({
      from: new Date('2026-02-28T23:00:00.000Z'),
      to: new Date('2026-03-31T22:00:00.000Z'),
    });
    expect(monthPeriod('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
  });

  it('a period is a run of days, at most a (leap) year, never backwards', () => {
    expect(periodSchema.safeParse({ from: '2028-01-01', to: '2028-12-31' }).success).toBe(true);
    expect(periodSchema.safeParse({ from: '2026-01-01', to: '2027-01-02' }).success).toBe(false);
    expect(periodSchema.safeParse({ from: '2026-03-02', to: '2026-03-01' }).success).toBe(false);
  });

  it('the street of an address is its words before the house number', () => {
    expect(streetOf('ul. Piotrkowska 104, Łódź')).toBe('ul. Piotrkowska');
    expect(streetOf('al. Tadeusza Kościuszki 5 m. 3')).toBe('al. Tadeusza Kościuszki');
    expect(streetOf('ul. 6 Sierpnia 12')).toBe('ul. 6 Sierpnia');
    expect(streetOf('ul. Piotrkowska 12/14 lok. 3')).toBe('ul. Piotrkowska');
    expect(streetOf('Plac Wolności')).toBe('Plac Wolności');
    expect(streetOf('')).toBeNull();
  });
});
