// The ticket model: everything the procedure requires a ticket to show (P§8, P§9, P§12.2,
// P§13.2, P§16.3, P§17.2, P§18.2, P§21.2.3–4, P§23.3), plus the configuration the rules read
// (the directory of units, groups and categories) and who acts (the actor).
// Times: moments are ISO 8601 UTC strings in `Date.prototype.toISOString()` form
// (`2026-03-02T09:15:00.000Z`); calendar days chosen by people (planned date, suspension
// until, contractor due date) are `YYYY-MM-DD` days in Europe/Warsaw.
import { z } from 'zod';
import { isStorableText } from '../text';

// ---------- primitives ----------

/** `2026/012345`: year and a six-digit number from the city-wide sequence (P§8.2). */
export const ticketNumberSchema = z.string().regex(/^\d{4}\/\d{6}$/);
/** Years a moment or day of this app can fall in; outside them a date is a typo or an attack (year 0000 breaks PostgreSQL). */
export const PLAUSIBLE_YEARS = { first: 2000, last: 2199 } as const;
const plausibleYear = (text: string) => {
  const year = Number(text.slice(0, 4));
  return year >= PLAUSIBLE_YEARS.first && year <= PLAUSIBLE_YEARS.last;
};
const yearMessage = `Data musi przypadać w latach ${PLAUSIBLE_YEARS.first}–${PLAUSIBLE_YEARS.last}.`;
/** A moment, UTC, `toISOString()` form (seconds and milliseconds optional on input). */
export const isoDateTimeSchema = z.iso.datetime().refine(plausibleYear, yearMessage);
/** A calendar day `YYYY-MM-DD` (Europe/Warsaw). */
export const isoDateSchema = z.iso.date().refine(plausibleYear, yearMessage);
/** Text a database can store: no NUL, no broken Unicode (pasted text sometimes carries them). */
export const storableString = () => z.string().refine(isStorableText, 'Tekst zawiera niedozwolony znak (np. NUL) — usuń go.');
/** Free text a person types: trimmed, not empty. */
export const textSchema = (max = 2000) => storableString().trim().min(1).max(max);
export const idSchema = storableString().trim().min(1).max(100);

export type TicketNumber = string;
export type IsoDateTime = string;
export type IsoDate = string;

// ---------- enumerations ----------

/** P§2.20–21: interventional (a fault to fix) or informational; an inquiry is informational (P§23.3.2). */
export const ticketKinds = ['interventional', 'informational', 'inquiry'] as const;
export type TicketKind = (typeof ticketKinds)[number];
export const isInterventional = (kind: TicketKind) => kind === 'interventional';

/** P§3.1–3.2: phone and web form; e-mail and EZD registered by an operator; anything else. */
export const channels = ['phone', 'web', 'email', 'ezd', 'other'] as const;
export type Channel = (typeof channels)[number];

export const statuses = [
  'awaitingPickup', // web form saved by the intake, not yet picked up by an operator (P§5.1, P§9)
  'registered', // registered by an operator, to be routed (P§8, P§12)
  'forwarded', // forwarded to a coordinator group, waiting for take-up (P§13.1, P§19.4.3)
  'returnedToOperator', // misrouted, returned by the coordinator naming the right addressee (P§19.4.1)
  'withCoordinator', // taken up by the coordinator (P§19.1)
  'assigned', // passed to a realizer group, waiting for take-up (P§19.2, P§19.4.4)
  'inProgress', // taken up by the realizer (P§21.1)
  'withContractor', // handed to a contractor (P§21.2.3)
  'returnedToCoordinator', // returned by the realizer: not ours / to postpone (P§21.2.2)
  'suspended', // suspended by the coordinator until a date (P§19.3)
  'resolved', // handling ended in the app: fixed, will not be done, contractor's work accepted (P§21.2.4–5)
  'closed', // closed: out of scope, handled outside the app, non-interventional, forwarded outside the city (P§14.3, P§15.4, P§21.2.1, P§21.3)
  'deleted', // deleted by a super-supervisor (P§27.2, P§28)
] as const;
export type Status = (typeof statuses)[number];

export const finishedStatuses: readonly Status[] = ['resolved', 'closed'];
export const isFinished = (status: Status) => finishedStatuses.includes(status);
export const isOpen = (status: Status) => !isFinished(status) && status !== 'deleted';
/** Every status a ticket still waits for handling in (neither finished nor deleted). */
export const openStatuses: readonly Status[] = statuses.filter(isOpen);

export const actionKinds = ['consultation', 'arrangement', 'siteVisit', 'other'] as const;
export type ActionKind = (typeof actionKinds)[number];

