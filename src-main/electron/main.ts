// The Electron main process: one window, the renderer served from app://, the desktop core behind IPC.
import { join } from 'node:path';
import { app, BrowserWindow, ipcMain, net, protocol, safeStorage, session, shell } from 'electron';
import { loadDesktopConfig } from '../core/config';
import { keyStoreBox } from '../core/secrets';
import { planUpdates } from '../core/updates';
import { startCoreWorker } from '../core/worker-host';
import { appProtocolHandler } from './app-protocol';
import { wireDesktopApi } from './ipc';
import { startUpdates } from './updates';
import { APP_ORIGIN, APP_SCHEME, externalUrlToOpen, isAppUrl, isPermissionGranted, mainWindowOptions } from './security';

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

if (!app.requestSingleInstanceLock()) app.quit();

// Nothing embedded anywhere may navigate (a server redirect included), open windows or attach webviews.
app.on('web-contents-created', (_event, contents) => {
  const stayInApp = (event: { url: string; preventDefault: () => void }) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  };
  contents.on('will-navigate', stayInApp);
  contents.on('will-redirect', stayInApp);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    const external = externalUrlToOpen(url);
    if (external) void shell.openExternal(external);
    return { action: 'deny' };
  });
});

app.whenReady().then(async () => {
  // Web permissions: denied unless security.ts grants them (it grants none), before any page loads.
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(isPermissionGranted(permission, details.requestingUrl)),
  );
  session.defaultSession.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    isPermissionGranted(permission, details.requestingUrl ?? requestingOrigin),
  );
  session.defaultSession.setDevicePermissionHandler((details) => isPermissionGranted(details.deviceType, details.origin));

  protocol.handle(
    APP_SCHEME,
    appProtocolHandler(join(__dirname, '..', 'renderer'), (url) => net.fetch(url)),
  );

  const dataDir = app.getPath('userData');
  const config = loadDesktopConfig(process.env, dataDir);
  for (const problem of config.problems) console.warn(problem);
  const secrets = keyStoreBox(safeStorage, (m) => console.warn(m));
  // The core runs in a worker thread: its synchronous SQLite work never blocks this thread, the window's IPC.
  const core = await startCoreWorker({ dataDir, hubUrl: config.hubUrl, caPem: config.caPem, shell: 'electron', secrets });
  const win = new BrowserWindow(mainWindowOptions(join(__dirname, 'preload.cjs')));
  const unwire = wireDesktopApi(ipcMain, win.webContents, core);
  win.once('ready-to-show', () => win.show());
  const stopUpdates = startUpdates(planUpdates(config, { isPackaged: app.isPackaged, platform: process.platform }), (msg, err) =>
    console.warn(msg, err ?? ''),
  );
  win.on('closed', () => {
    stopUpdates();
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
