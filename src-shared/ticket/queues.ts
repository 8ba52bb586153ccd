// P§24.2: each role's view of tickets — which statuses, in which of the user's groups or units, and
// which SLA clock runs for a row. The desktop and the hub build their queries from this one table.
import { finishedStatuses, isOpen, statuses, type Actor, type Directory, type Status } from './model';
import { actingGroupIds } from './roles';

/** The queues of P§24.2: each role's view. */
export const QUEUES = [
  'webPickup', // operator: web forms awaiting pickup (P§4.3, P§9)
  'toRoute', // operator: registered, not yet routed (P§12–P§15)
  'returnedToOperator', // operator: returned by coordinators (P§20.1)
  'forwarded', // operator: forwarded, waiting for take-up (P§16.2)
  'coordinatorIncoming', // coordinator: forwarded to my groups (P§19.1)
  'coordinatorActive', // coordinator: taken up, returned by realizers, suspended (P§19)
  'realizerIncoming', // realizer: assigned to my groups (P§21.1)
  'realizerActive', // realizer: in progress, with a contractor (P§21.2)
  'late', // supervisor, super-supervisor: open tickets past or at their deadline, in my units / everywhere (P§24.2)
  'unit', // supervisor: everything routed to my units (P§24.2)
  'all', // super-supervisor: everything
  'retentionDue', // super-supervisor: finished tickets past the retention period, to delete (P§27.2, P§28)
] as const;
export type QueueName = (typeof QUEUES)[number];

export interface QueueFilter {
  statuses?: readonly Status[];
  /** Only tickets whose coordinator group is one of these. */
  coordinatorGroupIds?: readonly string[];
  /** Only tickets whose realizer group is one of these. */
  realizerGroupIds?: readonly string[];
  /** Only tickets ever routed to one of these units. */
  unitIds?: readonly string[];
  /** Oldest first for work queues (who waits longest), newest first for overviews. */
  order: 'oldestFirst' | 'newestFirst';
  /** The clock shown beside each row; `mostPressing`: of the clocks running in the ticket's state, the one due first. */
  clock: 'webPickup' | 'reaction' | 'realization' | 'mostPressing' | null;
  /** Only tickets whose clock is past or at its deadline, the most overdue first (instead of `order`). */
  onlyLate?: boolean;
  /** Only tickets past the retention period of their personal data (P§27.1), oldest first. */
  retentionOver?: boolean;
}

export function queueFilter(queue: QueueName, actor: Actor, directory: Directory): QueueFilter {
  const coordinatorGroupIds = actingGroupIds(actor, directory, 'coordinator');
  const realizerGroupIds = actingGroupIds(actor, directory, 'realizer');
  switch (queue) {
    case 'webPickup':
      return { statuses: ['awaitingPickup'], order: 'oldestFirst', clock: 'webPickup' };
    case 'toRoute':
      return { statuses: ['registered'], order: 'oldestFirst', clock: 'realization' };
    case 'returnedToOperator':
      return { statuses: ['returnedToOperator'], order: 'oldestFirst', clock: 'realization' };
    case 'forwarded':
      return { statuses: ['forwarded'], order: 'oldestFirst', clock: 'reaction' };
    case 'coordinatorIncoming':
      return { statuses: ['forwarded'], coordinatorGroupIds, order: 'oldestFirst', clock: 'reaction' };
    case 'coordinatorActive':
      return {
        statuses: ['withCoordinator', 'returnedToCoordinator', 'suspended'],
        coordinatorGroupIds,
        order: 'oldestFirst',
        clock: 'realization',
      };
    case 'realizerIncoming':
      return { statuses: ['assigned'], realizerGroupIds, order: 'oldestFirst', clock: 'reaction' };
    case 'realizerActive':
      return { statuses: ['inProgress', 'withContractor'], realizerGroupIds, order: 'oldestFirst', clock: 'realization' };
    case 'late':
      // Supervisors watch their units; the super-supervisor the whole city.
      return {
        statuses: statuses.filter(isOpen),
        unitIds: actor.roles.includes('superSupervisor') ? undefined : actor.unitIds,
        order: 'oldestFirst',
        clock: 'mostPressing',
        onlyLate: true,
      };
    case 'unit':
      return { unitIds: actor.unitIds, order: 'newestFirst', clock: 'realization' };
    case 'all':
      return { order: 'newestFirst', clock: 'realization' };
    case 'retentionDue':
      return { statuses: finishedStatuses, order: 'oldestFirst', clock: null, retentionOver: true };
  }
}
