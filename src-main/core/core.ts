// The desktop core: everything the main process does besides drawing a window. Plain Node, so the
// Electron shell, the preview mode and the tests all run the very same code. This file only wires it:
// the handlers live one file per feature in handlers/, and here the sync cycle is scheduled.
import { EventEmitter } from 'node:events';
import type { DesktopEvent } from '../../src-shared/api/desktop';
import { createDispatcher, type DesktopHandlers, type Dispatch } from '../../src-shared/api/dispatch';
import { defaultConnectionPolicy, type ConnectionPolicy } from './connection';
import { createConnection, probeHub } from './connection-state';
import { warnIfFewNumbers } from './numbers';
import { pendingCount } from './outbox';
import { uploadOutages } from './outages';
import { refreshStreetCopy } from './street-copy';
import { trustHubAuthorities } from './hub-trust';
import { startPokeListener, type PokeListener } from './pokes';
import { adoptReplica } from './replica-owner';
import { plainBox, type SecretBox } from './secrets';
import { refreshConfig } from './session';
import { adminHandlers } from './handlers/admin';
import { intakeHandlers } from './handlers/intake';
import { createSignedIn } from './signed-in';
import { checkpoint, openLocalStore, type LocalStore } from './store';
import { syncOnce } from './sync-client';
import type { CoreContext } from './handlers/context';
import { appHandlers } from './handlers/app';
import { connectionHandlers } from './handlers/connection';
import { fileHandlers } from './handlers/files';
import { outboxHandlers } from './handlers/outbox';
import { sessionHandlers } from './handlers/session';
import { statisticsHandlers } from './handlers/statistics';
import { commandRunner, ticketHandlers } from './handlers/tickets';

export interface CoreOptions {
  dataDir: string;
  hubUrl: string;
  shell: 'electron' | 'preview';
  /** Certificate authorities (PEM) trusted for the hub besides the public ones: the city's own CA (config caFile). */
  caPem?: string;
  /** Seals the credentials kept in the store (see secrets.ts); plain when absent. */
  secrets?: SecretBox;
  policy?: Partial<ConnectionPolicy>;
  now?: () => number;
  log?: (msg: string, err?: unknown) => void;
}

export interface Core {
  dispatch: Dispatch;
  /** Subscribes to the events screens receive; returns the unsubscribe function. */
  onEvent(listener: (event: DesktopEvent) => void): () => void;
  store: LocalStore;
  /** Runs a sync cycle now (tests and the shell use it; normally it runs on its own). */
  syncNow(): Promise<void>;
  close(): Promise<void>;
}

/** What the shells and screens use of a core, whether it runs on this thread or in a worker (worker-host.ts). */
export type CoreApi = Pick<Core, 'dispatch' | 'onEvent' | 'syncNow' | 'close'>;

/** Refetch the user's configuration (directory, roles, days off) at most this often. */
const CONFIG_MAX_AGE_MS = 5 * 60_000;

