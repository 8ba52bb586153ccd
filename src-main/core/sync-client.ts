// The sync client: pushes the outbox in bounded chunks (with progress), pulls the hub's changes in
// pages, rebases pending actions on them, keeps a poke stream open, and leases ticket numbers.
// One cycle at a time; failures surface to the connection state, never drop the outbox.
import {
  leaseResponseSchema,
  MAX_PUSH_BYTES,
  MAX_PUSH_FILES,
  MAX_PUSH_MUTATIONS,
  readPullPage,
  pushResponseSchema,
  PROTOCOL_VERSION,
  type Mutation,
  type PullResponse,
} from '../../src-shared/api/sync';
import { z } from 'zod';
import { hubRequest, HubRequestError } from './hub-client';
import { uploadFilesFor } from './files';
import { addBlock, availableNumbers, LEASE_BLOCK, LEASE_WHEN_BELOW } from './numbers';
import { lastOutboxId, moveToResolve, pendingCount, pendingEntries, remove, toMutation, type OutboxEntry } from './outbox';
import type Database from 'better-sqlite3';
import { dropTickets, readServerTickets, serverTicketOf, writeServerTickets } from './replica';
import { rebase, type RulesContext } from './tickets';
import { needsTicketNumbers } from '../../src-shared/ticket/numbering';
import { filesAttachedBy } from '../../src-shared/ticket';
import type { LocalDb } from './store';

export interface SyncDeps {
  db: LocalDb;
  /** The same connection, for bulk writes (see writeServerTickets). */
  sqlite: Database.Database;
  hubUrl: string;
  clientId: string;
  token(): string | undefined;
  rules(): RulesContext | undefined;
  /** Progress of sending the backlog. */
  onPushProgress(sent: number, total: number): void;
  onPushed(summary: { applied: number; refused: number }): void;
  onTicketsChanged(numbers: string[]): void;
  onSessionExpired(): void;
  now(): Date;
}

export type SyncResult = { ok: true } | { ok: false; unreachable: boolean; error: string };

export async function syncOnce(input: SyncDeps): Promise<SyncResult> {
  const token = input.token();
  if (!token) return { ok: true };
  // One cycle works with the rules of its start, even if the user signs out meanwhile.
  const rules = input.rules();
  const deps: SyncDeps = { ...input, rules: () => rules };
  try {
    await leaseIfLow(deps, token);
    // Actions recorded after this cycle began wait for the next one.
    const upTo = await lastOutboxId(deps.db);
    await pushAll(deps, token, upTo);
    await pullAll(deps, token);
    return { ok: true };
  } catch (err) {
    if (err instanceof HubRequestError && err.status === 401) {
      deps.onSessionExpired();
      return { ok: false, unreachable: false, error: 'Sesja wygasła — zaloguj się ponownie, aby wysłać zapisane działania.' };
    }
    if (err instanceof HubRequestError) {
      // The hub (or its database) down, or a gateway before it: an outage may follow. Anything else is the hub
      // answering "no" — the same again on every retry — and is reported as such, never as the hub being away.
      if (err.status === 'unreachable' || [502, 503, 504].includes(err.status)) return { ok: false, unreachable: true, error: err.message };
      const id = err.body?.errorId ? `, identyfikator błędu ${err.body.errorId}` : '';
      return {
        ok: false,
        unreachable: false,
        error: `Centrala odrzuciła wysyłkę: ${err.message} (HTTP ${err.status}${id}). Zgłoś to administratorowi; zapisane działania czekają na tym stanowisku.`,
      };
    }
    throw err;
  }
}

async function leaseIfLow(deps: SyncDeps, token: string): Promise<void> {
  // Only users who register tickets lease numbers (the hub answers others 403).
  const rules = deps.rules();
  if (!rules || !needsTicketNumbers(rules.actor, rules.decide.directory)) return;
  if ((await availableNumbers(deps.db)) >= LEASE_WHEN_BELOW) return;
  const lease = await hubRequest(deps.hubUrl, '/sync/lease', leaseResponseSchema, {
    token,
    body: { clientId: deps.clientId, count: LEASE_BLOCK },
  });
  await addBlock(deps.db, lease);
}

/** Splits the outbox into pushes under the hub's byte and count limits, and with files that fit its upload quota. */
export function chunkMutations(mutations: Mutation[]): Mutation[][] {
  const chunks: Mutation[][] = [];
  let current: Mutation[] = [];
  let bytes = 0;
  let files = 0;
  for (const m of mutations) {
    const size = JSON.stringify(m).length + 1;
    const attached = filesAttachedBy(m.args.command).length;
    if (
      current.length &&
      (bytes + size > MAX_PUSH_BYTES - 4096 || current.length >= MAX_PUSH_MUTATIONS || files + attached > MAX_PUSH_FILES)
    ) {
      chunks.push(current);
      current = [];
      bytes = 0;
      files = 0;
    }
    current.push(m);
    bytes += size;
    files += attached;
  }
  if (current.length) chunks.push(current);
  return chunks;
}

