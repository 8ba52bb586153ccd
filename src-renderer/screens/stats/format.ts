// Polish figures for the statistics screens: dates dd.MM.yyyy (Warsaw), shares, working hours.
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { pl } from 'date-fns/locale';
import { TIME_ZONE } from '../../../src-shared/calendar';

export const plDay = (isoDay: string) => format(new Date(`${isoDay}T12:00:00`), 'dd.MM.yyyy', { locale: pl });
export const plDateTime = (iso: string) => format(new TZDate(Date.parse(iso), TIME_ZONE), 'dd.MM.yyyy HH:mm', { locale: pl });
export const plMonth = (month: string) => format(new Date(`${month}-15T12:00:00`), 'LLLL yyyy', { locale: pl });
export const share = (s: number | null) => (s === null ? '—' : `${Math.round(s * 100)}%`);
export const ratio = (part: number, whole: number) => (whole ? `${Math.round((100 * part) / whole)}%` : '—');
export const hours = (h: number | null) => (h === null ? '—' : `${h.toLocaleString('pl-PL', { maximumFractionDigits: 1 })} h`);
export const number = (n: number) => n.toLocaleString('pl-PL');

/** Saves a file the core built (base64) under its name. */
export function saveBase64(file: { name: string; mediaType: string; base64: string }, save: (blob: Blob, name: string) => void) {
  const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
  save(new Blob([bytes], { type: file.mediaType }), file.name);
}
