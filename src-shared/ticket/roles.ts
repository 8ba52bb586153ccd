// Roles, permissions and visibility (I§4, P§24.2, P§26): the only place these rules live.
// `decide` asks `checkPermission` before anything else; screens ask `allowedCommands`, which
// calls the same function, and `canSee` / `redactForActor` for what to show.
import type { CommandType } from './commands';
import { commandTypes } from './commands';
import { commandLabels, statusLabels } from './labels';
import type { Actor, Directory, Status, Ticket } from './model';
import { finishedStatuses, isInterventional, isPersonalFile, lookup, openStatuses, statuses, withoutCallerContact } from './model';
import type { Refusal } from './refusal';
import type { TicketEvent } from './ticket-events';
import { erasePersonalData } from './ticket-events';

/**
 * The capacity in which an actor acts on a ticket. Operators and super-supervisors act on every
 * ticket (I§4.2–3); coordinators and realizers only on tickets their group holds now (I§4.5–6);
 * supervisors (I§4.4) and the admin (I§4.1) never change tickets.
 */
export type Capacity = 'operator' | 'superSupervisor' | 'system' | 'ticketCoordinator' | 'ticketRealizer';

/** The state a command applies to: a ticket's status, or `none` for commands that create one. */
export type CommandState = Status | 'none';

interface Grant {
  as: Capacity;
  in: readonly CommandState[];
  /** A further condition on the ticket (state, not input), with the reason shown when it fails. */
  when?: (ticket: Ticket) => string | null;
}

// State groups, named after what they mean in the procedure.
const ROUTABLE: Status[] = ['registered', 'returnedToOperator']; // the operator decides where it goes (P§12–P§15, P§20.1)
const OPEN = openStatuses;
const FINISHED = finishedStatuses;
const PICKED_UP_OPEN = OPEN.filter((status) => status !== 'awaitingPickup');
const ROUTED_OPEN = PICKED_UP_OPEN.filter((status) => !ROUTABLE.includes(status)); // with a coordinator or realizer group
const NOT_DELETED: Status[] = [...OPEN, ...FINISHED];
const PICKED_UP: Status[] = [...PICKED_UP_OPEN, ...FINISHED];
const COORDINATOR_HOLDS: Status[] = ['withCoordinator', 'returnedToCoordinator']; // taken up, no realizer working on it
const REALIZER_WORKS: Status[] = ['inProgress', 'withContractor'];

const pendingPartialCompetenceNotice = (ticket: Ticket) =>
  ticket.partialCompetenceNotices.some((notice) => !notice.handledAt)
    ? null
    : 'Zgłoszenie już przekazane powiela się tylko po informacji koordynatora, że część należy do innej jednostki (P§20.2).';
const notInterventional = (ticket: Ticket) =>
  isInterventional(ticket.kind)
    ? 'Zgłoszenie interwencyjne nie może zostać zamknięte jako nieinterwencyjne — najpierw zmień jego klasyfikację (P§21.2.1).'
    : null;
const personalDataNotErased = (ticket: Ticket) =>
  ticket.personalDataErased ? 'Dane osobowe zgłaszającego zostały już usunięte (P§27.1).' : null;

