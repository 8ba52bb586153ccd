// The hub's HTTP contract: request and response schemas shared by the hub (which validates and
// documents them in its OpenAPI document) and the desktop core (which calls them).
import { z } from 'zod';
import { roles } from '../ticket/model';
import { PASSWORD_MAX_LENGTH } from '../passwords';

export const HubHealth = z
  .object({
    status: z.literal('ok'),
    version: z.string(),
    /** The hub's clock, so a desktop can tell how far its own clock is off. */
    time: z.string().datetime(),
    /** Bumped by every configuration change: a workstation refetches its configuration when it moves. */
    configVersion: z.number().int().optional(),
  })
  .describe('The hub is up and its database answers.');
export type HubHealth = z.infer<typeof HubHealth>;

export const HubError = z
  .object({
    error: z.string().describe('Stable error code, e.g. invalidInput, unauthorized.'),
    message: z.string().describe('What is wrong and what to fix.'),
    field: z.string().optional().describe('The offending field, where there is one.'),
    errorId: z.string().optional().describe("A server failure's id in the hub's log (5xx answers)."),
  })
  .describe('Every 4xx and 5xx answer has this shape.');
export type HubError = z.infer<typeof HubError>;

/** The I§4 roles a user account may hold (`system` is the hub's own intake, never a person). */
export const ROLES = roles.filter((r): r is Exclude<(typeof roles)[number], 'system'> => r !== 'system');
export const Role = z.enum(ROLES as [UserRole, ...UserRole[]]);
export type UserRole = Exclude<(typeof roles)[number], 'system'>;

export const LoginRequest = z.object({
  login: z.string().trim().min(1).max(100),
  /** Only the length is checked here; the rules for a new password (passwordProblem) apply where it is set. */
  password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
  /** The user's new password, when theirs is one-time (first login, reset): the hub asks with 403 passwordChangeRequired. */
  newPassword: z.string().min(1).max(PASSWORD_MAX_LENGTH).optional(),
  installationId: z.string().uuid().optional().describe('The desktop installation logging in; its sync stream is bound to the session.'),
  installationKey: z
    .string()
    .min(32)
    .max(100)
    .optional()
    .describe("The installation's secret, created with it; required with installationId."),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

export const LoginThrottled = HubError.extend({
  retryAfter: z.string().datetime().describe('When the next attempt will be looked at.'),
  retryAfterSeconds: z.number().int().positive().describe('The same as the Retry-After header: seconds to wait.'),
}).describe('429: too many recent failed logins from this address or for this login; the attempt was not checked.');
export type LoginThrottled = z.infer<typeof LoginThrottled>;

export const HubUser = z.object({
  id: z.string().uuid(),
  login: z.string(),
  displayName: z.string(),
  roles: z.array(Role),
});
export type HubUser = z.infer<typeof HubUser>;

export const LoginResponse = z.object({
  /** Opaque bearer token; send it as `Authorization: Bearer <token>`. */
  token: z.string(),
  expiresAt: z.string().datetime(),
  user: HubUser,
  /**
   * Given at a login from a workstation: the key with which it signs this user's actions, so they reach the
   * hub even when another user's session carries them later (an outage, a shift change). Keep it secret.
   */
  offlineGrant: z.object({ id: z.uuid(), key: z.string().regex(/^[A-Za-z0-9_-]{43}$/), expiresAt: z.string().datetime() }).optional(),
});
export type LoginResponse = z.infer<typeof LoginResponse>;
