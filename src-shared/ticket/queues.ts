// P§24.2: each role's view of tickets — which statuses, in which of the user's groups or units, and
// which SLA clock runs for a row — and what a user may narrow a queue by (filters, sort, search).
// The desktop and the hub build their queries from this one table.
import { z } from 'zod';
import { channels, finishedStatuses, idSchema, isOpen, statuses, storableString, type Actor, type Directory, type Status } from './model';
import { actingGroupIds } from './roles';

/** The queues of P§24.2: each role's view. */
export const QUEUES = [
  'webPickup', // operator: web forms awaiting pickup (P§4.3, P§9)
  'toRoute', // operator: new — registered, not yet routed (P§12–P§15)
  'forwarded', // operator: forwarded, waiting for take-up (P§16.2)
  'returnedToOperator', // operator: returned by coordinators (P§20.1)
  'partialCompetence', // operator: a coordinator said part belongs elsewhere — split it (P§19.4.2, P§20.2)
  'coordinatorIncoming', // coordinator: received, forwarded to my groups (P§19.1)
  'coordinatorTakenUp', // coordinator: taken up, competence being checked (P§19.1–P§19.2)
  'coordinatorAssigned', // coordinator: passed to realizers and not yet finished — watched (P§19.2, P§24.2.2)
  'coordinatorReturned', // coordinator: returned by realizers (P§21.2.2, P§19.3)
  'coordinatorSuspended', // coordinator: suspended until a date (P§19.3)
  'realizerIncoming', // realizer: assigned to my groups, to take up (P§21.1)
  'realizerInProgress', // realizer: in progress (P§21.2)
  'realizerContractor', // realizer: with a contractor, by its due day (P§21.2.3–4)
  'late', // supervisor, super-supervisor: open tickets past or at their deadline, held by my units / everywhere (P§24.2)
  'unit', // supervisor: everything handled now by the groups of my units, read-only (P§24.2)
  'all', // super-supervisor: everything
  'retentionDue', // super-supervisor: finished tickets past the retention period, to delete (P§27.2, P§28)
] as const;
export type QueueName = (typeof QUEUES)[number];

export type QueueClock = 'webPickup' | 'reaction' | 'realization' | 'mostPressing' | null;

export interface QueueFilter {
  statuses?: readonly Status[];
  /** Only tickets whose coordinator group is one of these. */
  coordinatorGroupIds?: readonly string[];
  /** Only tickets whose realizer group is one of these. */
  realizerGroupIds?: readonly string[];
  /** Only tickets the groups of these units hold now (the ticket's current unit), not ones they once had. */
  unitIds?: readonly string[];
  /** Oldest first for work queues (who waits longest), newest first for overviews. */
  order: 'oldestFirst' | 'newestFirst';
  /** The clock shown beside each row; `mostPressing`: of the clocks running in the ticket's state, the one due first. */
  clock: QueueClock;
  /** Only tickets whose clock is past or at its deadline, the most overdue first (instead of `order`). */
  onlyLate?: boolean;
  /** Only tickets past the retention period of their personal data (P§27.1), oldest first. */
  retentionOver?: boolean;
  /** Only tickets with a partial-competence notice the operator has not split on yet (P§19.4.2, P§20.2). */
  pendingNotice?: boolean;
}

