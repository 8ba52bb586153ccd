// The Electron main process: one window, the renderer served from app://, the desktop core behind IPC.
import { join } from 'node:path';
import { app, BrowserWindow, ipcMain, net, protocol, safeStorage, shell } from 'electron';
import { pathToFileURL } from 'node:url';
import { RENDERER_CSP } from '../../src-shared/api/csp';
import { createCore } from '../core/core';
import { resolveHubUrl } from '../core/config';
import { keyStoreBox } from '../core/secrets';
import { wireDesktopApi } from './ipc';
import { APP_ORIGIN, APP_SCHEME, externalUrlToOpen, isAppUrl, mainWindowOptions, rendererFileFor } from './security';

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

if (!app.requestSingleInstanceLock()) app.quit();

// Nothing embedded anywhere may navigate, open windows or attach webviews.
app.on('web-contents-created', (_event, contents) => {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    const external = externalUrlToOpen(url);
    if (external) void shell.openExternal(external);
    return { action: 'deny' };
  });
});

app.whenReady().then(async () => {
  const rendererDir = join(__dirname, '..', 'renderer');
  protocol.handle(APP_SCHEME, async (request) => {
    const file = rendererFileFor(request.url);
    if (!file) return new Response('Not found', { status: 404 });
    const res = await net.fetch(pathToFileURL(join(rendererDir, file)).toString());
    const headers = new Headers(res.headers);
    headers.set('content-security-policy', RENDERER_CSP);
    return new Response(res.body, { status: res.status, headers });
  });

  const dataDir = app.getPath('userData');
  const secrets = keyStoreBox(safeStorage, (m) => console.warn(m));
  const core = await createCore({ dataDir, hubUrl: resolveHubUrl(process.env, dataDir), shell: 'electron', secrets });
  const win = new BrowserWindow(mainWindowOptions(join(__dirname, 'preload.cjs')));
  const unwire = wireDesktopApi(ipcMain, win.webContents, core);
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    unwire();
    void core.close().finally(() => app.quit());
  });
  await win.loadURL(`${APP_ORIGIN}/index.html`);
});

app.on('second-instance', () => {
  const [win] = BrowserWindow.getAllWindows();
  if (win) {
    if (win.isMinimized()) win.restore();
    win.focus();
  }
});
