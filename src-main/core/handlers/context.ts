// What the handlers of the desktop API may use. Each feature's file takes only the part it needs
// (a Pick of this), so its dependencies are read off its signature.
import type { DesktopEvent, ExecuteResult, RequestName } from '../../../src-shared/api/desktop';
import type { DesktopHandlers } from '../../../src-shared/api/dispatch';
import type { Command } from '../../../src-shared/ticket';
import type { Connection } from '../connection-state';
import type { SecretBox } from '../secrets';
import type { SignedIn } from '../signed-in';
import type { LocalDb, LocalStore } from '../store';

export interface CoreContext {
  hubUrl: string;
  shell: 'electron' | 'preview';
  store: LocalStore;
  secrets: SecretBox;
  now(): number;
  emit(event: DesktopEvent): void;
  connection: Connection;
  signedIn: SignedIn;
  /** Runs a sync cycle now or right after the one in progress. */
  requestSync(): Promise<void>;
  /** Stops listening for the hub's pokes (signed out: nothing to pull). */
  stopPokes(): void;
  /** Records a ticket action locally and lets sync send it (see commandRunner in tickets.ts). */
  runCommand: RunCommand;
}

export type RunCommand = (
  ticket: string | undefined,
  command: Command,
  alsoOnSuccess?: (tx: LocalDb) => Promise<void>,
) => Promise<ExecuteResult>;

/** One feature's part of the desktop-API handler map. */
export type HandlerSlice<N extends RequestName> = Pick<DesktopHandlers, N>;
