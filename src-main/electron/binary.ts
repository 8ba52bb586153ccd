// Where Electron's program is, if it is installed. Since Electron 42 the npm package holds no
// program and has no install script: it downloads the program on the first require('electron')
// (or `npx install-electron`). So this reads what a download left (path.txt, dist/) and never
// requires the package, which would start a download; downloadElectronBinary() asks for one.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The installed electron npm package's folder, if any. */
export function electronPackageDir(): string | undefined {
  try {
    return dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return undefined;
  }
}

/** The program's path as the package's own index.js finds it, or undefined if it is not downloaded. */
export function electronBinary(packageDir = electronPackageDir(), env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (!packageDir) return undefined;
  try {
    const executable = readFileSync(join(packageDir, 'path.txt'), 'utf8');
    const path = env.ELECTRON_OVERRIDE_DIST_PATH ? join(env.ELECTRON_OVERRIDE_DIST_PATH, executable) : join(packageDir, 'dist', executable);
    return existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

/** Downloads the program with the package's own installer; its path, or undefined if the download failed. */
export function downloadElectronBinary(packageDir = electronPackageDir()): string | undefined {
  if (!packageDir || !existsSync(join(packageDir, 'install.js'))) return undefined;
  const result = spawnSync(process.execPath, [join(packageDir, 'install.js')], { stdio: 'inherit', timeout: 15 * 60_000 });
  return result.status === 0 ? electronBinary(packageDir) : undefined;
}
