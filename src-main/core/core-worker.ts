// The desktop core's worker thread (started by worker-host.ts): creates the core and carries requests, events and
// log lines over the thread's port. Sealing is asked of the host synchronously, because the store's SecretBox is
// synchronous and the system key store lives on the host's thread: post the request, sleep on a shared flag
// until the host has answered, then take the answer off the port.
import { parentPort, receiveMessageOnPort, workerData, type MessagePort } from 'node:worker_threads';
import { createCore, type Core } from './core';
import type { SecretBox } from './secrets';
import type { FromWorker, SecretAnswer, SecretRequest, ToWorker, WorkerData } from './worker-host';

/** Long enough for a system key store prompt, short enough that a lost answer is an error, not a hang. */
const SECRET_TIMEOUT_MS = 30_000;

const port = parentPort!;
const post = (msg: FromWorker) => port.postMessage(msg);

function remoteBox(secrets: NonNullable<WorkerData['secrets']>): SecretBox {
  const flag = new Int32Array(secrets.flag);
  const ask = (request: SecretRequest): string => {
    Atomics.store(flag, 0, 0);
    secrets.port.postMessage(request);
    if (Atomics.wait(flag, 0, 0, SECRET_TIMEOUT_MS) === 'timed-out') throw new Error('The system key store did not answer.');
    const answer = receiveMessageOnPort(secrets.port as MessagePort)?.message as SecretAnswer | undefined;
    if (!answer) throw new Error('The system key store gave no answer.');
    if ('error' in answer) throw new Error(answer.error);
    return answer.text;
  };
  return { seal: (text) => ask({ op: 'seal', text }), open: (text) => ask({ op: 'open', text }) };
}

/** An error as the other thread can receive it: an Error copies, anything else goes as its text. */
const copyable = (err: unknown) => (err instanceof Error ? err : String(err));

function sendLog(msg: string, err?: unknown): void {
  try {
    post({ type: 'log', msg, ...(err === undefined ? {} : { err: copyable(err) }) });
  } catch {
    post({ type: 'log', msg, err: String(err) }); // an error holding something that cannot be copied
  }
}

async function main(): Promise<void> {
  const data = workerData as WorkerData;
  let core: Core;
  try {
    core = await createCore({ ...data.options, ...(data.secrets ? { secrets: remoteBox(data.secrets) } : {}), log: sendLog });
  } catch (err) {
    post({ type: 'failed', error: copyable(err) });
    return;
  }
  core.onEvent((event) => post({ type: 'event', event }));
  port.on('message', (msg: ToWorker) => {
    const work =
      msg.type === 'dispatch'
        ? core.dispatch(msg.name, msg.args).then((envelope) => ({ envelope }))
        : (msg.type === 'sync' ? core.syncNow() : core.close()).then(() => ({}));
    void work.then(
      (answer) => post({ type: 'reply', id: msg.id, ...answer }),
      (error: unknown) => post({ type: 'reply', id: msg.id, error: copyable(error) }),
    );
  });
  post({ type: 'ready' });
}

void main();
