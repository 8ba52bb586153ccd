// Commands: what a person (or the hub's intake) asks to do with a ticket. Each has a zod schema;
// `decide` validates the input with it, so malformed data becomes a refusal naming the field.
// Who may send which command from which state lives in roles.ts; the rules themselves in decide.ts.
import { z } from 'zod';
import {
  actionKinds,
  answerMethods,
  attachmentRefSchema,
  contactSchema,
  emailPurposes,
  idSchema,
  isoDateSchema,
  isoDateTimeSchema,
  storableString,
  locationSchema,
  noticeMethods,
  textSchema,
  ticketKinds,
} from './model';
import type { AttachmentRef } from './model';

/** RPW id from the EZD register of incoming mail: free text, e.g. `RPW/12345/2026` (P§2.6). */
export const rpwIdSchema = textSchema(100);

/** P§28: the only reasons to delete a ticket not yet finished (finished ones go when retention is over, P§27.2). */
export const unfinishedDeletionReasons = { duplicate: 'Duplikat', test: 'Zgłoszenie testowe', abuse: 'Nadużycie' } as const;

/** Fields every command may carry. */
const common = {
  /** The action was taken while the central system was down and is entered from the local store (P§31.2). */
  outage: z.boolean().optional(),
};

const command = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) => z.object({ type: z.literal(type), ...common, ...shape });

/** Reporter data as entered: contact data is personal and needs the reporter's consent (P§26). */
export const reporterInputSchema = contactSchema.extend({
  wantsAnswer: z.boolean(),
  consent: z.boolean(),
});

const templateAnswersSchema = z.record(idSchema, storableString().trim().max(2000));
const attachmentsSchema = z.array(attachmentRefSchema).max(100);

