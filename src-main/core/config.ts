// The workstation's configuration, so that one installer serves every workstation of a city: IT writes the
// machine-wide file (%ProgramData%\Usterka\config.json on Windows, /etc/usterka/config.json elsewhere), a
// user's own <data folder>/config.json overrides it key by key (updates excepted: they are IT's alone), and
// USTERKA_HUB_URL overrides the hub's address for a session. A broken file never stops the app: its values are ignored and the problem is said
// plainly, naming the file and the field.
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { z } from 'zod';

export const DEFAULT_HUB_URL = 'http://127.0.0.1:4780';

const httpUrl = z.url({ protocol: /^https?$/, error: 'Podaj adres http:// lub https://, np. https://usterka.uml.lodz.pl' });

export const desktopConfigSchema = z
  .object({
    /** The hub's address. */
    hubUrl: httpUrl.optional(),
    /** A PEM file with the certificate authorities the hub's certificate comes from (the city's own CA), besides the public ones. */
    caFile: z.string().min(1).optional(),
    updates: z
      .object({
        /** Off where IT deploys each version itself. */
        enabled: z.boolean().optional(),
        /** The generic feed (latest.yml and the installers) the hub or a file share serves; default: the hub's /updates/. */
        feedUrl: httpUrl.optional(),
      })
      .strict()
      .optional(),
  })
  .strict();
export type DesktopConfigFile = z.infer<typeof desktopConfigSchema>;

export interface DesktopConfig {
  hubUrl: string;
  /** The extra certificate authorities' PEM text, read from caFile. */
  caPem?: string;
  updates: { enabled: boolean; feedUrl?: string };
  /** Which files were read, in the order they apply. */
  sources: string[];
  /** What was wrong and ignored, in Polish for the administrator. */
  problems: string[];
}

/** The machine-wide configuration file IT deploys. */
export function machineConfigFile(env: Record<string, string | undefined>, platform: NodeJS.Platform = process.platform): string {
  if (env.USTERKA_MACHINE_CONFIG) return env.USTERKA_MACHINE_CONFIG;
  return platform === 'win32'
    ? join(env.ProgramData ?? env.PROGRAMDATA ?? 'C:\\ProgramData', 'Usterka', 'config.json')
    : '/etc/usterka/config.json';
}

export function loadDesktopConfig(
  env: Record<string, string | undefined>,
  dataDir: string,
  machineFile = machineConfigFile(env),
): DesktopConfig {
  const problems: string[] = [];
  const sources: string[] = [];
  let merged: DesktopConfigFile = {};
  let machineHubUrl: string | undefined;
  for (const file of [machineFile, join(dataDir, 'config.json')]) {
    const read = readConfigFile(file);
    if (read === undefined) continue;
    if ('problem' in read) {
      problems.push(read.problem);
      continue;
    }
    sources.push(file);
    if (file === machineFile) machineHubUrl = read.config.hubUrl;
    // Updates are IT's decision alone (the installer runs as administrator): a user's file can neither switch them
    // back on nor point them at another feed.
    if (file !== machineFile && read.config.updates) {
      problems.push(`Plik konfiguracji ${file}: pole „updates” pominięto — aktualizacje ustawia dział IT w pliku ${machineFile}.`);
      delete read.config.updates;
    }
    merged = { ...merged, ...read.config };
  }
  let hubUrl = merged.hubUrl ?? DEFAULT_HUB_URL;
  if (env.USTERKA_HUB_URL) {
    const fromEnv = httpUrl.safeParse(env.USTERKA_HUB_URL);
    if (fromEnv.success) hubUrl = fromEnv.data;
    else problems.push(`Zmienna USTERKA_HUB_URL („${env.USTERKA_HUB_URL}”) nie jest adresem http:// ani https:// — pominięto ją.`);
  }
  let caPem: string | undefined;
  if (merged.caFile) {
    const caFile = isAbsolute(merged.caFile) ? merged.caFile : resolve(dataDir, merged.caFile);
    try {
      caPem = readFileSync(caFile, 'utf8');
      if (!caPem.includes('-----BEGIN CERTIFICATE-----')) {
        problems.push(`Plik caFile ${caFile} nie zawiera certyfikatu w formacie PEM („-----BEGIN CERTIFICATE-----”) — pominięto go.`);
        caPem = undefined;
      }
    } catch (err) {
      problems.push(`Nie można odczytać pliku caFile ${caFile}: ${(err as Error).message}`);
    }
  }
  // The feed IT named, else the machine-wide hub's (never a hub a user's file or the environment names).
  const feedUrl = merged.updates?.feedUrl ?? (machineHubUrl ? `${machineHubUrl.replace(/\/$/, '')}/updates/` : undefined);
  return {
    hubUrl: hubUrl.replace(/\/$/, ''),
    ...(caPem ? { caPem } : {}),
    updates: { enabled: merged.updates?.enabled ?? true, ...(feedUrl ? { feedUrl } : {}) },
    sources,
    problems,
  };
}

function readConfigFile(file: string): { config: DesktopConfigFile } | { problem: string } | undefined {
  if (!existsSync(file)) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, '')); // Notepad saves UTF-8 with a BOM
  } catch (err) {
    return { problem: `Plik konfiguracji ${file} nie jest poprawnym JSON-em (${(err as Error).message}) — pominięto go.` };
  }
  const parsed = desktopConfigSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { problem: `Plik konfiguracji ${file}: pole „${issue.path.join('.') || '(całość)'}” — ${issue.message}. Pominięto cały plik.` };
  }
  return { config: parsed.data };
}

/** The hub's address alone (kept for the shells that need nothing else). */
export function resolveHubUrl(env: Record<string, string | undefined>, dataDir: string): string {
  return loadDesktopConfig(env, dataDir).hubUrl;
}
