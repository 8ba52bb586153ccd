// The desktop API: the one map of what the renderer may ask the main process, with zod schemas for
// arguments and results, and the events the main process pushes to screens. Both transports
// (Electron IPC and the preview mode's loopback bridge) carry exactly this; the main side
// validates every argument before a handler sees it.
import { adminRequests } from './admin';
import { z } from 'zod';
import {
  actorSchema,
  categorySchema,
  channels,
  statuses,
  storableString,
  textSchema,
  ticketNumberSchema,
  ticketSchema,
} from '../ticket/model';
import { monthSchema, monthStatsSchema } from '../ticket/stats';
import { dashboardSchema, periodSchema, periodStatsSchema } from '../ticket/period-stats';
import { QUEUES, queueQuerySchema } from '../ticket/queues';
import { refusalSchema } from './sync';
import { PASSWORD_MAX_LENGTH } from '../passwords';

export const ConnectionState = z.object({
  state: z.enum(['online', 'degraded', 'outage', 'replaying']),
  /** When the current state began (ISO 8601, UTC). */
  since: z.string(),
  hubUrl: z.string(),
  /** Actions recorded here and not yet confirmed by the hub. */
  pendingActions: z.number().int().nonnegative(),
  /** The last failure talking to the hub, in plain words, while not online. */
  lastError: z.string().optional(),
  /** How far this workstation's clock is off the hub's, in seconds (positive: ahead). */
  clockSkewSeconds: z.number().optional(),
  /** During an outage the user declared: the hub answers again, so they may end it (P§32). */
  hubAnswers: z.boolean().optional(),
});
export type ConnectionState = z.infer<typeof ConnectionState>;

export const AppInfo = z.object({
  version: z.string(),
  /** `electron`: the real desktop window; `preview`: the same screens in a local browser tab. */
  shell: z.enum(['electron', 'preview']),
  installationId: z.string().uuid(),
});
export type AppInfo = z.infer<typeof AppInfo>;

export const SessionUser = z.object({
  id: z.string(),
  login: z.string(),
  displayName: z.string(),
  roles: z.array(z.string()),
});
export type SessionUser = z.infer<typeof SessionUser>;

export const LoginArgs = z
  .object({
    login: z.string().trim().min(1, 'Podaj login.').max(100),
    password: z.string().min(1, 'Podaj hasło.').max(PASSWORD_MAX_LENGTH, `Hasło może mieć najwyżej ${PASSWORD_MAX_LENGTH} znaków.`),
    /** A new password, when the hub asks for one (one-time password at the first login or after a reset). */
    newPassword: z.string().max(PASSWORD_MAX_LENGTH, `Hasło może mieć najwyżej ${PASSWORD_MAX_LENGTH} znaków.`).optional(),
  })
  .strict();

const NoArgs = z.object({}).strict();

/** The city's structure for screens and for the rules the core runs offline (see Directory in src-shared/ticket). */
export const DirectorySnapshot = z.object({
  units: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      kind: z.enum(['department', 'agency']),
      worksInApp: z.boolean(),
      address: z.string().optional(),
    }),
  ),
  groups: z.array(
    z.object({ id: z.string(), symbol: z.string(), name: z.string(), unitId: z.string(), kind: z.enum(['coordinator', 'realizer']) }),
  ),
  categories: z.array(categorySchema),
  users: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type DirectorySnapshot = z.infer<typeof DirectorySnapshot>;

export const WorkstationConfig = z.object({
  directory: DirectorySnapshot,
  /** Who the signed-in user is to the rules (roles, groups, supervised units). */
  actor: actorSchema,
  extraDays: z.array(
    z.object({ date: z.string(), kind: z.enum(['dayOff', 'workingDay']), reference: z.string(), note: z.string().optional() }),
  ),
  /** Where callers about snow and ice are sent (P§5.2). */
  snowIceReferral: z.string().optional(),
  /**
   * For super-supervisors: the year's pool of ticket numbers (999,999 a year); `low` when so few are left
   * that the hub warns (their home screen shows it).
   */
  numberPool: z.object({ year: z.number().int(), issued: z.number().int(), remaining: z.number().int(), low: z.boolean() }).optional(),
});
export type WorkstationConfig = z.infer<typeof WorkstationConfig>;

