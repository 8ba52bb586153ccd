// Tickets: actions recorded locally first (then sent by sync), the queues and searches over the
// local replica, a ticket's history, and the street names and ticket numbers intake needs.
import { searchStreetCopy } from '../street-copy';
import { z } from 'zod';
import { owedDelayInfo, type ClockStatus } from '../../../src-shared/calendar';
import {
  allowedCommands,
  commandLabels,
  describeEvent,
  ticketDeadlines,
  type Command,
  type CommandType,
  type Refusal,
  type Ticket,
} from '../../../src-shared/ticket';
import { polishCollator } from '../../../src-shared/text';
import { hubRequest } from '../hub-client';
import { availableNumbers, WARN_BELOW, warnIfFewNumbers } from '../numbers';
import { pendingFor } from '../outbox';
import { nearbyTickets, queueCounts, queuePage, registerQueryFunctions, searchTickets, type QueryView } from '../queries';
import type { View } from '../signed-in';
import { executeCommand } from '../tickets';
import type { CoreContext, HandlerSlice, RunCommand } from './context';

/** Records an action; online it is sent at once, offline it waits in the outbox (and may use a leased number). */
export function commandRunner(ctx: Pick<CoreContext, 'store' | 'signedIn' | 'connection' | 'now' | 'emit' | 'requestSync'>): RunCommand {
  const { db } = ctx.store;
  return async (ticket, command, alsoOnSuccess) => {
    const v = ctx.signedIn.require();
    const offline = ctx.connection.offline;
    const { result, changed } = await executeCommand(
      db,
      v.rules,
      { ticket, command },
      new Date(ctx.now()).toISOString(),
      offline,
      alsoOnSuccess,
    );
    if (result.ok) {
      ctx.emit({ name: 'tickets.changed', payload: { numbers: changed } });
      await ctx.connection.update();
      if (offline) await warnIfFewNumbers(db, ctx.emit);
      else void ctx.requestSync();
    }
    return result;
  };
}

/** Bulk work: each ticket's action recorded on its own (own transaction, own outbox entry), one refresh and one sync at the end. */
export function manyRunner(ctx: Pick<CoreContext, 'store' | 'signedIn' | 'connection' | 'now' | 'emit' | 'requestSync'>) {
  const { db } = ctx.store;
  return async (items: { ticket: string; command: Command }[]) => {
    const v = ctx.signedIn.require();
    const offline = ctx.connection.offline;
    const changed = new Set<string>();
    const results: { ticket: string; ok: boolean; refusal?: Refusal }[] = [];
    for (const item of items) {
      const { result, changed: touched } = await executeCommand(db, v.rules, item, new Date(ctx.now()).toISOString(), offline);
      touched.forEach((n) => changed.add(n));
      results.push(result.ok ? { ticket: item.ticket, ok: true } : { ticket: item.ticket, ok: false, refusal: result.refusal as Refusal });
    }
    if (changed.size) {
      ctx.emit({ name: 'tickets.changed', payload: { numbers: [...changed].slice(0, 1000) } });
      await ctx.connection.update();
      if (!offline) void ctx.requestSync();
    }
    return { results, savedLocally: offline };
  };
}

export function ticketHandlers(
  ctx: Pick<CoreContext, 'hubUrl' | 'store' | 'signedIn' | 'connection' | 'now' | 'runCommand' | 'emit' | 'requestSync'>,
): HandlerSlice<
  | 'tickets.execute'
  | 'tickets.executeMany'
  | 'tickets.get'
  | 'tickets.queue'
  | 'tickets.queueCounts'
  | 'tickets.search'
  | 'tickets.nearby'
  | 'tickets.history'
  | 'streets.search'
  | 'numbers.reserve'
