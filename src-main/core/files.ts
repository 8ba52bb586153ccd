// Attachments picked on this workstation: kept in the local store at once (so a call can be saved
// offline with its photos) and uploaded to the hub by the next sync, before the actions that use them.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { DesktopApiError, MAX_ATTACHMENT_BYTES } from '../../src-shared/api/desktop';
import { hubRequest } from './hub-client';
import type { LocalDb } from './store';

export async function storeFile(db: LocalDb, file: { name: string; mediaType?: string; contentBase64: string }) {
  const content = Buffer.from(file.contentBase64, 'base64');
  if (content.length > MAX_ATTACHMENT_BYTES) throw new DesktopApiError({ code: 'invalidInput', field: 'contentBase64', message: 'Plik jest za duży — załącznik może mieć najwyżej 10 MB.' });
  const id = randomUUID();
  await db.insertInto('attachment').values({ id, name: file.name, media_type: file.mediaType ?? null, content }).execute();
  return { id, name: file.name, ...(file.mediaType ? { mediaType: file.mediaType } : {}) };
}

/** Sends the files the hub does not have yet, one request each. */
export async function uploadPendingFiles(db: LocalDb, hubUrl: string, clientId: string, token: string): Promise<void> {
  const pending = await db.selectFrom('attachment').select('id').where('uploaded', '=', 0).execute();
  for (const { id } of pending) {
    const row = await db.selectFrom('attachment').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    await hubRequest(hubUrl, '/files', z.object({ id: z.string() }), {
      token,
      timeoutMs: 120_000,
      body: { clientId, id, name: row.name, ...(row.media_type ? { mediaType: row.media_type } : {}), contentBase64: Buffer.from(row.content as Uint8Array).toString('base64') },
    });
    await db.updateTable('attachment').set({ uploaded: 1 }).where('id', '=', id).execute();
  }
}
