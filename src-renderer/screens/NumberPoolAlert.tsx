import { Alert, AlertTitle } from '@mui/material';
import { numberPoolAlertText } from '../lib/number-pool';
import { useConfigStore } from '../state/config-store';

/** For the super-supervisor: the year's ticket numbers are running low (the hub's pool, from the configuration). */
export function NumberPoolAlert() {
  const alert = numberPoolAlertText(useConfigStore((s) => s.workstation?.numberPool));
  if (!alert) return null;
  return (
    <Alert severity={alert.severity} sx={{ mb: 2 }}>
      <AlertTitle>Kończą się numery zgłoszeń</AlertTitle>
      {alert.text}
    </Alert>
  );
}
