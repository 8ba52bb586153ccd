import { useEffect, useState } from 'react';
import { Alert } from '@mui/material';
import { desktop } from '../../api/desktop-client';
import { useAppStore } from '../../state/app-store';

/** Offline registrations need leased ticket numbers (P§8.2): warn while few are left. */
export function NumbersWarning() {
  const low = useAppStore((s) => s.numbersLow);
  const [reserve, setReserve] = useState<{ available: number; warnBelow: number }>();
  useEffect(() => {
    desktop.call('numbers.reserve', {}).then(setReserve, () => setReserve(undefined));
  }, [low]);
  const current = low ?? reserve;
  if (!current || current.available >= current.warnBelow) return null;
  return (
    <Alert severity={current.available === 0 ? 'error' : 'warning'} sx={{ mb: 2 }}>
      {current.available === 0
        ? 'Na stanowisku nie ma wolnych numerów zgłoszeń — bez połączenia z centralą nie zarejestrujesz zgłoszenia. Połącz się z centralą.'
        : `Zostało ${current.available} numerów zgłoszeń na pracę bez połączenia. Połącz się z centralą, aby pobrać kolejne.`}
    </Alert>
  );
}
