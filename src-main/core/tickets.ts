// Ticket actions on the workstation: decided by the shared rules (the same the hub re-runs), applied
// to the replica and written to the outbox in one SQLite transaction. And the rebase: when the hub's
// version of tickets arrives, the actions still pending are applied again on top of it.
import type { ExecuteResult } from '../../src-shared/api/desktop';
import { PROTOCOL_VERSION, type Mutation } from '../../src-shared/api/sync';
import {
  applyEvents,
  creationEventTypes,
  decide,
  numbersNeededBy,
  ticketsTouchedBy,
  type Actor,
  type Command,
  type DecideContext,
  type Ticket,
} from '../../src-shared/ticket';
import { append, nextMutationId, pendingCount, pendingFor, ticketsOf, type OutboxEntry } from './outbox';
import { takeNumbers } from './numbers';
import { readServerTickets, readTickets, writeLocalTickets } from './replica';
import type { LocalDb } from './store';

export interface RulesContext {
  actor: Actor;
  decide: Omit<DecideContext, 'newTicketNumbers'>;
  /** Actors of earlier users of this workstation, for re-applying their pending actions. */
  actorOf(userId: string): Actor | undefined;
  /** Signs an action of the signed-in user with their offline grant (absent: unsigned, the hub then needs their session). */
  prove?(mutation: Omit<Mutation, 'proof'>): string | undefined;
}

export async function executeCommand(
  db: LocalDb,
  rules: RulesContext,
  input: { ticket?: string; command: Command },
  at: string,
  outage: boolean,
  /** More to write in the same transaction when the command is accepted (e.g. clearing a retried refusal). */
  alsoOnSuccess?: (tx: LocalDb) => Promise<void>,
): Promise<{ result: ExecuteResult; changed: string[] }> {
  return db
    .transaction()
    .execute(async (tx): Promise<{ result: ExecuteResult; changed: string[] }> => {
      const target = input.ticket ? ((await readTickets(tx, [input.ticket])).get(input.ticket) ?? null) : null;
      if (input.ticket && !target) throw new Refused({ code: 'notFound', message: `Nie ma zgłoszenia ${input.ticket} na tym stanowisku.` });
      const numbers = await takeNumbers(tx, numbersNeededBy(input.command));
      if (!numbers) {
        throw new Refused({
          code: 'invalidInput',
          field: 'number',
          message: 'Skończyła się pula numerów zgłoszeń tego stanowiska. Połącz się z centralą, aby pobrać nowe numery.',
        });
      }
      const touched = ticketsTouchedBy(target, numbers);
      const loaded = await readTickets(tx, touched);
      const decision = decide(target, { ...input.command, outage } as Command, rules.actor, at, {
        ...rules.decide,
        newTicketNumbers: numbers,
      });
      if (!decision.ok) throw new Refused(decision.refusal);
      const applied = applyEvents(loaded, decision.events);
      const mutationId = await nextMutationId(tx);
      const changed = [...applied.changed.keys()];
      const args = { ticket: input.ticket, command: input.command as never, newTicketNumbers: numbers.length ? numbers : undefined };
      const proof = rules.prove?.({
        mutationId,
        name: 'ticket',
        args,
        at,
        actorId: rules.actor.userId,
        outage,
        protocolVersion: PROTOCOL_VERSION,
      });
      await append(
        tx,
        { mutationId, ticket: input.ticket ?? null, args, at, actorId: rules.actor.userId, outage, ...(proof ? { proof } : {}) },
        changed,
      );
      await writeLocalTickets(tx, applied.changed.values());
      await markPending(tx, changed);
      await alsoOnSuccess?.(tx);
      const createdNumbers = decision.events.filter((e) => creationEventTypes.includes(e.type)).map((e) => e.ticket);
      const ticket = input.ticket ? (applied.changed.get(input.ticket) ?? target) : (applied.changed.get(createdNumbers[0] ?? '') ?? null);
      return { result: { ok: true, ticket, createdNumbers, savedLocally: outage }, changed };
    })
    .catch((err: unknown) => {
      // A refusal rolls the transaction back (numbers stay unused) and goes to the screen.
      if (err instanceof Refused) return { result: { ok: false as const, refusal: err.refusal }, changed: [] };
      throw err;
    });
}

/** Thrown inside the transaction to roll it back and answer with a refusal. */
export class Refused extends Error {
  constructor(readonly refusal: { code: string; field?: string; message: string }) {
    super(refusal.message);
  }
}

/** Sets each ticket's count of pending actions from the outbox. */
async function markPending(db: LocalDb, numbers: readonly string[]): Promise<void> {
  for (const number of numbers) {
    const row = await db
      .selectFrom('outbox_ticket')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('ticket', '=', number)
      .executeTakeFirstOrThrow();
    await db
      .updateTable('ticket')
      .set({ pending: Number(row.n) })
      .where('number', '=', number)
      .execute();
  }
}

/**
 * Re-applies the pending actions touching these tickets on top of the hub's versions, so screens
 * show the hub's truth plus what this workstation has not yet sent. An action the rules now refuse
 * is skipped here; the hub will refuse it too and it lands in the "to resolve" inbox.
 */
export async function rebase(db: LocalDb, rules: RulesContext | undefined, numbers: readonly string[]): Promise<void> {
  // Most pulls (a first sync above all) meet an empty outbox: nothing to re-apply.
  if (numbers.length === 0 || (await pendingCount(db)) === 0) return;
  if (!rules) return;
  // Follow pending actions from ticket to ticket (a split then an action on a part) until none is new.
  const involvedSet = new Set(numbers);
  let pending: OutboxEntry[];
  for (;;) {
    pending = await pendingFor(db, [...involvedSet]);
    const size = involvedSet.size;
    for (const n of await ticketsOf(
      db,
      pending.map((e) => e.mutationId),
    ))
      involvedSet.add(n);
    if (involvedSet.size === size) break;
  }
  if (pending.length === 0) return;
  const involved = [...involvedSet];
  const tickets = new Map<string, Ticket>(await readServerTickets(db, involved));
  const touched = new Set<string>();
  for (const entry of pending) applyPending(entry, tickets, rules, touched);
  await writeLocalTickets(db, [...touched].map((n) => tickets.get(n)!).filter(Boolean));
  await markPending(db, [...touched]);
}

function applyPending(entry: OutboxEntry, tickets: Map<string, Ticket>, rules: RulesContext, touched: Set<string>): void {
  const actor = rules.actorOf(entry.actorId);
  if (!actor) return;
  const target = entry.ticket ? (tickets.get(entry.ticket) ?? null) : null;
  const decision = decide(target, { ...(entry.args.command as Command), outage: entry.outage } as Command, actor, entry.at, {
    ...rules.decide,
    newTicketNumbers: entry.args.newTicketNumbers,
  });
  if (!decision.ok) return;
  const applied = applyEvents(tickets, decision.events);
  for (const [n, t] of applied.changed) {
    tickets.set(n, t);
    touched.add(n);
  }
}
