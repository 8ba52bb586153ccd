// The main side of the desktop API: validates a request against the map and runs its handler.
// Shared by both transports so that every request is checked the same way.
import type { z } from 'zod';
import { DesktopApiError, desktopRequests, type ApiEnvelope, type RequestArgs, type RequestName, type RequestResult } from './desktop';
import { findInputProblem, inputProblemMessage } from '../text';
import { fieldLabel } from '../ticket/labels';

export type DesktopHandlers = {
  [N in RequestName]: (args: z.output<(typeof desktopRequests)[N]['args']>) => Promise<RequestResult<N>> | RequestResult<N>;
};

export function createDispatcher(handlers: DesktopHandlers, onUnexpected: (err: unknown, name: string) => void) {
  return async function dispatch(name: unknown, rawArgs: unknown): Promise<ApiEnvelope> {
    if (typeof name !== 'string' || !Object.hasOwn(desktopRequests, name)) {
      return { ok: false, error: { code: 'unknownRequest', message: `Unknown request: ${String(name)}` } };
    }
    const requestName = name as RequestName;
    // Pasted text with a NUL or broken Unicode is refused at once, naming the field, before it could reach the outbox.
    const problem = findInputProblem(rawArgs);
    if (problem) {
      // Named as the form names it ("temat"), whether the field is a command's or the request's own.
      const command = (rawArgs as { command?: { type?: unknown } } | null)?.command;
      const label =
        problem.field && fieldLabel(problem.field.replace(/^command\./, ''), typeof command?.type === 'string' ? command.type : undefined);
      return {
        ok: false,
        error: { code: 'invalidInput', message: inputProblemMessage(problem, label), ...(problem.field ? { field: problem.field } : {}) },
      };
    }
    const parsed = desktopRequests[requestName].args.safeParse(rawArgs ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue?.path.join('.') || undefined;
      return {
        ok: false,
        error: {
          code: 'invalidInput',
          message: `${requestName}: ${field ? `field "${field}": ` : ''}${issue?.message ?? 'invalid arguments'}`,
          field,
        },
      };
    }
    try {
      const handler = handlers[requestName] as (args: RequestArgs<typeof requestName>) => unknown;
      return { ok: true, result: await handler(parsed.data as never) };
    } catch (err) {
      if (err instanceof DesktopApiError) return { ok: false, error: err.body };
      onUnexpected(err, requestName);
      return { ok: false, error: { code: 'internal', message: 'Something went wrong in the application; it has been logged.' } };
    }
  };
}

export type Dispatch = ReturnType<typeof createDispatcher>;