export async function createCore(opts: CoreOptions): Promise<Core> {
  const now = opts.now ?? Date.now;
  const log = opts.log ?? ((msg, err) => console.error(msg, err ?? ''));
  const policy = { ...defaultConnectionPolicy, ...opts.policy };
  const secrets = opts.secrets ?? plainBox;
  trustHubAuthorities(opts.caPem);
  const store = await openLocalStore(opts.dataDir, secrets);
  const db = store.db;
  const emitter = new EventEmitter();
  const emit = (event: DesktopEvent) => emitter.emit('event', event);

  const connection = await createConnection({ db, hubUrl: opts.hubUrl, policy, now, emit });
  const signedIn = await createSignedIn(store, secrets);
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  /** The last sync cycle started or queued, and the one waiting to start, if any. */
  let chain: Promise<void> = Promise.resolve();
  let queued: Promise<void> | undefined;
  let pokes: PokeListener | undefined;
  /** The hub's configuration version this workstation's configuration was fetched at. */
  let configVersionSeen: number | undefined;

  /** One cycle: check the hub, then (signed in, not in a declared outage) push, pull, upload outages. */
  async function cycle(): Promise<void> {
    checkpoint(store.sqlite);
    const health = await probeHub(opts.hubUrl, now);
    if (!health.ok || connection.declaredByUser || !signedIn.view?.session.token) {
      await connection.observe(health);
      if (!health.ok) pokes?.stop();
      // Unlocked offline without a live session: the hub is back, so ask for a login to send the backlog.
      if (health.ok && signedIn.view && !signedIn.view.session.token && (await pendingCount(db)) > 0)
        emit({ name: 'session.expired', payload: {} });
      return;
    }
    const backlog = await pendingCount(db);
    const wasOffline = connection.state.state !== 'online' && connection.state.state !== 'replaying';
    if (backlog > 0 && wasOffline) await connection.enter('replaying');
    // An administrator changed the configuration (the hub pokes online workstations, offline ones see it here later).
    const configMoved = health.configVersion !== undefined && health.configVersion !== configVersionSeen;
    if (configMoved || now() - signedIn.configFetchedAt > CONFIG_MAX_AGE_MS) {
      const asked = signedIn.view.session;
      const refreshed = await refreshConfig(db, opts.hubUrl, asked).catch(() => asked);
      // Only if the same session is still signed in (a logout or another login may have happened meanwhile).
      if (signedIn.view?.session.token === asked.token) {
        await adoptReplica(db, refreshed.config.actor);
        signedIn.use(refreshed);
        if (refreshed !== asked) configVersionSeen = health.configVersion;
      }
      signedIn.configFetchedAt = now();
      if (configMoved && refreshed !== asked) emit({ name: 'config.changed', payload: {} });
    }
    const view = () => signedIn.view;
    if (!view()?.session.token) return;
    const result = await syncOnce({
      db,
      sqlite: store.sqlite,
      hubUrl: opts.hubUrl,
      clientId: store.installationId,
      token: () => view()?.session.token,
      rules: () => view()?.rules,
      now: () => new Date(now()),
      onPushProgress: (sent, total) => emit({ name: 'replay.progress', payload: { sent, total } }),
      onPushed: (summary) => {
        if (wasOffline) emit({ name: 'replay.finished', payload: summary });
      },
      onTicketsChanged: (numbers) => emit({ name: 'tickets.changed', payload: { numbers: numbers.slice(0, 1000) } }),
      onSessionExpired: () => {
        signedIn.expireToken();
        pokes?.stop();
        emit({ name: 'session.expired', payload: {} });
      },
    });
    await connection.observe(result.ok ? health : { ok: false, error: result.error, answered: !result.unreachable });
    if (result.ok) {
      const token = view()!.session.token;
      await uploadOutages(db, opts.hubUrl, store.installationId, token).catch((err) => log('uploading outage periods failed', err));
      await refreshStreetCopy(db, opts.hubUrl, token, now()).catch((err) => log('copying the street dictionary failed', err));
      if (!pokes?.running) pokes = startPokeListener(opts.hubUrl, token, () => requestSync(), log);
      await warnIfFewNumbers(db, emit);
    }
  }

  /**
   * Runs a cycle now, or right after the one in progress; the promise settles when a cycle that
   * started after this call has finished. Requests made during a cycle share one follow-up cycle.
   */
  function requestSync(): Promise<void> {
    if (queued) return queued;
    const next = chain.then(() => {
      queued = undefined;
      return closed ? undefined : cycle().catch((err) => log('sync cycle failed', err));
    });
    queued = next;
    chain = next;
    return next;
  }

  function scheduleNext(): void {
    if (closed) return;
    timer = setTimeout(() => void requestSync().finally(scheduleNext), connection.nextCheckDelay());
    timer.unref();
  }

  const base = {
    hubUrl: opts.hubUrl,
    shell: opts.shell,
    store,
    secrets,
    now,
    emit,
    connection,
    signedIn,
    requestSync,
    stopPokes: () => pokes?.stop(),
  };
  const ctx: CoreContext = { ...base, runCommand: commandRunner(base) };
  const handlers: DesktopHandlers = {
    ...appHandlers(ctx),
    ...connectionHandlers(ctx),
    ...sessionHandlers(ctx),
    ...ticketHandlers(ctx),
    ...fileHandlers(ctx),
    ...statisticsHandlers(ctx),
    ...outboxHandlers(ctx),
    ...adminHandlers(ctx),
    ...intakeHandlers(ctx),
  };

  // The first cycle starts now but is not awaited: whoever created the core subscribes to its events first.
  void requestSync().finally(scheduleNext);

  return {
    dispatch: createDispatcher(handlers, (err, name) => log(`desktop API request ${name} failed`, err)),
    onEvent(listener) {
      emitter.on('event', listener);
      return () => emitter.off('event', listener);
    },
    store,
    syncNow: () => requestSync(),
    async close() {
      closed = true;
      clearTimeout(timer);
      pokes?.stop();
      await chain;
      await store.close();
    },
  };
}
