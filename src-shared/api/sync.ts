// The sync protocol between a workstation and the hub (DESIGN.md "The sync protocol"): push of
// mutations, pull of changes, ticket-number leases. Server-authoritative and exactly-once: a
// mutation is identified by (clientId, mutationId), ids are 1, 2, 3… per client without gaps, and
// the hub applies each exactly once, atomically with the client's last mutation id.
import { z } from 'zod';
import { isoDateTimeSchema, storableString, ticketNumberSchema, ticketSchema, type Ticket } from '../ticket/model';
import { ticketEventSchema } from '../ticket/ticket-events';
import { extraDaySchema } from '../calendar/config';

/**
 * Bumped when the protocol changes; the hub keeps serving the previous version, so workstations can be
 * upgraded after it and the outbox a workstation wrote before an upgrade still replays.
 * 1: pull pages are JSON with tickets as objects. 2: pull pages are lines carrying each ticket's stored
 * text beside the few fields a workstation files it by (see readPullPage); a first sync stores 100,000
 * tickets without anyone escaping, parsing or re-encoding them. Mutations are the same in both.
 */
export const PROTOCOL_VERSION = 2;
export const SUPPORTED_PROTOCOL_VERSIONS: readonly number[] = [1, 2];
const protocolVersionSchema = z.number().int().positive();

/** Largest push body a desktop sends; bigger outboxes go in several pushes (no 4 MB cliffs). */
export const MAX_PUSH_BYTES = 1024 * 1024;
export const MAX_PUSH_MUTATIONS = 2000;
/** Files the actions of one push may attach: their uploads (at most 10 MB each) always fit the hub's quota of unused uploads. */
export const MAX_PUSH_FILES = 100;

/** A ticket command as it travels: the ticket it targets (none for creation) and the numbers it uses. */
export const ticketMutationArgsSchema = z.object({
  /** The ticket the command acts on; absent for commands that create one. */
  ticket: ticketNumberSchema.optional(),
  /** The command itself, validated by the shared rules (decide) on both sides. */
  command: z.record(z.string(), z.unknown()).and(z.object({ type: z.string() })),
  /** Numbers from the workstation's leased block for the tickets this command creates, in order. */
  newTicketNumbers: z.array(ticketNumberSchema).max(21).optional(),
});
export type TicketMutationArgs = z.infer<typeof ticketMutationArgsSchema>;

export const mutationSchema = z.object({
  mutationId: z.number().int().positive(),
  /** What kind of mutation; `ticket` carries a ticket command. */
  name: z.literal('ticket'),
  args: ticketMutationArgsSchema,
  /** When it really happened, by the workstation's clock (ISO UTC). */
  at: isoDateTimeSchema,
  /** The user who did it on the workstation. */
  actorId: storableString().min(1).max(100),
  /** Taken while the hub was unreachable (P§29–P§32). */
  outage: z.boolean(),
  /** The version of the workstation that wrote it (an outbox may outlive an upgrade). */
  protocolVersion: protocolVersionSchema,
  /**
   * `<grant id>.<signature>`: the action signed with the offline grant the hub issued at the actor's login on
   * this workstation (see mutationProofText). Needed when the push is made with another user's session.
   * The grant id is a UUID's shape exactly: the hub looks it up in a uuid column.
   */
  proof: z
    .string()
    .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.[A-Za-z0-9_-]{43}$/)
    .optional(),
});
export type Mutation = z.infer<typeof mutationSchema>;

export const pushRequestSchema = z.object({
  clientId: z.uuid(),
  /** The workstation's clock when it sent the push, to measure its skew. */
  sentAt: isoDateTimeSchema,
  mutations: z.array(mutationSchema).min(1).max(MAX_PUSH_MUTATIONS),
});
export type PushRequest = z.infer<typeof pushRequestSchema>;

/**
 * What the hub checks of a push as a whole. Each mutation is checked on its own after that: one malformed
 * or poisoned mutation is refused alone (to the workstation's "to resolve" inbox) and never blocks the rest.
 */
export const pushEnvelopeSchema = pushRequestSchema.extend({
  mutations: z
    .array(z.looseObject({ mutationId: z.number().int().positive() }))
    .min(1)
    .max(MAX_PUSH_MUTATIONS),
});
export type PushEnvelope = z.infer<typeof pushEnvelopeSchema>;

/** JSON with object keys sorted, so both sides read the same text from the same value whatever the key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v ?? null)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** What a mutation says, as text: compared when a mutation id comes again, and signed by its proof. */
export function mutationContent(m: Omit<Mutation, 'mutationId' | 'proof'>): string {
  return canonicalJson({ name: m.name, args: m.args, at: m.at, actorId: m.actorId, outage: m.outage, protocolVersion: m.protocolVersion });
}