/**
 * What an e-mail the hub sends for a ticket is (P§14, P§15, P§16.3): the ticket forwarded outside the app to a unit's
 * or entity's address, the reporter told it was forwarded, the realizer's answer to the reporter.
 */
export const emailPurposes = ['forwardOutside', 'reporterForwarded', 'answer'] as const;
export type EmailPurpose = (typeof emailPurposes)[number];

/** How the reporter was answered (P§16.3). */
export const answerMethods = ['phone', 'email', 'letter', 'epuap', 'inPerson', 'other'] as const;
export type AnswerMethod = (typeof answerMethods)[number];

/** How the coordinator told the operator about partial competence (P§19.4.2). */
export const noticeMethods = ['phone', 'email'] as const;
export type NoticeMethod = (typeof noticeMethods)[number];

export const outcomeKinds = [
  'fixed', // P§21.2.5 problem removed
  'notToBeDone', // P§21.2.5 will not be done, with the reason
  'contractorAccepted', // P§21.2.4 acceptance of the contractor's work ends handling
  'outOfScope', // P§14.3 outside the city's competence
  'handledOutside', // P§15.4 competent unit does not work in the app
  'nonInterventional', // P§21.2.1 closed as non-interventional, handled outside the app
  'forwardedExternal', // P§21.3 competent entity outside the city
] as const;
export type OutcomeKind = (typeof outcomeKinds)[number];

// ---------- parts of a ticket ----------

export const attachmentRefSchema = z.object({
  /** Id of the stored file (the blob store is outside this module). */
  id: idSchema,
  name: textSchema(300),
  mediaType: z.string().max(200).optional(),
  /** The message the ticket came in (web form, e-mail, EZD letter), P§9.4. */
  source: z.boolean().optional(),
  /** The file carries the reporter's personal data: it is erased with it (P§27.1). */
  personal: z.boolean().optional(),
});
export type AttachmentRef = z.infer<typeof attachmentRefSchema>;

/**
 * A file is the reporter's personal data when marked so, and always when it is the message the ticket came
 * in (P§9.4): a letter, an e-mail or a form names its sender. It is hidden and erased like the contact fields.
 */
export const isPersonalFile = (file: AttachmentRef): boolean => file.personal === true || file.source === true;

export const locationSchema = z.object({
  address: textSchema(500),
  streetId: idSchema.optional(),
  lat: z.number().min(-90).max(90).optional(),
  lon: z.number().min(-180).max(180).optional(),
  /** Geodetic precinct (obręb), P§12.2. */
  obreb: textSchema(50).optional(),
  /** Plot number (działka), P§12.2. */
  dzialka: textSchema(50).optional(),
});
export type Location = z.infer<typeof locationSchema>;

/** The reporter's personal data: optional, given on their own initiative (P§26). */
export const contactSchema = z.object({
  name: textSchema(200).optional(),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 ()-]{3,30}$/)
    .optional(),
  email: z.email().max(320).optional(),
  postalAddress: textSchema(500).optional(),
});
export type Contact = z.infer<typeof contactSchema>;
export const contactFields = ['name', 'phone', 'email', 'postalAddress'] as const;
export const hasContact = (contact: Contact | null | undefined) => !!contact && contactFields.some((field) => !!contact[field]);

export const reporterSchema = contactSchema.extend({
  /** The reporter wants an answer (P§8.1.2, P§16.3). */
  wantsAnswer: z.boolean(),
  /** Personal data was given on the reporter's own initiative, i.e. consent (P§26.2); false after withdrawal. */
  consent: z.boolean(),
});
export type Reporter = z.infer<typeof reporterSchema>;

/** One part of a split report (P§11, P§13.2): its ticket, what it covers, and who it is for. */
export const splitPartSchema = z.object({
  number: ticketNumberSchema,
  scope: textSchema(1000),
  addressee: textSchema(300).optional(),
});
export type SplitPart = z.infer<typeof splitPartSchema>;

export const linksSchema = z.object({
  /** The ticket this one was split from (P§11, P§20.2). */
  splitFrom: ticketNumberSchema.nullable(),
  /** The scope this ticket covers when the report was split (P§13.2). */
  scope: z.string().nullable(),
  /** All parts of the split report, this one included; the others are "the other addressees" (P§13.2). */
  splitParts: z.array(splitPartSchema),
  /** The finished ticket this inquiry follows up (P§23.3.2). */
  followUpOf: ticketNumberSchema.nullable(),
  /** Inquiries registered later about this finished ticket (P§23.3.2). */
  followUps: z.array(ticketNumberSchema),
});
export type Links = z.infer<typeof linksSchema>;

