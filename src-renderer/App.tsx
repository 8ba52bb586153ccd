import { useEffect } from 'react';
import { Box } from '@mui/material';
import { desktop } from './api/desktop-client';
import { useAppStore } from './state/app-store';
import { useConfigStore } from './state/config-store';
import { TopBar } from './screens/TopBar';
import { ConnectionBanner } from './screens/ConnectionBanner';
import { LoginScreen } from './screens/LoginScreen';
import { HomeScreen } from './screens/HomeScreen';

export function App() {
  const { user, setInfo, setConnection, setReplay, finishReplay, setNumbersLow, setSessionExpired } = useAppStore();

  useEffect(() => {
    void desktop.call('app.info', {}).then(setInfo);
    void desktop.call('connection.get', {}).then(setConnection);
    const off = [
      desktop.on('connection.changed', setConnection),
      desktop.on('replay.progress', setReplay),
      desktop.on('replay.finished', (summary) => finishReplay({ ...summary, at: new Date().toISOString() })),
      desktop.on('numbers.low', setNumbersLow),
      desktop.on('session.expired', () => setSessionExpired(true)),
      // An administrator changed the city's configuration: categories, scripts, groups and the calendar follow.
      desktop.on('config.changed', () => void useConfigStore.getState().load()),
    ];
    return () => off.forEach((f) => f());
  }, [setInfo, setConnection, setReplay, finishReplay, setNumbersLow, setSessionExpired]);

  return (
    <Box sx={{ minHeight: '100vh', display: 'flex', flexDirection: 'column', bgcolor: 'background.default' }}>
      {/* Pinned: after a long call form the connection state and the outage banner stay in view (P§29). */}
      <Box sx={{ position: 'sticky', top: 0, zIndex: (theme) => theme.zIndex.appBar }}>
        <TopBar />
        <ConnectionBanner />
      </Box>
      <Box component="main" sx={{ flex: 1, display: 'flex' }}>
        {user ? <HomeScreen user={user} /> : <LoginScreen />}
      </Box>
    </Box>
  );
}
