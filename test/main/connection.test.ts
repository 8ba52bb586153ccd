import { describe, expect, it } from 'vitest';
import { nextCheckDelay, observe, type ConnectionPolicy, type ConnectionTracker } from '../../src-main/core/connection';

const policy: ConnectionPolicy = { outageAfterMs: 60_000, checkEveryMs: 15_000, maxRetryMs: 30_000 };
const t0 = Date.parse('2026-11-30T09:00:00Z');
const start: ConnectionTracker = {
  state: { state: 'online', since: new Date(t0).toISOString(), hubUrl: 'http://127.0.0.1:1', pendingActions: 0 },
  consecutiveFailures: 0,
};
const fail = { ok: false as const, error: 'down' };

describe('connection states', () => {
  it('P§29 goes online → degraded on the first failure and declares the outage after the bounded time', () => {
    let t = observe(start, fail, t0 + 1_000, policy);
    expect(t.state.state).toBe('degraded');
    expect(t.state.since).toBe('2026-11-30T09:00:01.000Z');
    t = observe(t, fail, t0 + 30_000, policy);
    expect(t.state.state).toBe('degraded');
    t = observe(t, fail, t0 + 61_000, policy);
    expect(t.state.state).toBe('outage');
    expect(t.state.since).toBe('2026-11-30T09:01:01.000Z');
    expect(t.state.lastError).toBe('down');
  });

  it('returns online on the first success, keeping the clock skew it measured', () => {
    const down = observe(observe(start, fail, t0 + 1_000, policy), fail, t0 + 70_000, policy);
    const up = observe(down, { ok: true, clockSkewSeconds: -3 }, t0 + 80_000, policy);
    expect(up.state).toMatchObject({ state: 'online', clockSkewSeconds: -3, lastError: undefined, since: '2026-11-30T09:01:20.000Z' });
    expect(up.failingSince).toBeUndefined();
  });

  it('backs off exponentially while failing, capped, and checks steadily while online', () => {
    let t = start;
    const delays: number[] = [nextCheckDelay(t, policy)];
    for (let i = 0; i < 7; i++) {
      t = observe(t, fail, t0 + i, policy);
      delays.push(nextCheckDelay(t, policy));
    }
    expect(delays).toEqual([15_000, 1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000]);
  });
});
