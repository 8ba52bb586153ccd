// P§4.1: phone reports are taken on working days in office hours. A call registered outside them (not during
// an outage, when the desk works on regardless) is saved, with a notice — never a refusal.
import { useEffect, useState } from 'react';
import { Alert } from '@mui/material';
import { useAppStore } from '../../state/app-store';
import { useConfigStore } from '../../state/config-store';

export function OutsideOfficeHours({ channel }: { channel: string }) {
  const calendar = useConfigStore((s) => s.workstation?.calendar);
  const outage = useAppStore((s) => s.connection?.state === 'outage');
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 60_000);
    return () => clearInterval(timer);
  }, []);
  if (!calendar || outage || channel !== 'phone' || calendar.isWorkingTime(now)) return null;
  const next = calendar.nextWorkingTimeStart(now);
  const when = new Intl.DateTimeFormat('pl-PL', {
    weekday: 'long',
    day: '2-digit',
    month: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/Warsaw',
  }).format(next);
  return (
    <Alert severity="info" sx={{ mb: 1.5 }} role="note">
      Poza godzinami pracy Urzędu: zgłoszenia telefoniczne przyjmuje się w dni robocze (P§4.1). Zgłoszenie zostanie zapisane; terminy liczą
      się od najbliższego dnia roboczego ({when}).
    </Alert>
  );
}