export const commandSchemas = {
  // ---- intake (P§3–P§10) ----
  /** P§5.1, P§8, P§3.2: an operator registers a phone, e-mail, EZD or other ticket. */
  registerTicket: command('registerTicket', {
    channel: z.enum(['phone', 'email', 'ezd', 'other']),
    categoryId: idSchema,
    subcategoryId: idSchema.optional(),
    /** Defaults to the category's kind. */
    kind: z.enum(ticketKinds).optional(),
    subject: textSchema(300),
    description: storableString().trim().max(10000).default(''),
    templateAnswers: templateAnswersSchema.default({}),
    /**
     * P§8.1.1: the script's questions the operator was shown when the call began. A script the admin changed
     * during the call (or before an offline call reached the hub) asks only these as required.
     */
    scriptAsked: z.array(idSchema).max(100).optional(),
    location: locationSchema.optional(),
    reporter: reporterInputSchema,
    /** When the report reached the office (an e-mail's arrival); the call itself when omitted. */
    receivedAt: isoDateTimeSchema.optional(),
    rpwIds: z.array(rpwIdSchema).max(20).default([]),
    attachments: attachmentsSchema.default([]),
  }),
  /** P§4.2, P§5.1: the hub's intake saves a web-form ticket automatically. */
  receiveFromWebForm: command('receiveFromWebForm', {
    categoryId: idSchema.optional(),
    subcategoryId: idSchema.optional(),
    subject: textSchema(300).optional(),
    description: textSchema(10000),
    location: locationSchema.optional(),
    reporter: reporterInputSchema,
    /** When the resident sent the form. */
    receivedAt: isoDateTimeSchema,
    attachments: attachmentsSchema.default([]),
  }),
  /**
   * P§3.2, P§10: the hub reads the department's mailbox; each message is saved as a ticket awaiting an operator's
   * pickup (as a web form is), the message itself attached as the source document (P§9.4).
   */
  receiveFromMailbox: command('receiveFromMailbox', {
    subject: textSchema(300),
    description: storableString().trim().max(10000).default(''),
    reporter: reporterInputSchema,
    /** When the message reached the mailbox. */
    receivedAt: isoDateTimeSchema,
    attachments: attachmentsSchema.default([]),
  }),
  /** P§9: an operator picks up a web-form ticket and moves its data into the proper fields. */
  pickUpWebForm: command('pickUpWebForm', {
    categoryId: idSchema,
    subcategoryId: idSchema.optional(),
    kind: z.enum(ticketKinds).optional(),
    subject: textSchema(300),
    description: textSchema(10000).optional(),
    templateAnswers: templateAnswersSchema.optional(),
    location: locationSchema.optional(),
    reporter: reporterInputSchema.optional(),
    rpwIds: z.array(rpwIdSchema).max(20).default([]),
    /** The source message (P§9.4) unless the intake already attached it, and other files. */
    attachments: attachmentsSchema.default([]),
  }),
  /** I§4: correct the ticket's content (subject, description, template answers, location, reporter). */
  editDetails: command('editDetails', {
    subject: textSchema(300).optional(),
    description: storableString().trim().max(10000).optional(),
    templateAnswers: templateAnswersSchema.optional(),
    location: locationSchema.optional(),
    /** Replaces the reporter's data as a whole (contact fields left out are removed). */
    reporter: reporterInputSchema.optional(),
  }),
  /** P§8.1.5, P§9.4, P§21.1: attach files (correspondence, photos). */
  addAttachments: command('addAttachments', {
    attachments: z.array(attachmentRefSchema).min(1).max(100),
  }),
  /** P§7, P§21.2.1: change the category (incl. to the investment group) and the kind. */
  reclassify: command('reclassify', {
    categoryId: idSchema,
    subcategoryId: idSchema.optional(),
    kind: z.enum(ticketKinds).optional(),
  }),
  /** P§6.2, P§8.1.6, P§9.5, P§13.3: record an RPW id. */
  setRpwId: command('setRpwId', { rpwId: rpwIdSchema }),

  // ---- routing (P§11–P§15, P§20) ----
  /** P§13.1, P§20.1: forward (or re-route after a return) to a coordinator group of a unit working in the app. */
  forwardToCoordinators: command('forwardToCoordinators', {
    groupId: idSchema,
    /** P§13.3: may be given here when forwarding to a city agency. */
    rpwId: rpwIdSchema.optional(),
    /** P§12.2: may be given here when the category needs them. */
    obreb: textSchema(50).optional(),
    dzialka: textSchema(50).optional(),
  }),
  /** P§11, P§13.2, P§20.2: split a report of several events; this ticket keeps `ownScope`, each part becomes a new ticket. */
  split: command('split', {
    ownScope: textSchema(1000),
    ownAddressee: textSchema(300).optional(),
    parts: z
      .array(
        z.object({
          scope: textSchema(1000),
          addressee: textSchema(300).optional(),
          /** P§13.2: the part's own category where it is about something else (e.g. street lighting). */
          categoryId: idSchema.optional(),
          subcategoryId: idSchema.optional(),
        }),
      )
      .min(1)
      .max(20),
  }),
  /** P§14.3: close as outside the competence of the city's units, naming the receiving entity. */
  closeOutOfScope: command('closeOutOfScope', {
    receivingEntity: textSchema(300),
    reason: textSchema(2000).optional(),
    rpwId: rpwIdSchema.optional(),
  }),
  /** P§15.4: close as handled outside the app by a unit that does not work in it. */
  closeHandledOutside: command('closeHandledOutside', {
    receivingUnitId: idSchema,
    reason: textSchema(2000).optional(),
    rpwId: rpwIdSchema.optional(),
  }),

  // ---- handling (P§16–P§21) ----
  /** P§19.1 (coordinator), P§21.1 (realizer): take up a ticket waiting in the group's queue. */
  takeUp: command('takeUp', {}),
  /** P§19.2, P§19.4.4: pass to a realizer group of the same unit. */
  assignRealizerGroup: command('assignRealizerGroup', { groupId: idSchema }),
  /** P§19.4.1: misrouted; return to the operator naming the right addressee. */
  returnToOperator: command('returnToOperator', {
    rightAddressee: textSchema(300),
    reason: textSchema(2000).optional(),
  }),
  /** P§19.4.2: tell the operator that part of the ticket belongs elsewhere (how and when). */
  notifyPartialCompetence: command('notifyPartialCompetence', {
    how: z.enum(noticeMethods),
    notifiedAt: isoDateTimeSchema,
    part: textSchema(1000),
    otherAddressee: textSchema(300),
  }),
  /** P§19.4.3: pass to another coordinator group of the same unit. */
  passToCoordinatorGroup: command('passToCoordinatorGroup', { groupId: idSchema }),
  /** P§19.3: suspend a ticket the realizer returned, with the reason and until when. */
  suspend: command('suspend', { reason: textSchema(2000), until: isoDateSchema }),
  /** P§19.3: resume when the reason is gone; optionally straight to a realizer group. */
  resume: command('resume', { realizerGroupId: idSchema.optional() }),
  /** P§21.2.2: the realizer returns it to the coordinator: not ours, or to be postponed (then until when). */
  returnToCoordinator: command('returnToCoordinator', {
    kind: z.enum(['notOurs', 'postpone']),
    reason: textSchema(2000),
    postponeUntil: isoDateSchema.optional(),
  }),
  /** P§21.2.1: close a non-interventional ticket with the reason (it is handled outside the app). */
  closeNonInterventional: command('closeNonInterventional', { reason: textSchema(2000) }),
  /** P§21.2.3: handed to a contractor: company, when ordered, due day. */
  handToContractor: command('handToContractor', {
    company: textSchema(300),
    orderedAt: isoDateTimeSchema,
    dueOn: isoDateSchema,
  }),
  /** P§21.2.4: accept the contractor's work with the actual completion day; this ends handling. */
  acceptContractorWork: command('acceptContractorWork', { completedOn: isoDateSchema }),
  /** P§21.2.4: reject the contractor's work with the reason; the ticket goes back to work. */
  rejectContractorWork: command('rejectContractorWork', { reason: textSchema(2000) }),
  /** P§21.2.5: resolved — the problem is removed, or it will not be done and why. */
  resolve: command('resolve', {
    outcome: z.enum(['fixed', 'notToBeDone']),
    reason: textSchema(2000).optional(),
    /** The day the problem was removed (fixed); today when omitted. */
    completedOn: isoDateSchema.optional(),
  }),
  /** P§21.3: the competent entity is outside the city: record the forwarding and close. */
  forwardExternalAndClose: command('forwardExternalAndClose', {
    receivingEntity: textSchema(300),
    note: textSchema(2000).optional(),
    rpwId: rpwIdSchema.optional(),
  }),

  // ---- records (P§16.3, P§17.2, P§18.2, P§23) ----
  /** P§16.3, P§22, P§14.2: the reporter was answered — when and how. */
  recordAnswerToReporter: command('recordAnswerToReporter', {
    answeredAt: isoDateTimeSchema,
    how: z.enum(answerMethods),
    summary: textSchema(2000).optional(),
  }),
  /**
   * P§14.1–P§14.2, P§15.2–P§15.3, P§16.3: an e-mail for this ticket, sent by the hub through the city's mail server
   * (recorded at once; offline it waits in the outbox like any action). The reporter's purposes go to the address
   * the reporter gave, never one typed here; an answer by e-mail counts as the answer (P§17.2.8).
   */
  sendEmail: command('sendEmail', {
    purpose: z.enum(emailPurposes),
    /** forwardOutside: the unit's or entity's address. */
    to: storableString().trim().max(200).pipe(z.email('To nie jest poprawny adres e-mail.')).optional(),
    subject: textSchema(300),
    body: textSchema(10000),
  }),
  /** P§23.3.1: an inquiry about an unfinished ticket: what was done, what the caller expects. */
  recordInquiry: command('recordInquiry', {
    inquiredAt: isoDateTimeSchema.optional(),
    actionsDone: textSchema(2000),
    callerExpects: textSchema(2000),
    /** The caller, when it is another resident reporting the same event who leaves contact data (duplicate hint). */
    caller: reporterInputSchema.optional(),
  }),
  /** P§23.3.2: an inquiry about a finished ticket becomes a new ticket linked to it, forwarded to the coordinator. */
  registerFollowUp: command('registerFollowUp', {
    subject: textSchema(300),
    description: storableString().trim().max(10000).default(''),
    reporter: reporterInputSchema.optional(),
    /** The competent coordinator group; the finished ticket's coordinator group when omitted. */
    groupId: idSchema.optional(),
    /** P§13.3: needed when the coordinator group belongs to a city agency. */
    rpwId: rpwIdSchema.optional(),
    /** P§12.2: when the category needs them and the finished ticket lacks them. */
    obreb: textSchema(50).optional(),
    dzialka: textSchema(50).optional(),
    inquiredAt: isoDateTimeSchema.optional(),
  }),
  /** P§17.2.2, P§31.2: an action taken (consultation, arrangement, site visit …) and when. */
  recordAction: command('recordAction', {
    kind: z.enum(actionKinds),
    note: textSchema(2000),
    doneAt: isoDateTimeSchema,
  }),
  /** P§18.2, P§17.2.6: the planned completion day and the reason for the delay. */
  setPlannedDate: command('setPlannedDate', { plannedOn: isoDateSchema, delayReason: textSchema(2000) }),

  // ---- personal data and deletion (P§26–P§28) ----
  /** P§27.1: the reporter withdraws consent; their personal data is erased from the ticket and its history. */
  withdrawConsent: command('withdrawConsent', {}),
  /** P§27.1: the retention period is over (the hub's retention job); personal data is erased. */
  expirePersonalData: command('expirePersonalData', {}),
  /** P§27.2, P§28: delete the ticket (super-supervisor). */
  delete: command('delete', { reason: textSchema(2000) }),
} as const;

