import { useState, type FormEvent } from 'react';
import { Alert, Box, Button, Paper, Stack, TextField, Typography } from '@mui/material';
import LoginIcon from '@mui/icons-material/Login';
import { DesktopApiError } from '../../src-shared/api/desktop';
import { desktop } from '../api/desktop-client';
import { useAppStore } from '../state/app-store';

export function LoginScreen() {
  const { info, setUser } = useAppStore();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      setUser(await desktop.call('session.login', { login, password }));
    } catch (err) {
      setError(err instanceof DesktopApiError ? err.message : 'Nie udało się zalogować.');
      setPassword('');
    } finally {
      setBusy(false);
    }
  }

  return (
    <Box sx={{ flex: 1, display: 'flex', flexDirection: 'column', alignItems: 'center', justifyContent: 'center', p: 3, gap: 2 }}>
      <Paper component="form" onSubmit={submit} elevation={2} sx={{ p: 4, width: 400, maxWidth: '100%' }} aria-labelledby="login-title">
        <Stack spacing={2.5}>
          <Box>
            <Typography id="login-title" variant="h5" component="h2">
              Zaloguj się
            </Typography>
            <Typography variant="body2" color="text.secondary">
              Użyj swojego loginu do systemu Usterka.
            </Typography>
          </Box>
          <TextField label="Login" value={login} onChange={(e) => setLogin(e.target.value)} autoFocus autoComplete="username" required />
          <TextField
            label="Hasło"
            type="password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            autoComplete="current-password"
            required
          />
          {error && <Alert severity="error">{error}</Alert>}
          <Button type="submit" variant="contained" size="large" startIcon={<LoginIcon />} disabled={busy}>
            Zaloguj (Enter)
          </Button>
        </Stack>
      </Paper>
      {info?.shell === 'preview' && (
        <Alert severity="info" sx={{ width: 400, maxWidth: '100%' }}>
          Tryb podglądu: ekrany aplikacji w przeglądarce, bo program Electron nie jest zainstalowany na tym komputerze.
        </Alert>
      )}
      {info && (
        <Typography variant="caption" color="text.secondary">
          Wersja {info.version}
        </Typography>
      )}
    </Box>
  );
}