export const contractorOrderSchema = z.object({
  company: z.string(),
  orderedAt: isoDateTimeSchema,
  dueOn: isoDateSchema,
  state: z.enum(['ordered', 'accepted', 'rejected']),
  /** Actual completion day given on acceptance (P§21.2.4). */
  completedOn: isoDateSchema.optional(),
  acceptedAt: isoDateTimeSchema.optional(),
  rejectedAt: isoDateTimeSchema.optional(),
  rejectionReason: z.string().optional(),
});
export type ContractorOrder = z.infer<typeof contractorOrderSchema>;

export const plannedCompletionSchema = z.object({
  plannedOn: isoDateSchema,
  delayReason: z.string(),
  setAt: isoDateTimeSchema,
  by: z.string(),
});
export type PlannedCompletion = z.infer<typeof plannedCompletionSchema>;

export const answerToReporterSchema = z.object({
  answeredAt: isoDateTimeSchema,
  how: z.enum(answerMethods),
  summary: z.string().optional(),
  by: z.string(),
  recordedAt: isoDateTimeSchema,
});
export type AnswerToReporter = z.infer<typeof answerToReporterSchema>;

export const actionTakenSchema = z.object({
  kind: z.enum(actionKinds),
  note: z.string(),
  doneAt: isoDateTimeSchema,
  by: z.string(),
  recordedAt: isoDateTimeSchema,
});
export type ActionTaken = z.infer<typeof actionTakenSchema>;

export const inquiryNoteSchema = z.object({
  inquiredAt: isoDateTimeSchema,
  /** What was done about the ticket so far, as told to the caller (P§23.3.1). */
  actionsDone: z.string(),
  /** What the caller expects (P§23.3.1). */
  callerExpects: z.string(),
  /** Another resident reporting the same event wants an answer too (their contact is personal data). */
  callerWantsAnswer: z.boolean().optional(),
  callerContact: contactSchema.optional(),
  by: z.string(),
});
export type InquiryNote = z.infer<typeof inquiryNoteSchema>;

/** An inquiry note without the caller's contact data (erasure, redaction). */
export function withoutCallerContact(note: InquiryNote): InquiryNote {
  if (!note.callerContact) return note;
  const { callerContact: _removed, ...rest } = note;
  return rest;
}

export const partialCompetenceNoticeSchema = z.object({
  how: z.enum(noticeMethods),
  notifiedAt: isoDateTimeSchema,
  /** Which part belongs elsewhere. */
  part: z.string(),
  otherAddressee: z.string(),
  by: z.string(),
  /** Set when the operator split the ticket on this notice (P§20.2). */
  handledAt: isoDateTimeSchema.nullable(),
});
export type PartialCompetenceNotice = z.infer<typeof partialCompetenceNoticeSchema>;

export const returnRecordSchema = z.object({
  to: z.enum(['operator', 'coordinator']),
  at: isoDateTimeSchema,
  by: z.string(),
  fromGroupId: z.string().nullable(),
  reason: z.string(),
  /** P§19.4.1: who should handle it instead. */
  rightAddressee: z.string().optional(),
  /** P§21.2.2: not ours, or to postpone. */
  kind: z.enum(['notOurs', 'postpone']).optional(),
  /** P§21.2.2: the day the realization is postponed to. */
  postponeUntil: isoDateSchema.optional(),
});
export type ReturnRecord = z.infer<typeof returnRecordSchema>;

export const suspensionSchema = z.object({
  reason: z.string(),
  until: isoDateSchema,
  at: isoDateTimeSchema,
  by: z.string(),
});
export type Suspension = z.infer<typeof suspensionSchema>;

export const outcomeSchema = z.object({
  kind: z.enum(outcomeKinds),
  /** Why it was closed or will not be done (P§14.3, P§15.4, P§17.2.7, P§21.2.1, P§21.2.5). */
  reason: z.string().optional(),
  /** The entity outside the city it was sent to (P§14.3, P§21.3). */
  receivingEntity: z.string().optional(),
  /** The unit outside the app it was sent to (P§15.4). */
  receivingUnitId: z.string().optional(),
  /** The day the work was actually done (P§17.2.4, P§21.2.4). */
  completedOn: isoDateSchema.optional(),
  at: isoDateTimeSchema,
  by: z.string(),
});
export type Outcome = z.infer<typeof outcomeSchema>;

