// The hub's authentication: /auth routes and the check that every other route (except those marked
// public: login, health, the public intake API) carries a live session token.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { HubError, HubUser, LoginRequest, LoginResponse, LoginThrottled } from '../../src-shared/api/hub';
import { authenticate, login, revokeSession } from './sessions';
import type { CentralDb } from '../db/connect';

declare module 'fastify' {
  interface FastifyRequest {
    user?: HubUser;
    sessionToken?: string;
    /** The installation the session was opened on (null for sessions without one). */
    installationId?: string | null;
  }
  interface FastifyContextConfig {
    /** Reachable without a session token. */
    public?: boolean;
  }
}

export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(header ?? '');
  return match?.[1];
}

export function registerAuth(app: FastifyInstance, db: CentralDb, now: () => Date): void {
  app.decorateRequest('user', undefined);
  app.decorateRequest('sessionToken', undefined);
  app.decorateRequest('installationId', undefined);
  app.addHook('onRequest', async (req, reply) => {
    if (req.routeOptions.config?.public || !req.routeOptions.url) return;
    const token = bearerToken(req.headers.authorization);
    const user = token ? await authenticate(db, token, now()) : undefined;
    if (!token || !user) return unauthorized(reply);
    const { installationId, ...hubUser } = user;
    req.user = hubUser;
    req.sessionToken = token;
    req.installationId = installationId;
  });

  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/auth/login',
    {
      config: { public: true },
      schema: {
        summary: 'Log in; returns a session token',
        body: LoginRequest,
        response: { 200: LoginResponse, 400: HubError, 401: HubError, 403: HubError, 429: LoginThrottled },
      },
    },
    async (req, reply) => {
      const at = now();
      const outcome = await login(db, req.body, at, req.ip);
      if (outcome.ok) return outcome.response;
      if (outcome.reason === 'throttled') {
        // The same for known and unknown logins: the password was not checked, the login not looked up.
        const seconds = Math.max(1, Math.ceil((outcome.until.getTime() - at.getTime()) / 1000));
        return reply
          .code(429)
          .header('retry-after', String(seconds))
          .send({
            error: 'tooManyAttempts',
            message: `Too many failed logins; try again in ${seconds} s.`,
            retryAfter: outcome.until.toISOString(),
            retryAfterSeconds: seconds,
          });
      }
      if (outcome.reason === 'installationMismatch') {
        return reply.code(401).send({
          error: 'installationMismatch',
          message: 'This installation id is registered with another key; reinstall the workstation or ask the administrator.',
        });
      }
      if (outcome.reason === 'passwordChangeRequired')
        return reply.code(403).send({
          error: 'passwordChangeRequired',
          field: 'newPassword',
          message: 'This password is one-time: log in again with a new password (newPassword).',
        });
      if (outcome.reason === 'newPasswordRejected')
        return reply.code(400).send({ error: 'invalidInput', field: 'newPassword', message: outcome.message });
      return reply.code(401).send({ error: 'invalidCredentials', message: 'Wrong login or password.' });
    },
  );

  r.post(
    '/auth/logout',
    { schema: { summary: 'Revoke this session', security: [{ bearer: [] }], response: { 204: z.null() } } },
    async (req, reply) => {
      await revokeSession(db, req.sessionToken!, now());
      return reply.code(204).send(null);
    },
  );

  r.get(
    '/auth/me',
    { schema: { summary: 'The user of this session', security: [{ bearer: [] }], response: { 200: HubUser, 401: HubError } } },
    async (req) => req.user!,
  );
}

function unauthorized(reply: FastifyReply) {
  return reply
    .code(401)
    .send({ error: 'unauthorized', message: 'Log in first: this route needs a live session token (Authorization: Bearer …).' });
}

/** Sync routes act on one workstation's stream: only a session opened on that installation may. */
export function ownsInstallation(req: FastifyRequest, clientId: string): boolean {
  return req.installationId === clientId;
}
