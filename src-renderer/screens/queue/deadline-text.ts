// A row's deadline in words and colour: the words carry the meaning, the colour only repeats it.
import type { QueueRow } from '../../../src-shared/api/desktop';
import { formatWarsawDateTime, formatWarsawTime } from '../../../src-shared/format';

const days = (n: number) => (n === 1 ? '1 dzień rob.' : `${n} dni rob.`);
/** `YYYY-MM-DD` as the Polish `dd.MM.yyyy`. */
export const polishDay = (isoDay: string) => isoDay.split('-').reverse().join('.');

/** The deadline's day, without the year when it is this year (rows are one line). */
const shortDay = (iso: string) => {
  const full = formatWarsawDateTime(iso).slice(0, 10);
  return full.endsWith(String(new Date().getFullYear())) ? full.slice(0, 5) : full;
};

export type Tone = 'late' | 'today' | 'ok' | 'none';

export function deadlineText(row: Pick<QueueRow, 'due' | 'clock' | 'workingDays'>): { text: string; title: string; tone: Tone } {
  if (!row.due || !row.clock) return { text: 'bez terminu', title: 'Żaden termin procedury nie biegnie', tone: 'none' };
  const title = `Termin: ${formatWarsawDateTime(row.due)}`;
  if (row.clock === 'late') {
    const overdue = -(row.workingDays ?? 0);
    return { text: `po terminie${overdue > 0 ? ` ${days(overdue)}` : ''} (${shortDay(row.due)})`, title, tone: 'late' };
  }
  if (row.clock === 'dueToday') return { text: `dziś do ${formatWarsawTime(row.due)}`, title, tone: 'today' };
  return { text: `do ${shortDay(row.due)} (za ${days(row.workingDays ?? 0)})`, title, tone: 'ok' };
}

/** Dark enough for text on the selected row's tint too (WCAG AA). */
export const toneColour: Record<Tone, string> = { late: '#b71c1c', today: '#7a3e00', ok: '#1b5e20', none: 'text.secondary' };
