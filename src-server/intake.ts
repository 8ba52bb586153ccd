// The web form's intake (P§4.2, P§5.1): the city portal posts a resident's form, the hub saves it at
// once as a ticket awaiting an operator's pickup, numbered from the same city-wide sequence the
// workstations lease from. Public (no session): the portal is not a user.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { HubError } from '../src-shared/api/hub';
import { formatTicketNumber } from '../src-shared/api/sync';
import { warsawYear } from '../src-shared/format';
import { applyEvents, commandSchemas, decide, type Command } from '../src-shared/ticket';
import type { CentralDb } from './db/connect';
import { loadDirectory, SYSTEM_ACTOR } from './directory';
import { issueNumbers } from './sync/numbers';
import { writeBatch, type BatchOutcome } from './sync/push';


const webFormSchema = commandSchemas.receiveFromWebForm.omit({ type: true, outage: true }).extend({
  receivedAt: z.iso.datetime().optional().describe('When the resident sent the form; now when omitted.'),
});

export function registerIntake(app: FastifyInstance, db: CentralDb, now: () => Date): void {
  app.withTypeProvider<ZodTypeProvider>().post(
    '/intake/web-form',
    {
      config: { public: true },
      bodyLimit: 256 * 1024,
      schema: {
        summary: 'Save a web-form report as a ticket awaiting pickup (P§4.2, P§5.1)',
        body: webFormSchema,
        response: { 201: z.object({ number: z.string() }), 400: HubError },
      },
    },
    async (req, reply) => {
      const at = now();
      const command = { type: 'receiveFromWebForm', ...req.body, receivedAt: req.body.receivedAt ?? at.toISOString() } as Command;
      const result = await db.transaction().execute(async (tx) => {
        const year = warsawYear(at);
        const { first } = await issueNumbers(tx, year, 1);
        const number = formatTicketNumber(year, first);
        const decision = decide(null, command, SYSTEM_ACTOR, at.toISOString(), { directory: await loadDirectory(tx), newTicketNumbers: [number] });
        if (!decision.ok) return decision;
        const applied = applyEvents(new Map(), decision.events);
        const outcome: BatchOutcome = {
          results: [],
          changed: applied.changed,
          events: applied.append.map(({ event, version }) => ({ event, seq: version, mutationId: 0 })),
          refused: [],
          erase: applied.erase,
        };
        await writeBatch(tx, null, outcome, at);
        return { ok: true as const, number };
      });
      if (!result.ok) return reply.code(400).send({ error: result.refusal.code, message: result.refusal.message, field: result.refusal.field });
      return reply.code(201).send({ number: result.number });
    },
  );
}
