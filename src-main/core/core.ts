// The desktop core: everything the main process does besides drawing a window. Plain Node, so the
// Electron shell, the preview mode and the tests all run the very same code.
import { EventEmitter } from 'node:events';
import { HubHealth } from '../../src-shared/api/hub';
import { DesktopApiError, type ConnectionState, type DesktopEvent, type WorkstationConfig } from '../../src-shared/api/desktop';
import { createDispatcher, type DesktopHandlers, type Dispatch } from '../../src-shared/api/dispatch';
import { createWorkingCalendar, type ExtraDay, type WorkingCalendar } from '../../src-shared/calendar';
import { allowedCommands, commandLabels, describeEvent, makeDirectory, monthStatsSchema, type Command, type CommandType, type Directory, type Ticket } from '../../src-shared/ticket';
import { polishCollator } from '../../src-shared/text';
import { APP_VERSION } from '../../src-shared/version';
import { defaultConnectionPolicy, nextCheckDelay, observe, type ConnectionPolicy, type ConnectionTracker, type Observation } from './connection';
import { hubRequest, HubRequestError } from './hub-client';
import { availableNumbers, WARN_BELOW } from './numbers';
import { pendingCount, pendingFor } from './outbox';
import { startPokeListener, type PokeListener } from './pokes';
import { nearbyTickets, queuePage, searchTickets } from './queries';
import { knownSessions, lastSession, login, proveAction, refreshConfig, signOut, type Session } from './session';
import { checkpoint, openLocalStore, type LocalStore } from './store';
import { plainBox, type SecretBox } from './secrets';
import { adoptReplica } from './replica-owner';
import { syncOnce } from './sync-client';
import { executeCommand, type RulesContext } from './tickets';
import { discardRefused, listToResolve, retryRefused } from './to-resolve';
import { recordOutageStart, recordOutageEnd, uploadOutages } from './outages';
import { readFile, storeFile } from './files';
import { z } from 'zod';