/** The real times of the ticket's life (P§17.2, the SLA clocks of P§4.3, P§16.2, P§18.1, P§19.4.1). */
export const ticketTimesSchema = z.object({
  /** When the report reached the office (call, form submission, e-mail): P§18.1 counts from here. */
  receivedAt: isoDateTimeSchema,
  registeredAt: isoDateTimeSchema,
  /** Web form picked up by an operator (P§4.3, P§9). */
  pickedUpAt: isoDateTimeSchema.nullable(),
  /** Last forward by an operator to a coordinator group (P§19.4.1 counts from here). */
  forwardedAt: isoDateTimeSchema.nullable(),
  /** When the current group received it (forward, pass, assignment): P§16.2 counts from here. */
  handedToGroupAt: isoDateTimeSchema.nullable(),
  /** When the current group took it up (P§16.2, P§19.1, P§21.1). */
  takenUpAt: isoDateTimeSchema.nullable(),
  resolvedAt: isoDateTimeSchema.nullable(),
  closedAt: isoDateTimeSchema.nullable(),
});
export type TicketTimes = z.infer<typeof ticketTimesSchema>;

export const emailRecordSchema = z.object({
  purpose: z.enum(emailPurposes),
  /** The address for forwardOutside; absent: the reporter's own. */
  to: z.string().optional(),
  subject: z.string(),
  at: isoDateTimeSchema,
  by: z.string(),
});

export const ticketSchema = z.object({
  number: ticketNumberSchema,
  status: z.enum(statuses),
  kind: z.enum(ticketKinds),
  channel: z.enum(channels),
  categoryId: z.string().nullable(),
  subcategoryId: z.string().nullable(),
  subject: z.string(),
  description: z.string(),
  /** Answers to the category's template (P§8.1.1, P§34): field id → value. */
  templateAnswers: z.record(z.string(), z.string()),
  location: locationSchema.nullable(),
  reporter: reporterSchema,
  rpwIds: z.array(z.string()),
  attachments: z.array(attachmentRefSchema),
  /** The unit currently responsible (the coordinator group's unit). */
  unitId: z.string().nullable(),
  coordinatorGroupId: z.string().nullable(),
  /** The coordinator who took it up. */
  coordinatorId: z.string().nullable(),
  realizerGroupId: z.string().nullable(),
  /** The realizer who took it up. */
  realizerId: z.string().nullable(),
  /** Every group / unit the ticket was ever routed to: whose views show it (I§4, P§24.2). */
  routedGroupIds: z.array(z.string()),
  routedUnitIds: z.array(z.string()),
  links: linksSchema,
  contractorOrders: z.array(contractorOrderSchema),
  plannedCompletion: plannedCompletionSchema.nullable(),
  answers: z.array(answerToReporterSchema),
  /** E-mails sent for the ticket (P§14, P§15, P§16.3): when, to whom (a reporter's address is not repeated), by whom. */
  emails: z.array(emailRecordSchema).optional(),
  actions: z.array(actionTakenSchema),
  inquiries: z.array(inquiryNoteSchema),
  partialCompetenceNotices: z.array(partialCompetenceNoticeSchema),
  returns: z.array(returnRecordSchema),
  suspension: suspensionSchema.nullable(),
  outcome: outcomeSchema.nullable(),
  times: ticketTimesSchema,
  /** Registered from a call taken while the central system was down (P§29–P§32). */
  capturedDuringOutage: z.boolean(),
  personalDataErased: z
    .object({
      at: isoDateTimeSchema,
      basis: z.enum(['consentWithdrawn', 'retentionExpired', 'deleted']),
    })
    .nullable(),
  deleted: z.object({ at: isoDateTimeSchema, by: z.string(), reason: z.string() }).nullable(),
  /** Number of events applied to the ticket. */
  version: z.number().int().nonnegative(),
});
export type Ticket = z.infer<typeof ticketSchema>;

/** The group currently holding the ticket: the realizer group once assigned, else the coordinator group. */
export const currentGroupId = (ticket: Ticket) => ticket.realizerGroupId ?? ticket.coordinatorGroupId;
/** The person handling the ticket now: the realizer once a realizer group holds it, else the coordinator who took it up. */
export const currentAssigneeId = (ticket: Ticket) => (ticket.realizerGroupId ? ticket.realizerId : ticket.coordinatorId);

// ---------- configuration the rules read ----------

export interface Unit {
  id: string;
  name: string;
  /** Office department (komórka organizacyjna) or city agency (miejska jednostka organizacyjna, e.g. ZDiT). */
  kind: 'department' | 'agency';
  /** P§13.1 / P§15: whether the unit works in the app. */
  worksInApp: boolean;
  /** P§15: where tickets go when the unit handles them outside the app (e-mail or postal address). */
  address?: string;
}

