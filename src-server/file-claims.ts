// A file belongs to the ticket it was first attached to. An upload is only the workstation's until an
// applied action attaches it; from then on no other ticket may list it (a split's parts and follow-ups get
// copies of the listing, not a claim). Unclaimed uploads count against the uploading user's quota and are
// deleted after ORPHAN_DAYS.
import { sql } from 'kysely';
import type { Command, Refusal, TicketEvent } from '../src-shared/ticket';
import { filesAttachedBy, filesListedBy } from '../src-shared/ticket';
import type { CentralDb } from './db/connect';
import { MAX_ATTACHMENT_BYTES } from '../src-shared/api/desktop';
import { MAX_PUSH_FILES } from '../src-shared/api/sync';

/** How long an upload no ticket attached is kept (a workstation offline over a long weekend still gets its push through). */
export const ORPHAN_DAYS = 14;

/**
 * What one user may hold uploaded and not yet attached, over all their workstations: several pushes' worth
 * (a push attaches at most MAX_PUSH_FILES, uploaded just before it).
 */
export const UNCLAIMED_QUOTA = { files: 10 * MAX_PUSH_FILES, bytes: 10 * MAX_PUSH_FILES * MAX_ATTACHMENT_BYTES };

export interface FileOwner {
  ticket: string | null;
  clientId: string | null;
}

/** Who holds each of these files now (files the hub does not have are absent). */
export async function loadFileOwners(db: CentralDb, ids: readonly string[]): Promise<Map<string, FileOwner>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom('attachment').select(['id', 'ticket', 'client_id']).where('id', 'in', unique).execute();
  return new Map(rows.map((r) => [r.id as string, { ticket: r.ticket as string | null, clientId: r.client_id as string | null }]));
}

export type ClaimedDecision = { ok: true; events: TicketEvent[]; claims: Map<string, string> } | { ok: false; refusal: Refusal };

/**
 * A decided action with the tickets the files it attaches will belong to (the first of its events that lists
 * each), or why it may not attach them. `owners` is updated with the claims, so a batch sees its own.
 */
export function claimFiles(
  command: Command,
  events: TicketEvent[],
  clientId: string | null,
  owners: Map<string, FileOwner>,
): ClaimedDecision {
  const claims = new Map<string, string>();
  // Only the files the action attaches are claimed; its events may list copies of others (a split's parts).
  for (const file of filesAttachedBy(command)) {
    const ticket = events.find((e) => filesListedBy(e).some((f) => f.id === file.id))?.ticket;
    if (!ticket) continue;
    const owner = owners.get(file.id);
    if (!owner || (owner.ticket === null && owner.clientId !== clientId)) {
      return refused({
        code: 'invalidInput',
        field: 'attachments',
        message: `Plik „${file.name}” nie został przesłany do centrali z tego stanowiska — dołącz go ponownie.`,
      });
    }
    if (owner.ticket !== null && owner.ticket !== ticket) {
      return refused({
        code: 'invalidInput',
        field: 'attachments',
        message: `Plik „${file.name}” należy do zgłoszenia ${owner.ticket} — dołącz go ponownie z dysku, jeśli dotyczy też tego zgłoszenia.`,
      });
    }
    claims.set(file.id, ticket);
  }
  for (const [id, ticket] of claims) owners.set(id, { ...owners.get(id)!, ticket });
  return { ok: true, events, claims };
}

const refused = (refusal: Refusal) => ({ ok: false as const, refusal });

/** Records the claims of a written batch (a file already claimed keeps its ticket). */
export async function writeClaims(tx: CentralDb, claims: ReadonlyMap<string, string>): Promise<void> {
  if (claims.size === 0) return;
  const rows = [...claims].map(([id, ticket]) => ({ id, ticket }));
  await sql`update attachment a set ticket = c.ticket
            from json_to_recordset(${JSON.stringify(rows)}::json) as c(id text, ticket text)
            where a.id = c.id and a.ticket is null`.execute(tx);
}

/** Why this user may not upload one more file of `bytes`, if they may not. */
export async function quotaProblem(db: CentralDb, userId: string, bytes: number): Promise<string | undefined> {
  const held = await db
    .selectFrom('attachment')
    .select([sql<number>`count(*)::int`.as('files'), sql<string>`coalesce(sum(octet_length(content)), 0)::bigint`.as('bytes')])
    .where('uploaded_by', '=', userId)
    .where('ticket', 'is', null)
    .executeTakeFirstOrThrow();
  if (held.files + 1 > UNCLAIMED_QUOTA.files || Number(held.bytes) + bytes > UNCLAIMED_QUOTA.bytes) {
    return `You already hold ${held.files} uploaded files (${Math.round(Number(held.bytes) / 1048576)} MB) that no ticket uses; at most ${UNCLAIMED_QUOTA.files} files / ${UNCLAIMED_QUOTA.bytes / 1048576} MB. Push the actions that attach them first; unused uploads are deleted after ${ORPHAN_DAYS} days.`;
  }
  return undefined;
}

/** Deletes uploads no ticket attached within ORPHAN_DAYS; returns how many. */
export async function deleteOrphanFiles(db: CentralDb, now: Date): Promise<number> {
  const cutoff = new Date(now.getTime() - ORPHAN_DAYS * 86_400_000);
  const result = await db.deleteFrom('attachment').where('ticket', 'is', null).where('uploaded_at', '<', cutoff).executeTakeFirst();
  return Number(result.numDeletedRows);
}
