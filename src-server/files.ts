// Attachments: workstations upload each file once (idempotent by its id) before the actions that
// reference it are pushed, within a per-user quota of uploads no ticket uses yet (src-server/file-claims.ts);
// anyone who may see a ticket may read the files it lists for them (a file with personal data is listed
// only to those who may see that data).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { MAX_ATTACHMENT_BYTES, StoreFileArgs } from '../src-shared/api/desktop';
import { HubError } from '../src-shared/api/hub';
import type { CentralDb } from './db/connect';
import { redactForActor, ticketNumberSchema, type Ticket } from '../src-shared/ticket';
import { cachedDirectory, loadActor } from './directory';
import { ownsInstallation } from './auth/routes';
import { quotaProblem } from './file-claims';

export function registerFiles(app: FastifyInstance, db: CentralDb): void {
  app.withTypeProvider<ZodTypeProvider>().post(
    '/files',
    {
      bodyLimit: Math.ceil(MAX_ATTACHMENT_BYTES / 3) * 4 + 64 * 1024,
      schema: {
        summary: 'Upload an attachment (idempotent by id)',
        security: [{ bearer: [] }],
        body: StoreFileArgs.extend({ id: z.uuid(), clientId: z.uuid() }),
        response: { 200: z.object({ id: z.string() }), 403: HubError, 409: HubError, 413: HubError, 429: HubError },
      },
    },
    async (req, reply) => {
      if (!ownsInstallation(req, req.body.clientId)) {
        return reply
          .code(403)
          .send({ error: 'wrongInstallation', message: 'This session was not opened on that workstation; log in from it.' });
      }
      const content = Buffer.from(req.body.contentBase64, 'base64');
      if (content.length > MAX_ATTACHMENT_BYTES)
        return reply.code(413).send({ error: 'tooLarge', message: 'An attachment may have at most 10 MB.' });
      const existing = await db.selectFrom('attachment').select('client_id').where('id', '=', req.body.id).executeTakeFirst();
      // A retry of this workstation's own upload is answered as done; an id another one used is not theirs to learn about.
      if (existing)
        return existing.client_id === req.body.clientId
          ? { id: req.body.id }
          : reply.code(409).send({ error: 'conflict', message: 'A file with this id exists; upload under a new id.' });
      const overQuota = await quotaProblem(db, req.user!.id, content.length);
      if (overQuota) return reply.code(429).send({ error: 'quotaExceeded', message: overQuota });
      await db
        .insertInto('attachment')
        .values({
          id: req.body.id,
          name: req.body.name,
          media_type: req.body.mediaType ?? null,
          content,
          uploaded_by: req.user!.id,
          client_id: req.body.clientId,
        })
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
      return { id: req.body.id };
    },
  );

  app.withTypeProvider<ZodTypeProvider>().get(
    '/tickets/:number/files/:id',
    {
      schema: {
        summary: 'Read a file a ticket lists, as this user may see the ticket',
        security: [{ bearer: [] }],
        params: z.object({ number: ticketNumberSchema, id: z.string().min(1).max(100) }),
        response: { 200: StoreFileArgs, 404: HubError },
      },
    },
    async (req, reply) => {
      const { number, id } = req.params;
      const [actor, directory, row] = await Promise.all([
        loadActor(db, req.user!.id),
        cachedDirectory(db),
        db.selectFrom('ticket').select('data').where('number', '=', number).executeTakeFirst(),
      ]);
      const visible = actor && row ? redactForActor(actor, row.data as Ticket, directory) : undefined;
      const listed = visible?.attachments.some((a) => a.id === id);
      const file = listed
        ? await db.selectFrom('attachment').select(['name', 'media_type', 'content']).where('id', '=', id).executeTakeFirst()
        : undefined;
      if (!file)
        return reply
          .code(404)
          .send({ error: 'notFound', message: `Ticket ${number} lists no file ${id} you may read, or the file was erased.` });
      return {
        name: file.name,
        ...(file.media_type ? { mediaType: file.media_type } : {}),
        contentBase64: Buffer.from(file.content).toString('base64'),
      };
    },
  );
}