export function queueFilter(queue: QueueName, actor: Actor, directory: Directory): QueueFilter {
  const coordinatorGroupIds = actingGroupIds(actor, directory, 'coordinator');
  const realizerGroupIds = actingGroupIds(actor, directory, 'realizer');
  const openStatuses = statuses.filter(isOpen);
  switch (queue) {
    case 'webPickup':
      return { statuses: ['awaitingPickup'], order: 'oldestFirst', clock: 'webPickup' };
    case 'toRoute':
      return { statuses: ['registered'], order: 'oldestFirst', clock: 'realization' };
    // Waiting for take-up, two clocks run (P§16.2 and P§18.1): the row shows whichever is due first.
    case 'forwarded':
      return { statuses: ['forwarded'], order: 'oldestFirst', clock: 'mostPressing' };
    case 'returnedToOperator':
      return { statuses: ['returnedToOperator'], order: 'oldestFirst', clock: 'realization' };
    case 'partialCompetence':
      return { statuses: openStatuses, order: 'oldestFirst', clock: 'realization', pendingNotice: true };
    case 'coordinatorIncoming':
      return { statuses: ['forwarded'], coordinatorGroupIds, order: 'oldestFirst', clock: 'mostPressing' };
    case 'coordinatorTakenUp':
      return { statuses: ['withCoordinator'], coordinatorGroupIds, order: 'oldestFirst', clock: 'realization' };
    case 'coordinatorAssigned':
      // The coordinator group stays on the ticket while realizers work on it, until it is finished.
      return { statuses: ['assigned', 'inProgress', 'withContractor'], coordinatorGroupIds, order: 'oldestFirst', clock: 'mostPressing' };
    case 'coordinatorReturned':
      return { statuses: ['returnedToCoordinator'], coordinatorGroupIds, order: 'oldestFirst', clock: 'realization' };
    case 'coordinatorSuspended':
      return { statuses: ['suspended'], coordinatorGroupIds, order: 'oldestFirst', clock: 'realization' };
    case 'realizerIncoming':
      return { statuses: ['assigned'], realizerGroupIds, order: 'oldestFirst', clock: 'mostPressing' };
    case 'realizerInProgress':
      return { statuses: ['inProgress'], realizerGroupIds, order: 'oldestFirst', clock: 'realization' };
    case 'realizerContractor':
      return { statuses: ['withContractor'], realizerGroupIds, order: 'oldestFirst', clock: 'realization' };
    case 'late':
      // Supervisors watch what their units hold now; the super-supervisor the whole city.
      return {
        statuses: openStatuses,
        unitIds: actor.roles.includes('superSupervisor') ? undefined : actor.unitIds,
        order: 'oldestFirst',
        clock: 'mostPressing',
        onlyLate: true,
      };
    case 'unit':
      return { unitIds: actor.unitIds, order: 'newestFirst', clock: 'mostPressing' };
    case 'all':
      return { order: 'newestFirst', clock: 'mostPressing' };
    case 'retentionDue':
      return { statuses: finishedStatuses, order: 'oldestFirst', clock: null, retentionOver: true };
  }
}

// ---------- what a user narrows a queue by ----------

/** The state of a row's running clock; `none`: no clock runs (informational ticket, finished). */
export const deadlineStates = ['late', 'dueToday', 'onTime', 'none'] as const;
export type DeadlineState = (typeof deadlineStates)[number];

export const queueSortColumns = ['number', 'subject', 'category', 'group', 'address', 'received', 'due', 'status'] as const;
export type QueueSortColumn = (typeof queueSortColumns)[number];

/** Filters, sort and search a user applies within a queue (they never widen it). */
export const queueQuerySchema = z
  .object({
    statuses: z.array(z.enum(statuses)).max(statuses.length).optional(),
    categoryIds: z.array(idSchema).max(100).optional(),
    /** The group holding the ticket now (realizer group once assigned, else coordinator group). */
    groupIds: z.array(idSchema).max(100).optional(),
    /** Words of the street (or district) in the address. */
    street: storableString().trim().max(100).optional(),
    channels: z.array(z.enum(channels)).max(channels.length).optional(),
    deadline: z.array(z.enum(deadlineStates)).max(deadlineStates.length).optional(),
    /** Only tickets registered from calls taken during an outage (P§29–P§32). */
    outage: z.boolean().optional(),
    /** Only tickets taken up by the signed-in user. */
    mine: z.boolean().optional(),
    /** Number, subject or address words. */
    search: storableString().trim().max(100).optional(),
    sort: z.object({ column: z.enum(queueSortColumns), direction: z.enum(['asc', 'desc']) }).optional(),
  })
  .strict();
export type QueueQuery = z.infer<typeof queueQuerySchema>;

/** The commands a user may send to several selected tickets at once (one mutation each, each decided by the rules). */
export const bulkCommands = ['takeUp', 'assignRealizerGroup', 'passToCoordinatorGroup', 'returnToOperator', 'delete'] as const;
export type BulkCommand = (typeof bulkCommands)[number];

/** Which of them a queue offers: deleting several at once only where retention is over (P§27.2, P§28). */
export const bulkCommandsOf = (queue: QueueName): readonly BulkCommand[] =>
  queue === 'retentionDue' ? ['delete'] : bulkCommands.filter((c) => c !== 'delete');