export type CommandType = keyof typeof commandSchemas;
export const commandTypes = Object.keys(commandSchemas) as CommandType[];

/** A command as a caller writes it (defaults may be left out). */
export type Command = { [K in CommandType]: z.input<(typeof commandSchemas)[K]> }[CommandType];
/** A command after validation, as the rules see it. */
export type ValidCommand<K extends CommandType = CommandType> = z.output<(typeof commandSchemas)[K]>;

/** Commands that create a ticket (decided with `ticket = null`). */
export const creationCommands = ['registerTicket', 'receiveFromWebForm', 'receiveFromMailbox'] as const satisfies readonly CommandType[];
export type CreationCommand = (typeof creationCommands)[number];
export const isCreationCommand = (type: string): type is CreationCommand => (creationCommands as readonly string[]).includes(type);
export const isCommandType = (value: unknown): value is CommandType =>
  typeof value === 'string' && Object.prototype.hasOwnProperty.call(commandSchemas, value);

/** The files a command attaches (a command read from an outbox or a push may not be checked yet, hence the guard). */
export function filesAttachedBy(command: object): AttachmentRef[] {
  const files = 'attachments' in command ? command.attachments : undefined;
  return Array.isArray(files) ? files.filter((f): f is AttachmentRef => !!f && typeof f === 'object' && typeof f.id === 'string') : [];
}
