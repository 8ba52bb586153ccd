import { useState } from 'react';
import { Alert, AlertTitle, Box, Button, LinearProgress, Typography } from '@mui/material';
import { formatWarsawDateTime } from '../../src-shared/format';
import { desktop } from '../api/desktop-client';
import { errorText } from '../hooks/use-desktop';
import { useAppStore } from '../state/app-store';

/** A banner nobody can miss while the workstation is not fully connected to the hub (P§29–P§32). */
export function ConnectionBanner() {
  const connection = useAppStore((s) => s.connection);
  const user = useAppStore((s) => s.user);
  const replay = useAppStore((s) => s.replay);
  const summary = useAppStore((s) => s.replaySummary);
  const finishReplay = useAppStore((s) => s.finishReplay);
  const sessionExpired = useAppStore((s) => s.sessionExpired);
  const setUser = useAppStore((s) => s.setUser);
  const setConnection = useAppStore((s) => s.setConnection);
  const [problem, setProblem] = useState<string>();

  async function change(request: 'connection.declareOutage' | 'connection.endOutage') {
    setProblem(undefined);
    try {
      setConnection(await desktop.call(request, {}));
    } catch (err) {
      setProblem(errorText(err));
    }
  }

  const parts = [];
  if (sessionExpired && user) {
    parts.push(
      <Alert
        key="session"
        severity="warning"
        square
        action={
          <Button color="inherit" onClick={() => setUser(undefined)}>
            Zaloguj ponownie
          </Button>
        }
      >
        Sesja w centrali wygasła — wysyłanie wstrzymane do ponownego zalogowania. Nic nie zostało utracone.
      </Alert>,
    );
  }
  if (summary) {
    parts.push(
      <Alert key="summary" severity={summary.refused ? 'warning' : 'success'} square onClose={() => finishReplay(undefined)}>
        Przesłano do centrali działania z czasu awarii: przyjęte {summary.applied}
        {summary.refused ? `, do wyjaśnienia ${summary.refused} (zakładka „Do wyjaśnienia”)` : ''}.
      </Alert>,
    );
  }
  if (problem)
    parts.push(
      <Alert key="problem" severity="error" square onClose={() => setProblem(undefined)}>
        {problem}
      </Alert>,
    );

  if (connection && connection.state !== 'online') {
    const since = formatWarsawDateTime(connection.since);
    const waiting =
      connection.pendingActions > 0
        ? `Działania czekające na wysłanie: ${connection.pendingActions}.`
        : 'Wszystkie działania są w centrali.';
    if (connection.state === 'outage') {
      parts.unshift(
        <Alert
          key="state"
          severity="error"
          variant="filled"
          square
          role="alert"
          sx={{ py: 1.5, '& .MuiAlert-message': { width: '100%' } }}
          action={
            user && (
              <Button color="inherit" variant="outlined" sx={{ whiteSpace: 'nowrap' }} onClick={() => void change('connection.endOutage')}>
                Zakończ awarię
              </Button>
            )
          }
        >
          <AlertTitle sx={{ fontSize: '1.25rem', fontWeight: 700 }}>AWARIA — praca bez połączenia z centralą od {since}</AlertTitle>
          {connection.hubAnswers && (
            <Typography sx={{ fontWeight: 700, mb: 0.5 }}>
              Centrala znów odpowiada — zakończ awarię, aby przesłać zapisane działania i wrócić do pracy w aplikacji (P§32).
            </Typography>
          )}
          Pracuj dalej jak zwykle: zgłoszenia i numery zapisują się na tym stanowisku i zostaną przesłane po przywróceniu połączenia.{' '}
          <strong>{waiting}</strong>
          {connection.lastError && <Typography variant="body2">{connection.lastError}</Typography>}
        </Alert>,
      );
    } else if (connection.state === 'replaying') {
      const total = replay?.total ?? connection.pendingActions;
      const sent = replay?.sent ?? 0;
      parts.unshift(
        <Alert
          key="state"
          severity="info"
          square
          sx={{ borderBottom: 3, borderColor: 'info.main', '& .MuiAlert-message': { width: '100%' } }}
        >
          <AlertTitle>Przesyłanie do centrali działań zapisanych podczas awarii</AlertTitle>
          {total > 0 ? `Wysłano ${sent} z ${total}.` : 'Trwa wysyłanie.'}
          <Box sx={{ mt: 1 }}>
            <LinearProgress
              variant={total > 0 ? 'determinate' : 'indeterminate'}
              value={total > 0 ? (100 * sent) / total : 0}
              aria-label="Postęp przesyłania"
            />
          </Box>
        </Alert>,
      );
    } else {
      parts.unshift(
        <Alert
          key="state"
          severity="warning"
          square
          role="alert"
          sx={{ borderBottom: 3, borderColor: 'warning.main' }}
          action={
            user && (
              <Button
                color="inherit"
                variant="outlined"
                sx={{ whiteSpace: 'nowrap' }}
                onClick={() => void change('connection.declareOutage')}
              >
                Zgłoś awarię
              </Button>
            )
          }
        >
          <strong>{connection.lastError ?? 'Centrala nie odpowiada.'}</strong> Ponawiam połączenie (od {since}). {waiting}
          {user && ' Jeśli centrala jest niedostępna dłużej, zgłoś awarię (P§29).'}
        </Alert>,
      );
    }
  }
  // Online, yet the hub refuses what this workstation sends: not an outage, so no outage banner, but nobody may miss it.
  if (connection?.state === 'online' && connection.lastError) {
    parts.unshift(
      <Alert key="state" severity="error" square role="alert">
        <AlertTitle>Centrala odpowiada, ale nie przyjmuje działań z tego stanowiska</AlertTitle>
        {connection.lastError}{' '}
        {connection.pendingActions > 0 && <strong>Działania czekające na wysłanie: {connection.pendingActions}.</strong>}
      </Alert>,
    );
  }
  if (parts.length === 0) return null;
  return <Box>{parts}</Box>;
}
