// push: applies a workstation's mutations in order, exactly once, re-running the shared rules with
// each actor's real permissions. The whole batch is decided in memory on the tickets it touches
// (loaded and locked at once) and written with a few multi-row statements in one transaction,
// atomically with the client's last mutation id.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { sql } from 'kysely';
import type { Mutation, MutationResult, PushEnvelope, PushResponse } from '../../src-shared/api/sync';
import { mutationContent, mutationProofText, mutationSchema, SUPPORTED_PROTOCOL_VERSIONS } from '../../src-shared/api/sync';
import {
  applyEvents,
  decide,
  filesAttachedBy,
  refusalFromZod,
  ticketsTouchedBy,
  type Actor,
  type Command,
  type Directory,
  type Ticket,
} from '../../src-shared/ticket';
import type { Refusal } from '../../src-shared/ticket';
import type { HubUser } from '../../src-shared/api/hub';
import { findInputProblem, inputProblemMessage, storableCopy } from '../../src-shared/text';
import { formatWarsawTime } from '../../src-shared/format';
import type { CentralDb } from '../db/connect';
import { cachedDirectory, loadActors } from '../directory';
import { leaseCheck, type Lease } from './numbers';
import { claimFiles, loadFileOwners } from '../file-claims';
import { addApplied, emptyBatch, writeBatch, type BatchOutcome, type RefusedRecord } from '../ticket-writer';

export class PushError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * How far an action's time may lie ahead of the hub's clock, or before the workstation's last sync: clocks
 * drift and a sync cycle takes a while; beyond that the time is a wrong clock or a backdated action.
 */
export const CLOCK_TOLERANCE_MS = 15 * 60_000;

/** A mutation as it arrived: only its id is known to be well formed. */
type RawMutation = PushEnvelope['mutations'][number];

export async function push(db: CentralDb, user: HubUser, req: PushEnvelope, receivedAt: Date): Promise<PushResponse> {
  // A deadlock can still arise between split siblings read mid-batch; the loser is rolled back whole, so run it again.
  for (let attempt = 1; ; attempt++) {
    try {
      return await pushOnce(db, user, req, receivedAt);
    } catch (err) {
      if (attempt < 3 && (err as { code?: string }).code === '40P01') continue;
      throw err;
    }
  }
}

async function pushOnce(db: CentralDb, user: HubUser, req: PushEnvelope, receivedAt: Date): Promise<PushResponse> {
  const skewSeconds = Math.round((Date.parse(req.sentAt) - receivedAt.getTime()) / 1000);
  const directory = await cachedDirectory(db);
  return db.transaction().execute(async (tx) => {
    const client = await lockClient(tx, req.clientId, user.id);
    let lastId = client.lastMutationId;

    const fresh = req.mutations.filter((m) => m.mutationId > lastId);
    fresh.forEach((m, i) => {
      if (m.mutationId !== lastId + 1 + i) {
        throw new PushError(409, 'mutationGap', `Mutation ${lastId + 1 + i} is missing before ${m.mutationId}; push the outbox in order.`);
      }
    });
    const results = await earlierOutcomes(
      tx,
      req.clientId,
      req.mutations.filter((m) => m.mutationId <= lastId),
    );

    if (fresh.length > 0) lastId = fresh.at(-1)!.mutationId;
    // The client's row is locked since the read above; its new last id commits with the batch.
    await tx
      .updateTable('sync_client')
      .set({ last_mutation_id: lastId, last_push_at: receivedAt, clock_skew_seconds: skewSeconds })
      .where('client_id', '=', req.clientId)
      .execute();
    if (fresh.length > 0) {
      const checked = fresh.map(checkShape);
      const valid = checked.flatMap((c) => (c.ok ? [c.mutation] : []));
      const context: BatchContext = {
        directory,
        actors: await loadActors(
          tx,
          valid.map((m) => m.actorId),
        ),
        isLeased: client.isLeased,
        sessionUserId: user.id,
        clientId: req.clientId,
        grants: await loadGrants(
          tx,
          valid.filter((m) => m.actorId !== user.id),
        ),
        // Nothing the workstation still had to send can be older than its last pull (or its first login).
        earliest: client.syncedAt.getTime() - CLOCK_TOLERANCE_MS,
        latest: receivedAt.getTime() + CLOCK_TOLERANCE_MS,
      };
      // Tickets are locked row by row while deciding; the change-feed lock is taken only for the final write.
      const outcome = await decideBatch(tx, context, checked, receivedAt);
      results.push(...outcome.results);
      await writeBatch(tx, req.clientId, outcome, receivedAt);
      await tx
        .insertInto('pushed_batch')
        .values({
          client_id: req.clientId,
          first_mutation_id: fresh[0]!.mutationId,
          last_mutation_id: lastId,
          digests: Buffer.concat(fresh.map(digestOf)),
        })
        .execute();
    }
    return { lastMutationId: lastId, results, clockSkewSeconds: skewSeconds };
  });
}

