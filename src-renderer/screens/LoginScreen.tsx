import { useState, type FormEvent } from 'react';
import { Alert, Box, Button, Paper, Stack, TextField, Typography } from '@mui/material';
import LoginIcon from '@mui/icons-material/Login';
import { DesktopApiError } from '../../src-shared/api/desktop';
import { PASSWORD_MIN_LENGTH } from '../../src-shared/passwords';
import { desktop } from '../api/desktop-client';
import { useAppStore } from '../state/app-store';

export function LoginScreen() {
  const { info, setUser } = useAppStore();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string>();
  /** The hub's request for a new password is guidance, not a failure. */
  const [asked, setAsked] = useState(false);
  const [busy, setBusy] = useState(false);
  /** The hub asked for a new password (a one-time one was used): the form asks for it twice. */
  const [changing, setChanging] = useState(false);
  const [newPassword, setNewPassword] = useState('');
  const [repeated, setRepeated] = useState('');

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (changing && newPassword !== repeated) {
      setAsked(false);
      setError('Powtórzone hasło różni się od nowego — wpisz je jeszcze raz.');
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      setUser(await desktop.call('session.login', { login, password, ...(changing ? { newPassword } : {}) }));
    } catch (err) {
      const asksNewPassword = err instanceof DesktopApiError && err.body.field === 'newPassword';
      setError(err instanceof DesktopApiError ? err.message : 'Nie udało się zalogować.');
      setAsked(asksNewPassword && err.body.code === 'forbidden');
      if (asksNewPassword) setChanging(true);
      else setPassword('');
      setNewPassword('');
      setRepeated('');
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
          {changing && (
            <>
              <TextField
                label="Nowe hasło"
                type="password"
                value={newPassword}
                onChange={(e) => setNewPassword(e.target.value)}
                autoComplete="new-password"
                helperText={`Co najmniej ${PASSWORD_MIN_LENGTH} znaków, bez loginu, nie z listy popularnych haseł.`}
                autoFocus
                required
              />
              <TextField
                label="Powtórz nowe hasło"
                type="password"
                value={repeated}
                onChange={(e) => setRepeated(e.target.value)}
                autoComplete="new-password"
                required
              />
            </>
          )}
          {error && <Alert severity={asked ? 'info' : 'error'}>{error}</Alert>}
          <Button type="submit" variant="contained" size="large" startIcon={<LoginIcon />} disabled={busy}>
            {changing ? 'Ustaw hasło i zaloguj (Enter)' : 'Zaloguj (Enter)'}
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