export { QUEUES, queueQuerySchema, type QueueName, type QueueQuery } from '../ticket/queues';

export const QueueRow = z.object({
  number: ticketNumberSchema,
  status: z.enum(statuses),
  subject: z.string(),
  categoryId: z.string().nullable(),
  address: z.string().nullable(),
  receivedAt: z.string(),
  /** The group holding the ticket now. */
  groupId: z.string().nullable(),
  /** The running SLA clock of this ticket in this queue, if any (calendar clocks). */
  due: z.string().nullable(),
  clock: z.enum(['onTime', 'dueToday', 'late']).nullable(),
  /** Working days left to the deadline (0: due today), negative when overdue by that many. */
  workingDays: z.number().int().nullable(),
  channel: z.enum(channels),
  /** P§19.3: a suspended ticket waits until this day. */
  suspendedUntil: z.string().nullable(),
  /** P§21.2.3: the contractor's due day while the work is ordered. */
  contractorDueOn: z.string().nullable(),
  /** The commands of several-at-once work (bulkCommands) the shared rules allow this user on this ticket now. */
  bulk: z.array(z.string()),
  /** Local changes not yet confirmed by the hub. */
  pending: z.boolean(),
  capturedDuringOutage: z.boolean(),
});
export type QueueRow = z.infer<typeof QueueRow>;

/** How many tickets of a narrowed queue fall under each filter value (P§24.2); counted up to `capped`. */
export const QueueCounts = z.object({
  total: z.number().int(),
  /** The counting stopped at its limit: figures are lower bounds. */
  capped: z.boolean(),
  statuses: z.record(z.string(), z.number().int()),
  groups: z.record(z.string(), z.number().int()),
  categories: z.record(z.string(), z.number().int()),
  channels: z.record(z.string(), z.number().int()),
  deadline: z.object({ late: z.number().int(), dueToday: z.number().int(), onTime: z.number().int(), none: z.number().int() }),
  outage: z.number().int(),
  mine: z.number().int(),
});
export type QueueCounts = z.infer<typeof QueueCounts>;

export const ExecuteResult = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    /** The ticket as it is now on this workstation (after the command). */
    ticket: ticketSchema.nullable(),
    /** Numbers of tickets the command created (registration, split parts, follow-up) — to read to the caller (P§8.2). */
    createdNumbers: z.array(ticketNumberSchema),
    /** Saved on this workstation only; it goes to the hub when the connection is back. */
    savedLocally: z.boolean(),
  }),
  z.object({ ok: z.literal(false), refusal: refusalSchema }),
]);
export type ExecuteResult = z.infer<typeof ExecuteResult>;

export const TicketDeadline = z.object({
  clock: z.enum(['webPickup', 'reaction', 'returnToOperator', 'realization']),
  startedAt: z.string(),
  due: z.string(),
  doneAt: z.string().nullable(),
  state: z.enum(['onTime', 'dueToday', 'late', 'doneLate', 'done', 'closed']),
  workingDays: z.number().int().nullable(),
});

export const HistoryLine = z.object({ at: z.string(), actor: z.string(), text: z.string(), outage: z.boolean(), pending: z.boolean() });

export const ToResolveItem = z.object({
  mutationId: z.number().int(),
  at: z.string(),
  ticket: z.string().nullable(),
  /** What was attempted, in Polish. */
  summary: z.string(),
  command: z.record(z.string(), z.unknown()),
  refusal: refusalSchema,
});
export type ToResolveItem = z.infer<typeof ToResolveItem>;

/** Largest file a workstation attaches (photos, scans); the hub accepts the same. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/** Standard base64 with its padding: what FileReader gives; anything else would be decoded silently into other bytes. */
const isBase64 = (text: string) => text.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(text);

export const StoreFileArgs = z
  .object({
    name: textSchema(300),
    mediaType: storableString().max(200).optional(),
    /** The file's bytes, base64-encoded (the renderer reads them with FileReader). */
    contentBase64: z
      .string()
      .max(Math.ceil(MAX_ATTACHMENT_BYTES / 3) * 4, 'Plik jest za duży — załącznik może mieć najwyżej 10 MB.')
      .refine(isBase64, 'Zawartość pliku nie jest poprawnym kodowaniem base64 — odczytaj plik ponownie.'),
  })
  .strict();