/** Who may do what, from which states. Each line cites the rule it implements. */
export const grants: Record<CommandType, Grant[]> = {
  registerTicket: [{ as: 'operator', in: ['none'] }], // P§5.1, P§8, P§3.2
  receiveFromWebForm: [{ as: 'system', in: ['none'] }], // P§5.1 saved automatically
  receiveFromMailbox: [{ as: 'system', in: ['none'] }], // P§3.2 read from the mailbox by the hub
  pickUpWebForm: [{ as: 'operator', in: ['awaitingPickup'] }], // P§9
  editDetails: [
    // I§4: edit within one's remit
    { as: 'operator', in: PICKED_UP_OPEN },
    { as: 'superSupervisor', in: PICKED_UP },
    { as: 'ticketCoordinator', in: [...COORDINATOR_HOLDS, 'suspended'] },
    { as: 'ticketRealizer', in: REALIZER_WORKS },
  ],
  addAttachments: [
    // P§8.1.5, P§9.4, P§21.1
    { as: 'operator', in: PICKED_UP_OPEN },
    { as: 'superSupervisor', in: PICKED_UP },
    { as: 'ticketCoordinator', in: [...COORDINATOR_HOLDS, 'suspended'] },
    { as: 'ticketRealizer', in: REALIZER_WORKS },
  ],
  reclassify: [
    // P§7, P§21.2.1
    { as: 'operator', in: ROUTABLE },
    { as: 'ticketCoordinator', in: COORDINATOR_HOLDS },
    { as: 'ticketRealizer', in: ['inProgress'] },
  ],
  setRpwId: [
    // P§6.2 realizer; P§8.1.6, P§9.5, P§13.3 operator
    { as: 'operator', in: PICKED_UP },
    { as: 'superSupervisor', in: PICKED_UP },
    { as: 'ticketRealizer', in: REALIZER_WORKS },
  ],
  forwardToCoordinators: [{ as: 'operator', in: ROUTABLE }], // P§13.1, P§20.1
  split: [
    { as: 'operator', in: ROUTABLE }, // P§11
    { as: 'operator', in: ROUTED_OPEN, when: pendingPartialCompetenceNotice }, // P§20.2
  ],
  closeOutOfScope: [{ as: 'operator', in: ROUTABLE }], // P§14.3
  closeHandledOutside: [{ as: 'operator', in: ROUTABLE }], // P§15.4
  takeUp: [
    { as: 'ticketCoordinator', in: ['forwarded'] }, // P§19.1
    { as: 'ticketRealizer', in: ['assigned'] }, // P§21.1
  ],
  assignRealizerGroup: [{ as: 'ticketCoordinator', in: COORDINATOR_HOLDS }], // P§19.2, P§19.4.4
  returnToOperator: [{ as: 'ticketCoordinator', in: COORDINATOR_HOLDS }], // P§19.4.1
  notifyPartialCompetence: [{ as: 'ticketCoordinator', in: COORDINATOR_HOLDS }], // P§19.4.2
  passToCoordinatorGroup: [{ as: 'ticketCoordinator', in: COORDINATOR_HOLDS }], // P§19.4.3
  suspend: [{ as: 'ticketCoordinator', in: ['returnedToCoordinator'] }], // P§19.3: a ticket the realizer returned
  resume: [{ as: 'ticketCoordinator', in: ['suspended'] }], // P§19.3
  returnToCoordinator: [{ as: 'ticketRealizer', in: ['inProgress'] }], // P§21.2.2
  closeNonInterventional: [{ as: 'ticketRealizer', in: ['inProgress'], when: notInterventional }], // P§21.2.1
  handToContractor: [{ as: 'ticketRealizer', in: ['inProgress'] }], // P§21.2.3
  acceptContractorWork: [{ as: 'ticketRealizer', in: ['withContractor'] }], // P§21.2.4
  rejectContractorWork: [{ as: 'ticketRealizer', in: ['withContractor'] }], // P§21.2.4
  resolve: [{ as: 'ticketRealizer', in: ['inProgress'] }], // P§21.2.5
  forwardExternalAndClose: [{ as: 'ticketRealizer', in: ['inProgress'] }], // P§21.3
  recordAnswerToReporter: [
    // P§16.3, P§22 realizer; P§14.2 operator
    { as: 'operator', in: PICKED_UP },
    { as: 'superSupervisor', in: PICKED_UP },
    { as: 'ticketRealizer', in: [...REALIZER_WORKS, ...FINISHED] },
  ],
  sendEmail: [
    // P§14.1–P§14.2, P§15.2–P§15.3 operator; P§16.3 realizer; the coordinator who holds it
    { as: 'operator', in: PICKED_UP },
    { as: 'superSupervisor', in: PICKED_UP },
    { as: 'ticketCoordinator', in: COORDINATOR_HOLDS },
    { as: 'ticketRealizer', in: [...REALIZER_WORKS, ...FINISHED] },
  ],
  recordInquiry: [{ as: 'operator', in: OPEN }], // P§23.3.1: unfinished tickets only
  registerFollowUp: [{ as: 'operator', in: FINISHED }], // P§23.3.2: finished tickets only
  recordAction: [
    // P§17.2.2, P§31.2
    { as: 'ticketCoordinator', in: [...COORDINATOR_HOLDS, 'suspended', 'assigned', ...REALIZER_WORKS] },
    { as: 'ticketRealizer', in: REALIZER_WORKS },
    { as: 'superSupervisor', in: PICKED_UP_OPEN },
  ],
  setPlannedDate: [
    // P§18.2
    { as: 'ticketRealizer', in: REALIZER_WORKS },
    { as: 'superSupervisor', in: ROUTED_OPEN },
  ],
  withdrawConsent: [
    // P§27.1
    { as: 'operator', in: NOT_DELETED, when: personalDataNotErased },
    { as: 'superSupervisor', in: NOT_DELETED, when: personalDataNotErased },
    { as: 'ticketRealizer', in: [...REALIZER_WORKS, ...FINISHED], when: personalDataNotErased },
  ],
  expirePersonalData: [{ as: 'system', in: NOT_DELETED, when: personalDataNotErased }], // P§27.1 retention
  delete: [{ as: 'superSupervisor', in: NOT_DELETED }], // P§27.2, P§28
};

