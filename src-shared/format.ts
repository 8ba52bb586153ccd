// Formatting shared by screens and messages from the core: Polish, Europe/Warsaw.
import { format } from 'date-fns';
import { pl } from 'date-fns/locale';
import { tz } from '@date-fns/tz';
import { TIME_ZONE } from './calendar';

const WARSAW = tz(TIME_ZONE);

/** "30.11.2026, 09:15" in Warsaw time, whatever the machine's zone. */
export function formatWarsawDateTime(iso: string): string {
  return format(new Date(iso), 'dd.MM.yyyy, HH:mm', { locale: pl, in: WARSAW });
}

/** "09:15" in Warsaw time. */
export function formatWarsawTime(iso: string): string {
  return format(new Date(iso), 'HH:mm', { locale: pl, in: WARSAW });
}

/** The calendar year in Warsaw at a moment (ticket numbers are per year). */
export function warsawYear(at: Date): number {
  return Number(format(at, 'yyyy', { in: WARSAW }));
}
