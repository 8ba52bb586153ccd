// The connection as the screens see it: the state machine of connection.ts plus what this workstation
// adds — a user-declared outage that holds until the user ends it, outage periods recorded for upload,
// the pending count kept fresh, and an event whenever any of it changes.
import { HubHealth } from '../../src-shared/api/hub';
import type { ConnectionState, DesktopEvent } from '../../src-shared/api/desktop';
import { nextCheckDelay, observe, type ConnectionPolicy, type ConnectionTracker, type Observation } from './connection';
import { pendingCount } from './outbox';
import { recordOutageEnd, recordOutageStart } from './outages';
import type { LocalDb } from './store';

export interface Connection {
  readonly state: ConnectionState;
  readonly tracker: ConnectionTracker;
  /** The user declared the outage (P§29): no hub is asked until they end it. */
  readonly declaredByUser: boolean;
  /** Actions recorded now count as recorded in an outage. */
  readonly offline: boolean;
  /** Moves to `next` (by default stays, recounting pending actions). */
  update(next?: ConnectionTracker): Promise<void>;
  enter(state: ConnectionState['state']): Promise<void>;
  /** Feeds one answer (or silence) of the hub to the state machine. */
  observe(observation: Observation): Promise<void>;
  declareOutage(): Promise<void>;
  /** Lets the next sync cycle decide the state again. */
  endDeclaredOutage(): void;
  /** How long until the next check, by state and back-off. */
  nextCheckDelay(): number;
}

export async function createConnection(deps: {
  db: LocalDb;
  hubUrl: string;
  policy: ConnectionPolicy;
  now: () => number;
  emit: (event: DesktopEvent) => void;
}): Promise<Connection> {
  const { db, now, policy } = deps;
  let tracker: ConnectionTracker = {
    state: {
      state: 'degraded',
      since: new Date(now()).toISOString(),
      hubUrl: deps.hubUrl,
      pendingActions: await pendingCount(db),
      lastError: 'Jeszcze nie sprawdzono połączenia z centralą.',
    },
    consecutiveFailures: 0,
  };
  let declaredByUser = false;

  async function update(next: ConnectionTracker = tracker): Promise<void> {
    const before = tracker.state;
    tracker = { ...next, state: { ...next.state, pendingActions: await pendingCount(db) } };
    if (declaredByUser) {
      // The hub is still asked: when it answers, the banner says so and offers to end the outage (P§32).
      const hubAnswers = next.state.state === 'online';
      tracker.state = {
        ...tracker.state,
        state: 'outage',
        since: before.state === 'outage' ? before.since : tracker.state.since,
        hubAnswers,
      };
    }
    if (before.state !== 'outage' && tracker.state.state === 'outage')
      await recordOutageStart(db, tracker.state.since, declaredByUser ? 'user' : 'auto');
    if (before.state === 'outage' && tracker.state.state !== 'outage') await recordOutageEnd(db, new Date(now()).toISOString());
    if (
      before.state !== tracker.state.state ||
      before.lastError !== tracker.state.lastError ||
      before.hubAnswers !== tracker.state.hubAnswers ||
      before.pendingActions !== tracker.state.pendingActions
    ) {
      deps.emit({ name: 'connection.changed', payload: tracker.state });
    }
  }

  return {
    get state() {
      return tracker.state;
    },
    get tracker() {
      return tracker;
    },
    get declaredByUser() {
      return declaredByUser;
    },
    get offline() {
      return tracker.state.state === 'outage' || tracker.state.state === 'degraded';
    },
    update,
    async enter(state) {
      if (tracker.state.state === state) return;
      await update({ ...tracker, state: { ...tracker.state, state, since: new Date(now()).toISOString() } });
    },
    observe: (observation) => update(observe(tracker, observation, now(), policy)),
    async declareOutage() {
      declaredByUser = true;
      await update();
    },
    endDeclaredOutage() {
      declaredByUser = false;
    },
    nextCheckDelay: () => nextCheckDelay(tracker, policy),
  };
}

/** Asks the hub's /health whether it is there, and how far this workstation's clock is off the hub's. */
export async function probeHub(hubUrl: string, now: () => number): Promise<Observation> {
  const sentAt = now();
  try {
    const res = await fetch(new URL('/health', hubUrl), { signal: AbortSignal.timeout(5_000) });
    if (!res.ok) return { ok: false, error: `Centrala odpowiada błędem (HTTP ${res.status}).` };
    const health = HubHealth.parse(await res.json());
    // The hub read its clock about halfway through the round trip.
    return {
      ok: true,
      clockSkewSeconds: Math.round(((sentAt + now()) / 2 - Date.parse(health.time)) / 1000),
      configVersion: health.configVersion,
    };
  } catch (err) {
    const reason = err instanceof Error && err.name === 'TimeoutError' ? 'nie odpowiada w ciągu 5 s' : 'jest nieosiągalna';
    return { ok: false, error: `Centrala ${reason} (${hubUrl}).` };
  }
}
