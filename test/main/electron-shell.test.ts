// The Electron shell with `electron` mocked: the window's security options, navigation and
// window-opening rules, the app:// file mapping and the IPC sender check.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { tmpdir } from 'node:os';
import {
  APP_ORIGIN,
  externalUrlToOpen,
  INVOKE_CHANNEL,
  isAppUrl,
  isTrustedSender,
  mainWindowOptions,
  rendererFileFor,
  type FrameLike,
} from '../../src-main/electron/security';
import { wireDesktopApi } from '../../src-main/electron/ipc';

const electron = vi.hoisted(() => {
  const handlers = new Map<string, (...args: unknown[]) => unknown>();
  const appEvents = new Map<string, (...args: unknown[]) => void>();
  const windows: { options: unknown; webContents: Record<string, unknown> }[] = [];
  let ready!: () => void;
  const whenReadyPromise = new Promise<void>((r) => (ready = r));
  const mainFrame = { url: 'app://usterka/index.html', parent: null };
  class BrowserWindow {
    webContents = { send: vi.fn(), mainFrame, on: vi.fn(), setWindowOpenHandler: vi.fn() };
    constructor(readonly options: unknown) {
      windows.push(this);
    }
    once = vi.fn();
    on = vi.fn();
    loadURL = vi.fn(async () => {});
    static getAllWindows = () => windows;
  }
  return {
    handlers,
    appEvents,
    windows,
    mainFrame,
    ready: () => ready(),
    module: {
      app: {
        whenReady: () => whenReadyPromise,
        getPath: () => tmpdir(),
        on: (name: string, fn: (...args: unknown[]) => void) => appEvents.set(name, fn),
        requestSingleInstanceLock: () => true,
        quit: vi.fn(),
      },
      BrowserWindow,
      ipcMain: { handle: (ch: string, fn: (...args: unknown[]) => unknown) => handlers.set(ch, fn), removeHandler: (ch: string) => handlers.delete(ch) },
      protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
      shell: { openExternal: vi.fn(async () => {}) },
      safeStorage: { isEncryptionAvailable: () => false, encryptString: vi.fn(), decryptString: vi.fn() },
      net: { fetch: vi.fn() },
    },
  };
});
vi.mock('electron', () => ({ ...electron.module, default: electron.module }));

describe('Electron window security', () => {
  it('opens the window with context isolation, sandbox and no Node integration', () => {
    const prefs = mainWindowOptions('/app/preload.cjs').webPreferences!;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false, preload: '/app/preload.cjs' });
  });

  it('trusts only pages of the app itself', () => {
    expect(isAppUrl(`${APP_ORIGIN}/index.html`)).toBe(true);
    for (const url of ['https://usterka', 'app://usterka.evil.com/', 'app://other/', 'file:///etc/passwd', 'app://user:pw@usterka/', 'not a url']) {
      expect(isAppUrl(url), url).toBe(false);
    }
  });

  it('sends only parsed https and mail links to the system browser', () => {
    expect(externalUrlToOpen('https://uml.lodz.pl/usterka')).toBe('https://uml.lodz.pl/usterka');
    expect(externalUrlToOpen('mailto:biuro@uml.lodz.pl')).toBe('mailto:biuro@uml.lodz.pl');
    for (const url of ['http://example.com', 'file:///C:/Windows/system32/calc.exe', 'javascript:alert(1)', 'smb://host/share', 'https://user:pw@host/', '']) {
      expect(externalUrlToOpen(url), url).toBeUndefined();
    }
  });

  it('maps app:// requests to files inside the renderer folder only', () => {
    expect(rendererFileFor('app://usterka/')).toBe('index.html');
    expect(rendererFileFor('app://usterka/assets/index-abc.js')).toBe('assets/index-abc.js');
    // The URL parser resolves dot segments first, so the request stays inside the folder.
    expect(rendererFileFor('app://usterka/assets/%2e%2e/%2e%2e/secret')).toBe('secret');
    expect(rendererFileFor('app://usterka/a%5C..%5Cb')).toBeUndefined();
    expect(rendererFileFor('https://usterka/index.html')).toBeUndefined();
  });

  it('answers IPC only for the app window\'s own top-level frame', () => {
    const main: FrameLike = { url: `${APP_ORIGIN}/index.html`, parent: null };
    expect(isTrustedSender(main, main)).toBe(true);
    expect(isTrustedSender({ url: `${APP_ORIGIN}/index.html`, parent: main }, main)).toBe(false);
    expect(isTrustedSender({ url: `${APP_ORIGIN}/index.html`, parent: null }, main)).toBe(false);
    expect(isTrustedSender({ ...main, url: 'https://evil.example/' }, { ...main, url: 'https://evil.example/' })).toBe(false);
    expect(isTrustedSender(null, main)).toBe(false);
  });

  it('the IPC wiring refuses untrusted senders before the core sees the request', async () => {
    const handlers = new Map<string, (...args: unknown[]) => unknown>();
    const dispatch = vi.fn(async () => ({ ok: true as const, result: 1 }));
    const mainFrame: FrameLike = { url: `${APP_ORIGIN}/index.html`, parent: null };
    wireDesktopApi(
      { handle: (ch: string, fn: (...args: never[]) => unknown) => void handlers.set(ch, fn as never), removeHandler: () => {} } as never,
      { send: vi.fn(), mainFrame } as never,
      { dispatch, onEvent: () => () => {} },
    );
    const handler = handlers.get(INVOKE_CHANNEL)!;
    expect(await handler({ senderFrame: { url: 'https://evil.example/', parent: null } }, 'app.info', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(dispatch).not.toHaveBeenCalled();
    expect(await handler({ senderFrame: mainFrame }, 'app.info', {})).toEqual({ ok: true, result: 1 });
  });
});

