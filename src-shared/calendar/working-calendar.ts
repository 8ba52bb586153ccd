import { calendarConfigSchema, WEEKDAYS, type CalendarConfig, type ExtraDay, type OfficeHours } from './config';
import { statutoryHolidays } from './holidays';
import { toMs, warsawWallClock, type Instant } from './time-zone';

/** Why a calendar day is or is not a working day (P§2.2). */
export type DayDescription = { date: string } & (
  | { working: true; open: Date; close: Date; /** set when an ordinance made the day working */ extraDay?: ExtraDay }
  | { working: false; reason: 'holiday'; /** name in Polish */ holiday: string }
  | { working: false; reason: 'extraDayOff'; extraDay: ExtraDay }
  | { working: false; reason: 'weekend' }
);

export interface WorkingCalendar {
  /** Inside office hours of a working day (opening inclusive, closing exclusive). */
  isWorkingTime(at: Instant): boolean;
  /** The earliest moment of working time at or after `at` (`at` itself during office hours). */
  nextWorkingTimeStart(at: Instant): Date;
  /**
   * The close of office hours on the n-th working day after the day of `start` (that day is not counted).
   * n = 0: the close of the working day in progress, or of the next working day once today's office has closed.
   */
  deadline(start: Instant, workingDays: number): Date;
  /** Hours of office time between two moments (negative when `to` is before `from`). */
  workingHoursBetween(from: Instant, to: Instant): number;
  /** Working days after the (Warsaw) day of `from` up to and including the day of `to` (negative when earlier). */
  workingDaysBetween(from: Instant, to: Instant): number;
  /** A calendar day `YYYY-MM-DD`: working or not, and why. */
  describeDay(date: string): DayDescription;
}

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

type DayRule =
  | { working: true; hours: OfficeHours; extraDay?: ExtraDay }
  | { working: false; reason: 'holiday'; holiday: string }
  | { working: false; reason: 'extraDayOff'; extraDay: ExtraDay }
  | { working: false; reason: 'weekend' };

/**
 * Every day of the indexed years, precomputed so that each query is arithmetic plus array lookups:
 * no holiday or time-zone computation per call. Day i is the civil (Warsaw) date `firstEpochDay + i` days
 * after 1970-01-01.
 */
interface Index {
  firstYear: number;
  lastYear: number;
  firstEpochDay: number;
  days: number;
  /** UTC ms of each day's Warsaw midnight, plus one entry for the midnight after the last day. */
  dayStart: Float64Array;
  /** UTC ms of opening and closing; NaN on days off, so every comparison with them is false. */
  open: Float64Array;
  close: Float64Array;
  /** Working days before day i (length days + 1). */
  workingBefore: Int32Array;
  /** Office ms before day i (length days + 1). */
  officeMsBefore: Float64Array;
  /** Day index of the k-th working day. */
  workingDays: Int32Array;
}