/** Coordinator / realizer groups the actor may act in: member of the group and holding the matching role. */
export function actingGroupIds(actor: Actor, directory: Directory, kind: 'coordinator' | 'realizer'): string[] {
  if (!actor.roles.includes(kind)) return [];
  return actor.groupIds.filter((groupId) => lookup(directory.groups, groupId)?.kind === kind);
}

export function capacitiesOf(actor: Actor, ticket: Ticket | null, directory: Directory): Set<Capacity> {
  const capacities = new Set<Capacity>();
  if (actor.roles.includes('operator')) capacities.add('operator');
  if (actor.roles.includes('superSupervisor')) capacities.add('superSupervisor');
  if (actor.roles.includes('system')) capacities.add('system');
  if (ticket?.coordinatorGroupId && actingGroupIds(actor, directory, 'coordinator').includes(ticket.coordinatorGroupId)) {
    capacities.add('ticketCoordinator');
  }
  if (ticket?.realizerGroupId && actingGroupIds(actor, directory, 'realizer').includes(ticket.realizerGroupId)) {
    capacities.add('ticketRealizer');
  }
  return capacities;
}

/**
 * May this actor send this command to this ticket now? Only roles, groups and the ticket's
 * state count here, not the command's data; `decide` checks the data afterwards.
 * Returns the grant's capacity, or a refusal: `forbidden` when no capacity of the actor may ever
 * send it to this ticket (incl. acting outside one's own group or unit), `invalidState` when it
 * may, but not in the ticket's current state.
 */
