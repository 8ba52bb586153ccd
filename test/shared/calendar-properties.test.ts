// Properties of deadlines over random starts; the hand-computed cases live in calendar.test.ts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createWorkingCalendar, toWarsawIso } from '../../src-shared/calendar';

const calendar = createWorkingCalendar();
const instant = (from: string, to: string) => fc.integer({ min: Date.parse(from), max: Date.parse(to) });
const start = instant('2024-01-01T00:00:00Z', '2030-12-31T23:59:59Z');

describe('deadline properties', () => {
  it('P§2.2 deadlines fall exactly at the close of office hours of a working day', () => {
    fc.assert(
      fc.property(start, fc.integer({ min: 0, max: 30 }), (t, n) => {
        const due = calendar.deadline(t, n);
        const day = calendar.describeDay(toWarsawIso(due).slice(0, 10));
        expect(day.working && day.close.getTime()).toBe(due.getTime());
        expect(calendar.isWorkingTime(due.getTime() - 1)).toBe(true);
        expect(calendar.isWorkingTime(due)).toBe(false);
      }),
    );
  });

  it('grow with n: never earlier, and strictly later for each working day added from n = 1', () => {
    fc.assert(
      fc.property(start, fc.integer({ min: 0, max: 30 }), (t, n) => {
        const later = calendar.deadline(t, n + 1).getTime();
        if (n === 0) expect(later).toBeGreaterThanOrEqual(calendar.deadline(t, 0).getTime());
        else expect(later).toBeGreaterThan(calendar.deadline(t, n).getTime());
      }),
    );
  });

  it('are n working days after the day of the start, and after the start itself', () => {
    fc.assert(
      fc.property(start, fc.integer({ min: 1, max: 30 }), (t, n) => {
        const due = calendar.deadline(t, n);
        expect(due.getTime()).toBeGreaterThan(t);
        expect(calendar.workingDaysBetween(t, due)).toBe(n);
      }),
    );
  });

  it('never move earlier when a day off is added', () => {
    const base = createWorkingCalendar({ years: { from: 2026, to: 2027 } });
    fc.assert(
      fc.property(
        instant('2026-01-01T00:00:00Z', '2026-12-31T23:59:59Z'),
        fc.integer({ min: 0, max: 15 }),
        fc.integer({ min: 0, max: 364 }),
        (t, n, dayOfYear) => {
          const date = new Date(Date.UTC(2026, 0, 1 + dayOfYear)).toISOString().slice(0, 10);
          const withDayOff = createWorkingCalendar({
            years: { from: 2026, to: 2027 },
            extraDays: [{ date, kind: 'dayOff', reference: 'test' }],
          });
          expect(withDayOff.deadline(t, n).getTime()).toBeGreaterThanOrEqual(base.deadline(t, n).getTime());
        },
      ),
      { numRuns: 200 },
    );
  });

  it('working hours add up over consecutive intervals', () => {
    fc.assert(
      fc.property(start, start, start, (a, b, c) => {
        const sum = calendar.workingHoursBetween(a, b) + calendar.workingHoursBetween(b, c);
        expect(sum).toBeCloseTo(calendar.workingHoursBetween(a, c), 9);
      }),
    );
  });
});
