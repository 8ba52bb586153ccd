// Attachments: workstations upload each file once (idempotent by its id) before the actions that
// reference it are pushed.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { MAX_ATTACHMENT_BYTES, StoreFileArgs } from '../src-shared/api/desktop';
import { HubError } from '../src-shared/api/hub';
import type { CentralDb } from './db/connect';

export function registerFiles(app: FastifyInstance, db: CentralDb): void {
  app.withTypeProvider<ZodTypeProvider>().post(
    '/files',
    {
      bodyLimit: Math.ceil(MAX_ATTACHMENT_BYTES / 3) * 4 + 64 * 1024,
      schema: {
        summary: 'Upload an attachment (idempotent by id)',
        security: [{ bearer: [] }],
        body: StoreFileArgs.extend({ id: z.uuid(), clientId: z.uuid() }),
        response: { 200: z.object({ id: z.string() }), 413: HubError },
      },
    },
    async (req, reply) => {
      const content = Buffer.from(req.body.contentBase64, 'base64');
      if (content.length > MAX_ATTACHMENT_BYTES) return reply.code(413).send({ error: 'tooLarge', message: 'An attachment may have at most 10 MB.' });
      await db
        .insertInto('attachment')
        .values({ id: req.body.id, name: req.body.name, media_type: req.body.mediaType ?? null, content, uploaded_by: req.user!.id, client_id: req.body.clientId })
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
      return { id: req.body.id };
    },
  );
}
