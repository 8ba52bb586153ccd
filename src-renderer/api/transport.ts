// Picks the desktop-API transport: the preload's IPC client inside Electron, else the preview
// mode's loopback bridge. Screens only ever see the DesktopClient.
import { createDesktopClient, type DesktopClient, type DesktopTransport } from '../../src-shared/api/client';
import type { ApiEnvelope, DesktopEvent } from '../../src-shared/api/desktop';

declare global {
  interface Window {
    /** Exposed by the Electron preload: the desktop-API client over IPC. */
    usterka?: DesktopClient;
  }
}

const TOKEN_KEY = 'usterka.bridgeToken';
const TOKEN_HEADER = 'x-usterka-token';

export function connectDesktop(): DesktopClient {
  return window.usterka ?? createDesktopClient(bridgeTransport(takeBridgeToken()));
}

/** The preview URL carries the token in its fragment; keep it for reloads and clear it from the address bar. */
function takeBridgeToken(): string {
  const fromHash = new URLSearchParams(location.hash.slice(1)).get('token');
  if (fromHash) {
    sessionStorage.setItem(TOKEN_KEY, fromHash);
    history.replaceState(null, '', location.pathname);
  }
  return fromHash ?? sessionStorage.getItem(TOKEN_KEY) ?? '';
}

/**
 * One event stream for the whole window, shared by every subscriber: a browser keeps only a few
 * connections per host, and a stream per screen would starve the requests.
 */
function sharedEvents(token: string): DesktopTransport['subscribe'] {
  const listeners = new Set<(e: DesktopEvent) => void>();
  let stop: (() => void) | undefined;
  return (listener) => {
    listeners.add(listener);
    if (!stop) {
      const abort = new AbortController();
      void readEvents(token, (event) => listeners.forEach((l) => l(event)), abort.signal);
      stop = () => abort.abort();
    }
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0) {
        stop?.();
        stop = undefined;
      }
    };
  };
}

function bridgeTransport(token: string): DesktopTransport {
  const headers = { [TOKEN_HEADER]: token, 'content-type': 'application/json' };
  const subscribe = sharedEvents(token);
  return {
    async invoke(name, args) {
      try {
        const res = await fetch('/api/invoke', { method: 'POST', headers, body: JSON.stringify({ name, args }) });
        return (await res.json()) as ApiEnvelope;
      } catch {
        return {
          ok: false,
          error: { code: 'unavailable', message: 'Brak połączenia z aplikacją (okno podglądu straciło kontakt z procesem głównym).' },
        };
      }
    },
    subscribe,
  };
}

/** Server-sent events read with fetch (EventSource cannot send the token header); reconnects after a drop. */
async function readEvents(token: string, listener: (e: DesktopEvent) => void, signal: AbortSignal): Promise<void> {
  while (!signal.aborted) {
    try {
      const res = await fetch('/api/events', { headers: { [TOKEN_HEADER]: token }, signal });
      const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = frame.split('\n').find((line) => line.startsWith('data: '));
          if (data) listener(JSON.parse(data.slice(6)) as DesktopEvent);
        }
      }
    } catch {
      if (signal.aborted) return;
    }
    await new Promise((r) => setTimeout(r, 2000));
  }
}