> {
  const { db } = ctx.store;
  const { signedIn } = ctx;
  const today = () => new Date(ctx.now());
  registerQueryFunctions(ctx.store.sqlite);
  const runMany = manyRunner(ctx);
  const queryView = (): QueryView => {
    const v = signedIn.require();
    return { actor: v.rules.actor, directory: v.directory, calendar: v.calendar };
  };

  /** The hub's history when it answers, else what this workstation knows: its own pending actions. */
  async function ticketHistory(number: string, v: View) {
    const local = (await pendingFor(db, [number])).map((e) => ({
      at: e.at,
      actor: v.directory.users?.[e.actorId]?.name ?? e.actorId,
      text: `${commandLabels[(e.args.command as { type: CommandType }).type] ?? e.args.command.type} (czeka na wysłanie do centrali)`,
      outage: e.outage,
      pending: true,
    }));
    // In a declared outage the hub is not asked, so the screen shows what this workstation holds.
    if (ctx.connection.declaredByUser) return local;
    try {
      const res = await hubRequest(ctx.hubUrl, `/tickets/${encodeURIComponent(number)}/history`, historySchema, {
        token: v.session.token,
        timeoutMs: 5000,
      });
      const hub = res.events.map((e) => ({
        at: e.at,
        actor: v.directory.users?.[e.actorId]?.name ?? e.actorId,
        text: describeEvent(e, v.directory),
        outage: e.outage,
        pending: false,
      }));
      return [...hub, ...local];
    } catch {
      return local;
    }
  }

  return {
    'tickets.execute': ({ ticket, command }) => ctx.runCommand(ticket, command as Command),
    'tickets.executeMany': ({ items }) => runMany(items as { ticket: string; command: Command }[]),
    'tickets.get': async ({ number }) => {
      const v = signedIn.require();
      const row = await db.selectFrom('ticket').select(['data', 'pending']).where('number', '=', number).executeTakeFirst();
      if (!row) return null;
      const ticket = JSON.parse(row.data) as Ticket;
      const deadlines = ticketDeadlines(v.calendar, ticket, today());
      const realization = deadlines.find((d) => d.clock === 'realization');
      const delayOwed = owedDelayInfo(
        realization && realization.state !== 'closed' ? ({ state: realization.state } as ClockStatus) : null,
        { hasDelayReason: !!ticket.plannedCompletion?.delayReason, hasPlannedCompletion: !!ticket.plannedCompletion?.plannedOn },
      );
      return {
        ticket,
        allowedCommands: allowedCommands(v.rules.actor, ticket, v.directory),
        pending: row.pending > 0,
        deadlines,
        delayOwed,
      };
    },
    'tickets.queue': ({ queue, query, limit, offset }) => queuePage(db, queryView(), queue, query, limit, offset, today()),
    'tickets.queueCounts': ({ queue, query }) => queueCounts(db, queryView(), queue, query, today()),
    'tickets.search': ({ text }) => searchTickets(db, queryView(), text, today()),
    'tickets.nearby': ({ categoryId, address }) => nearbyTickets(db, queryView(), categoryId, address, today()),
    'tickets.history': async ({ number }) => ticketHistory(number, signedIn.require()),
    'streets.search': async ({ text }) => {
      // Without the hub (or while it is not answering) the workstation's copy: no 3-second wait per keystroke.
      if (ctx.connection.offline) return searchStreetCopy(db, text);
      return (await searchStreets(ctx.hubUrl, signedIn.require().session.token, text)) ?? searchStreetCopy(db, text);
    },
    'numbers.reserve': async () => ({ available: await availableNumbers(db), warnBelow: WARN_BELOW }),
  };
}

const historySchema = z.object({ events: z.array(z.any()) });

/** Street names from the hub; undefined when it cannot be asked (the caller falls back to the workstation's copy). */
async function searchStreets(hubUrl: string, token: string | undefined, text: string): Promise<{ id: string; name: string }[] | undefined> {
  try {
    const res = await hubRequest(
      hubUrl,
      `/streets?q=${encodeURIComponent(text)}`,
      z.array(z.object({ id: z.string(), name: z.string() })),
      { token, timeoutMs: 3000 },
    );
    return res.sort((a, b) => polishCollator.compare(a.name, b.name));
  } catch {
    return undefined;
  }
}