type Checked = { ok: true; mutation: Mutation; raw: RawMutation } | { ok: false; raw: RawMutation; refusal: Refusal };

/** A mutation that is not what the protocol says, or holds text the database cannot store, is refused on its own. */
function checkShape(raw: RawMutation): Checked {
  const problem = findInputProblem(raw);
  if (problem) return { ok: false, raw, refusal: { code: 'invalidInput', field: problem.field, message: inputProblemMessage(problem) } };
  const parsed = mutationSchema.safeParse(raw, { reportInput: true });
  if (!parsed.success) return { ok: false, raw, refusal: refusalFromZod(parsed.error) };
  return { ok: true, mutation: parsed.data, raw };
}

/** 16 bytes that tell one mutation's content from another's (a resent id must carry the same). */
function digestOf(raw: RawMutation): Buffer {
  const { mutationId: _id, proof: _proof, ...content } = storableCopy(raw) as RawMutation;
  return createHash('sha256')
    .update(mutationContent(content as Mutation))
    .digest()
    .subarray(0, 16);
}

/**
 * What became of mutations pushed before (a retry after a lost answer): refused ones are reported as
 * refused again, with the recorded reason, so the workstation still puts them in "to resolve". A resent id
 * whose content differs from what was applied (a workstation restored from a backup, or cloned) is refused
 * loudly instead of passing for a duplicate.
 */
async function earlierOutcomes(tx: CentralDb, clientId: string, resent: RawMutation[]): Promise<MutationResult[]> {
  if (resent.length === 0) return [];
  const ids = resent.map((m) => m.mutationId);
  const [refused, batches] = await Promise.all([
    tx
      .selectFrom('refused_mutation')
      .select(['mutation_id', 'refusal'])
      .where('client_id', '=', clientId)
      .where('mutation_id', 'in', ids)
      .execute(),
    tx
      .selectFrom('pushed_batch')
      .select(['first_mutation_id', 'last_mutation_id', 'digests'])
      .where('client_id', '=', clientId)
      .where('last_mutation_id', '>=', Math.min(...ids))
      .where('first_mutation_id', '<=', Math.max(...ids))
      .execute(),
  ]);
  const reasons = new Map(refused.map((r) => [Number(r.mutation_id), r.refusal as Refusal]));
  const recordedDigest = (id: number) => {
    const batch = batches.find((b) => Number(b.first_mutation_id) <= id && id <= Number(b.last_mutation_id));
    const offset = batch ? (id - Number(batch.first_mutation_id)) * 16 : 0;
    return batch ? Buffer.from(batch.digests).subarray(offset, offset + 16) : undefined;
  };
  return resent.map((m) => {
    const recorded = recordedDigest(m.mutationId);
    if (recorded && !recorded.equals(digestOf(m))) {
      return {
        mutationId: m.mutationId,
        status: 'refused' as const,
        refusal: {
          code: 'conflict',
          message: `Centrala przyjęła już inną czynność o numerze ${m.mutationId} z tego stanowiska (stanowisko odtworzone z kopii lub sklonowane?). Ta nie została zapisana — sprawdź zgłoszenie i wykonaj ją ponownie; zgłoś to administratorowi.`,
        },
      };
    }
    const refusal = reasons.get(m.mutationId);
    return refusal
      ? { mutationId: m.mutationId, status: 'refused' as const, refusal }
      : { mutationId: m.mutationId, status: 'duplicate' as const };
  });
}

interface Grant {
  userId: string;
  installationId: string;
  key: Buffer;
  issuedAt: number;
  /** Expiry or revocation, whichever comes first. */
  endsAt: number;
}

interface BatchContext {
  directory: Directory;
  actors: Map<string, Actor>;
  isLeased: (number: string) => boolean;
  sessionUserId: string;
  clientId: string;
  grants: Map<string, Grant>;
  earliest: number;
  latest: number;
}

