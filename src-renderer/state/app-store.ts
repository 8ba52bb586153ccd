// The screens' shared state: what the main process told us about the app, the connection and the
// signed-in user. Filled from desktop-API results and events only.
import { create } from 'zustand';
import type { AppInfo, ConnectionState, SessionUser } from '../../src-shared/api/desktop';

interface AppState {
  info?: AppInfo;
  connection?: ConnectionState;
  user?: SessionUser;
  setInfo(info: AppInfo): void;
  setConnection(connection: ConnectionState): void;
  setUser(user: SessionUser | undefined): void;
}

export const useAppStore = create<AppState>((set) => ({
  setInfo: (info) => set({ info }),
  setConnection: (connection) => set({ connection }),
  setUser: (user) => set({ user }),
}));
