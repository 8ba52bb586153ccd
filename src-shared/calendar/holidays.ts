import Holidays from 'date-holidays';

let poland: Holidays | undefined;
const byYear = new Map<number, ReadonlyMap<string, string>>();

/**
 * Polish statutory public holidays of a year: `YYYY-MM-DD` → name in Polish.
 * Type `public` only: observances (Dzień Matki) and school days off (Wielki Piątek) are office working days.
 * date-holidays follows the law's changes, e.g. Wigilia (24 December) is a holiday from 2025, not before.
 * Memoised per year: a year's holidays never change, and computing them is the slow part of a calendar.
 */
export function statutoryHolidays(year: number): ReadonlyMap<string, string> {
  let holidays = byYear.get(year);
  if (!holidays) {
    poland ??= new Holidays('PL', { languages: ['pl'], types: ['public'] });
    const names = new Map<string, string>();
    for (const h of poland.getHolidays(year, 'pl')) {
      const date = h.date.slice(0, 10); // "2026-12-24 00:00:00": the local date
      names.set(date, names.has(date) ? `${names.get(date)}; ${h.name}` : h.name);
    }
    holidays = names;
    byYear.set(year, holidays);
  }
  return holidays;
}
