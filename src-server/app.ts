// The hub's HTTP application: routes with zod schemas, which validate every request and generate
// the OpenAPI document at /openapi.json.
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { LoggerOptions } from 'pino';
import { HubError, HubHealth } from '../src-shared/api/hub';
import { APP_VERSION } from '../src-shared/version';
import { findInputProblem } from '../src-shared/text';
import { registerAuth } from './auth/routes';
import { registerSync } from './sync/routes';
import { registerIntake } from './intake';
import { registerFiles } from './files';
import { registerStats } from './stats';
import { registerStatsRoutes } from './stats/routes';
import { registerAdmin } from './admin/routes';
import { registerOpen311 } from './open311/routes';
import { registerStatusPage } from './open311/status-page';
import { registerUpdates } from './updates';
import { loadConfigVersion } from './admin/config-store';
import type { PokeHub } from './sync/poke';
import type { CentralDb } from './db/connect';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route checks its input's text and nesting itself (push: per mutation, so one bad one is refused alone). */
    checksItsOwnInput?: boolean;
  }
}

/** Deepest JSON any route reads; deeper is refused before anything recurses into it. */
const MAX_REQUEST_DEPTH = 32;

export interface HubOptions {
  db: CentralDb;
  logger?: LoggerOptions | false;
  now?: () => Date;
  /** The poke relay; without it /sync/poke answers 503 (tests that do not need it). */
  pokes?: PokeHub;
  /** The folder of the workstations' update feed served at /updates/ (USTERKA_UPDATES_DIR); none: no feed. */
  updatesDir?: string;
}

/** Largest request body the hub reads; desktops split bigger sync batches (DESIGN.md). */
export const BODY_LIMIT_BYTES = 2 * 1024 * 1024;

export async function buildHub(opts: HubOptions): Promise<FastifyInstance> {
  const now = opts.now ?? (() => new Date());
  const app = Fastify({
    // Error ids are told to users: random, not a counter that says how busy the hub is.
    genReqId: () => randomUUID(),
    bodyLimit: BODY_LIMIT_BYTES,
    // Behind a reverse proxy, its address (or a comma-separated list) so that login throttling and rate
    // limits count the client's address from X-Forwarded-For, not the proxy's; never trusted by default.
    ...(process.env.HUB_TRUST_PROXY ? { trustProxy: process.env.HUB_TRUST_PROXY } : {}),
    // Poke streams stay open; closing the hub must not wait for them.
    forceCloseConnections: true,
    logger:
      opts.logger === false
        ? false
        : { level: 'info', ...opts.logger, redact: { paths: ['req.headers.authorization', 'req.headers.cookie'], censor: '[redacted]' } },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(swagger, {
    openapi: {
      info: { title: 'Usterka hub', version: APP_VERSION, description: 'The central hub every Usterka desk workstation syncs with.' },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          portalKey: {
            type: 'http',
            scheme: 'bearer',
            description: "A portal's key (`npm run admin -- portal add <name>`), for the public intake.",
          },
        },
      },
    },
    transform: jsonSchemaTransform,
  });

  // Text PostgreSQL cannot store (NUL, broken Unicode) or hostile nesting never reaches a route: 400 naming the field.
  app.addHook('preValidation', async (req, reply) => {
    if (req.routeOptions.config?.checksItsOwnInput) return;
    for (const [part, value] of [
      ['body', req.body],
      ['querystring', req.query],
      ['params', req.params],
    ] as const) {
      const problem = findInputProblem(value, MAX_REQUEST_DEPTH);
      if (!problem) continue;
      const where = problem.field ? ` field "${problem.field}"` : '';
      return reply.code(400).send({
        error: 'invalidInput',
        field: problem.field || undefined,
        message:
          problem.problem === 'unstorableText'
            ? `Invalid ${part}${where}: text holds a NUL character or broken Unicode (an unpaired surrogate); remove it.`
            : `Invalid ${part}${where}: nested deeper than ${MAX_REQUEST_DEPTH} levels.`,
      } satisfies HubError);
    }
  });

  // Only the routes that ask for it (the public intake) are rate-limited, each with its own limits.
  await app.register(rateLimit, { global: false });

  app.setErrorHandler((err: Error & { statusCode?: number; code?: string }, req, reply) => {
    if (hasZodFastifySchemaValidationErrors(err)) {
      const issue = err.validation[0];
      const field = issue?.instancePath.replace(/^\//, '').replaceAll('/', '.') || undefined;
      return reply.code(400).send({
        error: 'invalidInput',
        message: `Invalid ${err.validationContext ?? 'request'}${field ? ` field "${field}"` : ''}: ${issue?.message ?? err.message}`,
        field,
      } satisfies HubError);
    }
    const status = typeof err.statusCode === 'number' && err.statusCode >= 400 ? err.statusCode : 500;
    if (status >= 500) req.log.error({ err, errorId: req.id }, 'request failed');
    // The error id lets a workstation's user and the administrator find this failure in the hub's log.
    return reply.code(status).send({
      error: status >= 500 ? 'internal' : (err.code ?? 'badRequest'),
      message: status >= 500 ? `The hub failed to handle this request (error id ${req.id}); it has been logged.` : err.message,
      ...(status >= 500 ? { errorId: String(req.id) } : {}),
    } satisfies HubError);
  });

  registerAuth(app, opts.db, now);
  registerSync(app, opts.db, opts.pokes, now);
  registerIntake(app, opts.db, now);
  registerFiles(app, opts.db);
  registerStats(app, opts.db, now);
  registerStatsRoutes(app, opts.db, now);
  registerAdmin(app, opts.db, now);
  registerOpen311(app, opts.db, now);
  registerStatusPage(app, opts.db);
  registerUpdates(app, opts.updatesDir);

  app.get(
    '/health',
    { config: { public: true }, schema: { summary: 'Liveness and database check', response: { 200: HubHealth, 503: HubError } } },
    async (_req, reply) => {
      let configVersion: number;
      try {
        configVersion = await loadConfigVersion(opts.db);
      } catch {
        return reply.code(503).send({ error: 'databaseUnavailable', message: 'The hub cannot reach its database.' });
      }
      return { status: 'ok' as const, version: APP_VERSION, time: now().toISOString(), configVersion };
    },
  );

  app.get('/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());

  return app;
}