export interface CoreOptions {
  dataDir: string;
  hubUrl: string;
  shell: 'electron' | 'preview';
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

interface View {
  session: Session;
  rules: RulesContext;
  directory: Directory;
  calendar: WorkingCalendar;
}

export async function createCore(opts: CoreOptions): Promise<Core> {
  const now = opts.now ?? Date.now;
  const log = opts.log ?? ((msg, err) => console.error(msg, err ?? ''));
  const policy = { ...defaultConnectionPolicy, ...opts.policy };
  const secrets = opts.secrets ?? plainBox;
  const store = await openLocalStore(opts.dataDir, secrets);
  const db = store.db;
  const emitter = new EventEmitter();
  const emit = (event: DesktopEvent) => emitter.emit('event', event);

  let tracker: ConnectionTracker = {
    state: { state: 'degraded', since: new Date(now()).toISOString(), hubUrl: opts.hubUrl, pendingActions: await pendingCount(db), lastError: 'Jeszcze nie sprawdzono połączenia z centralą.' },
    consecutiveFailures: 0,
  };
  let declaredByUser = false;
  let view: View | undefined;
  let earlierUsers: Session[] = await knownSessions(db, secrets);
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  /** The last sync cycle started or queued, and the one waiting to start, if any. */
  let chain: Promise<void> = Promise.resolve();
  let queued: Promise<void> | undefined;
  let pokes: PokeListener | undefined;
  let configFetchedAt = 0;

  function makeView(session: Session): View {
    const directory = makeDirectory(session.config.directory as Parameters<typeof makeDirectory>[0]);
    const actors = new Map([...earlierUsers, session].map((s) => [s.config.actor.userId, s.config.actor]));
    return {
      session,
      directory,
      calendar: createWorkingCalendar({ extraDays: session.config.extraDays as ExtraDay[] }),
      rules: {
        actor: session.config.actor,
        decide: { directory, snowIceReferral: session.config.snowIceReferral },
        actorOf: (id) => actors.get(id),
        prove: session.grant ? (mutation) => proveAction(session.grant!, store.installationId, mutation) : undefined,
      },
    };
  }

  /** The state machine plus what this workstation adds: a user-declared outage holds until the user ends it. */
  async function setConnection(next: ConnectionTracker): Promise<void> {
    const before = tracker.state;
    tracker = { ...next, state: { ...next.state, pendingActions: await pendingCount(db) } };
    if (declaredByUser) tracker.state = { ...tracker.state, state: 'outage', since: before.state === 'outage' ? before.since : tracker.state.since };
    if (before.state !== 'outage' && tracker.state.state === 'outage') await recordOutageStart(db, tracker.state.since, declaredByUser ? 'user' : 'auto');
    if (before.state === 'outage' && tracker.state.state !== 'outage') await recordOutageEnd(db, new Date(now()).toISOString());
    if (before.state !== tracker.state.state || before.lastError !== tracker.state.lastError || before.pendingActions !== tracker.state.pendingActions) {
      emit({ name: 'connection.changed', payload: tracker.state });
    }
  }

  async function setState(state: ConnectionState['state']): Promise<void> {
    if (tracker.state.state === state) return;
    await setConnection({ ...tracker, state: { ...tracker.state, state, since: new Date(now()).toISOString() } });
  }

  async function probe(): Promise<Observation> {
    const sentAt = now();
    try {
      const res = await fetch(new URL('/health', opts.hubUrl), { signal: AbortSignal.timeout(5_000) });
      if (!res.ok) return { ok: false, error: `Centrala odpowiada błędem (HTTP ${res.status}).` };
      const health = HubHealth.parse(await res.json());
      // The hub read its clock about halfway through the round trip.
      return { ok: true, clockSkewSeconds: Math.round(((sentAt + now()) / 2 - Date.parse(health.time)) / 1000) };
    } catch (err) {
      const reason = err instanceof Error && err.name === 'TimeoutError' ? 'nie odpowiada w ciągu 5 s' : 'jest nieosiągalna';
      return { ok: false, error: `Centrala ${reason} (${opts.hubUrl}).` };
    }
  }

  /** One cycle: check the hub, then (signed in, not in a declared outage) push, pull, upload outages. */
  async function cycle(): Promise<void> {
    checkpoint(store.sqlite);
    const health = await probe();
    if (!health.ok || declaredByUser || !view?.session.token) {
      await setConnection(observe(tracker, health, now(), policy));
      if (!health.ok) pokes?.stop();
      // Unlocked offline without a live session: the hub is back, so ask for a login to send the backlog.
      if (health.ok && view && !view.session.token && (await pendingCount(db)) > 0) emit({ name: 'session.expired', payload: {} });
      return;
    }
    const backlog = await pendingCount(db);
    const wasOffline = tracker.state.state !== 'online' && tracker.state.state !== 'replaying';
    if (backlog > 0 && wasOffline) await setState('replaying');
    if (now() - configFetchedAt > 5 * 60_000) {
      const asked = view.session;
      const refreshed = await refreshConfig(db, opts.hubUrl, asked).catch(() => asked);
      // Only if the same session is still signed in (a logout or another login may have happened meanwhile).
      if (view?.session.token === asked.token) {
        await adoptReplica(db, refreshed.config.actor);
        view = makeView(refreshed);
      }
      configFetchedAt = now();
    }
    if (!view?.session.token) return;
    const result = await syncOnce({
      db,
      sqlite: store.sqlite,
      hubUrl: opts.hubUrl,
      clientId: store.installationId,
      token: () => view?.session.token,
      rules: () => view?.rules,
      now: () => new Date(now()),
      onPushProgress: (sent, total) => emit({ name: 'replay.progress', payload: { sent, total } }),
      onPushed: (summary) => {
        if (wasOffline) emit({ name: 'replay.finished', payload: summary });
      },
      onTicketsChanged: (numbers) => emit({ name: 'tickets.changed', payload: { numbers: numbers.slice(0, 1000) } }),
      onSessionExpired: () => {
        if (view) view = { ...view, session: { ...view.session, token: '' } };
        pokes?.stop();
        emit({ name: 'session.expired', payload: {} });
      },
    });
    await setConnection(observe(tracker, result.ok ? health : { ok: false, error: result.error, answered: !result.unreachable }, now(), policy));
    if (result.ok) {
      await uploadOutages(db, opts.hubUrl, store.installationId, view.session.token).catch((err) => log('uploading outage periods failed', err));
      if (!pokes?.running) pokes = startPokeListener(opts.hubUrl, view.session.token, () => requestSync(), log);
      await warnIfFewNumbers();
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
    timer = setTimeout(() => void requestSync().finally(scheduleNext), nextCheckDelay(tracker, policy));
    timer.unref();
  }

  async function warnIfFewNumbers(): Promise<void> {
    const available = await availableNumbers(db);
    if (available < WARN_BELOW) emit({ name: 'numbers.low', payload: { available, warnBelow: WARN_BELOW } });
  }

  function requireView(): View {
    if (!view) throw new DesktopApiError({ code: 'forbidden', message: 'Zaloguj się, aby pracować ze zgłoszeniami.' });
    return view;
  }

  const runCommand = async (ticket: string | undefined, command: Command, alsoOnSuccess?: (tx: typeof db) => Promise<void>) => {
    const v = requireView();
    const offline = tracker.state.state === 'outage' || tracker.state.state === 'degraded';
    const { result, changed } = await executeCommand(db, v.rules, { ticket, command }, new Date(now()).toISOString(), offline, alsoOnSuccess);
    if (result.ok) {
      emit({ name: 'tickets.changed', payload: { numbers: changed } });
      await setConnection(tracker);
      if (offline) await warnIfFewNumbers();
      else void requestSync();
    }
    return result;
  };

  const handlers: DesktopHandlers = {
    'app.info': () => ({ version: APP_VERSION, shell: opts.shell, installationId: store.installationId }),
    'connection.get': () => tracker.state,
    'connection.check': async () => {
      await requestSync();
      return tracker.state;
    },
    'connection.declareOutage': async () => {
      declaredByUser = true;
      await setConnection(tracker);
      return tracker.state;
    },
    'connection.endOutage': async () => {
      declaredByUser = false;
      await requestSync();
      return tracker.state;
    },
    'session.login': async ({ login: userLogin, password }) => {
      const session = await login(db, secrets, opts.hubUrl, userLogin, password, { id: store.installationId, key: store.installationKey }, new Date(now()));
      earlierUsers = await knownSessions(db, secrets);
      await adoptReplica(db, session.config.actor);
      view = makeView(session);
      configFetchedAt = session.offline ? 0 : now();
      void requestSync();
      return session.user;
    },
    'session.current': () => view?.session.user ?? null,
    'session.logout': async () => {
      const ending = view?.session;
      view = undefined;
      pokes?.stop();
      await signOut(db);
      // Best effort: an unreachable hub lets the session expire on its own.
      if (ending?.token) await hubRequest(opts.hubUrl, '/auth/logout', z.null(), { method: 'POST', token: ending.token }).catch(() => {});
      return null;
    },
    'config.get': () => (view ? (view.session.config as WorkstationConfig) : null),
    'tickets.execute': ({ ticket, command }) => runCommand(ticket, command as Command),
    'tickets.get': async ({ number }) => {
      const v = requireView();
      const row = await db.selectFrom('ticket').select(['data', 'pending']).where('number', '=', number).executeTakeFirst();
      if (!row) return null;
      const ticket = JSON.parse(row.data) as Ticket;
      return { ticket, allowedCommands: allowedCommands(v.rules.actor, ticket, v.directory), pending: row.pending > 0 };
    },
    'tickets.queue': ({ queue, limit, offset }) => {
      const v = requireView();
      return queuePage(db, { actor: v.rules.actor, directory: v.directory, calendar: v.calendar }, queue, limit, offset, new Date(now()));
    },
    'tickets.search': ({ text }) => searchTickets(db, requireView(), text, new Date(now())),
    'tickets.nearby': ({ categoryId, address }) => nearbyTickets(db, requireView(), categoryId, address, new Date(now())),
    'tickets.history': async ({ number }) => {
      const v = requireView();
      return ticketHistory(number, v);
    },
    'streets.search': async ({ text }) => {
      const v = requireView();
      return searchStreets(opts.hubUrl, v.session.token, text);
    },
    'numbers.reserve': async () => ({ available: await availableNumbers(db), warnBelow: WARN_BELOW }),
    'files.store': (file) => {
      requireView();
      return storeFile(db, file);
    },
    'stats.month': async ({ month }) => {
      const v = requireView();
      try {
        return await hubRequest(opts.hubUrl, `/stats/${month}`, monthStatsSchema, { token: v.session.token, timeoutMs: 60_000 });
      } catch (err) {
        if (err instanceof HubRequestError && err.status === 403) throw new DesktopApiError({ code: 'forbidden', message: 'Statystyki są dla nadzorców i supernadzorcy.' });
        if (err instanceof HubRequestError) throw new DesktopApiError({ code: 'unavailable', message: 'Statystyki liczy centrala, a jest teraz nieosiągalna — spróbuj ponownie, gdy połączenie wróci.' });
        throw err;
      }
    },
    'files.read': async ({ ticket, id }) => {
      const v = requireView();
      const row = await db.selectFrom('ticket').select('data').where('number', '=', ticket).executeTakeFirst();
      const listed = row && (JSON.parse(row.data) as Ticket).attachments.some((a) => a.id === id);
      if (!listed) throw new DesktopApiError({ code: 'invalidInput', field: 'id', message: `Zgłoszenie ${ticket} nie ma takiego załącznika.` });
      return readFile(db, opts.hubUrl, v.session.token, ticket, id);
    },
    'outbox.toResolve': async () => listToResolve(db, requireView().directory),
    'outbox.retry': async ({ mutationId, command }) => retryRefused(db, mutationId, command as Command | undefined, runCommand),
    'outbox.discard': async ({ mutationId }) => {
      await discardRefused(db, mutationId);
      return null;
    },
  };

  /** The hub's history when it answers, else what this workstation knows: its own pending actions. */
  async function ticketHistory(number: string, v: View) {
    const local = (await pendingFor(db, [number])).map((e) => ({
      at: e.at,
      actor: v.directory.users?.[e.actorId]?.name ?? e.actorId,
      text: `${commandLabels[(e.args.command as { type: CommandType }).type] ?? e.args.command.type} (czeka na wysłanie do centrali)`,
      outage: e.outage,
      pending: true,
    }));
    // In a declared outage the hub is not asked, so the screen shows what this workstation holds.
    if (declaredByUser) return local;
    try {
      const res = await hubRequest(opts.hubUrl, `/tickets/${encodeURIComponent(number)}/history`, historySchema, { token: v.session.token, timeoutMs: 5000 });
      const hub = res.events.map((e) => ({ at: e.at, actor: v.directory.users?.[e.actorId]?.name ?? e.actorId, text: describeEvent(e, v.directory), outage: e.outage, pending: false }));
      return [...hub, ...local];
    } catch {
      return local;
    }
  }

  const previous = await lastSession(db, secrets);
  if (previous) view = makeView(previous);
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

const historySchema = z.object({ events: z.array(z.any()) });

async function searchStreets(hubUrl: string, token: string, text: string): Promise<{ id: string; name: string }[]> {
  try {
    const res = await hubRequest(hubUrl, `/streets?q=${encodeURIComponent(text)}`, z.array(z.object({ id: z.string(), name: z.string() })), { token, timeoutMs: 3000 });
    return res.sort((a, b) => polishCollator.compare(a.name, b.name));
  } catch {
    return [];
  }
}
