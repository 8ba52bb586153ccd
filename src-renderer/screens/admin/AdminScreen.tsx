// Administration (I§2–I§5, P§7, P§33–P§35): the administrator keeps the city's configuration; the
// super-supervisor reads it and agrees to changes of the group structure.
import { useEffect, useState } from 'react';
import { Alert, Box, Stack, Tab, Tabs, Typography } from '@mui/material';
import { useAppStore } from '../../state/app-store';
import { AuditTab } from './AuditTab';
import { CalendarTab } from './CalendarTab';
import { CategoriesTab } from './CategoriesTab';
import { ChangesTab } from './ChangesTab';
import { GroupsTab } from './GroupsTab';
import { ImportTab } from './ImportTab';
import { SettingsTab } from './SettingsTab';
import { UnitsTab } from './UnitsTab';
import { UsersTab } from './UsersTab';
import { useAdminStore } from './admin-state';

const TABS = [
  { id: 'units', label: 'Jednostki' },
  { id: 'groups', label: 'Grupy' },
  { id: 'users', label: 'Użytkownicy' },
  { id: 'categories', label: 'Kategorie i skrypty' },
  { id: 'calendar', label: 'Kalendarz' },
  { id: 'settings', label: 'Ustawienia' },
  { id: 'import', label: 'Import jednostki' },
  { id: 'changes', label: 'Zmiany struktury' },
  { id: 'audit', label: 'Dziennik' },
] as const;
type TabId = (typeof TABS)[number]['id'];

export function AdminScreen() {
  const roles = useAppStore((s) => s.user?.roles ?? []);
  const { overview, problem, load } = useAdminStore();
  const isAdmin = roles.includes('admin');
  const readOnly = !isAdmin;
  const [tab, setTab] = useState<TabId>(isAdmin ? 'units' : 'changes');
  // Reread at each tab: another admin, or the super-supervisor's agreement, may have changed it meanwhile.
  useEffect(() => void load(), [load, tab]);
  const pending = overview?.changes.filter((c) => c.status === 'pending').length ?? 0;
  const approved = overview?.changes.filter((c) => c.status === 'approved').length ?? 0;
  const waiting = isAdmin ? approved : pending;

  return (
    <Stack spacing={1.5} sx={{ minWidth: 0 }}>
      <Stack sx={{ alignItems: 'baseline' }} direction="row" spacing={2}>
        <Typography variant="h5" component="h2">
          Administracja
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {readOnly
            ? 'Podgląd konfiguracji — zmiany wprowadza administrator; Ty uzgadniasz zmiany struktury grup (I§5.5).'
            : 'Konfiguracja miasta; każda zmiana trafia do dziennika i na stanowiska w kilka sekund.'}
        </Typography>
      </Stack>
      {problem && <Alert severity="error">{problem}</Alert>}
      <Tabs
        value={tab}
        onChange={(_e, value: TabId) => setTab(value)}
        variant="scrollable"
        aria-label="Administracja"
        sx={{ borderBottom: 1, borderColor: 'divider', '& .MuiTab-root': { textTransform: 'none', fontSize: 15, minWidth: 0, px: 1.75 } }}
      >
        {TABS.map((t) => (
          <Tab
            key={t.id}
            value={t.id}
            id={`admin-tab-${t.id}`}
            label={t.id === 'changes' && waiting ? `${t.label} (${waiting})` : t.label}
            aria-controls="admin-panel"
          />
        ))}
      </Tabs>
      <Box id="admin-panel" role="tabpanel" aria-labelledby={`admin-tab-${tab}`}>
        {!overview ? (
          !problem && <Typography color="text.secondary">Wczytywanie konfiguracji z centrali…</Typography>
        ) : (
          <>
            {tab === 'units' && <UnitsTab readOnly={readOnly} />}
            {tab === 'groups' && <GroupsTab readOnly={readOnly} />}
            {tab === 'users' && <UsersTab readOnly={readOnly} />}
            {tab === 'categories' && <CategoriesTab readOnly={readOnly} />}
            {tab === 'calendar' && <CalendarTab readOnly={readOnly} />}
            {tab === 'settings' && <SettingsTab readOnly={readOnly} />}
            {tab === 'import' && <ImportTab readOnly={readOnly} />}
            {tab === 'changes' && <ChangesTab canApprove={roles.includes('superSupervisor')} canApply={isAdmin} />}
            {tab === 'audit' && <AuditTab />}
          </>
        )}
      </Box>
    </Stack>
  );
}