export function createWorkingCalendar(config: CalendarConfig = {}): WorkingCalendar {
  const { officeHours, extraWorkingDayHours, extraDays, years } = calendarConfigSchema.parse(config);
  const extraByDate = new Map(extraDays.map((day) => [day.date, day]));

  // The one place that decides what a day is. An ordinance's working day wins over everything (it exists to
  // override), a statutory holiday is named even when it falls on a weekend or on a configured day off.
  function ruleFor(date: string, weekday: number): DayRule {
    const extraDay = extraByDate.get(date);
    const hours = officeHours[WEEKDAYS[weekday]!];
    if (extraDay?.kind === 'workingDay') return { working: true, hours: hours ?? extraWorkingDayHours, extraDay };
    const holiday = statutoryHolidays(Number(date.slice(0, 4))).get(date);
    if (holiday) return { working: false, reason: 'holiday', holiday };
    if (extraDay) return { working: false, reason: 'extraDayOff', extraDay };
    if (!hours) return { working: false, reason: 'weekend' };
    return { working: true, hours };
  }

  function build(firstYear: number, lastYear: number): Index {
    const firstEpochDay = Date.UTC(firstYear, 0, 1) / DAY_MS;
    const days = Date.UTC(lastYear + 1, 0, 1) / DAY_MS - firstEpochDay;
    const wallClock = warsawWallClock((firstEpochDay - 1) * DAY_MS, (firstEpochDay + days + 1) * DAY_MS);
    const index: Index = {
      firstYear,
      lastYear,
      firstEpochDay,
      days,
      dayStart: new Float64Array(days + 1),
      open: new Float64Array(days).fill(NaN),
      close: new Float64Array(days).fill(NaN),
      workingBefore: new Int32Array(days + 1),
      officeMsBefore: new Float64Array(days + 1),
      workingDays: new Int32Array(days),
    };
    let working = 0;
    let officeMs = 0;
    for (let i = 0; i <= days; i++) {
      const civil = new Date((firstEpochDay + i) * DAY_MS);
      const [y, m, d] = [civil.getUTCFullYear(), civil.getUTCMonth(), civil.getUTCDate()];
      index.dayStart[i] = wallClock(y, m, d, 0);
      index.workingBefore[i] = working;
      index.officeMsBefore[i] = officeMs;
      if (i === days) break;
      const rule = ruleFor(civil.toISOString().slice(0, 10), civil.getUTCDay());
      if (rule.working) {
        index.open[i] = wallClock(y, m, d, minutesOf(rule.hours.open));
        index.close[i] = wallClock(y, m, d, minutesOf(rule.hours.close));
        index.workingDays[working++] = i;
        officeMs += index.close[i]! - index.open[i]!;
      }
    }
    index.workingDays = index.workingDays.slice(0, working);
    return index;
  }

  let ix = build(years.from, years.to);

  // Indexing more years rebuilds the whole index: rare (a few times in a process's life), and it keeps one code path.
  function coverYears(from: number, to: number): void {
    if (from < ix.firstYear || to > ix.lastYear) ix = build(Math.min(from, ix.firstYear), Math.max(to, ix.lastYear));
  }

  function cover(t: number): void {
    if (t >= ix.dayStart[0]! && t < ix.dayStart[ix.days]!) return;
    if (!Number.isFinite(t)) throw new RangeError('Invalid instant');
    const year = new Date(t).getUTCFullYear();
    coverYears(year - 1, year + 1);
  }

  /** Working day number k (0-based over the index), indexing more years when k runs past the end. */
  function workingDay(k: number): number {
    while (k >= ix.workingDays.length) coverYears(ix.firstYear, ix.lastYear + 1 + Math.floor((k - ix.workingDays.length) / 200));
    return ix.workingDays[k]!;
  }

  /** The day index of a covered instant. */
  function dayOf(t: number): number {
    // Local days are 23–25 h long: a guess from 24 h days lands on the day or next to it.
    let i = Math.floor((t - ix.dayStart[0]!) / DAY_MS);
    while (t < ix.dayStart[i]!) i--;
    while (t >= ix.dayStart[i + 1]!) i++;
    return i;
  }

  /** Office ms from the start of the index to a covered instant. */
  function officeMsUntil(t: number): number {
    const d = dayOf(t);
    const open = ix.open[d]!;
    const elapsedToday = t > open ? Math.min(t, ix.close[d]!) - open : 0; // false on days off (NaN)
    return ix.officeMsBefore[d]! + elapsedToday;
  }

  return {
    isWorkingTime(at) {
      const t = toMs(at);
      cover(t);
      const d = dayOf(t);
      return t >= ix.open[d]! && t < ix.close[d]!;
    },

    nextWorkingTimeStart(at) {
      const t = toMs(at);
      cover(t);
      const d = dayOf(t);
      if (t < ix.close[d]!) return new Date(Math.max(t, ix.open[d]!));
      const next = workingDay(ix.workingBefore[d + 1]!); // before reading ix: it may index more years
      return new Date(ix.open[next]!);
    },

    deadline(start, workingDays) {
      if (!Number.isInteger(workingDays) || workingDays < 0)
        throw new RangeError(`Working days must be a non-negative integer, got ${workingDays}`);
      const t = toMs(start);
      cover(t);
      const d = dayOf(t);
      if (workingDays === 0 && t < ix.close[d]!) return new Date(ix.close[d]!);
      // workingBefore[d + 1] counts the working days up to and including the day of start: the next one is
      // working day number workingBefore[d + 1], the n-th one that plus n - 1.
      const due = workingDay(ix.workingBefore[d + 1]! + Math.max(workingDays, 1) - 1); // before reading ix: it may index more years
      return new Date(ix.close[due]!);
    },

    workingHoursBetween(from, to) {
      const [a, b] = [toMs(from), toMs(to)];
      cover(a);
      cover(b);
      return (officeMsUntil(b) - officeMsUntil(a)) / HOUR_MS;
    },

    workingDaysBetween(from, to) {
      const [a, b] = [toMs(from), toMs(to)];
      cover(a);
      cover(b);
      return ix.workingBefore[dayOf(b) + 1]! - ix.workingBefore[dayOf(a) + 1]!;
    },

    describeDay(date) {
      const parsed = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
      const epochMs = parsed ? Date.UTC(Number(parsed[1]), Number(parsed[2]) - 1, Number(parsed[3])) : NaN;
      if (!parsed || new Date(epochMs).toISOString().slice(0, 10) !== date)
        throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${date}`);
      coverYears(Number(parsed[1]), Number(parsed[1]));
      const rule = ruleFor(date, new Date(epochMs).getUTCDay());
      if (!rule.working) return { date, ...rule };
      const d = epochMs / DAY_MS - ix.firstEpochDay;
      return {
        date,
        working: true,
        open: new Date(ix.open[d]!),
        close: new Date(ix.close[d]!),
        ...(rule.extraDay && { extraDay: rule.extraDay }),
      };
    },
  };
}

function minutesOf(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}
