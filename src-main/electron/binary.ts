// Where Electron's program is, if it is installed: the npm package exports the binary's path, and
// the binary itself may be missing (its download failed or was skipped).
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

export function electronBinary(): string | undefined {
  try {
    const path = createRequire(import.meta.url)('electron') as unknown;
    return typeof path === 'string' && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}
