// Events: what happened to a ticket. A ticket's history is its event list; folding `evolve` over
// it gives the ticket. Every event names its ticket (`ticket`: the stream), who did it
// (`actorId`), when it really happened (`at`, the real time even when entered after an outage)
// and whether it was taken during an outage (`outage`), so a history screen shows all P§17.2 asks.
//
// Personal data contract (P§26–P§27): an event carries the reporter's personal data ONLY under
// its `personal` key (contact data, and files that contain it). When a `personalDataErased` or
// `deleted` event is appended to a stream, the event store must rewrite that stream's earlier
// events with `erasePersonalData(events)`, which sets every `personal` to null. Replaying the
// scrubbed history gives the same ticket, because erasure removes that data from the ticket too.
import { z } from 'zod';
import type { CommandType } from './commands';
import {
  actionKinds,
  answerMethods,
  attachmentRefSchema,
  contactSchema,
  emailPurposes,
  isoDateSchema,
  isoDateTimeSchema,
  noticeMethods,
  splitPartSchema,
  ticketKinds,
  ticketNumberSchema,
  ticketSchema,
} from './model';
import type { AttachmentRef } from './model';

const eventBase = {
  /** The ticket (stream) the event belongs to. One command may produce events for several tickets (split, follow-up). */
  ticket: ticketNumberSchema,
  actorId: z.string(),
  /** When it really happened (ISO UTC). */
  at: isoDateTimeSchema,
  /** Taken while the central system was down, entered from the local store (P§29–P§32). */
  outage: z.boolean(),
};
export type EventBase = z.infer<z.ZodObject<typeof eventBase>>;

/** Personal data in an event: blanked (null) by erasure. */
export const personalPayloadSchema = z.object({
  /** When present, replaces the reporter's contact data. */
  contact: contactSchema.optional(),
  /** Files that carry personal data (e.g. the source message of a web form). */
  attachments: z.array(attachmentRefSchema).optional(),
});
export type PersonalPayload = z.infer<typeof personalPayloadSchema>;
const personal = personalPayloadSchema.nullable();

/** What a new ticket starts with: the ticket's own content fields, and of the reporter only the flags (contact data is personal). */
export const ticketContentSchema = ticketSchema
  .pick({
    kind: true,
    channel: true,
    categoryId: true,
    subcategoryId: true,
    subject: true,
    description: true,
    templateAnswers: true,
    location: true,
    rpwIds: true,
  })
  .extend({
    wantsAnswer: z.boolean(),
    consent: z.boolean(),
    /** Files without personal data; those with it travel in `personal.attachments`. */
    attachments: z.array(attachmentRefSchema),
    receivedAt: isoDateTimeSchema,
  });
export type TicketContent = z.infer<typeof ticketContentSchema>;

/** Content fields an edit or pickup may change. */
export const contentChangesSchema = ticketContentSchema
  .pick({
    kind: true,
    categoryId: true,
    subcategoryId: true,
    subject: true,
    description: true,
    templateAnswers: true,
    location: true,
    wantsAnswer: true,
    consent: true,
  })
  .partial();
export type ContentChanges = z.infer<typeof contentChangesSchema>;

const erasureBasis = z.enum(['consentWithdrawn', 'retentionExpired', 'deleted']);
const event = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) => z.object({ type: z.literal(type), ...eventBase, ...shape });

