// evolve: applies one event to a ticket. Pure and total: it never throws and never reads the
// clock; an event that does not fit (e.g. a creation event for an existing ticket) leaves the
// ticket as it is. All decisions were taken by `decide`; evolve only records them.
import type { ContentChanges, PersonalPayload, TicketContent, TicketEvent } from './ticket-events';
import type { AttachmentRef, Contact, Reporter, SplitPart, Ticket } from './model';
import { isPersonalFile, withoutCallerContact } from './model';

const noContact = (reporter: Reporter): Reporter => ({ wantsAnswer: reporter.wantsAnswer, consent: reporter.consent });

const withContact = (reporter: Reporter, contact: Contact | undefined): Reporter =>
  contact === undefined ? reporter : { ...noContact(reporter), ...contact };

const personalAttachments = (personal: PersonalPayload | null | undefined): AttachmentRef[] =>
  (personal?.attachments ?? []).map((file) => ({ ...file, personal: true }));

const addUnique = (list: string[], item: string | null | undefined) => (item && !list.includes(item) ? [...list, item] : list);

function newTicket(number: string, content: TicketContent, personal: PersonalPayload | null, at: string, outage: boolean): Ticket {
  return {
    number,
    status: 'registered',
    kind: content.kind,
    channel: content.channel,
    categoryId: content.categoryId,
    subcategoryId: content.subcategoryId,
    subject: content.subject,
    description: content.description,
    templateAnswers: { ...content.templateAnswers },
    location: content.location,
    reporter: withContact({ wantsAnswer: content.wantsAnswer, consent: content.consent }, personal?.contact),
    rpwIds: [...content.rpwIds],
    attachments: [...content.attachments, ...personalAttachments(personal)],
    unitId: null,
    coordinatorGroupId: null,
    coordinatorId: null,
    realizerGroupId: null,
    realizerId: null,
    routedGroupIds: [],
    routedUnitIds: [],
    links: { splitFrom: null, scope: null, splitParts: [], followUpOf: null, followUps: [] },
    contractorOrders: [],
    plannedCompletion: null,
    answers: [],
    actions: [],
    inquiries: [],
    partialCompetenceNotices: [],
    returns: [],
    suspension: null,
    outcome: null,
    times: {
      receivedAt: content.receivedAt,
      registeredAt: at,
      pickedUpAt: null,
      forwardedAt: null,
      handedToGroupAt: null,
      takenUpAt: null,
      resolvedAt: null,
      closedAt: null,
    },
    capturedDuringOutage: outage,
    personalDataErased: null,
    deleted: null,
    version: 0,
  };
}

/** Removes the reporter's personal data from the ticket (P§27.1). */
function erase(ticket: Ticket, at: string, basis: NonNullable<Ticket['personalDataErased']>['basis']): Ticket {
  return {
    ...ticket,
    reporter: { wantsAnswer: ticket.reporter.wantsAnswer, consent: false },
    attachments: ticket.attachments.filter((file) => !isPersonalFile(file)),
    inquiries: ticket.inquiries.map(withoutCallerContact),
    personalDataErased: ticket.personalDataErased ?? { at, basis },
  };
}

/** Content changes; the contact data is replaced only when the event's `personal.contact` is present. */
function applyChanges(ticket: Ticket, changes: ContentChanges, personal: PersonalPayload | null | undefined): Ticket {
  const { wantsAnswer, consent, ...fields } = changes;
  const reporter = withContact(
    { ...ticket.reporter, wantsAnswer: wantsAnswer ?? ticket.reporter.wantsAnswer, consent: consent ?? ticket.reporter.consent },
    personal?.contact,
  );
  return { ...ticket, ...fields, reporter, attachments: [...ticket.attachments, ...personalAttachments(personal)] };
}

