// Statistics of any period (P§24): a month, a year or a range of days, every breakdown the hub counts,
// outages with what was taken during each, saved as XLSX or CSV; the super-supervisor also saves the record
// of deleted tickets (P§27.3).
import { Alert, Box, Button, MenuItem, Stack, Tab, Tabs, TextField, Typography } from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import { format, isValid, parse } from 'date-fns';
import { useMemo, useState } from 'react';
import {
  breakdownKeyLabels,
  breakdownLabels,
  breakdowns,
  monthPeriod,
  periodSchema,
  type Breakdown,
  type Period,
  type PeriodStats,
} from '../../../src-shared/ticket';
import { desktop } from '../../api/desktop-client';
import { errorText, useDesktopQuery } from '../../hooks/use-desktop';
import { saveFile } from '../../lib/save-file';
import { useAppStore } from '../../state/app-store';
import { ChartWithTable, FiguresTable, Section, Tile } from './Figures';
import { OutagesTable } from './DashboardPanel';
import { hours, number, plDay, plMonth, ratio, saveBase64 } from './format';

type Mode = 'month' | 'year' | 'range';

const warsawToday = () => new Date().toLocaleString('sv-SE', { timeZone: 'Europe/Warsaw' }).slice(0, 10);

function recentMonths(today: string): string[] {
  const [y, m] = today.split('-').map(Number);
  return Array.from({ length: 24 }, (_, i) => {
    const d = new Date(Date.UTC(y!, m! - 1 - i, 1));
    return d.toISOString().slice(0, 7);
  });
}

/** "dd.MM.yyyy" typed by a person → `YYYY-MM-DD`, or null. */
function parseDay(text: string): string | null {
  const d = parse(text.trim(), 'dd.MM.yyyy', new Date());
  return isValid(d) ? format(d, 'yyyy-MM-dd') : null;
}

function PeriodPicker({ onChange }: { onChange(p: Period | null, problem?: string): void }) {
  const today = warsawToday();
  const months = useMemo(() => recentMonths(today), [today]);
  const years = useMemo(() => Array.from({ length: 5 }, (_, i) => String(Number(today.slice(0, 4)) - i)), [today]);
  const [mode, setMode] = useState<Mode>('month');
  const [month, setMonth] = useState(months[0]!);
  const [year, setYear] = useState(years[0]!);
  const [from, setFrom] = useState(plDay(`${today.slice(0, 7)}-01`));
  const [to, setTo] = useState(plDay(today));
  const emit = (next: { mode?: Mode; month?: string; year?: string; from?: string; to?: string }) => {
    const m = next.mode ?? mode;
    if (m === 'month') return onChange(monthPeriod(next.month ?? month));
    if (m === 'year') return onChange({ from: `${next.year ?? year}-01-01`, to: `${next.year ?? year}-12-31` });
    const f = parseDay(next.from ?? from);
    const t = parseDay(next.to ?? to);
    if (!f || !t) return onChange(null, 'Podaj daty jako dd.mm.rrrr, np. 01.03.2026.');
    const checked = periodSchema.safeParse({ from: f, to: t });
    return checked.success ? onChange(checked.data) : onChange(null, checked.error.issues[0]?.message);
  };
  return (
    <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
      <TextField
        select
        size="small"
        label="Okres"
        value={mode}
        sx={{ minWidth: 160 }}
        onChange={(e) => {
          setMode(e.target.value as Mode);
          emit({ mode: e.target.value as Mode });
        }}
      >
        <MenuItem value="month">Miesiąc</MenuItem>
        <MenuItem value="year">Rok</MenuItem>
        <MenuItem value="range">Zakres dni</MenuItem>
      </TextField>
      {mode === 'month' && (
        <TextField
          select
          size="small"
          label="Miesiąc"
          value={month}
          sx={{ minWidth: 200 }}
          onChange={(e) => (setMonth(e.target.value), emit({ month: e.target.value }))}
        >
          {months.map((m) => (
            <MenuItem key={m} value={m}>
              {plMonth(m)}
            </MenuItem>
          ))}
        </TextField>
      )}
      {mode === 'year' && (
        <TextField
          select
          size="small"
          label="Rok"
          value={year}
          sx={{ minWidth: 120 }}
          onChange={(e) => (setYear(e.target.value), emit({ year: e.target.value }))}
        >
          {years.map((y) => (
            <MenuItem key={y} value={y}>
              {y}
            </MenuItem>
          ))}
        </TextField>
      )}
      {mode === 'range' && (
        <>
          <TextField
            size="small"
            label="Od (dd.mm.rrrr)"
            value={from}
            sx={{ width: 160 }}
            onChange={(e) => (setFrom(e.target.value), emit({ from: e.target.value }))}
          />
          <TextField
            size="small"
            label="Do (dd.mm.rrrr)"
            value={to}
            sx={{ width: 160 }}
            onChange={(e) => (setTo(e.target.value), emit({ to: e.target.value }))}
          />
        </>
      )}
    </Stack>
  );
}

