// The connection state machine of DESIGN.md: online → degraded (the hub stops answering, we retry
// with back-off) → outage (declared after a bounded time without the hub) → back online. The
// transitions are a pure function so they can be tested without a network.
import type { ConnectionState } from '../../src-shared/api/desktop';

export interface ConnectionPolicy {
  /** Continuous failure after which the outage is declared automatically (P§29). */
  outageAfterMs: number;
  /** Time between checks while online. */
  checkEveryMs: number;
  /** Longest wait between retries while the hub fails. */
  maxRetryMs: number;
}

export const defaultConnectionPolicy: ConnectionPolicy = { outageAfterMs: 60_000, checkEveryMs: 15_000, maxRetryMs: 30_000 };

/** `answered`: the hub is there but refuses (a repeatable error): retried with back-off, never an outage. */
export type Observation =
  /** configVersion: the hub's configuration version (a change means: refetch the configuration). */
  { ok: true; clockSkewSeconds: number; configVersion?: number } | { ok: false; error: string; answered?: boolean };

export interface ConnectionTracker {
  state: ConnectionState;
  /** When the current run of failures began, if one is going on. */
  failingSince?: number;
  consecutiveFailures: number;
}

export function observe(prev: ConnectionTracker, obs: Observation, now: number, policy: ConnectionPolicy): ConnectionTracker {
  const at = new Date(now).toISOString();
  if (obs.ok) {
    const state: ConnectionState = {
      ...prev.state,
      state: 'online',
      since: prev.state.state === 'online' ? prev.state.since : at,
      lastError: undefined,
      clockSkewSeconds: obs.clockSkewSeconds,
    };
    return { state, consecutiveFailures: 0 };
  }
  if (obs.answered) {
    const state: ConnectionState = {
      ...prev.state,
      state: 'online',
      since: prev.state.state === 'online' ? prev.state.since : at,
      lastError: obs.error,
    };
    return { state, consecutiveFailures: prev.consecutiveFailures + 1 };
  }
  const failingSince = prev.failingSince ?? now;
  const next: ConnectionState['state'] =
    prev.state.state === 'outage' || now - failingSince >= policy.outageAfterMs ? 'outage' : 'degraded';
  return {
    state: { ...prev.state, state: next, since: next === prev.state.state ? prev.state.since : at, lastError: obs.error },
    failingSince,
    consecutiveFailures: prev.consecutiveFailures + 1,
  };
}

/** How long to wait before the next check: steady while online, exponential back-off while failing. */
export function nextCheckDelay(tracker: ConnectionTracker, policy: ConnectionPolicy): number {
  if (tracker.consecutiveFailures === 0) return policy.checkEveryMs;
  return Math.min(policy.maxRetryMs, 1000 * 2 ** Math.min(tracker.consecutiveFailures - 1, 10));
}
