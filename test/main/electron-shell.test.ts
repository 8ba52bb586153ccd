// The Electron shell with `electron` mocked: the window's security options, navigation, redirect
// and window-opening rules, web permissions, the app:// protocol and the IPC sender check.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RENDERER_CSP } from '../../src-shared/api/csp';
import {
  APP_ORIGIN,
  externalUrlToOpen,
  GRANTED_PERMISSIONS,
  INVOKE_CHANNEL,
  isAppUrl,
  isPermissionGranted,
  isTrustedSender,
  mainWindowOptions,
  rendererRequest,
  type FrameLike,
} from '../../src-main/electron/security';
import { appProtocolHandler } from '../../src-main/electron/app-protocol';
import { wireDesktopApi } from '../../src-main/electron/ipc';

// Permissions a page may ask Electron for; the screens use none of them.
const WEB_PERMISSIONS = [
  'notifications',
  'clipboard-read',
  'clipboard-sanitized-write',
  'media',
  'geolocation',
  'fullscreen',
  'pointerLock',
  'openExternal',
  'fileSystem',
  'hid',
  'serial',
  'usb',
  'midiSysex',
  'display-capture',
  'window-management',
  'unknown',
];

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
      ipcMain: {
        handle: (ch: string, fn: (...args: unknown[]) => unknown) => handlers.set(ch, fn),
        removeHandler: (ch: string) => handlers.delete(ch),
      },
      protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
      session: {
        defaultSession: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn(), setDevicePermissionHandler: vi.fn() },
      },
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
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      preload: '/app/preload.cjs',
    });
  });

  it('trusts only pages of the app itself', () => {
    expect(isAppUrl(`${APP_ORIGIN}/index.html`)).toBe(true);
    for (const url of [
      'https://usterka',
      'app://usterka.evil.com/',
      'app://other/',
      'file:///etc/passwd',
      'app://user:pw@usterka/',
      'not a url',
    ]) {
      expect(isAppUrl(url), url).toBe(false);
    }
  });

  it('sends only parsed https and mail links to the system browser', () => {
    expect(externalUrlToOpen('https://uml.lodz.pl/usterka')).toBe('https://uml.lodz.pl/usterka');
    expect(externalUrlToOpen('mailto:biuro@uml.lodz.pl')).toBe('mailto:biuro@uml.lodz.pl');
    for (const url of [
      'http://example.com',
      'file:///C:/Windows/system32/calc.exe',
      'javascript:alert(1)',
      'smb://host/share',
      'https://user:pw@host/',
      '',
    ]) {
      expect(externalUrlToOpen(url), url).toBeUndefined();
    }
  });

  it('maps app:// requests to files inside the renderer folder only', () => {
    expect(rendererRequest('app://usterka/')).toEqual({ file: 'index.html' });
    expect(rendererRequest('app://usterka/assets/index-abc.js')).toEqual({ file: 'assets/index-abc.js' });
    expect(rendererRequest('app://usterka/assets/z%C5%82y%20plik.png')).toEqual({ file: 'assets/zły plik.png' });
    // The URL parser resolves dot segments first, so the request stays inside the folder.
    expect(rendererRequest('app://usterka/assets/%2e%2e/%2e%2e/secret')).toEqual({ file: 'secret' });
    expect(rendererRequest('app://usterka/a%5C..%5Cb')).toEqual({ status: 404 });
    expect(rendererRequest('app://usterka/a%00b')).toEqual({ status: 404 });
    expect(rendererRequest('https://usterka/index.html')).toEqual({ status: 404 });
  });

  it('answers a malformed percent-escape in an app:// path with 400 instead of throwing', () => {
    for (const url of [
      'app://usterka/%',
      'app://usterka/assets/%zz.js',
      'app://usterka/%E0%A4%A',
      'app://usterka/%C0%AF',
      'app://usterka/%ED%A0%80',
    ]) {
      expect(rendererRequest(url), url).toEqual({ status: 400 });
    }
  });

  it("serves app:// from the renderer folder with the renderer's CSP, and statuses for the rest", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'usterka-renderer-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Usterka</title>');
    writeFileSync(join(dir, 'assets', 'app.js'), 'console.log(1)');
    const fetchFile = vi.fn(
      async (url: string) => new Response(readFileSync(fileURLToPath(url)), { headers: { 'content-type': 'text/html' } }),
    );
    const handler = appProtocolHandler(dir, fetchFile);

    const index = await handler({ url: `${APP_ORIGIN}/` });
    expect(index.status).toBe(200);
    expect(await index.text()).toContain('<title>Usterka</title>');
    expect(index.headers.get('content-security-policy')).toBe(RENDERER_CSP);
    expect(index.headers.get('content-type')).toBe('text/html');
    expect(await (await handler({ url: `${APP_ORIGIN}/assets/app.js` })).text()).toBe('console.log(1)');

    const malformed = await handler({ url: `${APP_ORIGIN}/assets/%E0%A4%A.js` });
    expect(malformed.status).toBe(400);
    expect((await handler({ url: 'https://evil.example/index.html' })).status).toBe(404);
    // A file that is not there: net.fetch rejects, the page gets 404.
    expect((await handler({ url: `${APP_ORIGIN}/missing.js` })).status).toBe(404);
    expect(fetchFile).toHaveBeenCalledTimes(3);
  });

  it("grants no web permission: none is used, and one ever granted would be for the app's own pages only", () => {
    expect([...GRANTED_PERMISSIONS]).toEqual([]);
    for (const permission of WEB_PERMISSIONS) {
      expect(isPermissionGranted(permission, `${APP_ORIGIN}/index.html`), permission).toBe(false);
    }
    const granted = new Set(['notifications']);
    expect(isPermissionGranted('notifications', `${APP_ORIGIN}/index.html`, granted)).toBe(true);
    expect(isPermissionGranted('notifications', APP_ORIGIN, granted)).toBe(true);
    expect(isPermissionGranted('media', `${APP_ORIGIN}/index.html`, granted)).toBe(false);
    for (const url of ['https://evil.example/', 'app://usterka.evil.com/', 'file:///C:/x.html', '', undefined]) {
      expect(isPermissionGranted('notifications', url, granted), String(url)).toBe(false);
    }
  });

  it("answers IPC only for the app window's own top-level frame", () => {
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
    expect(await handler({ senderFrame: { url: 'https://evil.example/', parent: null } }, 'app.info', {})).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
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

  it('blocks navigation and redirects away from the app, webviews and new windows in every web contents', () => {
    const created = electron.appEvents.get('web-contents-created')!;
    const listeners = new Map<string, (...args: unknown[]) => void>();
    let openHandler!: (d: { url: string }) => { action: string };
    created(
      {},
      {
        on: (name: string, fn: (...a: unknown[]) => void) => listeners.set(name, fn),
        setWindowOpenHandler: (fn: typeof openHandler) => (openHandler = fn),
      },
    );

    for (const name of ['will-navigate', 'will-redirect']) {
      const away = { url: 'https://evil.example/', preventDefault: vi.fn() };
      listeners.get(name)!(away, away.url);
      expect(away.preventDefault, name).toHaveBeenCalled();
      const inside = { url: `${APP_ORIGIN}/index.html`, preventDefault: vi.fn() };
      listeners.get(name)!(inside, inside.url);
      expect(inside.preventDefault, name).not.toHaveBeenCalled();
    }
    const webview = { preventDefault: vi.fn() };
    listeners.get('will-attach-webview')!(webview);
    expect(webview.preventDefault).toHaveBeenCalled();

    expect(openHandler({ url: 'https://uml.lodz.pl/' })).toEqual({ action: 'deny' });
    expect(electron.module.shell.openExternal).toHaveBeenCalledWith('https://uml.lodz.pl/');
    expect(openHandler({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(electron.module.shell.openExternal).toHaveBeenCalledTimes(1);
  });

  it('denies every permission request and check, devices included, before the window loads', () => {
    const ses = electron.module.session.defaultSession;
    const [request] = ses.setPermissionRequestHandler.mock.calls[0] as [(...a: unknown[]) => void];
    const [check] = ses.setPermissionCheckHandler.mock.calls[0] as [(...a: unknown[]) => boolean];
    const [device] = ses.setDevicePermissionHandler.mock.calls[0] as [(d: unknown) => boolean];
    for (const permission of WEB_PERMISSIONS) {
      const callback = vi.fn();
      request({}, permission, callback, { requestingUrl: `${APP_ORIGIN}/index.html`, isMainFrame: true });
      expect(callback, permission).toHaveBeenCalledWith(false);
      expect(check({}, permission, APP_ORIGIN, { requestingUrl: `${APP_ORIGIN}/index.html`, isMainFrame: true }), permission).toBe(false);
      expect(check(null, permission, APP_ORIGIN, { isMainFrame: false }), permission).toBe(false);
    }
    for (const deviceType of ['hid', 'serial', 'usb']) expect(device({ deviceType, origin: APP_ORIGIN, device: {} })).toBe(false);
    const [win] = electron.windows as unknown as { loadURL: ReturnType<typeof vi.fn> }[];
    expect(ses.setPermissionRequestHandler.mock.invocationCallOrder[0]).toBeLessThan(win!.loadURL.mock.invocationCallOrder[0]!);
  });

  it('answers app:// requests through the protocol handler, 400 for a malformed escape', async () => {
    const [scheme, handler] = electron.module.protocol.handle.mock.calls[0] as unknown as [
      string,
      (r: { url: string }) => Promise<Response>,
    ];
    expect(scheme).toBe('app');
    expect((await handler({ url: `${APP_ORIGIN}/%zz` })).status).toBe(400);
    expect((await handler({ url: 'https://evil.example/' })).status).toBe(404);
  });

  it('serves the desktop API over IPC to the app frame and refuses others', async () => {
    const handler = electron.handlers.get(INVOKE_CHANNEL)!;
    expect(await handler({ senderFrame: electron.mainFrame }, 'app.info', {})).toMatchObject({ ok: true, result: { shell: 'electron' } });
    expect(await handler({ senderFrame: { url: `${APP_ORIGIN}/index.html`, parent: electron.mainFrame } }, 'app.info', {})).toMatchObject({
      ok: false,
    });
  });
});