function Summary({ stats }: { stats: PeriodStats }) {
  const t = stats.total;
  return (
    <Box
      sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(150px, 1fr))', gap: 1.5 }}
      component="section"
      aria-label="Podsumowanie okresu"
    >
      <Tile label="Przyjęte" value={number(t.received)} />
      <Tile label="Zakończone" value={number(t.finished)} />
      <Tile label="Otwarte teraz" value={number(t.open)} />
      <Tile
        label="Podjęte w terminie (P§16.2)"
        value={ratio(t.reactionOnTime, t.reactionOnTime + t.reactionLate)}
        hint={`po terminie: ${number(t.reactionLate)}`}
        tone={t.reactionLate ? 'late' : 'ok'}
      />
      <Tile
        label="Zrealizowane w terminie (P§18.1)"
        value={ratio(t.realizationOnTime, t.realizationOnTime + t.realizationLate)}
        hint={`po terminie: ${number(t.realizationLate)}`}
        tone={t.realizationLate ? 'late' : 'ok'}
      />
      <Tile label="Mediana podjęcia" value={hours(t.medianReactionHours)} hint="godziny robocze" />
      <Tile label="Mediana realizacji" value={hours(t.medianRealizationHours)} hint="godziny robocze" />
      <Tile label="Przyjęte podczas awarii" value={number(t.duringOutage)} />
      <Tile label="Usunięte później (P§27.3)" value={number(t.deleted)} hint="liczone nadal" />
    </Box>
  );
}

export function PeriodView({ stats }: { stats: PeriodStats }) {
  const [tab, setTab] = useState<Breakdown>('unit');
  const rows = stats.breakdowns[tab];
  return (
    <Stack spacing={2}>
      <Summary stats={stats} />
      <Section title="Według jednostek — terminowość (P§17.2)">
        <ChartWithTable
          caption="Terminowość według jednostek"
          below
          nameHeader="Jednostka"
          rows={stats.breakdowns.unit.map((r) => ({
            label: r.label,
            reactionOnTime: r.reactionOnTime,
            reactionLate: r.reactionLate,
            realizationOnTime: r.realizationOnTime,
            realizationLate: r.realizationLate,
          }))}
          series={[
            { key: 'reactionOnTime', label: 'Podjęte w terminie', color: '#64b5f6' },
            { key: 'reactionLate', label: 'Podjęte po terminie', color: '#ef6c00' },
            { key: 'realizationOnTime', label: 'Zrealizowane w terminie', color: '#1565c0' },
            { key: 'realizationLate', label: 'Realizacja po terminie', color: '#c62828' },
          ]}
        />
      </Section>
      <Section title="Zestawienia">
        <Tabs
          value={tab}
          onChange={(_e, v: Breakdown) => setTab(v)}
          variant="scrollable"
          aria-label="Zestawienia"
          sx={{ borderBottom: 1, borderColor: 'divider', mb: 1, '& .MuiTab-root': { textTransform: 'none' } }}
        >
          {breakdowns.map((b) => (
            <Tab key={b} value={b} label={breakdownLabels[b]} id={`stats-tab-${b}`} aria-controls="stats-panel" />
          ))}
        </Tabs>
        <Box id="stats-panel" role="tabpanel" aria-labelledby={`stats-tab-${tab}`}>
          {(tab === 'weekday' || tab === 'hour') && (
            <ChartWithTable
              caption={`Przyjęte — ${breakdownLabels[tab].toLowerCase()}`}
              nameHeader={breakdownKeyLabels[tab]}
              rows={rows.map((r) => ({ label: r.label, received: r.received }))}
              limit={24}
              series={[{ key: 'received', label: 'Przyjęte', color: '#1565c0' }]}
            />
          )}
          <FiguresTable caption={breakdownLabels[tab]} nameHeader={breakdownKeyLabels[tab]} rows={rows} total={stats.total} />
        </Box>
      </Section>
      <Section title="Awarie w okresie">
        {stats.outages.length === 0 ? (
          <Typography color="text.secondary">Bez awarii.</Typography>
        ) : (
          <OutagesTable outages={stats.outages} />
        )}
      </Section>
    </Stack>
  );
}

export function PeriodPanel() {
  const [period, setPeriod] = useState<Period | null>(() => monthPeriod(warsawToday().slice(0, 7)));
  const [problem, setProblem] = useState<string>();
  const [saving, setSaving] = useState<string>();
  const superSupervisor = useAppStore((s) => s.user?.roles.includes('superSupervisor') ?? false);
  const { data, error, loading } = useDesktopQuery('stats.period', period, { refreshOnChange: false });
  const save = async (file: 'xlsx' | 'csv' | 'deletedRecord') => {
    if (!period) return;
    setSaving(file);
    setProblem(undefined);
    try {
      saveBase64(await desktop.call('stats.export', { period, file }), saveFile);
    } catch (err) {
      setProblem(errorText(err));
    } finally {
      setSaving(undefined);
    }
  };
  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
        <PeriodPicker
          onChange={(p, why) => {
            setPeriod(p);
            setProblem(why);
          }}
        />
        <Box sx={{ flex: 1 }} />
        <Button variant="contained" startIcon={<DownloadIcon />} disabled={!data || !!saving} onClick={() => save('xlsx')}>
          Zapisz XLSX
        </Button>
        <Button variant="outlined" startIcon={<DownloadIcon />} disabled={!data || !!saving} onClick={() => save('csv')}>
          Zapisz CSV
        </Button>
        {superSupervisor && (
          <Button variant="outlined" startIcon={<DownloadIcon />} disabled={!period || !!saving} onClick={() => save('deletedRecord')}>
            Rejestr usuniętych (XLSX)
          </Button>
        )}
      </Stack>
      {period && (
        <Typography variant="body2" color="text.secondary">
          Zgłoszenia przyjęte od {plDay(period.from)} do {plDay(period.to)} (czas warszawski)
          {data ? ` · ${data.scope === 'city' ? 'całe miasto' : 'Twoje jednostki'}` : ''}. Usunięte zgłoszenia liczą się nadal (P§27.3).
        </Typography>
      )}
      {(problem || error) && <Alert severity="warning">{problem ?? error}</Alert>}
      {loading && !data && <Typography color="text.secondary">Liczenie…</Typography>}
      {data && <PeriodView stats={data} />}
    </Stack>
  );
}
