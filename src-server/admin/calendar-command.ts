// `npm run admin -- calendar …`: lets administrators check the working-time configuration. Scripts depend on the
// exact output of `deadline` and `is-working-time`: one line each.
import { tz, TZDate } from '@date-fns/tz';
import { format, parseISO } from 'date-fns';
import { pl } from 'date-fns/locale';
import { createWorkingCalendar, TIME_ZONE, toWarsawIso, type DayDescription, type ExtraDay } from '../../src-shared/calendar';

export interface CalendarCommandIo {
  /** The configured extra days off and working days (an empty list gives the statutory calendar). */
  loadExtraDays: () => Promise<ExtraDay[]>;
  out: (line: string) => void;
  err: (line: string) => void;
}

const USAGE = `Usage: npm run --silent admin -- calendar <command>

  deadline --from <ISO 8601 with offset> --working-days <n>
      the deadline n working days after the day of --from, e.g. 2026-04-07T17:00:00+02:00
  is-working-time --at <ISO 8601>
      true or false (a time without an offset is Warsaw time)
  month <YYYY-MM>
      the month's working days and days off, with the reason`;

// A typo such as 0226 would make the calendar index centuries; no deadline of the procedure is that far off.
const YEARS = { from: 2000, to: 2099 };
const MAX_WORKING_DAYS = 5000;

class UsageError extends Error {}

export async function calendarCommand(args: string[], io: CalendarCommandIo): Promise<number> {
  try {
    const [command, ...rest] = args;
    switch (command) {
      case 'deadline': {
        const flags = parseFlags(rest, ['from', 'working-days']);
        const from = parseInstant(flags.from, '--from', true);
        const workingDays = parseWorkingDays(flags['working-days']);
        const calendar = createWorkingCalendar({ extraDays: await io.loadExtraDays() });
        io.out(toWarsawIso(calendar.deadline(from, workingDays)));
        return 0;
      }
      case 'is-working-time': {
        const at = parseInstant(parseFlags(rest, ['at']).at, '--at', false);
        const calendar = createWorkingCalendar({ extraDays: await io.loadExtraDays() });
        io.out(String(calendar.isWorkingTime(at)));
        return 0;
      }
      case 'month': {
        const [year, month] = parseMonth(rest);
        const calendar = createWorkingCalendar({ extraDays: await io.loadExtraDays() });
        const days = Array.from({ length: new Date(Date.UTC(year, month, 0)).getUTCDate() }, (_, i) =>
          calendar.describeDay(`${year}-${pad(month)}-${pad(i + 1)}`),
        );
        for (const line of monthTable(year, month, days)) io.out(line);
        return 0;
      }
      default:
        throw new UsageError(command ? `Unknown calendar command "${command}".` : 'Name a calendar command.');
    }
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    io.err(err.message);
    io.err('');
    io.err(USAGE);
    return 2;
  }
}

/** `--name value` pairs, only the given names. */
function parseFlags(args: string[], names: string[]): Record<string, string | undefined> {
  const flags: Record<string, string | undefined> = {};
  for (let i = 0; i < args.length; i += 2) {
    const [flag, value] = [args[i]!, args[i + 1]];
    if (!names.some((name) => flag === `--${name}`)) {
      throw new UsageError(`Unexpected "${flag}": this command takes ${names.map((name) => `--${name} <value>`).join(' and ')}.`);
    }
    if (value === undefined) throw new UsageError(`${flag} needs a value.`);
    flags[flag.slice(2)] = value;
  }
  return flags;
}

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(?<offset>Z|[+-](0\d|1[0-4])(:?[0-5]\d)?)?$/i;

