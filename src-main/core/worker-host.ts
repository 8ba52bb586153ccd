// Runs the desktop core in a worker thread. better-sqlite3 is synchronous, so in the shell's own thread a first
// sync of 100,000 tickets or a long replay would freeze the window and its IPC for seconds; in a worker only the
// worker waits. The shells get the same CoreApi createCore gives, so nothing above this file knows the difference.
// The system key store (Electron's safeStorage) exists only on the shell's thread: the worker asks this side to
// seal and open credentials, synchronously (see core-worker.ts), as the core's SecretBox expects.
import { EventEmitter } from 'node:events';
import { fileURLToPath } from 'node:url';
import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import type { ApiEnvelope, DesktopEvent } from '../../src-shared/api/desktop';
import type { CoreApi, CoreOptions } from './core';
import type { SecretBox } from './secrets';

/** What crosses to the worker: the core's options without the functions, which cannot be sent. */
export type WorkerCoreOptions = Omit<CoreOptions, 'now' | 'secrets' | 'log'>;

export interface WorkerData {
  options: WorkerCoreOptions;
  /** Present when this side seals: the port the worker asks on and the flag it waits on for the answer. */
  secrets?: { port: MessagePort; flag: SharedArrayBuffer };
}

/** Worker → host. */
export type FromWorker =
  | { type: 'ready' }
  | { type: 'failed'; error: unknown }
  | { type: 'event'; event: DesktopEvent }
  | { type: 'log'; msg: string; err?: unknown }
  | { type: 'reply'; id: number; envelope?: ApiEnvelope; error?: unknown };

/** Host → worker: a request, numbered for its reply. */
type Request = { type: 'dispatch'; name: unknown; args: unknown } | { type: 'sync' | 'close' };
export type ToWorker = Request & { id: number };

/** A secret request (worker → host) and its answer. */
export type SecretRequest = { op: 'seal' | 'open'; text: string };
export type SecretAnswer = { text: string } | { error: string };

/**
 * The worker's script: bundled beside the Electron shell's main.cjs (src-main/electron/build.ts), else the
 * TypeScript entry through its tsx shim (preview mode, tests, benchmarks).
 */
function workerScript(): string {
  const here = import.meta.url;
  return fileURLToPath(new URL(here.endsWith('.cjs') ? './core-worker.cjs' : './core-worker.mjs', here));
}

export async function startCoreWorker(
  opts: WorkerCoreOptions & { secrets?: SecretBox; log?: CoreOptions['log'] },
  script = workerScript(),
): Promise<CoreApi> {
  const { secrets, log = (msg, err) => console.error(msg, err ?? ''), ...options } = opts;
  const data: WorkerData = { options };
  const transfer = [];
  if (secrets) {
    const channel = new MessageChannel();
    const flag = new SharedArrayBuffer(4);
    data.secrets = { port: channel.port2, flag };
    transfer.push(channel.port2);
    answerSecrets(channel.port1, new Int32Array(flag), secrets);
  }
  const worker = new Worker(script, { workerData: data, transferList: transfer });
  const emitter = new EventEmitter();
  const pending = new Map<number, { resolve(envelope: ApiEnvelope | undefined): void; reject(err: unknown): void }>();
  let nextId = 1;
  let stopped: Error | undefined;

  // Like a core on this thread, an idle worker does not keep the process alive; a call in flight does.
  const holdWhileBusy = () => (pending.size > 0 ? worker.ref() : worker.unref());

  const ready = new Promise<void>((resolve, reject) => {
    worker.on('message', (msg: FromWorker) => {
      if (msg.type === 'ready') resolve();
      else if (msg.type === 'failed') reject(msg.error);
      else if (msg.type === 'event') emitter.emit('event', msg.event);
      else if (msg.type === 'log') log(msg.msg, msg.err);
      else if (msg.type === 'reply') {
        const call = pending.get(msg.id);
        pending.delete(msg.id);
        holdWhileBusy();
        if (msg.error !== undefined) call?.reject(msg.error);
        else call?.resolve(msg.envelope);
      }
    });
    const fail = (err: Error) => {
      stopped ??= err;
      reject(err);
      for (const call of pending.values()) call.reject(err);
      pending.clear();
    };
    worker.on('error', (err) => {
      log('the desktop core stopped with an error', err);
      fail(err);
    });
    worker.on('exit', (code) => fail(new Error(`The desktop core's worker has stopped (exit code ${code}).`)));
  });

  function send(msg: Request): Promise<ApiEnvelope | undefined> {
    if (stopped) return Promise.reject(stopped);
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      holdWhileBusy();
      try {
        worker.postMessage({ ...msg, id });
      } catch (err) {
        // Arguments that cannot be copied to another thread (a function, say) never reach the core.
        pending.delete(id);
        holdWhileBusy();
        reject(err);
      }
    });
  }

  try {
    await ready;
  } catch (err) {
    await worker.terminate();
    throw err;
  }
  holdWhileBusy();

  return {
    async dispatch(name, args) {
      try {
        return (await send({ type: 'dispatch', name, args }))!;
      } catch (err) {
        if (stopped)
          return { ok: false, error: { code: 'unavailable', message: 'Rdzeń aplikacji przestał działać; uruchom aplikację ponownie.' } };
        log(`desktop API request ${String(name)} could not be sent to the core`, err);
        return { ok: false, error: { code: 'invalidInput', message: 'The request cannot be carried to the core.' } };
      }
    },
    onEvent(listener) {
      emitter.on('event', listener);
      return () => emitter.off('event', listener);
    },
    async syncNow() {
      await send({ type: 'sync' });
    },
    async close() {
      if (stopped) return;
      await send({ type: 'close' });
      stopped = new Error('The desktop core is closed.');
      await worker.terminate();
    },
  };
}

/** Seals and opens for the worker, then wakes it: it waits on `flag` for the answer to arrive on its port. */
function answerSecrets(port: MessagePort, flag: Int32Array, box: SecretBox): void {
  port.on('message', ({ op, text }: SecretRequest) => {
    let answer: SecretAnswer;
    try {
      answer = { text: op === 'seal' ? box.seal(text) : box.open(text) };
    } catch (err) {
      answer = { error: err instanceof Error ? err.message : String(err) };
    }
    port.postMessage(answer);
    Atomics.store(flag, 0, 1);
    Atomics.notify(flag, 0);
  });
  // The worker's own liveness decides; this port alone never keeps the process running.
  port.unref();
}
