// The screens' shared state: what the main process told us about the app, the connection and the
// signed-in user. Filled from desktop-API results and events only.
import { create } from 'zustand';
import type { AppInfo, ConnectionState, EventPayload, SessionUser } from '../../src-shared/api/desktop';

export type ReplayProgress = EventPayload<'replay.progress'>;
export type ReplaySummary = EventPayload<'replay.finished'> & { at: string };
export type NumberReserve = EventPayload<'numbers.low'>;

interface AppState {
  info?: AppInfo;
  connection?: ConnectionState;
  user?: SessionUser;
  /** Sending the actions recorded during an outage: how far. */
  replay?: ReplayProgress;
  /** The last replay's result, until the user closes it. */
  replaySummary?: ReplaySummary;
  /** The workstation's ticket numbers are running out (offline registrations need them). */
  numbersLow?: NumberReserve;
  /** The hub refused the session: sync waits for a new login. */
  sessionExpired: boolean;
  setInfo(info: AppInfo): void;
  setConnection(connection: ConnectionState): void;
  setUser(user: SessionUser | undefined): void;
  setReplay(replay: ReplayProgress | undefined): void;
  finishReplay(summary: ReplaySummary | undefined): void;
  setNumbersLow(reserve: NumberReserve | undefined): void;
  setSessionExpired(expired: boolean): void;
}

export const useAppStore = create<AppState>((set) => ({
  sessionExpired: false,
  setInfo: (info) => set({ info }),
  setConnection: (connection) => set({ connection }),
  setUser: (user) => set(user ? { user, sessionExpired: false } : { user }),
  setReplay: (replay) => set({ replay }),
  finishReplay: (replaySummary) => set({ replaySummary, replay: undefined }),
  setNumbersLow: (numbersLow) => set({ numbersLow }),
  setSessionExpired: (sessionExpired) => set({ sessionExpired }),
}));
