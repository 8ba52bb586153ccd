// Requests from the desktop core to the hub, with the answers checked against the shared contract
// and failures turned into messages an operator understands.
import type { z } from 'zod';
import { HubError } from '../../src-shared/api/hub';
import { hubFetch } from './hub-trust';

export class HubRequestError extends Error {
  constructor(
    readonly status: number | 'unreachable',
    readonly body: HubError | undefined,
    message: string,
  ) {
    super(message);
    this.name = 'HubRequestError';
  }
}

export async function hubRequest<S extends z.ZodType>(
  hubUrl: string,
  path: string,
  result: S,
  /** `parse` reads a successful answer that is not plain JSON (protocol 2 pull pages); errors are always JSON. */
  opts: { method?: 'GET' | 'POST'; body?: unknown; token?: string; timeoutMs?: number; parse?: (text: string) => unknown } = {},
): Promise<z.output<S>> {
  let res: Response;
  try {
    res = await hubFetch(new URL(path, hubUrl), {
      method: opts.method ?? (opts.body === undefined ? 'GET' : 'POST'),
      headers: {
        ...(opts.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
      },
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      signal: AbortSignal.timeout(opts.timeoutMs ?? 10_000),
    });
  } catch {
    throw new HubRequestError('unreachable', undefined, 'Centrala jest nieosiągalna.');
  }
  const text = await res.text();
  let json: unknown;
  try {
    json = !text ? null : res.ok && opts.parse ? opts.parse(text) : JSON.parse(text);
  } catch {
    // A proxy's HTML error page, a cut-off body: a failure of the hub's answer, retried like one.
    throw new HubRequestError(res.ok ? 502 : res.status, undefined, `Centrala odpowiedziała nieczytelnie (HTTP ${res.status}).`);
  }
  if (!res.ok) {
    const body = HubError.safeParse(json);
    throw new HubRequestError(res.status, body.success ? body.data : undefined, body.success ? body.data.message : `HTTP ${res.status}`);
  }
  const parsed = result.safeParse(json);
  if (!parsed.success)
    throw new HubRequestError(
      502,
      undefined,
      'Centrala odpowiedziała w nieoczekiwanym formacie — czy wersje aplikacji i centrali się zgadzają?',
    );
  return parsed.data;
}