export const NumberReserve = z.object({
  /** Ticket numbers left in this workstation's leased blocks. */
  available: z.number().int(),
  /** Below this the screens warn (offline registrations would run out). */
  warnBelow: z.number().int(),
});

/** Per word stem of tickets' subjects (usageStem), how many tickets got each choice (`category` or `category/sub`). */
export const CategoryUsage = z.object({ words: z.record(z.string(), z.record(z.string(), z.number().int())) });
export type CategoryUsage = z.infer<typeof CategoryUsage>;

export const desktopRequests = {
  'app.info': { args: NoArgs, result: AppInfo },
  'connection.get': { args: NoArgs, result: ConnectionState },
  /** Re-checks the hub now instead of waiting for the next scheduled check. */
  'connection.check': { args: NoArgs, result: ConnectionState },
  'session.login': { args: LoginArgs, result: SessionUser },
  'session.current': { args: NoArgs, result: SessionUser.nullable() },
  'session.logout': { args: NoArgs, result: z.null() },
  /** P§29: the user declares an outage (the hub is not reachable in practice) / ends it. */
  'connection.declareOutage': { args: NoArgs, result: ConnectionState },
  'connection.endOutage': { args: NoArgs, result: ConnectionState },
  'config.get': { args: NoArgs, result: WorkstationConfig.nullable() },
  /** Runs a ticket command through the shared rules and records it (saved before this answers). */
  'tickets.execute': {
    args: z
      .object({ ticket: ticketNumberSchema.optional(), command: z.record(z.string(), z.unknown()).and(z.object({ type: z.string() })) })
      .strict(),
    result: ExecuteResult,
  },
  /**
   * The same command to several tickets (bulk work): one action per ticket, each decided by the shared rules on
   * its own; a refused one does not stop the rest. Answers per ticket.
   */
  'tickets.executeMany': {
    args: z
      .object({
        items: z
          .array(
            z
              .object({ ticket: ticketNumberSchema, command: z.record(z.string(), z.unknown()).and(z.object({ type: z.string() })) })
              .strict(),
          )
          .min(1)
          .max(500),
      })
      .strict(),
    result: z.object({
      results: z.array(z.object({ ticket: ticketNumberSchema, ok: z.boolean(), refusal: refusalSchema.optional() })),
      savedLocally: z.boolean(),
    }),
  },
  'tickets.get': {
    args: z.object({ number: ticketNumberSchema }).strict(),
    result: z
      .object({
        ticket: ticketSchema,
        allowedCommands: z.array(z.string()),
        pending: z.boolean(),
        /** P§17.2: each clock with its deadline and whether it was met (ticketDeadlines). */
        deadlines: z.array(TicketDeadline),
        /** P§18.2: what the ticket still owes past its realization deadline. */
        delayOwed: z.array(z.enum(['delayReason', 'plannedCompletion'])),
      })
      .nullable(),
  },
  'tickets.queue': {
    args: z
      .object({
        queue: z.enum(QUEUES),
        query: queueQuerySchema.default({}),
        limit: z.number().int().min(1).max(500).default(100),
        offset: z.number().int().min(0).default(0),
      })
      .strict(),
    /** `total` counts at most a horizon past the window; `more`: there are further tickets (the figure is a lower bound). */
    result: z.object({ rows: z.array(QueueRow), total: z.number().int(), more: z.boolean() }),
  },
  /** Counts per filter value of a queue as narrowed (each filter counted without itself). */
  'tickets.queueCounts': {
    args: z.object({ queue: z.enum(QUEUES), query: queueQuerySchema.default({}) }).strict(),
    result: QueueCounts,
  },
  /** P§23.1: find tickets by number, the reporter's phone or the address. */
  'tickets.search': { args: z.object({ text: z.string().trim().min(2).max(200) }).strict(), result: z.array(QueueRow) },
  /** Open tickets of a category at or near an address: the duplicate hint while registering. */
  'tickets.nearby': {
    args: z.object({ categoryId: z.string(), address: z.string().trim().min(3).max(500) }).strict(),
    result: z.array(QueueRow),
  },
  'tickets.history': { args: z.object({ number: ticketNumberSchema }).strict(), result: z.array(HistoryLine) },
  'streets.search': {
    args: z.object({ text: z.string().trim().min(1).max(100) }).strict(),
    result: z.array(z.object({ id: z.string(), name: z.string() })),
  },
  'numbers.reserve': { args: NoArgs, result: NumberReserve },
  /** Keeps a file on this workstation (sent to the hub with the next sync) and returns its reference for a command. */
  'files.store': { args: StoreFileArgs, result: z.object({ id: z.string(), name: z.string(), mediaType: z.string().optional() }) },
  /** Statistics of a month's tickets, from the hub (P§24, P§27.3): the city, or the supervisor's units. */
  'stats.month': { args: z.object({ month: monthSchema }).strict(), result: monthStatsSchema },
  /** Monitoring and statistics (P§24, P§27.3): any period with every breakdown, the dashboard, their files. */
  'stats.period': { args: periodSchema, result: periodStatsSchema },
  'stats.dashboard': { args: NoArgs, result: dashboardSchema },
  /** The period's statistics as XLSX or CSV, or (super-supervisor) the record of tickets deleted in it. */
  'stats.export': {
    args: z.object({ period: periodSchema, file: z.enum(['xlsx', 'csv', 'deletedRecord']) }).strict(),
    result: z.object({ name: z.string(), mediaType: z.string(), base64: z.string() }),
  },
  /** A file a ticket lists (a photo, the resident's letter): from this workstation if attached here, else from the hub. */
  'files.read': { args: z.object({ ticket: ticketNumberSchema, id: z.string().min(1).max(100) }).strict(), result: StoreFileArgs },
  /** Actions the hub refused: the "to resolve" inbox. */
  'outbox.toResolve': { args: NoArgs, result: z.array(ToResolveItem) },
  /** Sends a refused action again, corrected where the user changed it. */
  'outbox.retry': {
    args: z
      .object({
        mutationId: z.number().int(),
        command: z
          .record(z.string(), z.unknown())
          .and(z.object({ type: z.string() }))
          .optional(),
      })
      .strict(),
    result: ExecuteResult,
  },
  /** Drops a refused action for good (the screen confirms first). */
  'outbox.discard': { args: z.object({ mutationId: z.number().int() }).strict(), result: z.null() },
  /** What operators chose for the words of earlier calls: the category search ranks by it. */
  'categories.usage': { args: NoArgs, result: CategoryUsage },
  /** Administration (admin; the super-supervisor reads and agrees), always at the hub. */
  ...adminRequests,
} as const satisfies Record<string, { args: z.ZodType; result: z.ZodType }>;

