// The Electron shell's security decisions as plain functions, so they are unit-tested in Node.
// Only types come from electron here.
import type { BrowserWindowConstructorOptions } from 'electron';

/** The renderer is served from this privileged custom scheme, never from file:// or the network. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'usterka';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const INVOKE_CHANNEL = 'usterka:invoke';
export const EVENT_CHANNEL = 'usterka:event';

export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1400,
    height: 900,
    minWidth: 1024,
    minHeight: 700,
    title: 'Usterka',
    show: false,
    backgroundColor: '#f3f5f8',
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
    },
  };
}

function parse(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/** True only for pages of the app itself. */
export function isAppUrl(url: string): boolean {
  const u = parse(url);
  return u?.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && !u.username && !u.password;
}

/**
 * A link the user clicked that may open in the system browser (only https and mail links, after
 * parsing, re-serialised); anything else is dropped.
 */
export function externalUrlToOpen(url: string): string | undefined {
  const u = parse(url);
  if (!u || u.username || u.password) return undefined;
  if (u.protocol === 'https:' || u.protocol === 'mailto:') return u.toString();
  return undefined;
}

/** Minimal shape of Electron's WebFrameMain that the sender check needs. */
export interface FrameLike {
  url: string;
  parent: FrameLike | null;
}

/** IPC is answered only for the app's own top-level frame, showing the app's own page. */
export function isTrustedSender(frame: FrameLike | null | undefined, appMainFrame: FrameLike | undefined): boolean {
  if (!frame || !appMainFrame) return false;
  return frame === appMainFrame && frame.parent === null && isAppUrl(frame.url);
}

/** What a request for an app:// URL gets: a file inside the built renderer folder, or an error status. */
export type AppRequestTarget = { file: string } | { status: 400 | 404 };

/**
 * Where a request for an app:// URL is served from inside the built renderer folder: 404 for
 * anything outside the app or escaping the folder, 400 for a path that is not valid percent-encoding.
 */
export function rendererRequest(url: string): AppRequestTarget {
  const u = parse(url);
  if (!u || !isAppUrl(url)) return { status: 404 };
  let path: string;
  try {
    path = decodeURIComponent(u.pathname);
  } catch {
    return { status: 400 };
  }
  if (path.split('/').some((part) => part === '..') || path.includes('\\') || path.includes('\0')) return { status: 404 };
  return { file: path === '/' ? 'index.html' : path.replace(/^\/+/, '') };
}

/**
 * Web permissions (notifications, clipboard, camera, location, fullscreen, USB…) the renderer may be
 * granted: none. The screens use no permission-gated web API — files are picked with <input type=file>
 * and saved as downloads, copying is the text fields' own — so every request and check is denied.
 * A permission the screens come to need is added here, and is then granted to the app's own pages only.
 */
export const GRANTED_PERMISSIONS: ReadonlySet<string> = new Set<string>();

/** Whether a page (by its URL or origin) gets a permission: only one listed above, only for the app itself. */
export function isPermissionGranted(
  permission: string,
  requestingUrl: string | undefined,
  granted: ReadonlySet<string> = GRANTED_PERMISSIONS,
): boolean {
  return granted.has(permission) && requestingUrl !== undefined && isAppUrl(requestingUrl);
}
