// Attachments picked on this workstation: kept in the local store at once (so a call can be saved
// offline with its photos) and uploaded to the hub by the next sync, just before the actions that use them.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { DesktopApiError, MAX_ATTACHMENT_BYTES, StoreFileArgs } from '../../src-shared/api/desktop';
import { hubRequest, HubRequestError } from './hub-client';
import type { LocalDb } from './store';
import type { Mutation } from '../../src-shared/api/sync';
import { filesAttachedBy } from '../../src-shared/ticket';

export async function storeFile(db: LocalDb, file: { name: string; mediaType?: string; contentBase64: string }) {
  const content = Buffer.from(file.contentBase64, 'base64');
  if (content.length > MAX_ATTACHMENT_BYTES)
    throw new DesktopApiError({
      code: 'invalidInput',
      field: 'contentBase64',
      message: 'Plik jest za duży — załącznik może mieć najwyżej 10 MB.',
    });
  const id = randomUUID();
  await db
    .insertInto('attachment')
    .values({ id, name: file.name, media_type: file.mediaType ?? null, content })
    .execute();
  return { id, name: file.name, ...(file.mediaType ? { mediaType: file.mediaType } : {}) };
}

/**
 * Sends the files these actions attach that the hub does not have yet, one request each, just before the
 * actions: the hub keeps only a bounded number of uploads no ticket uses, so a long outage's photos go up
 * chunk by chunk with the actions that claim them.
 */
export async function uploadFilesFor(
  db: LocalDb,
  hubUrl: string,
  clientId: string,
  token: string,
  mutations: readonly Mutation[],
): Promise<void> {
  const ids = mutations.flatMap((m) => filesAttachedBy(m.args.command).map((f) => f.id));
  if (ids.length === 0) return;
  const pending = await db.selectFrom('attachment').select('id').where('uploaded', '=', 0).where('id', 'in', ids).execute();
  for (const { id } of pending) {
    const row = await db.selectFrom('attachment').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    await hubRequest(hubUrl, '/files', z.object({ id: z.string() }), {
      token,
      timeoutMs: 120_000,
      body: {
        clientId,
        id,
        name: row.name,
        ...(row.media_type ? { mediaType: row.media_type } : {}),
        contentBase64: Buffer.from(row.content as Uint8Array).toString('base64'),
      },
    });
    await db.updateTable('attachment').set({ uploaded: 1 }).where('id', '=', id).execute();
  }
}

/**
 * A file the ticket lists for this user: kept here when it was attached on this workstation, else read
 * from the hub (not kept: it may carry personal data this workstation has no reason to hold).
 */
export async function readFile(
  db: LocalDb,
  hubUrl: string,
  token: string,
  ticket: string,
  id: string,
): Promise<z.infer<typeof StoreFileArgs>> {
  const local = await db.selectFrom('attachment').select(['name', 'media_type', 'content']).where('id', '=', id).executeTakeFirst();
  if (local)
    return {
      name: local.name,
      ...(local.media_type ? { mediaType: local.media_type } : {}),
      contentBase64: Buffer.from(local.content as Uint8Array).toString('base64'),
    };
  try {
    return await hubRequest(hubUrl, `/tickets/${encodeURIComponent(ticket)}/files/${encodeURIComponent(id)}`, StoreFileArgs, {
      token,
      timeoutMs: 60_000,
    });
  } catch (err) {
    if (err instanceof HubRequestError && err.status === 404)
      throw new DesktopApiError({
        code: 'invalidInput',
        field: 'id',
        message: 'Tego pliku nie ma już w centrali (np. usunięty razem z danymi osobowymi).',
      });
    if (err instanceof HubRequestError)
      throw new DesktopApiError({
        code: 'unavailable',
        message: 'Plik jest w centrali, a centrala jest teraz nieosiągalna — spróbuj ponownie, gdy połączenie wróci.',
      });
    throw err;
  }
}