export const ticketEventSchema = z.discriminatedUnion('type', [
  event('registered', {
    content: ticketContentSchema,
    personal,
    /** Set when the ticket is a part of a split report (P§11, P§13.2). */
    splitFrom: ticketNumberSchema.optional(),
    scope: z.string().optional(),
    splitParts: z.array(splitPartSchema).optional(),
    /** A part split from a ticket whose personal data was erased stays closed to personal data (P§27.1). */
    personalDataErased: z.object({ at: isoDateTimeSchema, basis: erasureBasis }).optional(),
    /** Set when the ticket is an inquiry about a finished ticket (P§23.3.2). */
    followUpOf: ticketNumberSchema.optional(),
  }),
  event('webFormReceived', { content: ticketContentSchema, personal }),
  event('webFormPickedUp', {
    changes: contentChangesSchema,
    rpwIds: z.array(z.string()),
    attachments: z.array(attachmentRefSchema),
    personal,
  }),
  event('detailsEdited', { changes: contentChangesSchema, personal: personal.optional() }),
  event('attachmentsAdded', { attachments: z.array(attachmentRefSchema), personal }),
  event('reclassified', {
    from: z.object({ categoryId: z.string().nullable(), subcategoryId: z.string().nullable(), kind: z.enum(ticketKinds) }),
    to: z.object({ categoryId: z.string(), subcategoryId: z.string().nullable(), kind: z.enum(ticketKinds) }),
    /** Moved to the investment tasks group (P§21.2.1). */
    investment: z.boolean(),
  }),
  event('rpwIdAdded', { rpwId: z.string() }),
  event('forwarded', { groupId: z.string(), unitId: z.string() }),
  event('split', { ownScope: z.string(), parts: z.array(splitPartSchema), noticeHandled: z.boolean() }),
  /** Sent to the parts already known when one of them is split again, so every part lists all the others (P§13.2). */
  event('splitPartsLinked', { parts: z.array(splitPartSchema) }),
  event('closedOutOfScope', { receivingEntity: z.string(), reason: z.string().optional() }),
  event('closedHandledOutside', { receivingUnitId: z.string(), reason: z.string().optional() }),
  event('takenUp', { as: z.enum(['coordinator', 'realizer']), groupId: z.string() }),
  event('realizerGroupAssigned', { groupId: z.string() }),
  event('returnedToOperator', { fromGroupId: z.string().nullable(), rightAddressee: z.string(), reason: z.string().optional() }),
  event('partialCompetenceNotified', {
    how: z.enum(noticeMethods),
    notifiedAt: isoDateTimeSchema,
    part: z.string(),
    otherAddressee: z.string(),
  }),
  event('passedToCoordinatorGroup', { fromGroupId: z.string().nullable(), groupId: z.string(), unitId: z.string() }),
  event('suspended', { reason: z.string(), until: isoDateSchema }),
  event('resumed', { realizerGroupId: z.string().nullable() }),
  event('returnedToCoordinator', {
    fromGroupId: z.string().nullable(),
    kind: z.enum(['notOurs', 'postpone']),
    reason: z.string(),
    postponeUntil: isoDateSchema.optional(),
  }),
  event('closedNonInterventional', { reason: z.string() }),
  event('handedToContractor', { company: z.string(), orderedAt: isoDateTimeSchema, dueOn: isoDateSchema }),
  event('contractorWorkAccepted', { completedOn: isoDateSchema }),
  event('contractorWorkRejected', { reason: z.string() }),
  event('resolved', { outcome: z.enum(['fixed', 'notToBeDone']), reason: z.string().optional(), completedOn: isoDateSchema.optional() }),
  event('forwardedExternalAndClosed', { receivingEntity: z.string(), note: z.string().optional() }),
  event('emailSent', { purpose: z.enum(emailPurposes), to: z.string().optional(), subject: z.string(), body: z.string() }),
  event('answerRecorded', { answeredAt: isoDateTimeSchema, how: z.enum(answerMethods), summary: z.string().optional() }),
  event('inquiryRecorded', {
    inquiredAt: isoDateTimeSchema,
    actionsDone: z.string(),
    callerExpects: z.string(),
    callerWantsAnswer: z.boolean().optional(),
    personal: personal.optional(),
  }),
  event('followUpRegistered', { followUpNumber: ticketNumberSchema }),
  event('actionRecorded', { kind: z.enum(actionKinds), note: z.string(), doneAt: isoDateTimeSchema }),
  event('plannedDateSet', { plannedOn: isoDateSchema, delayReason: z.string() }),
  event('personalDataErased', { basis: z.enum(['consentWithdrawn', 'retentionExpired']) }),
  event('deleted', { reason: z.string() }),
]);
export type TicketEvent = z.infer<typeof ticketEventSchema>;

