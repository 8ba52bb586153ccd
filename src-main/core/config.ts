// Where this workstation finds its hub: USTERKA_HUB_URL, else hubUrl in <data folder>/config.json
// (written by the installer or the administrator), else the hub on this machine.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const DEFAULT_HUB_URL = 'http://127.0.0.1:4780';

export function resolveHubUrl(env: Record<string, string | undefined>, dataDir: string): string {
  if (env.USTERKA_HUB_URL) return new URL(env.USTERKA_HUB_URL).toString().replace(/\/$/, '');
  const file = join(dataDir, 'config.json');
  if (existsSync(file)) {
    const { hubUrl } = JSON.parse(readFileSync(file, 'utf8')) as { hubUrl?: string };
    if (hubUrl) return new URL(hubUrl).toString().replace(/\/$/, '');
  }
  return DEFAULT_HUB_URL;
}
