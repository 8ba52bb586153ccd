import { Chip, Tooltip } from '@mui/material';
import CloudDoneIcon from '@mui/icons-material/CloudDone';
import CloudSyncIcon from '@mui/icons-material/CloudSync';
import CloudOffIcon from '@mui/icons-material/CloudOff';
import SyncIcon from '@mui/icons-material/Sync';
import type { ConnectionState } from '../../src-shared/api/desktop';
import { formatWarsawDateTime as formatDateTime } from '../../src-shared/format';

const LOOK = {
  online: { label: 'Połączono z centralą', color: 'success', Icon: CloudDoneIcon },
  degraded: { label: 'Problemy z połączeniem — ponawiam', color: 'warning', Icon: CloudSyncIcon },
  outage: { label: 'Awaria — praca lokalna', color: 'error', Icon: CloudOffIcon },
  replaying: { label: 'Przesyłanie zaległych działań', color: 'info', Icon: SyncIcon },
} as const;

export function ConnectionChip({ connection }: { connection?: ConnectionState }) {
  if (!connection) return <Chip label="Sprawdzanie połączenia…" variant="outlined" sx={{ color: 'inherit' }} />;
  const look = LOOK[connection.state];
  const details = [
    `Od ${formatDateTime(connection.since)}`,
    connection.lastError,
    connection.pendingActions > 0 ? `Oczekujące działania: ${connection.pendingActions}` : undefined,
  ].filter(Boolean);
  return (
    <Tooltip title={details.join(' · ')}>
      <Chip icon={<look.Icon />} label={look.label} color={look.color} role="status" aria-live="polite" />
    </Tooltip>
  );
}
