// Updates of the installed app: whether and where it looks (src-main/core/updates.ts), and the thin Electron side
// (src-main/electron/updates.ts) with electron-updater mocked.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CHECK_EVERY_MS, FIRST_CHECK_AFTER_MS, feedUrlProblem, planUpdates } from '../../src-main/core/updates';
import { startUpdates } from '../../src-main/electron/updates';

const updater = vi.hoisted(() => ({
  setFeedURL: vi.fn(),
  checkForUpdates: vi.fn(async () => null),
  on: vi.fn(),
  autoDownload: false,
  autoInstallOnAppQuit: false,
  disableWebInstaller: false,
}));
vi.mock('electron-updater', () => ({ autoUpdater: updater }));

const installed = { isPackaged: true, platform: 'win32' as const };
const feedUrl = 'https://usterka.uml.lodz.pl/updates/';

describe('whether and where the app looks for updates', () => {
  it('an installed Windows app checks the configured feed', () => {
    expect(planUpdates({ updates: { enabled: true, feedUrl } }, installed)).toEqual({ check: true, feedUrl });
  });

  it('never where IT deploys versions itself, nor run from source, nor off Windows, nor without a feed', () => {
    const reason = (plan: ReturnType<typeof planUpdates>) => (plan.check ? '' : plan.reason);
    expect(reason(planUpdates({ updates: { enabled: false, feedUrl } }, installed))).toContain('updates.enabled: false');
    expect(reason(planUpdates({ updates: { enabled: true, feedUrl } }, { ...installed, isPackaged: false }))).toContain('ze źródeł');
    expect(reason(planUpdates({ updates: { enabled: true, feedUrl } }, { ...installed, platform: 'linux' }))).toContain('Windows');
    expect(reason(planUpdates({ updates: { enabled: true } }, installed))).toContain('updates.feedUrl');
  });

  it('takes the feed only over https (http only from this machine), without credentials, query or fragment', () => {
    expect(feedUrlProblem('https://pliki.uml.lodz.pl/usterka')).toEqual({ url: 'https://pliki.uml.lodz.pl/usterka' });
    expect(feedUrlProblem('http://127.0.0.1:4780/updates/')).toEqual({ url: 'http://127.0.0.1:4780/updates/' });
    for (const [url, says] of [
      ['http://usterka.uml.lodz.pl/updates/', 'https://'],
      ['file://serwer/usterka/', 'https://'],
      ['https://it:haslo@usterka.uml.lodz.pl/updates/', 'login lub hasło'],
      ['https://usterka.uml.lodz.pl/updates/?v=1', '„?” lub „#”'],
      ['nie adres', 'nie jest poprawnym adresem'],
    ] as const) {
      const result = feedUrlProblem(url);
      expect('problem' in result && result.problem, url).toContain(says);
    }
    expect(planUpdates({ updates: { enabled: true, feedUrl: 'http://usterka.uml.lodz.pl/updates/' } }, installed).check).toBe(false);
  });
});

describe('electron-updater, driven by the plan', () => {
  afterEach(() => vi.useRealTimers());

  it('sets the generic feed, downloads in the background, installs on quit, checks after start and then every few hours', async () => {
    vi.useFakeTimers();
    const stop = startUpdates({ check: true, feedUrl }, () => {});
    await vi.waitFor(() => expect(updater.setFeedURL).toHaveBeenCalledWith({ provider: 'generic', url: feedUrl }));
    expect(updater).toMatchObject({ autoDownload: true, autoInstallOnAppQuit: true, disableWebInstaller: true });
    expect(updater.checkForUpdates).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(FIRST_CHECK_AFTER_MS);
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(CHECK_EVERY_MS);
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(2);
    stop();
    await vi.advanceTimersByTimeAsync(CHECK_EVERY_MS);
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(2);
  });

  it('switched off, it only says why and never touches electron-updater', () => {
    updater.setFeedURL.mockClear();
    const log = vi.fn();
    startUpdates({ check: false, reason: 'Aktualizacje wyłączone w konfiguracji.' }, log);
    expect(log).toHaveBeenCalledWith('Aktualizacje wyłączone w konfiguracji.');
    expect(updater.setFeedURL).not.toHaveBeenCalled();
  });
});
