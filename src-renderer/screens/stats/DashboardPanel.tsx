// P§24 the morning view of a supervisor (their units) or the super-supervisor (the city): what is open now
// and where, what is late and by how much, this month against the last, and what came in during outages.
import { Alert, Box, Stack, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import type { Dashboard, MonthFigures } from '../../../src-shared/ticket';
import { useDesktopQuery } from '../../hooks/use-desktop';
import { ChartWithTable, Section, Tile } from './Figures';
import { hours, number, plDateTime, plMonth, share } from './format';

const LATE = '#c62828';
const ON_TIME = '#1565c0';

function MonthComparison({ now, before }: { now: MonthFigures; before: MonthFigures }) {
  const rows: { label: string; value: (m: MonthFigures) => string }[] = [
    { label: 'Przyjęte zgłoszenia', value: (m) => number(m.received) },
    { label: 'Podjęte w terminie (P§16.2)', value: (m) => share(m.reactionOnTimeShare) },
    { label: 'Zrealizowane w terminie (P§18.1)', value: (m) => share(m.realizationOnTimeShare) },
    { label: 'Mediana czasu podjęcia (godziny robocze)', value: (m) => hours(m.medianReactionHours) },
    { label: 'Mediana czasu realizacji (godziny robocze)', value: (m) => hours(m.medianRealizationHours) },
    { label: 'Przyjęte podczas awarii', value: (m) => number(m.duringOutage) },
  ];
  const shares = [
    { label: 'Podjęte w terminie', now: now.reactionOnTimeShare, before: before.reactionOnTimeShare },
    { label: 'Zrealizowane w terminie', now: now.realizationOnTimeShare, before: before.realizationOnTimeShare },
  ].map((r) => ({
    label: r.label,
    before: r.before === null ? null : Math.round(r.before * 100),
    now: r.now === null ? null : Math.round(r.now * 100),
  }));
  return (
    <Stack spacing={2}>
      <ChartWithTable
        caption="Terminowość: ten miesiąc wobec poprzedniego"
        nameHeader="Termin"
        rows={shares}
        series={[
          { key: 'before', label: plMonth(before.month), color: '#90a4ae' },
          { key: 'now', label: plMonth(now.month), color: ON_TIME },
        ]}
        format={(v) => `${v}%`}
      />
      <TableContainer>
        <Table size="small" aria-label="Ten miesiąc wobec poprzedniego">
          <TableHead>
            <TableRow>
              <TableCell />
              <TableCell align="right">{plMonth(before.month)}</TableCell>
              <TableCell align="right">{plMonth(now.month)} (do dziś)</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((r) => (
              <TableRow key={r.label}>
                <TableCell>{r.label}</TableCell>
                <TableCell align="right">{r.value(before)}</TableCell>
                <TableCell align="right">{r.value(now)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
    </Stack>
  );
}

export function DashboardView({ data }: { data: Dashboard }) {
  const lateReaction = data.late.reaction.reduce((n, b) => n + b.count, 0);
  const lateRealization = data.late.realization.reduce((n, b) => n + b.count, 0);
  const howLate = data.late.reaction.map((b, i) => ({
    label: b.label,
    reaction: b.count,
    realization: data.late.realization[i]?.count ?? 0,
  }));
  const byGroup = data.openByGroup.map((r) => ({ label: r.label, onTime: r.count - r.late, late: r.late }));
  return (
    <Stack spacing={2}>
      <Typography variant="body2" color="text.secondary">
        {data.scope === 'city' ? 'Całe miasto' : 'Twoje jednostki'} · stan na {plDateTime(data.at)}
      </Typography>
      <Box
        sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(150px, 1fr))', gap: 1.5 }}
        component="section"
        aria-label="Najważniejsze liczby"
      >
        <Tile label="Otwarte zgłoszenia" value={number(data.open)} />
        <Tile
          label="Czekają na podjęcie po terminie"
          hint="P§4.3 formularz WWW, P§16.2 1 dzień roboczy"
          value={number(lateReaction)}
          tone={lateReaction ? 'late' : 'ok'}
        />
        <Tile
          label="Po terminie realizacji"
          hint="P§18.1: 10 dni roboczych"
          value={number(lateRealization)}
          tone={lateRealization ? 'late' : 'ok'}
        />
        <Tile
          label="Podjęte w terminie w tym miesiącu"
          hint={`poprzednio ${share(data.lastMonth.reactionOnTimeShare)}`}
          value={share(data.thisMonth.reactionOnTimeShare)}
        />
        <Tile
          label="Zrealizowane w terminie w tym miesiącu"
          hint={`poprzednio ${share(data.lastMonth.realizationOnTimeShare)}`}
          value={share(data.thisMonth.realizationOnTimeShare)}
        />
        <Tile label="Przyjęte podczas awarii w tym miesiącu" value={number(data.thisMonth.duringOutage)} />
      </Box>
      <Section title="Otwarte według grup">
        <ChartWithTable
          caption="Otwarte według grup"
          nameHeader="Grupa"
          rows={byGroup}
          stacked
          series={[
            { key: 'onTime', label: 'W terminie', color: ON_TIME },
            { key: 'late', label: 'Po terminie', color: LATE },
          ]}
        />
      </Section>
      <Section title="Otwarte według stanu">
        <ChartWithTable
          caption="Otwarte według stanu"
          nameHeader="Stan"
          rows={data.openByStatus.map((r) => ({ label: r.label, onTime: r.count - r.late, late: r.late }))}
          stacked
          series={[
            { key: 'onTime', label: 'W terminie', color: ON_TIME },
            { key: 'late', label: 'Po terminie', color: LATE },
          ]}
        />
      </Section>
      <Section title="Jak bardzo po terminie">
        <ChartWithTable
          caption="Jak bardzo po terminie (dni kalendarzowe po terminie)"
          nameHeader="Po terminie"
          rows={howLate}
          series={[
            { key: 'reaction', label: 'Podjęcie (P§4.3, P§16.2)', color: '#ef6c00' },
            { key: 'realization', label: 'Realizacja (P§18.1)', color: LATE },
          ]}
        />
      </Section>
      <Section title="Ten miesiąc wobec poprzedniego">
        <MonthComparison now={data.thisMonth} before={data.lastMonth} />
      </Section>
      <Section title="Awarie od początku poprzedniego miesiąca">
        {data.outages.length === 0 ? <Typography color="text.secondary">Bez awarii.</Typography> : <OutagesTable outages={data.outages} />}
      </Section>
    </Stack>
  );
}

export function OutagesTable({ outages }: { outages: Dashboard['outages'] }) {
  return (
    <TableContainer>
      <Table size="small" aria-label="Awarie i zgłoszenia przyjęte w ich trakcie">
        <TableHead>
          <TableRow>
            <TableCell>Początek</TableCell>
            <TableCell>Koniec</TableCell>
            <TableCell align="right">Stanowiska</TableCell>
            <TableCell align="right">Przyjęte zgłoszenia</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {outages.map((o) => (
            <TableRow key={o.startedAt}>
              <TableCell>{plDateTime(o.startedAt)}</TableCell>
              <TableCell>{o.endedAt ? plDateTime(o.endedAt) : 'trwa'}</TableCell>
              <TableCell align="right">{o.workstations}</TableCell>
              <TableCell align="right">{o.taken}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}

export function DashboardPanel() {
  const { data, error, loading } = useDesktopQuery('stats.dashboard', {}, { refreshOnChange: true });
  return (
    <>
      {error && <Alert severity="warning">{error}</Alert>}
      {loading && !data && <Typography color="text.secondary">Liczenie…</Typography>}
      {data && <DashboardView data={data} />}
    </>
  );
}
