// The workstations' update feed, when IT lets the hub serve it: GET /updates/<file> hands out what the folder
// USTERKA_UPDATES_DIR holds — latest.yml, Usterka-Setup-x.y.z.exe and its .blockmap, copied from release/ — to
// anyone (the installed app asks before anyone signs in). The installer checks what it downloads against
// latest.yml's hash. Without the folder the hub has no feed (404), and IT may serve the same files elsewhere.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { HubError } from '../src-shared/api/hub';

/** A plain file name in the folder: no path, nothing hidden. */
const FEED_FILE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;

const TYPES: Record<string, string> = {
  '.yml': 'text/yaml; charset=utf-8',
  '.exe': 'application/octet-stream',
  '.blockmap': 'application/octet-stream',
};

export function registerUpdates(app: FastifyInstance, updatesDir: string | undefined): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/updates/:file',
    {
      config: { public: true },
      schema: {
        summary: "A file of the workstations' update feed (latest.yml, the installer, its blockmap)",
        params: z.object({ file: z.string().max(200) }),
        response: { 404: HubError },
      },
    },
    async (req, reply) => {
      const { file } = req.params;
      const type = TYPES[file.slice(file.lastIndexOf('.'))];
      const missing = { error: 'notFound', message: `The hub serves no update file ${file}.` };
      if (!updatesDir || !type || !FEED_FILE.test(file)) return reply.code(404).send(missing);
      const path = join(updatesDir, file);
      const info = await stat(path).catch(() => undefined);
      if (!info?.isFile()) return reply.code(404).send(missing);
      // latest.yml changes with each release: always asked afresh; the installers are named by version.
      return reply
        .header('content-type', type)
        .header('content-length', info.size)
        .header('cache-control', file.endsWith('.yml') ? 'no-cache' : 'public, max-age=86400')
        .send(createReadStream(path) as never); // a stream is sent as it is, beside the schema's JSON answers
    },
  );
}
