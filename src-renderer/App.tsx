import { useEffect } from 'react';
import { Box } from '@mui/material';
import { desktop } from './api/desktop-client';
import { useAppStore } from './state/app-store';
import { TopBar } from './screens/TopBar';
import { ConnectionBanner } from './screens/ConnectionBanner';
import { LoginScreen } from './screens/LoginScreen';
import { HomeScreen } from './screens/HomeScreen';

export function App() {
  const { user, setInfo, setConnection } = useAppStore();

  useEffect(() => {
    void desktop.call('app.info', {}).then(setInfo);
    void desktop.call('connection.get', {}).then(setConnection);
    return desktop.on('connection.changed', setConnection);
  }, [setInfo, setConnection]);

  return (
    <Box sx={{ minHeight: '100vh', display: 'flex', flexDirection: 'column', bgcolor: 'background.default' }}>
      <TopBar />
      <ConnectionBanner />
      <Box component="main" sx={{ flex: 1, display: 'flex' }}>
        {user ? <HomeScreen user={user} /> : <LoginScreen />}
      </Box>
    </Box>
  );
}