describe('Electron main process (electron mocked)', () => {
  beforeAll(async () => {
    process.env.USTERKA_HUB_URL = 'http://127.0.0.1:9';
    await import('../../src-main/electron/main');
    electron.ready();
    await vi.waitFor(() => expect(electron.windows).toHaveLength(1), { timeout: 10_000 });
  });

  it('creates one secure window loading the app from app://', () => {
    const [win] = electron.windows as unknown as { options: ReturnType<typeof mainWindowOptions>; loadURL: ReturnType<typeof vi.fn> }[];
    expect(win!.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    expect(win!.loadURL).toHaveBeenCalledWith(`${APP_ORIGIN}/index.html`);
    expect(electron.module.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([expect.objectContaining({ scheme: 'app' })]);
  });

  it('blocks navigation away from the app, webviews and new windows in every web contents', () => {
    const created = electron.appEvents.get('web-contents-created')!;
    const listeners = new Map<string, (...args: unknown[]) => void>();
    let openHandler!: (d: { url: string }) => { action: string };
    created({}, { on: (name: string, fn: (...a: unknown[]) => void) => listeners.set(name, fn), setWindowOpenHandler: (fn: typeof openHandler) => (openHandler = fn) });

    const nav = { preventDefault: vi.fn() };
    listeners.get('will-navigate')!(nav, 'https://evil.example/');
    expect(nav.preventDefault).toHaveBeenCalled();
    const inside = { preventDefault: vi.fn() };
    listeners.get('will-navigate')!(inside, `${APP_ORIGIN}/index.html`);
    expect(inside.preventDefault).not.toHaveBeenCalled();
    const webview = { preventDefault: vi.fn() };
    listeners.get('will-attach-webview')!(webview);
    expect(webview.preventDefault).toHaveBeenCalled();

    expect(openHandler({ url: 'https://uml.lodz.pl/' })).toEqual({ action: 'deny' });
    expect(electron.module.shell.openExternal).toHaveBeenCalledWith('https://uml.lodz.pl/');
    expect(openHandler({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(electron.module.shell.openExternal).toHaveBeenCalledTimes(1);
  });

  it('serves the desktop API over IPC to the app frame and refuses others', async () => {
    const handler = electron.handlers.get(INVOKE_CHANNEL)!;
    expect(await handler({ senderFrame: electron.mainFrame }, 'app.info', {})).toMatchObject({ ok: true, result: { shell: 'electron' } });
    expect(await handler({ senderFrame: { url: `${APP_ORIGIN}/index.html`, parent: electron.mainFrame } }, 'app.info', {})).toMatchObject({ ok: false });
  });
});
