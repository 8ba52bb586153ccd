// Child process of the core benchmarks: a shell as Electron's main process is one — nothing on its thread but the
// core's host — that signs in and runs a first sync, watching its own thread for blocks meanwhile. With `worker` the
// core runs in a worker thread (as the shells run it), with `in-thread` on this thread. Prints one JSON line.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { createCore, type CoreApi } from '../../src-main/core/core';
import { STORE_FILE } from '../../src-main/core/store';
import { startCoreWorker } from '../../src-main/core/worker-host';

const [hubUrl, login, password, mode] = process.argv.slice(2) as [string, string, string, 'worker' | 'in-thread'];
const dataDir = mkdtempSync(join(tmpdir(), 'usterka-first-sync-'));
const options = { dataDir, hubUrl, shell: 'preview', log: () => {}, policy: { checkEveryMs: 600_000 } } as const;
const core: CoreApi = mode === 'worker' ? await startCoreWorker(options) : await createCore(options);
const delay = monitorEventLoopDelay({ resolution: 5 });
delay.enable();
const started = performance.now();
const signedIn = await core.dispatch('session.login', { login, password });
if (!signedIn.ok) throw new Error(signedIn.error.message);
await core.syncNow();
const seconds = (performance.now() - started) / 1000;
delay.disable();
await core.close();
const store = new Database(join(dataDir, STORE_FILE), { readonly: true });
const { tickets } = store.prepare('select count(*) as tickets from ticket').get() as { tickets: number };
store.close();
rmSync(dataDir, { recursive: true, force: true });
console.log(JSON.stringify({ seconds, maxBlockMs: delay.max / 1e6, tickets }));