/** The ticket waits in a coordinator group's queue (P§13.1, P§19.4.3): forwarded there, nobody holding it yet. */
function toCoordinatorGroup(ticket: Ticket, event: { unitId: string; groupId: string; at: string }): Ticket {
  return {
    ...ticket,
    status: 'forwarded',
    unitId: event.unitId,
    coordinatorGroupId: event.groupId,
    coordinatorId: null,
    realizerGroupId: null,
    realizerId: null,
    routedGroupIds: addUnique(ticket.routedGroupIds, event.groupId),
    routedUnitIds: addUnique(ticket.routedUnitIds, event.unitId),
    times: { ...ticket.times, handedToGroupAt: event.at, takenUpAt: null },
  };
}

/** The ticket leaves every group: back in the operator's hands. */
const backToOperator = (ticket: Ticket): Partial<Ticket> => ({
  unitId: null,
  coordinatorGroupId: null,
  coordinatorId: null,
  realizerGroupId: null,
  realizerId: null,
  times: { ...ticket.times, handedToGroupAt: null, takenUpAt: null },
});

export function evolve(ticket: Ticket | null, event: TicketEvent): Ticket | null {
  const next = apply(ticket, event);
  return next && next !== ticket ? { ...next, version: (ticket?.version ?? 0) + 1 } : next;
}

