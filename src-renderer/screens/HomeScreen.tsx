import { useEffect, useMemo, useState } from 'react';
import { Alert, Badge, Box, Button, Divider, Stack, Tab, Tabs, Typography } from '@mui/material';
import LogoutIcon from '@mui/icons-material/Logout';
import ReportProblemIcon from '@mui/icons-material/ReportProblem';
import type { SessionUser } from '../../src-shared/api/desktop';
import { desktop } from '../api/desktop-client';
import { errorText } from '../hooks/use-desktop';
import { useCounts } from '../hooks/use-counts';
import { useAppStore } from '../state/app-store';
import { useConfigStore } from '../state/config-store';
import { useIntakeStore } from '../state/intake-store';
import { navigationFor } from './navigation';
import { NumberPoolAlert } from './NumberPoolAlert';
import { useArrivalNotifications } from './queue/use-arrival-notifications';
import type { QueueName } from '../../src-shared/api/desktop';

/** After login: the role's views on the left (Alt+1…9), the chosen one on the right. */
export function HomeScreen({ user }: { user: SessionUser }) {
  const { connection, info, setUser, setConnection } = useAppStore();
  const loadConfig = useConfigStore((s) => s.load);
  const clearConfig = useConfigStore((s) => s.clear);
  const newCall = useIntakeStore((s) => s.newCall);
  const items = useMemo(() => navigationFor(user.roles), [user.roles]);
  const [current, setCurrent] = useState(items[0]?.id);
  const counts = useCounts(items);
  useArrivalNotifications(items.flatMap((i) => (i.countOf && i.countOf !== 'toResolve' ? [i.countOf as QueueName] : [])));
  const [problem, setProblem] = useState<string>();

  useEffect(() => {
    void loadConfig();
  }, [loadConfig, user.id]);

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (!e.altKey || e.ctrlKey || e.metaKey) return;
      if (e.key.toLowerCase() === 'n' && items.some((i) => i.id === 'intake')) {
        e.preventDefault();
        setCurrent('intake');
        newCall();
        return;
      }
      const index = Number(e.code.replace('Digit', '')) - 1;
      if (e.code.startsWith('Digit') && items[index]) {
        e.preventDefault();
        setCurrent(items[index].id);
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [items, newCall]);

  async function logout() {
    await desktop.call('session.logout', {}).catch(() => null);
    clearConfig();
    newCall(); // the next user must not find this call's data (personal data, P§26)
    setUser(undefined);
  }

  async function declareOutage() {
    try {
      setConnection(await desktop.call('connection.declareOutage', {}));
    } catch (err) {
      setProblem(errorText(err));
    }
  }

  const item = items.find((i) => i.id === current);
  return (
    <Box sx={{ flex: 1, display: 'flex', alignItems: 'flex-start' }}>
      <Box
        component="nav"
        aria-label="Widoki"
        sx={{
          width: 250,
          flexShrink: 0,
          bgcolor: 'background.paper',
          borderRight: 1,
          borderColor: 'divider',
          display: 'flex',
          flexDirection: 'column',
          position: 'sticky',
          top: 0,
          height: '100vh',
          overflowY: 'auto',
        }}
      >
        <Box sx={{ p: 2, pb: 1 }}>
          <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 700, lineHeight: 1.2 }}>
            Dzień dobry, {user.displayName}
          </Typography>
        </Box>
        {items.length > 0 && (
          <Tabs
            orientation="vertical"
            value={current ?? false}
            onChange={(_, id: string) => setCurrent(id)}
            aria-label="Widoki"
            sx={{
              '& .MuiTab-root': { alignItems: 'flex-start', textAlign: 'left', minHeight: 44, textTransform: 'none', fontSize: '0.95rem' },
            }}
          >
            {items.map((i, index) => (
              <Tab
                key={i.id}
                value={i.id}
                id={`tab-${i.id}`}
                aria-controls="view"
                label={
                  <Stack direction="row" sx={{ width: '100%', justifyContent: 'space-between', alignItems: 'center', gap: 1 }}>
                    <span>{i.label}</span>
                    <Stack direction="row" sx={{ alignItems: 'center', gap: 1 }}>
                      {!!counts[i.id] && (
                        <Badge color={i.id === 'toResolve' ? 'error' : 'primary'} badgeContent={counts[i.id]} max={999} sx={{ mr: 1.5 }} />
                      )}
                      <Typography component="span" variant="caption" color="text.secondary">
                        Alt+{index + 1}
                      </Typography>
                    </Stack>
                  </Stack>
                }
              />
            ))}
          </Tabs>
        )}
        <Box sx={{ flex: 1 }} />
        <Divider />
        <Stack spacing={1} sx={{ p: 2 }}>
          {connection && connection.state !== 'outage' && (
            <Button size="small" color="error" variant="outlined" startIcon={<ReportProblemIcon />} onClick={() => void declareOutage()}>
              Zgłoś awarię
            </Button>
          )}
          <Button size="small" variant="outlined" startIcon={<LogoutIcon />} onClick={() => void logout()}>
            Wyloguj
          </Button>
          <Typography variant="caption" color="text.secondary" sx={{ wordBreak: 'break-all' }}>
            Centrala: {connection?.hubUrl ?? '—'}
            <br />
            Stanowisko: {info?.installationId.slice(0, 8) ?? '—'} · wersja {info?.version ?? '—'}
          </Typography>
          {connection?.clockSkewSeconds !== undefined && Math.abs(connection.clockSkewSeconds) >= 60 && (
            <Typography variant="caption" color="warning.main">
              Zegar tego komputera różni się od zegara centrali o {connection.clockSkewSeconds} s.
            </Typography>
          )}
        </Stack>
      </Box>
      <Box id="view" role="tabpanel" aria-labelledby={item ? `tab-${item.id}` : undefined} sx={{ flex: 1, p: 2.5, minWidth: 0 }}>
        {problem && (
          <Alert severity="error" onClose={() => setProblem(undefined)} sx={{ mb: 2 }}>
            {problem}
          </Alert>
        )}
        <NumberPoolAlert />
        {item ? (
          item.render()
        ) : (
          <Alert severity="info">
            Twoje konto ({user.roles.join(', ') || 'bez ról'}) nie ma widoków w tej aplikacji. Role i grupy nadaje administrator (zakładka
            „Administracja” w jego aplikacji).
          </Alert>
        )}
      </Box>
    </Box>
  );
}
