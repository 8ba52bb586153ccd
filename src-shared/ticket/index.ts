// The ticket lifecycle: model, commands, events, rules (decide / evolve), roles and history lines.
// See README.md beside this file for the state diagram and the table of commands.
export * from './model';
export * from './commands';
export * from './ticket-events';
export * from './refusal';
export * from './labels';
export { decide, warsawDay } from './decide';
export type { DecideContext, Decision } from './decide';
export { evolve, replay } from './evolve';
export {
  allowedCommands,
  actingGroupIds,
  canSee,
  canSeePersonalData,
  capacitiesOf,
  checkPermission,
  commandStates,
  grants,
  redactEventsForActor,
  redactForActor,
} from './roles';
export type { Capacity, CommandState } from './roles';
export { actorName, describeEvent } from './describe';
export { applyEvents, numbersNeededBy, ticketsTouchedBy } from './store';
export type { AppliedEvents } from './store';
export { bulkCommands, bulkCommandsOf, deadlineStates, queueFilter, queueQuerySchema, queueSortColumns, QUEUES } from './queues';
export type { BulkCommand, DeadlineState, QueueClock, QueueFilter, QueueName, QueueQuery, QueueSortColumn } from './queues';
export { clockCutoffs, clocksRunningIn, ticketClock, ticketDeadlines, type SingleClock, type TicketDeadline } from './clocks';
export { personalDataOverdue, retentionCutoff, retentionEnds, retentionOver, RETENTION_MONTHS } from './retention';
export { monthBounds, monthSchema, monthStats, monthStatsSchema, type MonthStats, type StatsRow } from './stats';
export * from './period-stats';