export const desktopEvents = {
  'connection.changed': ConnectionState,
  /** Tickets changed on this workstation (a command, a pull): queues and open tickets refresh. */
  'tickets.changed': z.object({ numbers: z.array(z.string()) }),
  /** Sending the actions recorded during an outage. */
  'replay.progress': z.object({ sent: z.number().int(), total: z.number().int() }),
  'replay.finished': z.object({ applied: z.number().int(), refused: z.number().int() }),
  /** The hub no longer accepts the session: sync is paused until the user logs in again (nothing is lost). */
  'session.expired': z.object({}),
  'numbers.low': NumberReserve,
  /** An administrator changed the city's configuration and this workstation has fetched it: screens reread it. */
  'config.changed': z.object({}),
} as const satisfies Record<string, z.ZodType>;

export type RequestName = keyof typeof desktopRequests;
export type RequestArgs<N extends RequestName> = z.input<(typeof desktopRequests)[N]['args']>;
export type RequestResult<N extends RequestName> = z.output<(typeof desktopRequests)[N]['result']>;
export type EventName = keyof typeof desktopEvents;
export type EventPayload<E extends EventName> = z.output<(typeof desktopEvents)[E]>;
export type DesktopEvent = { [E in EventName]: { name: E; payload: EventPayload<E> } }[EventName];

export const ApiErrorBody = z.object({
  code: z.enum(['invalidInput', 'unknownRequest', 'forbidden', 'unavailable', 'internal']),
  message: z.string(),
  field: z.string().optional(),
});
export type ApiErrorBody = z.infer<typeof ApiErrorBody>;

/** What a transport carries back for one request: never a thrown exception across the boundary. */
export type ApiEnvelope = { ok: true; result: unknown } | { ok: false; error: ApiErrorBody };

export class DesktopApiError extends Error {
  constructor(readonly body: ApiErrorBody) {
    super(body.message);
    this.name = 'DesktopApiError';
  }
}