/**
 * Locks the workstation's row (created on its first push) and reads, in the same round trip, the numbers
 * leased to it and the moment before which it can have nothing left to send: its last pull, or for a
 * workstation that never pulled, its first login.
 */
async function lockClient(tx: CentralDb, clientId: string, userId: string) {
  const row = await tx
    .insertInto('sync_client')
    .values({ client_id: clientId, user_id: userId })
    // Updating the row locks it, so pushes of one workstation run one after another.
    .onConflict((oc) => oc.column('client_id').doUpdateSet({ user_id: userId }))
    .returning([
      'last_mutation_id',
      sql<
        Lease[]
      >`coalesce((select json_agg(json_build_object('year', year, 'first', first, 'last', last)) from ticket_number_lease where client_id = ${clientId}), '[]')`.as(
        'leases',
      ),
      sql<Date>`coalesce(synced_at, (select min(created_at) from session where installation_id = ${clientId}), now())`.as('synced_at'),
    ])
    .executeTakeFirstOrThrow();
  return { lastMutationId: Number(row.last_mutation_id), isLeased: leaseCheck(row.leases), syncedAt: new Date(row.synced_at) };
}

/** The offline grants the batch's proofs name (only actions of users other than the session's need one). */
async function loadGrants(tx: CentralDb, mutations: Mutation[]): Promise<Map<string, Grant>> {
  const ids = [...new Set(mutations.flatMap((m) => (m.proof ? [m.proof.slice(0, 36)] : [])))];
  if (ids.length === 0) return new Map();
  const rows = await tx.selectFrom('offline_grant').selectAll().where('id', 'in', ids).execute();
  return new Map(
    rows.map((g) => [
      g.id as string,
      {
        userId: g.user_id,
        installationId: g.installation_id,
        key: Buffer.from(g.key),
        issuedAt: new Date(g.issued_at).getTime(),
        endsAt: Math.min(new Date(g.expires_at).getTime(), g.revoked_at ? new Date(g.revoked_at).getTime() : Infinity),
      },
    ]),
  );
}

async function decideBatch(tx: CentralDb, context: BatchContext, checked: Checked[], receivedAt: Date): Promise<BatchOutcome> {
  const { directory, actors } = context;
  const mutations = checked.flatMap((c) => (c.ok ? [c.mutation] : []));
  const tickets = new Map<string, Ticket>();
  const fetched = new Set<string>();
  /** Loads (and locks) the tickets not yet read in this batch; the batch's own changes stay in `tickets`. */
  async function load(numbers: readonly string[]): Promise<void> {
    const missing = numbers.filter((n) => !fetched.has(n));
    if (missing.length === 0) return;
    missing.forEach((n) => fetched.add(n));
    // Locked in number order, the same in every transaction, so two pushes never wait for each other in a circle.
    const rows = await tx
      .selectFrom('ticket')
      .select(['number', 'data'])
      .where('number', 'in', missing)
      .orderBy('number')
      .forUpdate()
      .execute();
    for (const r of rows) if (!tickets.has(r.number)) tickets.set(r.number, r.data as Ticket);
  }
  // Most of the batch in one round trip; split siblings are read as the loop meets them.
  await load([...new Set(mutations.flatMap((m) => [m.args.ticket, ...(m.args.newTicketNumbers ?? [])]).filter((n): n is string => !!n))]);

  const files = await loadFileOwners(
    tx,
    mutations.flatMap((m) => filesAttachedBy(m.args.command).map((f) => f.id)),
  );
  const outcome = emptyBatch();
  const refuse = (record: RefusedRecord) => {
    outcome.refused.push(record);
    outcome.results.push({ mutationId: record.mutationId, status: 'refused', refusal: record.refusal });
  };
  for (const c of checked) {
    if (!c.ok) {
      refuse(unreadableRecord(c.raw, c.refusal, receivedAt));
      continue;
    }
    const m = c.mutation;
    const target = m.args.ticket ? (tickets.get(m.args.ticket) ?? null) : null;
    await load(ticketsTouchedBy(target, m.args.newTicketNumbers));
    const refusal = checkMutation(m, c.raw, context, tickets);
    const decided = refusal
      ? { ok: false as const, refusal }
      : decide(target, { ...m.args.command, outage: m.outage } as Command, actors.get(m.actorId)!, m.at, {
          directory,
          newTicketNumbers: m.args.newTicketNumbers,
        });
    const decision = decided.ok ? claimFiles(m.args.command as Command, decided.events, context.clientId, files) : decided;
    if (!decision.ok) {
      refuse({ mutationId: m.mutationId, actorId: m.actorId, at: m.at, args: m.args, refusal: decision.refusal });
      continue;
    }
    decision.claims.forEach((ticket, id) => outcome.claims!.set(id, ticket));
    const applied = applyEvents(tickets, decision.events);
    applied.changed.forEach((ticket, number) => tickets.set(number, ticket));
    addApplied(outcome, applied, m.mutationId);
    outcome.results.push({ mutationId: m.mutationId, status: 'applied' });
  }
  return outcome;
}