export interface Group {
  id: string;
  /** The group's symbol (I§5). */
  symbol: string;
  name: string;
  unitId: string;
  kind: 'coordinator' | 'realizer';
}

export interface TemplateField {
  id: string;
  label: string;
  /** Part of the minimal information the unit defined (P§8.1.1, P§34). */
  required: boolean;
  /** What the operator may say or ask to get it (shown under the question). */
  hint?: string;
}

export interface Subcategory {
  id: string;
  name: string;
  refuseAs?: 'snowIce';
}

export interface Category {
  id: string;
  name: string;
  /** The kind a ticket of this category has unless the operator says otherwise. */
  kind: TicketKind;
  subcategories?: Subcategory[];
  /** P§5.2: tickets of this category are not registered (snow and ice). */
  refuseAs?: 'snowIce';
  /** P§21.2.1: the investment tasks group. */
  investment?: boolean;
  /** P§12.2: routing needs the geodetic precinct and plot. */
  needsParcel?: boolean;
  /** The coordinator group a ticket of this category usually goes to (a default for screens). */
  defaultCoordinatorGroupId?: string;
  /** The minimal information to collect on the phone (P§8.1.1, P§34). */
  template?: TemplateField[];
  /** Extra words a search should find the category by (e.g. "latarnia" for street lighting). */
  keywords?: string[];
  /** No longer offered at intake; kept because tickets registered with it still name it. */
  retired?: boolean;
}

/** The same shape as Category, for configuration that crosses a boundary (hub → desktop). */
export const categorySchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(ticketKinds),
  subcategories: z.array(z.object({ id: z.string(), name: z.string(), refuseAs: z.literal('snowIce').optional() })).optional(),
  refuseAs: z.literal('snowIce').optional(),
  investment: z.boolean().optional(),
  needsParcel: z.boolean().optional(),
  defaultCoordinatorGroupId: z.string().optional(),
  template: z.array(z.object({ id: z.string(), label: z.string(), required: z.boolean(), hint: z.string().optional() })).optional(),
  /** Extra words a search should find the category by (e.g. "latarnia" for street lighting). */
  keywords: z.array(z.string()).optional(),
  retired: z.boolean().optional(),
}) satisfies z.ZodType<Category>;

/** The city's structure as configured by the admin (I§3, I§5): what the rules need to know. */
export interface Directory {
  units: Record<string, Unit>;
  groups: Record<string, Group>;
  categories: Record<string, Category>;
  /** Display names of users, for history lines (optional). */
  users?: Record<string, { name: string }>;
}

/** A directory entry by id; only the record's own entries count (an id like `constructor` finds nothing). */
export function lookup<T>(record: Record<string, T>, id: string | null | undefined): T | undefined {
  return id != null && Object.hasOwn(record, id) ? record[id] : undefined;
}

/** Builds a directory from lists (as configuration is usually stored). */
export function makeDirectory(config: {
  units: Unit[];
  groups: Group[];
  categories: Category[];
  users?: { id: string; name: string }[];
}): Directory {
  const byId = <T extends { id: string }>(items: T[]) => Object.fromEntries(items.map((item) => [item.id, item])) as Record<string, T>;
  return {
    units: byId(config.units),
    groups: byId(config.groups),
    categories: byId(config.categories),
    users: config.users ? Object.fromEntries(config.users.map((user) => [user.id, { name: user.name }])) : undefined,
  };
}

// ---------- who acts ----------

/**
 * I§4 permission groups. `system` is not a person: it is the hub's own web-form intake (P§5.1)
 * and retention job (P§27.1); no user account may hold it.
 */
export const roles = ['admin', 'superSupervisor', 'operator', 'supervisor', 'coordinator', 'realizer', 'system'] as const;
export type Role = (typeof roles)[number];

/**
 * Who performs a command or reads a ticket.
 * - `roles`: every permission group the user holds (a user may hold several).
 * - `groupIds`: the coordinator and realizer groups the user belongs to; the group's kind in the
 *   directory says which role it is used with (coordinator groups with `coordinator`, realizer groups with `realizer`).
 * - `unitIds`: the units the user supervises (used with `supervisor`).
 */
export const actorSchema = z.object({
  userId: idSchema,
  roles: z.array(z.enum(roles)),
  groupIds: z.array(idSchema),
  unitIds: z.array(idSchema),
});
export type Actor = z.infer<typeof actorSchema>;
