// The desktop core in a worker thread (worker-host.ts), as the shells run it: what the transport itself adds
// beside the handler suites that run in both modes (test/server/core-sync.test.ts, core-poison.test.ts).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { isMainThread } from 'node:worker_threads';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { DesktopEvent } from '../../src-shared/api/desktop';
import { startCoreWorker } from '../../src-main/core/worker-host';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'usterka-worker-'));
  dirs.push(dir);
  return dir;
}
// Nothing answers on port 9: the core finds the hub unreachable.
const options = (dataDir: string) => ({ dataDir, hubUrl: 'http://127.0.0.1:9', shell: 'preview' as const, policy: { outageAfterMs: 0 } });

describe('desktop core in a worker thread', () => {
  it('answers requests with the same envelopes, sends its events, and seals with the box on this thread', async () => {
    const sealedOn: boolean[] = [];
    const box = {
      seal: (plain: string) => (sealedOn.push(isMainThread), `S${plain}`),
      open: (stored: string) => stored.slice(1),
    };
    const core = await startCoreWorker({ ...options(tempDir()), secrets: box, log: () => {} });
    const events: DesktopEvent[] = [];
    core.onEvent((e) => events.push(e));
    expect(await core.dispatch('app.info', {})).toMatchObject({ ok: true, result: { shell: 'preview' } });
    expect(await core.dispatch('nope', {})).toMatchObject({ ok: false, error: { code: 'unknownRequest' } });
    expect(await core.dispatch('session.login', { login: 'anna', password: '' })).toMatchObject({
      ok: false,
      error: { code: 'invalidInput', field: 'password' },
    });
    await core.syncNow();
    expect(await core.dispatch('connection.get', {})).toMatchObject({ ok: true, result: { state: 'outage' } });
    expect(events.map((e) => e.name)).toContain('connection.changed');
    // The installation key was made and sealed at the first start, by the box given here.
    expect(sealedOn).toEqual([true]);
    await core.close();
  });

  it('refuses what cannot cross to the thread, and answers "unavailable" once closed', async () => {
    const log = vi.fn();
    const core = await startCoreWorker({ ...options(tempDir()), log });
    expect(await core.dispatch('app.info', { f: () => 1 })).toMatchObject({ ok: false, error: { code: 'invalidInput' } });
    expect(log).toHaveBeenCalledTimes(1);
    await core.close();
    expect(await core.dispatch('app.info', {})).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    await core.close();
  });

  it('a core that cannot start rejects with its error', async () => {
    const file = join(tempDir(), 'not-a-folder');
    writeFileSync(file, '');
    await expect(startCoreWorker({ ...options(file), log: () => {} })).rejects.toThrow(/EEXIST|ENOTDIR/);
  });

  it('the Electron bundle carries the worker beside main.cjs, which finds it by its own address, and it runs the core', async () => {
    const dir = tempDir();
    // The bundles leave better-sqlite3 outside, to be found in node_modules as in the packaged app.
    symlinkSync(resolve('node_modules'), join(dir, 'node_modules'), 'dir');
    execFileSync(process.execPath, ['--import', 'tsx', 'src-main/electron/build.ts', join(dir, 'electron')], { stdio: 'ignore' });
    const main = readFileSync(join(dir, 'electron', 'main.cjs'), 'utf8');
    expect(main).toContain('"./core-worker.cjs"');
    expect(main).not.toMatch(/import\.meta/);
    const core = await startCoreWorker({ ...options(tempDir()), log: () => {} }, join(dir, 'electron', 'core-worker.cjs'));
    expect(await core.dispatch('app.info', {})).toMatchObject({ ok: true, result: { shell: 'preview' } });
    await core.close();
  }, 60_000);
});