/** The text an offline grant's key signs (HMAC-SHA-256): the mutation bound to its workstation and id. */
export function mutationProofText(clientId: string, m: Omit<Mutation, 'proof'>): string {
  return `usterka-mutation\n${clientId}\n${m.mutationId}\n${mutationContent(m)}`;
}

export const refusalSchema = z.object({
  code: z.string(),
  field: z.string().optional(),
  message: z.string(),
});

export const mutationResultSchema = z.discriminatedUnion('status', [
  z.object({ mutationId: z.number().int(), status: z.literal('applied') }),
  /** Already applied by an earlier push (a retry): nothing done again. */
  z.object({ mutationId: z.number().int(), status: z.literal('duplicate') }),
  /** Consumed without effect: the rules refused it. It waits in the workstation's "to resolve" inbox. */
  z.object({ mutationId: z.number().int(), status: z.literal('refused'), refusal: refusalSchema }),
]);
export type MutationResult = z.infer<typeof mutationResultSchema>;

export const pushResponseSchema = z.object({
  lastMutationId: z.number().int().nonnegative(),
  results: z.array(mutationResultSchema),
  /** The workstation's clock minus the hub's, in seconds (positive: the workstation is ahead). */
  clockSkewSeconds: z.number(),
});
export type PushResponse = z.infer<typeof pushResponseSchema>;

/** Cursors are change-feed positions, PostgreSQL bigints. */
const MAX_CURSOR = 2n ** 63n - 1n;

export const pullRequestSchema = z.object({
  clientId: z.uuid(),
  /** Where the last pull ended; null for a first sync. */
  cursor: z
    .string()
    .regex(/^\d{1,19}$/, 'The cursor is the one the previous pull returned.')
    // Zod runs this even when the pattern failed: only digits may reach BigInt.
    .refine((c) => !/^\d{1,19}$/.test(c) || BigInt(c) <= MAX_CURSOR, 'The cursor is the one the previous pull returned.')
    .nullable(),
  limit: z.number().int().min(1).max(5000).default(1000),
  /** The page format the workstation reads; version 1 workstations do not send it. */
  protocolVersion: protocolVersionSchema.default(1),
});
export type PullRequest = z.input<typeof pullRequestSchema>;

/** The fields of a ticket a workstation files it by (queues, searches), copied out of the ticket. */
export const ticketRowSchema = z.object({
  number: ticketNumberSchema,
  status: z.string(),
  unitId: z.string().nullable(),
  coordinatorGroupId: z.string().nullable(),
  realizerGroupId: z.string().nullable(),
  categoryId: z.string().nullable(),
  receivedAt: z.string(),
  forwardedAt: z.string().nullable(),
  routedGroupIds: z.array(z.string()),
  routedUnitIds: z.array(z.string()),
  /** The reporter's phone, when this user may see it. */
  phone: z.string().nullable(),
  address: z.string().nullable(),
});
export type TicketRow = z.infer<typeof ticketRowSchema>;

export function ticketRowOf(t: Ticket): TicketRow {
  return {
    number: t.number,
    status: t.status,
    unitId: t.unitId ?? null,
    coordinatorGroupId: t.coordinatorGroupId ?? null,
    realizerGroupId: t.realizerGroupId ?? null,
    categoryId: t.categoryId ?? null,
    receivedAt: t.times.receivedAt,
    forwardedAt: t.times.forwardedAt ?? null,
    routedGroupIds: t.routedGroupIds,
    routedUnitIds: t.routedUnitIds,
    phone: t.reporter.phone ?? null,
    address: t.location?.address ?? null,
  };
}

/** The ticket left this user's view (or was deleted): drop it from the replica. */
const tombstoneSchema = z.object({ kind: z.literal('tombstone'), number: ticketNumberSchema });

/** Protocol 1: the ticket as this user may see it (personal data removed where they may not see it). */
export const ticketChangeV1Schema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('ticket'), ticket: ticketSchema }),
  tombstoneSchema,
]);

/** Protocol 2: the same ticket as JSON text, stored by the workstation as it is, and its row. */
export type TicketChange = { kind: 'ticket'; row: TicketRow; text: string } | z.infer<typeof tombstoneSchema>;

const pullPageFields = {
  /** Pass it to the next pull. */
  cursor: z.string(),
  /** More changes wait: pull again at once. */
  more: z.boolean(),
  /** The last of this client's mutations the hub has applied or refused (drop those from the outbox). */
  lastMutationId: z.number().int().nonnegative(),
  /** Calendar configuration (extra days off / working days), sent on the first page of every pull. */
  extraDays: z.array(extraDaySchema).optional(),
};
export const pullResponseV1Schema = z.object({ changes: z.array(ticketChangeV1Schema), ...pullPageFields });
export type PullResponseV1 = z.infer<typeof pullResponseV1Schema>;
const pullEnvelopeSchema = z.object(pullPageFields);
export type PullEnvelope = z.infer<typeof pullEnvelopeSchema>;
export type PullResponse = PullEnvelope & { changes: TicketChange[] };

