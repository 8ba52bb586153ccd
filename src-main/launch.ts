// `npm start`: the app on its embedded default. Starts the hub (with its own PostgreSQL in .data/hub)
// unless one answers already, builds the screens if they are stale, then opens the Electron window —
// downloading Electron's program on the first start — or, where it cannot be had (or with
// --preview), the same screens in a browser tab served on 127.0.0.1 by the same core (preview mode).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DEFAULT_HUB_URL } from './core/config';
import { startCoreWorker } from './core/worker-host';
import { startBridge } from './preview/bridge';
import { downloadElectronBinary, electronBinary, electronPackageDir } from './electron/binary';

const root = resolve(import.meta.dirname, '..');
const rendererDir = join(root, 'dist', 'renderer');
const children: ChildProcess[] = [];

async function main(): Promise<void> {
  const hubUrl = process.env.USTERKA_HUB_URL ?? (await ensureHub());
  await buildIfStale(
    'screens',
    join(rendererDir, 'index.html'),
    ['src-renderer', 'src-shared'],
    ['npx', 'vite', 'build', '--logLevel', 'warn'],
  );

  const electron = process.argv.includes('--preview') ? undefined : (electronBinary() ?? downloadElectron());
  if (electron) {
    await buildIfStale(
      'Electron shell',
      join(root, 'dist', 'electron', 'main.cjs'),
      ['src-main', 'src-shared', 'migrations'],
      ['npx', 'tsx', 'src-main/electron/build.ts'],
    );
    const child = spawn(electron, [root], { stdio: 'inherit', env: { ...process.env, USTERKA_HUB_URL: hubUrl } });
    children.push(child);
    child.on('exit', (code) => shutdown(code ?? 0));
    return;
  }

  console.log(
    process.argv.includes('--preview')
      ? 'Preview mode (--preview): Usterka opens in your browser instead of its own window.'
      : "Electron's program is not installed on this machine (it could not be downloaded), so Usterka opens in preview mode: the same screens in your browser.",
  );
  const core = await startCoreWorker({
    dataDir: resolve(process.env.USTERKA_DESKTOP_DIR ?? join(root, '.data', 'desktop')),
    hubUrl,
    shell: 'preview',
  });
  const bridge = await startBridge(core, rendererDir, Number(process.env.PREVIEW_PORT ?? 0));
  console.log(`\n  Open: ${bridge.url}\n`);
  openInBrowser(bridge.url);
  const stop = async () => {
    await bridge.close();
    await core.close();
    shutdown(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

/** npm installs Electron without its program; the first start downloads it (later starts find it). */
function downloadElectron(): string | undefined {
  if (!electronPackageDir()) return undefined;
  console.log("Downloading Electron's program (once)…");
  return downloadElectronBinary();
}

async function ensureHub(): Promise<string> {
  if (await hubAnswers(DEFAULT_HUB_URL)) {
    console.log(`Using the hub already running at ${DEFAULT_HUB_URL}.`);
    return DEFAULT_HUB_URL;
  }
  console.log('Starting the hub with its own PostgreSQL in .data/hub (the first start takes a few seconds)…');
  const hub = spawn(process.execPath, ['--import', 'tsx', join(root, 'src-server', 'main.ts')], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: {
      ...process.env,
      HUB_PORT: new URL(DEFAULT_HUB_URL).port,
      USTERKA_DATA_DIR: join(root, '.data', 'hub'),
      USTERKA_SEED_DEMO: '1',
      LOG_LEVEL: 'warn',
    },
  });
  children.push(hub);
  hub.stderr!.on('data', (chunk: Buffer) => process.stderr.write(chunk.toString().replace(/^(?=.)/gm, '[hub] ')));
  hub.on('exit', (code) => {
    if (code) {
      console.error(`The hub stopped with code ${code}; see the [hub] lines above.`);
      shutdown(code);
    }
  });
  for (const deadline = Date.now() + 90_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 300))) {
    if (await hubAnswers(DEFAULT_HUB_URL)) return DEFAULT_HUB_URL;
  }
  throw new Error('The hub did not answer within 90 s.');
}

async function hubAnswers(url: string): Promise<boolean> {
  try {
    return (await fetch(`${url}/health`, { signal: AbortSignal.timeout(1000) })).ok;
  } catch {
    return false;
  }
}

/** Runs `command` when `output` is missing or older than any file under `sources`. */
async function buildIfStale(what: string, output: string, sources: string[], command: string[]): Promise<void> {
  const builtAt = existsSync(output) ? statSync(output).mtimeMs : 0;
  if (builtAt && !sources.some((dir) => newerThan(join(root, dir), builtAt))) return;
  console.log(`Building the ${what}…`);
  const [cmd, ...args] = command;
  const child = spawn(cmd!, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  const code = await new Promise<number | null>((r) => child.on('exit', r));
  if (code !== 0) throw new Error(`Building the ${what} failed (exit code ${code}).`);
}

function newerThan(dir: string, time: number): boolean {
  return readdirSync(dir, { withFileTypes: true, recursive: true }).some(
    (entry) => entry.isFile() && statSync(join(entry.parentPath, entry.name)).mtimeMs > time,
  );
}

function openInBrowser(url: string): void {
  const opener =
    process.platform === 'win32'
      ? ['cmd', '/c', 'start', '""', url]
      : process.platform === 'darwin'
        ? ['open', url]
        : process.env.DISPLAY || process.env.WAYLAND_DISPLAY
          ? ['xdg-open', url]
          : undefined;
  if (!opener) return;
  const child = spawn(opener[0]!, opener.slice(1), { stdio: 'ignore', detached: true });
  child.on('error', () => {});
  child.unref();
}

function shutdown(code: number): void {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  process.exitCode = code;
  setTimeout(() => process.exit(code), 3000).unref();
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  shutdown(1);
});
