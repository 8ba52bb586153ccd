import { Alert } from '@mui/material';
import { formatWarsawDateTime } from '../../src-shared/format';
import { useAppStore } from '../state/app-store';

/** A banner nobody can miss while the workstation is not fully connected to the hub. */
export function ConnectionBanner() {
  const connection = useAppStore((s) => s.connection);
  if (!connection || connection.state === 'online') return null;
  const since = formatWarsawDateTime(connection.since);
  const waiting = connection.pendingActions > 0 ? ` Działania czekające na wysłanie: ${connection.pendingActions}.` : '';
  if (connection.state === 'outage') {
    return (
      <Alert severity="error" variant="filled" square>
        Awaria połączenia z centralą od {since}. Pracuj dalej — zgłoszenia zapisują się na tym stanowisku i zostaną przesłane po przywróceniu połączenia.{waiting}
      </Alert>
    );
  }
  if (connection.state === 'replaying') {
    return (
      <Alert severity="info" square>
        Przesyłanie do centrali działań zapisanych podczas awarii.{waiting}
      </Alert>
    );
  }
  return (
    <Alert severity="warning" square>
      {connection.lastError ?? 'Centrala nie odpowiada.'} Ponawiam połączenie (od {since}).{waiting}
    </Alert>
  );
}