export function checkPermission(
  actor: Actor,
  ticket: Ticket | null,
  type: CommandType,
  directory: Directory,
): { ok: true; as: Capacity } | { ok: false; refusal: Refusal } {
  const state: CommandState = ticket ? ticket.status : 'none';
  const capacities = capacitiesOf(actor, ticket, directory);
  const usable = grants[type].filter((grant) => capacities.has(grant.as));
  if (usable.length === 0) {
    return {
      ok: false,
      refusal: { code: 'forbidden', message: `Nie masz uprawnień do czynności „${commandLabels[type]}” w tym zgłoszeniu.` },
    };
  }
  const inState = usable.filter((grant) => grant.in.includes(state));
  if (inState.length === 0) {
    const message =
      state === 'none'
        ? `Czynność „${commandLabels[type]}” dotyczy istniejącego zgłoszenia.`
        : `Czynności „${commandLabels[type]}” nie można wykonać, gdy zgłoszenie jest w stanie „${statusLabels[state]}”.`;
    return { ok: false, refusal: { code: 'invalidState', message } };
  }
  let reason: string | null = null;
  for (const grant of inState) {
    reason = grant.when && ticket ? grant.when(ticket) : null;
    if (reason === null) return { ok: true, as: grant.as };
  }
  return { ok: false, refusal: { code: 'invalidState', message: reason ?? '' } };
}

/** The commands this actor may send to this ticket now (for buttons). `ticket = null`: commands that create a ticket. */
export function allowedCommands(actor: Actor, ticket: Ticket | null, directory: Directory): CommandType[] {
  return commandTypes.filter((type) => checkPermission(actor, ticket, type, directory).ok);
}

/**
 * I§4, P§24.2: who sees a ticket at all. Operators, super-supervisors (and the hub itself) see
 * every ticket; a supervisor the tickets ever routed to their unit; a coordinator or realizer the
 * tickets ever routed to one of their groups; the admin manages configuration, not tickets.
 * A deleted ticket is seen only by super-supervisors (as a tombstone).
 */
export function canSee(actor: Actor, ticket: Ticket, directory: Directory): boolean {
  if (actor.roles.includes('system') || actor.roles.includes('superSupervisor')) return true;
  if (ticket.status === 'deleted') return false;
  if (actor.roles.includes('operator')) return true;
  if (actor.roles.includes('supervisor') && ticket.routedUnitIds.some((unitId) => actor.unitIds.includes(unitId))) return true;
  const ownGroups = [...actingGroupIds(actor, directory, 'coordinator'), ...actingGroupIds(actor, directory, 'realizer')];
  return ticket.routedGroupIds.some((groupId) => ownGroups.includes(groupId));
}

/**
 * P§26, P§16.3: the reporter's personal data is for those who need it — operators, super-supervisors
 * and the groups handling the ticket now (its coordinator and realizer groups). Supervisors read
 * without it; so do groups the ticket has left.
 */
export function canSeePersonalData(actor: Actor, ticket: Ticket, directory: Directory): boolean {
  if (!canSee(actor, ticket, directory)) return false;
  if (actor.roles.some((role) => role === 'operator' || role === 'superSupervisor' || role === 'system')) return true;
  const capacities = capacitiesOf(actor, ticket, directory);
  return capacities.has('ticketCoordinator') || capacities.has('ticketRealizer');
}

/** The ticket as this actor may see it: null when not visible, without personal data when not entitled to it. */
export function redactForActor(actor: Actor, ticket: Ticket, directory: Directory): Ticket | null {
  if (!canSee(actor, ticket, directory)) return null;
  if (canSeePersonalData(actor, ticket, directory)) return ticket;
  return {
    ...ticket,
    reporter: { wantsAnswer: ticket.reporter.wantsAnswer, consent: ticket.reporter.consent },
    attachments: ticket.attachments.filter((file) => !isPersonalFile(file)),
    inquiries: ticket.inquiries.map(withoutCallerContact),
  };
}

/** The ticket's history as this actor may see it: empty when the ticket is not visible, personal data blanked when not entitled. */
export function redactEventsForActor(actor: Actor, ticket: Ticket, events: readonly TicketEvent[], directory: Directory): TicketEvent[] {
  if (!canSee(actor, ticket, directory)) return [];
  return canSeePersonalData(actor, ticket, directory) ? [...events] : erasePersonalData(events);
}

/** Every state a command may be sent in (documentation and tests). */
export const commandStates: readonly CommandState[] = ['none', ...statuses];
