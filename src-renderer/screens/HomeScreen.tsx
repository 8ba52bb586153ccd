import { Box, Button, Card, CardContent, Stack, Typography } from '@mui/material';
import LogoutIcon from '@mui/icons-material/Logout';
import type { SessionUser } from '../../src-shared/api/desktop';
import { desktop } from '../api/desktop-client';
import { formatWarsawDateTime as formatDateTime } from '../../src-shared/format';
import { useAppStore } from '../state/app-store';

export function HomeScreen({ user }: { user: SessionUser }) {
  const { connection, info, setUser } = useAppStore();

  async function logout() {
    await desktop.call('session.logout', {});
    setUser(undefined);
  }

  return (
    <Box sx={{ flex: 1, p: 3 }}>
      <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', mb: 3 }}>
        <Typography variant="h5" component="h2">
          Dzień dobry, {user.displayName}
        </Typography>
        <Button variant="outlined" startIcon={<LogoutIcon />} onClick={logout}>
          Wyloguj
        </Button>
      </Stack>
      <Card sx={{ maxWidth: 560 }}>
        <CardContent>
          <Typography variant="h6" component="h3" gutterBottom>
            Stanowisko
          </Typography>
          <Typography variant="body2">Centrala: {connection?.hubUrl ?? '—'}</Typography>
          {connection && <Typography variant="body2">Stan połączenia od: {formatDateTime(connection.since)}</Typography>}
          {connection?.clockSkewSeconds !== undefined && Math.abs(connection.clockSkewSeconds) >= 60 && (
            <Typography variant="body2" color="warning.main">
              Zegar tego komputera różni się od zegara centrali o {connection.clockSkewSeconds} s.
            </Typography>
          )}
          <Typography variant="body2">Identyfikator instalacji: {info?.installationId ?? '—'}</Typography>
        </CardContent>
      </Card>
    </Box>
  );
}