function apply(ticket: Ticket | null, event: TicketEvent): Ticket | null {
  if (ticket === null) {
    if (event.type === 'registered') {
      const created = newTicket(event.ticket, event.content, event.personal, event.at, event.outage);
      return {
        ...created,
        links: {
          ...created.links,
          splitFrom: event.splitFrom ?? null,
          scope: event.scope ?? null,
          splitParts: event.splitParts ?? [],
          followUpOf: event.followUpOf ?? null,
        },
        personalDataErased: event.personalDataErased ?? null,
      };
    }
    if (event.type === 'webFormReceived') {
      return { ...newTicket(event.ticket, event.content, event.personal, event.at, event.outage), status: 'awaitingPickup' };
    }
    return null;
  }
  // A deleted ticket is final: events that reach it from other tickets (a split, a withdrawal) change nothing.
  if (ticket.number !== event.ticket || ticket.status === 'deleted') return ticket;

  switch (event.type) {
    case 'registered':
    case 'webFormReceived':
      return ticket;
    case 'webFormPickedUp': {
      const edited = applyChanges(ticket, event.changes, event.personal);
      return {
        ...edited,
        status: 'registered',
        rpwIds: event.rpwIds.reduce(addUnique, edited.rpwIds),
        attachments: [...edited.attachments, ...event.attachments],
        times: { ...edited.times, pickedUpAt: event.at },
      };
    }
    case 'detailsEdited':
      return applyChanges(ticket, event.changes, event.personal);
    case 'attachmentsAdded':
      return { ...ticket, attachments: [...ticket.attachments, ...event.attachments, ...personalAttachments(event.personal)] };
    case 'reclassified':
      return { ...ticket, categoryId: event.to.categoryId, subcategoryId: event.to.subcategoryId, kind: event.to.kind };
    case 'rpwIdAdded':
      return { ...ticket, rpwIds: addUnique(ticket.rpwIds, event.rpwId) };
    case 'forwarded': {
      const handed = toCoordinatorGroup(ticket, event);
      return { ...handed, times: { ...handed.times, forwardedAt: event.at } };
    }
    case 'split':
      return {
        ...ticket,
        links: { ...ticket.links, scope: event.ownScope, splitParts: mergeParts(ticket.links.splitParts, event.parts) },
        partialCompetenceNotices: event.noticeHandled
          ? ticket.partialCompetenceNotices.map((notice) => (notice.handledAt ? notice : { ...notice, handledAt: event.at }))
          : ticket.partialCompetenceNotices,
      };
    case 'splitPartsLinked':
      return { ...ticket, links: { ...ticket.links, splitParts: mergeParts(ticket.links.splitParts, event.parts) } };
    case 'closedOutOfScope':
      return {
        ...ticket,
        status: 'closed',
        outcome: { kind: 'outOfScope', receivingEntity: event.receivingEntity, reason: event.reason, at: event.at, by: event.actorId },
        times: { ...ticket.times, closedAt: event.at },
      };
    case 'closedHandledOutside':
      return {
        ...ticket,
        status: 'closed',
        outcome: { kind: 'handledOutside', receivingUnitId: event.receivingUnitId, reason: event.reason, at: event.at, by: event.actorId },
        times: { ...ticket.times, closedAt: event.at },
      };
    case 'takenUp':
      return event.as === 'coordinator'
        ? { ...ticket, status: 'withCoordinator', coordinatorId: event.actorId, times: { ...ticket.times, takenUpAt: event.at } }
        : { ...ticket, status: 'inProgress', realizerId: event.actorId, times: { ...ticket.times, takenUpAt: event.at } };
    case 'realizerGroupAssigned':
      return {
        ...ticket,
        status: 'assigned',
        realizerGroupId: event.groupId,
        realizerId: null,
        routedGroupIds: addUnique(ticket.routedGroupIds, event.groupId),
        times: { ...ticket.times, handedToGroupAt: event.at, takenUpAt: null },
      };
    case 'returnedToOperator':
      return {
        ...ticket,
        ...backToOperator(ticket),
        status: 'returnedToOperator',
        returns: [
          ...ticket.returns,
          {
            to: 'operator',
            at: event.at,
            by: event.actorId,
            fromGroupId: event.fromGroupId,
            reason: event.reason ?? '',
            rightAddressee: event.rightAddressee,
          },
        ],
      };
    case 'partialCompetenceNotified':
      return {
        ...ticket,
        partialCompetenceNotices: [
          ...ticket.partialCompetenceNotices,
          {
            how: event.how,
            notifiedAt: event.notifiedAt,
            part: event.part,
            otherAddressee: event.otherAddressee,
            by: event.actorId,
            handledAt: null,
          },
        ],
      };
    case 'passedToCoordinatorGroup':
      return toCoordinatorGroup(ticket, event);
    case 'suspended':
      return { ...ticket, status: 'suspended', suspension: { reason: event.reason, until: event.until, at: event.at, by: event.actorId } };
    case 'resumed':
      return event.realizerGroupId
        ? {
            ...ticket,
            status: 'assigned',
            suspension: null,
            realizerGroupId: event.realizerGroupId,
            realizerId: null,
            routedGroupIds: addUnique(ticket.routedGroupIds, event.realizerGroupId),
            times: { ...ticket.times, handedToGroupAt: event.at, takenUpAt: null },
          }
        : { ...ticket, status: 'withCoordinator', suspension: null };
    case 'returnedToCoordinator':
      return {
        ...ticket,
        status: 'returnedToCoordinator',
        realizerGroupId: null,
        realizerId: null,
        returns: [
          ...ticket.returns,
          {
            to: 'coordinator',
            at: event.at,
            by: event.actorId,
            fromGroupId: event.fromGroupId,
            reason: event.reason,
            kind: event.kind,
            postponeUntil: event.postponeUntil,
          },
        ],
      };
    case 'closedNonInterventional':
      return {
        ...ticket,
        status: 'closed',
        outcome: { kind: 'nonInterventional', reason: event.reason, at: event.at, by: event.actorId },
        times: { ...ticket.times, closedAt: event.at },
      };
    case 'handedToContractor':
      return {
        ...ticket,
        status: 'withContractor',
        contractorOrders: [
          ...ticket.contractorOrders,
          { company: event.company, orderedAt: event.orderedAt, dueOn: event.dueOn, state: 'ordered' },
        ],
      };
    case 'contractorWorkAccepted':
      return {
        ...ticket,
        status: 'resolved',
        contractorOrders: updateLastOrder(ticket, { state: 'accepted', acceptedAt: event.at, completedOn: event.completedOn }),
        outcome: { kind: 'contractorAccepted', completedOn: event.completedOn, at: event.at, by: event.actorId },
        times: { ...ticket.times, resolvedAt: event.at },
      };
    case 'contractorWorkRejected':
      return {
        ...ticket,
        status: 'inProgress',
        contractorOrders: updateLastOrder(ticket, { state: 'rejected', rejectedAt: event.at, rejectionReason: event.reason }),
      };
    case 'resolved':
      return {
        ...ticket,
        status: 'resolved',
        outcome: { kind: event.outcome, reason: event.reason, completedOn: event.completedOn, at: event.at, by: event.actorId },
        times: { ...ticket.times, resolvedAt: event.at },
      };
    case 'forwardedExternalAndClosed':
      return {
        ...ticket,
        status: 'closed',
        outcome: { kind: 'forwardedExternal', receivingEntity: event.receivingEntity, reason: event.note, at: event.at, by: event.actorId },
        times: { ...ticket.times, closedAt: event.at },
      };
    case 'answerRecorded':
      return {
        ...ticket,
        answers: [
          ...ticket.answers,
          { answeredAt: event.answeredAt, how: event.how, summary: event.summary, by: event.actorId, recordedAt: event.at },
        ],
      };
    case 'inquiryRecorded':
      return {
        ...ticket,
        inquiries: [
          ...ticket.inquiries,
          {
            inquiredAt: event.inquiredAt,
            actionsDone: event.actionsDone,
            callerExpects: event.callerExpects,
            ...(event.callerWantsAnswer === undefined ? {} : { callerWantsAnswer: event.callerWantsAnswer }),
            ...(event.personal?.contact ? { callerContact: event.personal.contact } : {}),
            by: event.actorId,
          },
        ],
      };
    // The e-mail itself is the hub's to send (src-server/mail/outgoing.ts); the ticket records that it went.
    case 'emailSent':
      return {
        ...ticket,
        emails: [
          ...(ticket.emails ?? []),
          { purpose: event.purpose, ...(event.to ? { to: event.to } : {}), subject: event.subject, at: event.at, by: event.actorId },
        ],
      };
    case 'followUpRegistered':
      return { ...ticket, links: { ...ticket.links, followUps: addUnique(ticket.links.followUps, event.followUpNumber) } };
    case 'actionRecorded':
      return {
        ...ticket,
        actions: [...ticket.actions, { kind: event.kind, note: event.note, doneAt: event.doneAt, by: event.actorId, recordedAt: event.at }],
      };
    case 'plannedDateSet':
      return {
        ...ticket,
        plannedCompletion: { plannedOn: event.plannedOn, delayReason: event.delayReason, setAt: event.at, by: event.actorId },
      };
    case 'personalDataErased':
      return ticket.personalDataErased ? ticket : erase(ticket, event.at, event.basis);
    case 'deleted':
      return {
        ...erase(ticket, event.at, 'deleted'),
        status: 'deleted',
        deleted: { at: event.at, by: event.actorId, reason: event.reason },
      };
  }
}

/** The parts of a split report, by number; a later entry (e.g. a narrowed scope) replaces an earlier one. */
function mergeParts(known: SplitPart[], latest: SplitPart[]): SplitPart[] {
  const byNumber = new Map(known.map((part) => [part.number, part]));
  for (const part of latest) byNumber.set(part.number, part);
  return [...byNumber.values()];
}

function updateLastOrder(ticket: Ticket, patch: Partial<Ticket['contractorOrders'][number]>) {
  const orders = [...ticket.contractorOrders];
  const last = orders.pop();
  return last ? [...orders, { ...last, ...patch }] : orders;
}

/** Folds a ticket's history into the ticket (null when the history does not create one). */
export function replay(events: readonly TicketEvent[], from: Ticket | null = null): Ticket | null {
  return events.reduce<Ticket | null>(evolve, from);
}