/** Parses ISO 8601 date and time; without an offset (when allowed) the time is Warsaw wall-clock time. */
function parseInstant(text: string | undefined, flag: string, offsetRequired: boolean): Date {
  const example = offsetRequired ? '2026-04-03T10:00:00+02:00' : '2026-04-03T10:00:00+02:00 or 2026-04-03T10:00';
  if (text === undefined) throw new UsageError(`Missing ${flag}: give a date and time, e.g. ${example}.`);
  const match = ISO_DATE_TIME.exec(text);
  if (!match) throw new UsageError(`${flag} "${text}" is not an ISO 8601 date and time; write it like ${example}.`);
  if (offsetRequired && !match.groups?.offset) {
    throw new UsageError(
      `${flag} "${text}" has no UTC offset; add one, e.g. ${text}+02:00 (summer) or ${text}+01:00 (winter), or Z for UTC.`,
    );
  }
  const at = parseISO(text, { in: tz(TIME_ZONE) }); // `in` applies only when the text has no offset
  if (Number.isNaN(at.getTime())) throw new UsageError(`${flag} "${text}" is not a real date and time; check the day, hour and offset.`);
  checkYear(at.getUTCFullYear(), flag);
  return at;
}

function parseWorkingDays(text: string | undefined): number {
  if (text === undefined) throw new UsageError('Missing --working-days: give the number of working days, e.g. --working-days 1.');
  if (!/^\d+$/.test(text) || Number(text) > MAX_WORKING_DAYS) {
    throw new UsageError(`--working-days "${text}" must be a whole number from 0 to ${MAX_WORKING_DAYS}.`);
  }
  return Number(text);
}

function parseMonth(args: string[]): [year: number, month: number] {
  const match = args.length === 1 ? /^(\d{4})-(0[1-9]|1[0-2])$/.exec(args[0]!) : null;
  if (!match)
    throw new UsageError(`Give one month as YYYY-MM, e.g. \`calendar month 2026-12\`${args.length ? `, not "${args.join(' ')}"` : ''}.`);
  const year = Number(match[1]);
  checkYear(year, 'The month');
  return [year, Number(match[2])];
}

function checkYear(year: number, what: string): void {
  if (year < YEARS.from || year > YEARS.to) throw new UsageError(`${what} must be in the years ${YEARS.from}–${YEARS.to}.`);
}

/** The month in Polish: one line per day, days off marked with why. */
function monthTable(year: number, month: number, days: DayDescription[]): string[] {
  const inWarsaw = (at: Date, pattern: string): string => format(new TZDate(at, TIME_ZONE), pattern, { locale: pl });
  const title = inWarsaw(new TZDate(year, month - 1, 1, TIME_ZONE), 'LLLL yyyy');
  const row = (date: string, weekday: string, hours: string, remark: string): string =>
    `${date.padEnd(12)}${weekday.padEnd(14)}${hours.padEnd(13)}${remark}`.trimEnd();
  let workingDays = 0;
  let hours = 0;
  const lines = [`${title[0]!.toUpperCase()}${title.slice(1)} (czas ${TIME_ZONE})`, '', row('Data', 'Dzień', 'Godziny', 'Uwagi')];
  for (const day of days) {
    const [y, m, d] = day.date.split('-').map(Number) as [number, number, number];
    const weekday = inWarsaw(new TZDate(y, m - 1, d, TIME_ZONE), 'EEEE');
    if (day.working) {
      workingDays += 1;
      hours += (day.close.getTime() - day.open.getTime()) / 3_600_000;
      const remark = day.extraDay ? `dzień pracujący: ${ordinance(day.extraDay)}` : '';
      lines.push(row(day.date, weekday, `${inWarsaw(day.open, 'HH:mm')}–${inWarsaw(day.close, 'HH:mm')}`, remark));
    } else {
      lines.push(row(day.date, weekday, 'wolne', dayOffReason(day)));
    }
  }
  lines.push('', `Dni robocze: ${workingDays}, godziny pracy: ${hours}`);
  return lines;
}

function dayOffReason(day: DayDescription & { working: false }): string {
  switch (day.reason) {
    case 'holiday':
      return `święto: ${day.holiday}`;
    case 'extraDayOff':
      return `dzień wolny: ${ordinance(day.extraDay)}`;
    case 'weekend':
      return 'weekend';
  }
}

function ordinance(day: ExtraDay): string {
  return day.note ? `${day.reference} (${day.note})` : day.reference;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
