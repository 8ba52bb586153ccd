// The desktop API: the one map of what the renderer may ask the main process, with zod schemas for
// arguments and results, and the events the main process pushes to screens. Both transports
// (Electron IPC and the preview mode's loopback bridge) carry exactly this; the main side
// validates every argument before a handler sees it.
import { z } from 'zod';

export const ConnectionState = z.object({
  state: z.enum(['online', 'degraded', 'outage', 'replaying']),
  /** When the current state began (ISO 8601, UTC). */
  since: z.string(),
  hubUrl: z.string(),
  /** Actions recorded here and not yet confirmed by the hub. */
  pendingActions: z.number().int().nonnegative(),
  /** The last failure talking to the hub, in plain words, while not online. */
  lastError: z.string().optional(),
  /** How far this workstation's clock is off the hub's, in seconds (positive: ahead). */
  clockSkewSeconds: z.number().optional(),
});
export type ConnectionState = z.infer<typeof ConnectionState>;

export const AppInfo = z.object({
  version: z.string(),
  /** `electron`: the real desktop window; `preview`: the same screens in a local browser tab. */
  shell: z.enum(['electron', 'preview']),
  installationId: z.string().uuid(),
});
export type AppInfo = z.infer<typeof AppInfo>;

export const SessionUser = z.object({
  id: z.string(),
  login: z.string(),
  displayName: z.string(),
  roles: z.array(z.string()),
});
export type SessionUser = z.infer<typeof SessionUser>;

export const LoginArgs = z
  .object({
    login: z.string().trim().min(1, 'Podaj login.').max(100),
    password: z.string().min(1, 'Podaj hasło.').max(200),
  })
  .strict();

const NoArgs = z.object({}).strict();

export const desktopRequests = {
  'app.info': { args: NoArgs, result: AppInfo },
  'connection.get': { args: NoArgs, result: ConnectionState },
  /** Re-checks the hub now instead of waiting for the next scheduled check. */
  'connection.check': { args: NoArgs, result: ConnectionState },
  'session.login': { args: LoginArgs, result: SessionUser },
  'session.current': { args: NoArgs, result: SessionUser.nullable() },
  'session.logout': { args: NoArgs, result: z.null() },
} as const satisfies Record<string, { args: z.ZodType; result: z.ZodType }>;

export const desktopEvents = {
  'connection.changed': ConnectionState,
} as const satisfies Record<string, z.ZodType>;

export type RequestName = keyof typeof desktopRequests;
export type RequestArgs<N extends RequestName> = z.input<(typeof desktopRequests)[N]['args']>;
export type RequestResult<N extends RequestName> = z.output<(typeof desktopRequests)[N]['result']>;
export type EventName = keyof typeof desktopEvents;
export type EventPayload<E extends EventName> = z.output<(typeof desktopEvents)[E]>;
export type DesktopEvent = { [E in EventName]: { name: E; payload: EventPayload<E> } }[EventName];

export const ApiErrorBody = z.object({
  code: z.enum(['invalidInput', 'unknownRequest', 'forbidden', 'unavailable', 'internal']),
  message: z.string(),
  field: z.string().optional(),
});
export type ApiErrorBody = z.infer<typeof ApiErrorBody>;

/** What a transport carries back for one request: never a thrown exception across the boundary. */
export type ApiEnvelope = { ok: true; result: unknown } | { ok: false; error: ApiErrorBody };

export class DesktopApiError extends Error {
  constructor(readonly body: ApiErrorBody) {
    super(body.message);
    this.name = 'DesktopApiError';
  }
}
