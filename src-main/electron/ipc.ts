// Carries the desktop API over Electron IPC: one invoke channel, one event channel, and a sender
// check on every call (as GitHub Desktop does).
import type { IpcMain, WebContents } from 'electron';
import type { Core } from '../core/core';
import { EVENT_CHANNEL, INVOKE_CHANNEL, isTrustedSender, type FrameLike } from './security';

export function wireDesktopApi(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  contents: Pick<WebContents, 'send'> & { mainFrame: FrameLike },
  core: Pick<Core, 'dispatch' | 'onEvent'>,
): () => void {
  ipcMain.handle(INVOKE_CHANNEL, (event: { senderFrame: FrameLike | null }, name: unknown, args: unknown) => {
    if (!isTrustedSender(event.senderFrame, contents.mainFrame)) {
      return { ok: false, error: { code: 'forbidden', message: 'Request from an untrusted frame refused.' } };
    }
    return core.dispatch(name, args);
  });
  const unsubscribe = core.onEvent((ev) => contents.send(EVENT_CHANNEL, ev));
  return () => {
    ipcMain.removeHandler(INVOKE_CHANNEL);
    unsubscribe();
  };
}