async function pushAll(deps: SyncDeps, token: string, upTo: number): Promise<void> {
  const total = await pendingCount(deps.db, upTo);
  if (total === 0) return;
  let sent = 0;
  let applied = 0;
  let refusedCount = 0;
  deps.onPushProgress(0, total);
  // Read in windows so a large backlog never sits in memory at once.
  for (;;) {
    const entries = await pendingEntries(deps.db, 5000, upTo);
    if (entries.length === 0) break;
    const byId = new Map(entries.map((e) => [e.mutationId, e]));
    for (const chunk of chunkMutations(entries.map(toMutation))) {
      await uploadFilesFor(deps.db, deps.hubUrl, deps.clientId, token, chunk);
      const res = await hubRequest(deps.hubUrl, '/sync/push', pushResponseSchema, {
        token,
        body: { clientId: deps.clientId, sentAt: deps.now().toISOString(), mutations: chunk },
        timeoutMs: 60_000,
      });
      const refused: { entry: OutboxEntry; refusal: { code: string; message: string; field?: string } }[] = [];
      const done: number[] = [];
      for (const r of res.results) {
        if (r.status === 'refused') refused.push({ entry: byId.get(r.mutationId)!, refusal: r.refusal });
        else done.push(r.mutationId);
      }
      await deps.db.transaction().execute(async (tx) => {
        const touched = refused.flatMap((r) => [r.entry.ticket, ...(r.entry.args.newTicketNumbers ?? [])]).filter((n): n is string => !!n);
        await remove(tx, done);
        await moveToResolve(tx, refused);
        // Undo the refused actions' local effect: back to the hub's version, with what is still pending on top.
        if (touched.length) {
          await restoreServerVersions(tx, deps.sqlite, touched);
          await rebase(tx, deps.rules(), touched);
        }
      });
      sent += chunk.length;
      applied += done.length;
      refusedCount += refused.length;
      deps.onPushProgress(sent, total);
    }
  }
  deps.onPushed({ applied, refused: refusedCount });
}

/** Resets tickets to the hub's version (dropping those the hub never had). */
async function restoreServerVersions(db: LocalDb, sqlite: Database.Database, numbers: string[]): Promise<void> {
  const confirmed = await readServerTickets(db, numbers);
  writeServerTickets(sqlite, [...confirmed.values()].map(serverTicketOf));
  await dropTickets(
    db,
    numbers.filter((n) => !confirmed.has(n)),
  );
}

/** readPullPage has checked the page already. */
const checkedPage = z.custom<PullResponse>();

async function pullAll(deps: SyncDeps, token: string): Promise<void> {
  const fetchPage = (cursor: string | null) =>
    hubRequest(deps.hubUrl, '/sync/pull', checkedPage, {
      token,
      body: { clientId: deps.clientId, cursor, limit: 5000, protocolVersion: PROTOCOL_VERSION },
      timeoutMs: 60_000,
      parse: readPullPage,
    });
  // The next page is on its way while this one is written (the cursor is saved only with the page it ends).
  let next = fetchPage(await readSetting(deps.db, 'pullCursor'));
  for (;;) {
    const page = await next;
    if (page.more) {
      next = fetchPage(page.cursor);
      next.catch(() => {}); // awaited on the next turn; this only keeps a failure during the write from going unhandled
      // Writing the page blocks the event loop; one turn first lets the request leave, so the hub
      // prepares the next page meanwhile (without it the two would take turns).
      await new Promise((resolve) => setImmediate(resolve));
    }
    const tickets = page.changes.flatMap((c) => (c.kind === 'ticket' ? [c] : []));
    const tombstones = page.changes.flatMap((c) => (c.kind === 'tombstone' ? [c.number] : []));
    await deps.db.transaction().execute(async (tx) => {
      writeServerTickets(deps.sqlite, tickets);
      await dropTickets(tx, tombstones);
      await rebase(
        tx,
        deps.rules(),
        tickets.map((t) => t.row.number),
      );
      await writeSetting(tx, 'pullCursor', page.cursor);
      if (page.extraDays) await writeSetting(tx, 'extraDays', JSON.stringify(page.extraDays));
    });
    if (page.changes.length) deps.onTicketsChanged(page.changes.map((c) => (c.kind === 'ticket' ? c.row.number : c.number)));
    if (!page.more) break;
  }
}

export async function readSetting(db: LocalDb, key: string): Promise<string | null> {
  const row = await db.selectFrom('setting').select('value').where('key', '=', key).executeTakeFirst();
  return (row?.value as string | undefined) ?? null;
}

export async function writeSetting(db: LocalDb, key: string, value: string): Promise<void> {
  await db
    .insertInto('setting')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}
