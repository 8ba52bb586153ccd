import { tz, tzOffset, tzScan } from '@date-fns/tz';
import { formatISO } from 'date-fns';

/** P§2.2: office hours and working days are Warsaw wall-clock time; instants are stored as UTC. */
export const TIME_ZONE = 'Europe/Warsaw';

/** A moment in time: a Date or epoch milliseconds (UTC). */
export type Instant = Date | number;

export const toMs = (at: Instant): number => (typeof at === 'number' ? at : at.getTime());

/** ISO 8601 with the Warsaw offset and seconds, e.g. `2026-04-07T17:00:00+02:00`. */
export function toWarsawIso(at: Instant): string {
  return formatISO(toMs(at), { in: tz(TIME_ZONE) });
}

/**
 * A converter from Warsaw wall-clock time to UTC epoch ms, valid between two instants.
 * The zone's offset changes are read once from the time-zone library (tzScan) instead of asking it for every
 * day, which makes building a calendar of many years take milliseconds instead of a large part of a second.
 * Times inside the skipped or repeated hour of a DST switch are not supported (office hours never are).
 */
export function warsawWallClock(fromMs: number, untilMs: number): (year: number, month0: number, day: number, minutes: number) => number {
  const start = new Date(fromMs);
  const initialOffset = tzOffset(TIME_ZONE, start);
  const changes = tzScan(TIME_ZONE, { start, end: new Date(untilMs) });
  const offsetMsAt = (ms: number): number => {
    let offset = initialOffset;
    for (const change of changes) {
      if (change.date.getTime() > ms) break;
      offset = change.offset;
    }
    return offset * 60_000;
  };
  return (year, month0, day, minutes) => {
    const wall = Date.UTC(year, month0, day, 0, minutes);
    // Two passes: the first guess may be on the wrong side of a switch, the second is on the right one.
    return wall - offsetMsAt(wall - offsetMsAt(wall));
  };
}
