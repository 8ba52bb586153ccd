import { z } from 'zod';

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a time as HH:MM, e.g. 08:00');

export const officeHoursSchema = z
  .object({ open: clockTime, close: clockTime })
  .refine((h) => h.open < h.close, 'office hours must open before they close');
export type OfficeHours = z.infer<typeof officeHoursSchema>;

/** Keys in the order of Date#getDay (0 = Sunday). */
export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Office hours by weekday; null = the office is closed that weekday. */
export const weeklyOfficeHoursSchema = z
  .object(
    Object.fromEntries(WEEKDAYS.map((day) => [day, officeHoursSchema.nullable()])) as Record<
      Weekday,
      z.ZodNullable<typeof officeHoursSchema>
    >,
  )
  // Without any working weekday no deadline could ever fall due.
  .refine((week) => WEEKDAYS.some((day) => week[day]), 'the office must be open on at least one weekday');
export type WeeklyOfficeHours = z.infer<typeof weeklyOfficeHoursSchema>;

/** P§2.2: Mon, Wed, Thu, Fri 8:00–16:00, Tue 8:00–17:00. */
export const DEFAULT_OFFICE_HOURS: WeeklyOfficeHours = {
  mon: { open: '08:00', close: '16:00' },
  tue: { open: '08:00', close: '17:00' },
  wed: { open: '08:00', close: '16:00' },
  thu: { open: '08:00', close: '16:00' },
  fri: { open: '08:00', close: '16:00' },
  sat: null,
  sun: null,
};

/**
 * A day the office declared off or working against the usual rule, e.g. the day off given for a holiday that
 * falls on a Saturday, or a Saturday worked in exchange for a bridge day. Kept centrally and synced.
 */
export const extraDaySchema = z.object({
  date: z.iso.date(),
  kind: z.enum(['dayOff', 'workingDay']),
  /** The ordinance that set it, e.g. "Zarządzenie nr 1234/2026 Prezydenta Miasta Łodzi". */
  reference: z.string().trim().min(1, 'an extra day needs the reference of the ordinance that set it'),
  note: z.string().optional(),
});
export type ExtraDay = z.infer<typeof extraDaySchema>;

export const extraDaysSchema = z.array(extraDaySchema).superRefine((days, ctx) => {
  const seen = new Set<string>();
  days.forEach((day, i) => {
    if (seen.has(day.date)) ctx.addIssue({ code: 'custom', path: [i, 'date'], message: `${day.date} is configured twice` });
    seen.add(day.date);
  });
});

export const calendarConfigSchema = z.object({
  officeHours: weeklyOfficeHoursSchema.default(DEFAULT_OFFICE_HOURS),
  /** Hours of an extra working day that falls on a weekday the office is normally closed (e.g. a Saturday). */
  extraWorkingDayHours: officeHoursSchema.default({ open: '08:00', close: '16:00' }),
  extraDays: extraDaysSchema.default([]),
  /** Years indexed up front; any other year is indexed on first use. */
  years: z
    .object({ from: z.int(), to: z.int() })
    .refine((y) => y.from <= y.to, 'years.from must not be after years.to')
    .default({ from: 2020, to: 2035 }),
});
export type CalendarConfig = z.input<typeof calendarConfigSchema>;