/**
 * Protocol 2 pull pages are lines (`application/x-ndjson`): the envelope first, then one line per change —
 * `{"kind":"tombstone","number":…}`, or `{"kind":"ticket","row":{…}}` followed by a line holding the
 * ticket's JSON text exactly as the hub stores it (JSON text never holds a raw line break).
 */
export const PULL_PAGE_TYPE = 'application/x-ndjson';
export const pullPageDescription =
  'Protocol 2: lines (application/x-ndjson) — the envelope {cursor, more, lastMutationId, extraDays}, then per change a tombstone {kind, number}, or {kind: "ticket", row} followed by a line with the ticket\'s JSON text. Protocol 1: JSON.';

export function writePullPage(envelope: PullEnvelope, changeLines: readonly string[]): string {
  return [JSON.stringify(envelope), ...changeLines].join('\n');
}

/** A ticket's lines in a protocol 2 page. */
export function ticketLines(rowJson: string, text: string): string {
  return `{"kind":"ticket","row":${rowJson}}\n${text.includes('\n') ? JSON.stringify(JSON.parse(text)) : text}`;
}

/**
 * Reads a protocol 2 page, checking its envelope and each change's kind and number, not every row field:
 * a first sync brings 100,000 tickets written by the same rules, and a deep check would add a third to
 * its time. Throws on anything else (the caller treats that as an unreadable answer).
 */
export function readPullPage(text: string): PullResponse {
  const lines = text.split('\n');
  const envelope = pullEnvelopeSchema.parse(JSON.parse(lines[0]!));
  const changes: TicketChange[] = [];
  for (let i = 1; i < lines.length; i++) {
    const change = JSON.parse(lines[i]!) as { kind?: unknown; row?: { number?: unknown }; number?: unknown };
    if (change.kind === 'ticket' && typeof change.row?.number === 'string' && lines[i + 1]?.startsWith('{')) {
      changes.push({ kind: 'ticket', row: change.row as TicketRow, text: lines[++i]! });
    } else if (change.kind === 'tombstone' && typeof change.number === 'string') {
      changes.push({ kind: 'tombstone', number: change.number });
    } else {
      throw new Error(`Line ${i + 1} of the pull page is not a change this version can read.`);
    }
  }
  return { ...envelope, changes };
}

export const leaseRequestSchema = z.object({
  clientId: z.uuid(),
  /** How many numbers the workstation wants in reserve. */
  count: z.number().int().min(1).max(1000),
});

export const leaseResponseSchema = z.object({
  year: z.number().int(),
  /** The leased numbers: first..last inclusive, formatted as `YYYY/NNNNNN`. */
  first: z.number().int().positive(),
  last: z.number().int().positive(),
});
export type LeaseResponse = z.infer<typeof leaseResponseSchema>;

/** An outage a workstation lived through (P§29), recorded on the hub. */
export const outagePeriodSchema = z
  .object({ startedAt: isoDateTimeSchema, endedAt: isoDateTimeSchema, declaredBy: z.enum(['auto', 'user']) })
  .refine((p) => Date.parse(p.endedAt) >= Date.parse(p.startedAt), {
    message: 'An outage cannot end before it starts.',
    path: ['endedAt'],
  });

export const outagePeriodsRequestSchema = z.object({
  clientId: z.uuid(),
  periods: z
    .array(outagePeriodSchema)
    .min(1)
    .max(1000)
    .refine(
      (ps) => new Set(ps.map((p) => Date.parse(p.startedAt))).size === ps.length,
      'Two outage periods start at the same moment; send each once.',
    ),
});
export const outagePeriodsResponseSchema = z.object({ recorded: z.number().int() });

/** `GET /tickets/:number/history`: the ticket's events as this user may see them (P§17.2). */
export const historyResponseSchema = z.object({ events: z.array(ticketEventSchema) });

/** `GET /streets?q=`: the city's streets whose name matches (diacritics-insensitive), for the intake form. */
export const streetsQuerySchema = z.object({ q: z.string().trim().min(1).max(100) });
export const streetsResponseSchema = z.array(z.object({ id: z.string(), name: z.string() }));
/** `GET /streets/all`: the whole dictionary, for the copy a workstation searches offline (`key`: the folded full name). */
export const streetListSchema = z.array(z.object({ id: z.string(), name: z.string(), key: z.string() }));

/** `2026/012345`. */
export function formatTicketNumber(year: number, n: number): string {
  return `${year}/${String(n).padStart(6, '0')}`;
}
