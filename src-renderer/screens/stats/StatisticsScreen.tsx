// Monitoring and statistics (P§24, P§27.3) for supervisors (their units) and the super-supervisor (the city):
// the dashboard of what is open and late now, and the statistics of any period with their files.
import { Box, Stack, Tab, Tabs, Typography } from '@mui/material';
import { useState } from 'react';
import { DashboardPanel } from './DashboardPanel';
import { PeriodPanel } from './PeriodPanel';

type View = 'dashboard' | 'period';

export function StatisticsScreen() {
  const [view, setView] = useState<View>('dashboard');
  return (
    <Stack spacing={2}>
      <div>
        <Typography variant="h5" component="h2">
          Monitoring i statystyki
        </Typography>
        <Typography variant="body2" color="text.secondary">
          Co jest otwarte i po terminie teraz (P§24), terminowość podjęcia (P§16.2) i realizacji (P§18.1), zestawienia za dowolny okres do
          zapisania poza aplikacją (P§27.3).
        </Typography>
      </div>
      <Tabs
        value={view}
        onChange={(_e, v: View) => setView(v)}
        aria-label="Monitoring i statystyki"
        sx={{ borderBottom: 1, borderColor: 'divider', '& .MuiTab-root': { textTransform: 'none', fontSize: 15 } }}
      >
        <Tab value="dashboard" label="Pulpit" id="stats-view-dashboard" aria-controls="stats-view" />
        <Tab value="period" label="Statystyki okresu" id="stats-view-period" aria-controls="stats-view" />
      </Tabs>
      <Box id="stats-view" role="tabpanel" aria-labelledby={`stats-view-${view}`}>
        {view === 'dashboard' ? <DashboardPanel /> : <PeriodPanel />}
      </Box>
    </Stack>
  );
}