export type EventType = TicketEvent['type'];
export type EventOf<T extends EventType> = Extract<TicketEvent, { type: T }>;

export const creationEventTypes: readonly EventType[] = ['registered', 'webFormReceived'];

/** True when the store must scrub the stream's earlier events after appending this one. */
export const requiresErasure = (event: TicketEvent) => event.type === 'personalDataErased' || event.type === 'deleted';

/** True when the event carries personal data (its `personal` key is set). */
export const carriesPersonalData = (event: TicketEvent) => 'personal' in event && event.personal !== null && event.personal !== undefined;

/**
 * Blanks the personal data of every event (the `personal` key becomes null). The event store
 * calls it on a ticket's stream when erasure is required (see `requiresErasure`), and on
 * events sent to an actor who may not see personal data.
 */
export function erasePersonalData<T extends TicketEvent>(events: readonly T[]): T[] {
  return events.map((event) => ('personal' in event && event.personal != null ? { ...event, personal: null } : event));
}

/** For the record: which command produced which event types (used by the docs and tests). */
export const eventsOfCommand: Record<CommandType, EventType[]> = {
  registerTicket: ['registered'],
  receiveFromWebForm: ['webFormReceived'],
  receiveFromMailbox: ['webFormReceived'],
  pickUpWebForm: ['webFormPickedUp'],
  editDetails: ['detailsEdited'],
  addAttachments: ['attachmentsAdded'],
  reclassify: ['reclassified'],
  setRpwId: ['rpwIdAdded'],
  forwardToCoordinators: ['rpwIdAdded', 'detailsEdited', 'forwarded'],
  split: ['split', 'registered', 'splitPartsLinked'],
  closeOutOfScope: ['rpwIdAdded', 'closedOutOfScope'],
  closeHandledOutside: ['rpwIdAdded', 'closedHandledOutside'],
  takeUp: ['takenUp'],
  assignRealizerGroup: ['realizerGroupAssigned'],
  returnToOperator: ['returnedToOperator'],
  notifyPartialCompetence: ['partialCompetenceNotified'],
  passToCoordinatorGroup: ['passedToCoordinatorGroup'],
  suspend: ['suspended'],
  resume: ['resumed'],
  returnToCoordinator: ['returnedToCoordinator'],
  closeNonInterventional: ['closedNonInterventional'],
  handToContractor: ['handedToContractor'],
  acceptContractorWork: ['contractorWorkAccepted'],
  rejectContractorWork: ['contractorWorkRejected'],
  resolve: ['resolved'],
  forwardExternalAndClose: ['rpwIdAdded', 'forwardedExternalAndClosed'],
  recordAnswerToReporter: ['answerRecorded'],
  sendEmail: ['emailSent', 'answerRecorded'],
  recordInquiry: ['inquiryRecorded'],
  registerFollowUp: ['followUpRegistered', 'registered', 'forwarded'],
  recordAction: ['actionRecorded'],
  setPlannedDate: ['plannedDateSet'],
  withdrawConsent: ['personalDataErased'],
  expirePersonalData: ['personalDataErased'],
  delete: ['deleted'],
};

/** Every file an event lists on its ticket: in its content, its own attachments and its personal data. */
export function filesListedBy(event: TicketEvent): AttachmentRef[] {
  const own = 'attachments' in event ? event.attachments : [];
  const content = 'content' in event ? event.content.attachments : [];
  const personal = 'personal' in event && event.personal ? (event.personal.attachments ?? []) : [];
  return [...content, ...own, ...personal];
}