/** What can be kept of a mutation that could not be read: enough to show it was refused and why. */
function unreadableRecord(raw: RawMutation, refusal: Refusal, receivedAt: Date): RefusedRecord {
  const copy = storableCopy(raw) as Record<string, unknown>;
  const at = mutationSchema.shape.at.safeParse(copy.at);
  return {
    mutationId: raw.mutationId,
    actorId: typeof copy.actorId === 'string' ? copy.actorId.slice(0, 100) : '',
    at: at.success ? at.data : receivedAt.toISOString(),
    args: copy.args ?? null,
    refusal,
  };
}

/** What the hub checks beyond the shared rules: whose action it is, whether its time can be true, and whose numbers. */
function checkMutation(m: Mutation, raw: RawMutation, ctx: BatchContext, tickets: Map<string, Ticket>): Refusal | undefined {
  if (!SUPPORTED_PROTOCOL_VERSIONS.includes(m.protocolVersion)) {
    return {
      code: 'invalidInput',
      field: 'protocolVersion',
      message: `Ta wersja centrali nie obsługuje zapisu w wersji ${m.protocolVersion}. Zaktualizuj aplikację.`,
    };
  }
  const at = Date.parse(m.at);
  if (at > ctx.latest) {
    return {
      code: 'invalidInput',
      field: 'at',
      message: `Czas czynności (${formatWarsawTime(m.at)}) jest w przyszłości według zegara centrali. Popraw datę i godzinę na tym stanowisku, potem wykonaj czynność ponownie.`,
    };
  }
  if (at < ctx.earliest) {
    return {
      code: 'invalidInput',
      field: 'at',
      message: `Czas czynności (${formatWarsawTime(m.at)}) jest wcześniejszy niż ostatnia synchronizacja tego stanowiska. Popraw datę i godzinę na tym stanowisku, potem wykonaj czynność ponownie.`,
    };
  }
  if (!ctx.actors.has(m.actorId)) {
    return { code: 'forbidden', message: 'Autor tej czynności nie jest aktywnym użytkownikiem.' };
  }
  if (m.actorId !== ctx.sessionUserId && !provesSignIn(m, raw, ctx)) {
    const name = ctx.directory.users?.[m.actorId]?.name ?? 'inny użytkownik';
    return {
      code: 'forbidden',
      message: `Tę czynność zapisano jako: ${name}, a centrala nie ma dowodu, że był(a) wtedy zalogowany(-a) na tym stanowisku. Niech ta osoba zaloguje się tutaj i wykona ją ponownie.`,
    };
  }
  for (const number of m.args.newTicketNumbers ?? []) {
    if (!ctx.isLeased(number))
      return { code: 'invalidInput', field: 'newTicketNumbers', message: `Numer ${number} nie został przydzielony temu stanowisku.` };
    if (tickets.has(number)) return { code: 'invalidInput', field: 'newTicketNumbers', message: `Numer ${number} jest już zajęty.` };
  }
  return undefined;
}

/**
 * Another user's action is accepted only signed with the offline grant the hub issued at that user's login on
 * this workstation, and only if it was taken while the grant was in force (before logout, expiry, revocation).
 */
function provesSignIn(m: Mutation, raw: RawMutation, ctx: BatchContext): boolean {
  if (!m.proof) return false;
  const grant = ctx.grants.get(m.proof.slice(0, 36));
  if (!grant || grant.userId !== m.actorId || grant.installationId !== ctx.clientId) return false;
  const at = Date.parse(m.at);
  if (at < grant.issuedAt - CLOCK_TOLERANCE_MS || at >= grant.endsAt) return false;
  const { proof: _proof, ...signed } = raw;
  const expected = createHmac('sha256', grant.key)
    .update(mutationProofText(ctx.clientId, signed as Mutation))
    .digest();
  const given = Buffer.from(m.proof.slice(37), 'base64url');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
