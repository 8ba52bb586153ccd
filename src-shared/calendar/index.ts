// Working time and SLA clocks (DESIGN.md "Working time and SLA", P§2.2, P§4.3, P§16.2, P§18, P§19.4.1).
export {
  calendarConfigSchema,
  DEFAULT_OFFICE_HOURS,
  extraDaySchema,
  extraDaysSchema,
  officeHoursSchema,
  weeklyOfficeHoursSchema,
  type CalendarConfig,
  type ExtraDay,
  type OfficeHours,
  type WeeklyOfficeHours,
} from './config';
export { statutoryHolidays } from './holidays';
export {
  clockStatus,
  owedDelayInfo,
  reactionClock,
  realizationClock,
  returnToOperatorClock,
  SLA_WORKING_DAYS,
  webFormPickupClock,
  type ClockStatus,
  type DelayInfoField,
} from './sla';
export { TIME_ZONE, toWarsawIso, type Instant } from './time-zone';
export { createWorkingCalendar, type DayDescription, type WorkingCalendar } from './working-calendar';
