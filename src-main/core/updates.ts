// Whether and where the installed app looks for a new version (the Electron side, src-main/electron/updates.ts,
// only carries this out with electron-updater). IT either lets workstations update themselves from a generic feed —
// latest.yml and the installer, served by the hub at /updates/ or by any web server, e.g. on the file server — or
// switches updates off (updates.enabled: false in the machine-wide config.json) and deploys each version itself.
// config.ts takes the update settings from the machine-wide file only.
import type { DesktopConfig } from './config';

/** The first check waits for the window and the first sync; later ones come every few hours. */
export const FIRST_CHECK_AFTER_MS = 60_000;
export const CHECK_EVERY_MS = 4 * 60 * 60_000;

export type UpdatePlan = { check: true; feedUrl: string } | { check: false; reason: string };

export interface RunningApp {
  /** False when run from source (npm start): there is no installed version to replace. */
  isPackaged: boolean;
  platform: NodeJS.Platform;
}

export function planUpdates(config: Pick<DesktopConfig, 'updates'>, app: RunningApp): UpdatePlan {
  if (!app.isPackaged) return { check: false, reason: 'Aktualizacje wyłączone: aplikacja uruchomiona ze źródeł, nie z instalacji.' };
  // Only the Windows installer is built and published (electron-builder.yml).
  if (app.platform !== 'win32') return { check: false, reason: 'Aktualizacje wyłączone: wersje są publikowane tylko dla Windows.' };
  if (!config.updates.enabled)
    return { check: false, reason: 'Aktualizacje wyłączone w konfiguracji (updates.enabled: false): nowe wersje instaluje dział IT.' };
  if (!config.updates.feedUrl)
    return { check: false, reason: 'Aktualizacje wyłączone: plik konfiguracji komputera nie podaje ani hubUrl, ani updates.feedUrl.' };
  const feed = feedUrlProblem(config.updates.feedUrl);
  return 'problem' in feed ? { check: false, reason: feed.problem } : { check: true, feedUrl: feed.url };
}

/**
 * The feed's address as electron-updater needs it, or what is wrong with it. The installer it fetches runs with the
 * administrator's rights (a per-machine install), so it comes only over https — plain http only from this machine.
 */
export function feedUrlProblem(text: string): { url: string } | { problem: string } {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { problem: `Adres aktualizacji „${text}” nie jest poprawnym adresem — aktualizacje wyłączone.` };
  }
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    return {
      problem: `Adres aktualizacji ${text} nie zaczyna się od https:// — instalator nowej wersji pobiera się tylko przez https. Ustaw updates.feedUrl na adres https:// albo wyłącz aktualizacje (updates.enabled: false).`,
    };
  }
  if (url.username || url.password)
    return { problem: `Adres aktualizacji ${url.host} zawiera login lub hasło — podaj adres bez nich; aktualizacje wyłączone.` };
  if (url.search || url.hash)
    return { problem: `Adres aktualizacji ${text} zawiera „?” lub „#” — podaj sam adres folderu; aktualizacje wyłączone.` };
  return { url: url.href };
}
