// The desktop core: everything the main process does besides drawing a window. Plain Node, so the
// Electron shell, the preview mode and the tests all run the very same code.
import { EventEmitter } from 'node:events';
import { HubHealth } from '../../src-shared/api/hub';
import type { DesktopEvent } from '../../src-shared/api/desktop';
import { createDispatcher, type DesktopHandlers, type Dispatch } from '../../src-shared/api/dispatch';
import { APP_VERSION } from '../../src-shared/version';
import { defaultConnectionPolicy, nextCheckDelay, observe, type ConnectionPolicy, type ConnectionTracker, type Observation } from './connection';
import { openLocalStore, type LocalStore } from './store';
import { loginAtHub, type Session } from './session';
import { hubRequest } from './hub-client';
import { z } from 'zod';

export interface CoreOptions {
  dataDir: string;
  hubUrl: string;
  shell: 'electron' | 'preview';
  policy?: Partial<ConnectionPolicy>;
  now?: () => number;
  log?: (msg: string, err?: unknown) => void;
}

export interface Core {
  dispatch: Dispatch;
  /** Subscribes to the events screens receive; returns the unsubscribe function. */
  onEvent(listener: (event: DesktopEvent) => void): () => void;
  store: LocalStore;
  close(): Promise<void>;
}

export async function createCore(opts: CoreOptions): Promise<Core> {
  const now = opts.now ?? Date.now;
  const log = opts.log ?? ((msg, err) => console.error(msg, err ?? ''));
  const policy = { ...defaultConnectionPolicy, ...opts.policy };
  const store = await openLocalStore(opts.dataDir);
  const emitter = new EventEmitter();
  const emit = (event: DesktopEvent) => emitter.emit('event', event);

  let tracker: ConnectionTracker = {
    state: { state: 'degraded', since: new Date(now()).toISOString(), hubUrl: opts.hubUrl, pendingActions: 0, lastError: 'Jeszcze nie sprawdzono połączenia z centralą.' },
    consecutiveFailures: 0,
  };
  let session: Session | undefined;
  let timer: NodeJS.Timeout | undefined;
  let closed = false;

  async function checkHub(): Promise<void> {
    const before = tracker.state;
    tracker = observe(tracker, await probeHub(opts.hubUrl, now), now(), policy);
    if (before.state !== tracker.state.state || before.lastError !== tracker.state.lastError) {
      emit({ name: 'connection.changed', payload: tracker.state });
    }
  }

  function scheduleCheck(): void {
    if (closed) return;
    timer = setTimeout(() => void checkHub().finally(scheduleCheck), nextCheckDelay(tracker, policy));
    timer.unref();
  }

  const handlers: DesktopHandlers = {
    'app.info': () => ({ version: APP_VERSION, shell: opts.shell, installationId: store.installationId }),
    'connection.get': () => tracker.state,
    'connection.check': async () => {
      await checkHub();
      return tracker.state;
    },
    'session.login': async ({ login, password }) => {
      session = await loginAtHub(opts.hubUrl, login, password, store.installationId);
      return session.user;
    },
    'session.current': () => session?.user ?? null,
    'session.logout': async () => {
      const ending = session;
      session = undefined;
      // Best effort: an unreachable hub lets the session expire on its own.
      if (ending) await hubRequest(opts.hubUrl, '/auth/logout', z.null(), { method: 'POST', token: ending.token }).catch(() => {});
      return null;
    },
  };

  await checkHub();
  scheduleCheck();

  return {
    dispatch: createDispatcher(handlers, (err, name) => log(`desktop API request ${name} failed`, err)),
    onEvent(listener) {
      emitter.on('event', listener);
      return () => emitter.off('event', listener);
    },
    store,
    async close() {
      closed = true;
      clearTimeout(timer);
      await store.close();
    },
  };
}

async function probeHub(hubUrl: string, now: () => number): Promise<Observation> {
  const sentAt = now();
  try {
    const res = await fetch(new URL('/health', hubUrl), { signal: AbortSignal.timeout(5_000) });
    if (!res.ok) return { ok: false, error: `Centrala odpowiada błędem (HTTP ${res.status}).` };
    const health = HubHealth.parse(await res.json());
    const receivedAt = now();
    // The hub read its clock about halfway through the round trip.
    const skewMs = (sentAt + receivedAt) / 2 - Date.parse(health.time);
    return { ok: true, clockSkewSeconds: Math.round(skewMs / 1000) };
  } catch (err) {
    const reason = err instanceof Error && err.name === 'TimeoutError' ? 'nie odpowiada w ciągu 5 s' : 'jest nieosiągalna';
    return { ok: false, error: `Centrala ${reason} (${hubUrl}).` };
  }
}
