// Updates of the installed app with electron-updater, as planned by src-main/core/updates.ts (whether, and from
// which feed). A new version downloads in the background and installs when the app is closed.
import { CHECK_EVERY_MS, FIRST_CHECK_AFTER_MS, type UpdatePlan } from '../core/updates';

export function startUpdates(plan: UpdatePlan, log: (msg: string, err?: unknown) => void): () => void {
  if (!plan.check) {
    log(plan.reason);
    return () => {};
  }
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  // Loaded only here: it needs the packaged app's Electron, and a run without updates never loads it.
  void import('electron-updater').then(({ autoUpdater }) => {
    // The config's feed replaces the placeholder electron-builder.yml packed into app-update.yml.
    autoUpdater.setFeedURL({ provider: 'generic', url: plan.feedUrl });
    autoUpdater.autoDownload = true;
    autoUpdater.autoInstallOnAppQuit = true;
    autoUpdater.disableWebInstaller = true;
    autoUpdater.on('error', (err) => log(`Sprawdzanie aktualizacji (${plan.feedUrl}) nie powiodło się.`, err));
    autoUpdater.on('update-downloaded', (info) => log(`Pobrano wersję ${info.version}; zainstaluje się po zamknięciu aplikacji.`));
    const check = () => {
      if (stopped) return;
      autoUpdater.checkForUpdates().catch(() => {}); // failures arrive as 'error' above
      timer = setTimeout(check, CHECK_EVERY_MS);
    };
    timer = setTimeout(check, FIRST_CHECK_AFTER_MS);
  });
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
