// The preload exposes exactly one thing to the page: the typed desktop-API client over IPC.
// Never ipcRenderer itself.
import { contextBridge, ipcRenderer } from 'electron';
import { createDesktopClient } from '../../src-shared/api/client';
import type { ApiEnvelope, DesktopEvent } from '../../src-shared/api/desktop';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from './security';

const client = createDesktopClient({
  invoke: (name, args) => ipcRenderer.invoke(INVOKE_CHANNEL, name, args) as Promise<ApiEnvelope>,
  subscribe(listener) {
    const handler = (_event: unknown, payload: DesktopEvent) => listener(payload);
    ipcRenderer.on(EVENT_CHANNEL, handler);
    return () => ipcRenderer.removeListener(EVENT_CHANNEL, handler);
  },
});

contextBridge.exposeInMainWorld('usterka', { call: client.call, on: client.on });
