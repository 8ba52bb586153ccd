import {
  Alert,
  Box,
  Button,
  MenuItem,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import { format } from 'date-fns';
import { pl } from 'date-fns/locale';
import { useMemo, useState } from 'react';
import { channelLabels, lookup, type Channel, type Directory, type MonthStats, type StatsRow } from '../../../src-shared/ticket';
import { useDesktopQuery } from '../../hooks/use-desktop';
import { categoryLabel } from '../../lib/directory';
import { saveFile } from '../../lib/save-file';
import { useConfigStore } from '../../state/config-store';

/** The last twelve months, newest first, as `YYYY-MM` with their Polish names ("listopad 2026"). */
function recentMonths(now = new Date()): { value: string; label: string }[] {
  return Array.from({ length: 12 }, (_, i) => {
    const d = new Date(now.getFullYear(), now.getMonth() - i, 1);
    return { value: format(d, 'yyyy-MM'), label: format(d, 'LLLL yyyy', { locale: pl }) };
  });
}

const COLUMNS: { key: keyof Omit<StatsRow, 'key'>; label: string }[] = [
  { key: 'received', label: 'Przyjęte' },
  { key: 'finished', label: 'Zakończone' },
  { key: 'finishedLate', label: 'Zakończone po terminie' },
  { key: 'openLate', label: 'Otwarte po terminie' },
];

const percent = (part: number, whole: number) => (whole ? `${Math.round((100 * part) / whole)}%` : '—');

function unitName(directory: Directory | undefined, id: string | null) {
  return id ? (lookup(directory?.units ?? {}, id)?.name ?? id) : 'jeszcze nieprzekazane';
}

/** The month's statistics as a semicolon CSV (Polish spreadsheets), the record kept outside the app (P§27.3). */
function toCsv(stats: MonthStats, directory: Directory | undefined): string {
  const header = ['Zestawienie', 'Pozycja', ...COLUMNS.map((c) => c.label)];
  const line = (section: string, name: string, row: StatsRow) => [section, name, ...COLUMNS.map((c) => String(row[c.key]))];
  const lines = [
    header,
    line('Razem', stats.month, stats.total),
    ...stats.byUnit.map((r) => line('Jednostka', unitName(directory, r.key), r)),
    ...stats.byCategory.map((r) => line('Kategoria', directory ? categoryLabel(directory, r.key) : (r.key ?? 'bez kategorii'), r)),
    ...Object.entries(stats.byChannel).map(([channel, n]) => [
      'Kanał',
      channelLabels[channel as Channel] ?? channel,
      String(n),
      '',
      '',
      '',
    ]),
    ['Przyjęte podczas awarii', '', String(stats.duringOutage), '', '', ''],
    ['Usunięte później (P§27.2)', '', String(stats.deleted), '', '', ''],
  ];
  return '\uFEFF' + lines.map((cells) => cells.map((c) => (/[;"\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(';')).join('\r\n');
}

function saveCsv(stats: MonthStats, directory: Directory | undefined) {
  saveFile(new Blob([toCsv(stats, directory)], { type: 'text/csv;charset=utf-8' }), `usterka-statystyki-${stats.month}.csv`);
}

function StatsTable({
  caption,
  nameHeader,
  rows,
  name,
}: {
  caption: string;
  nameHeader: string;
  rows: StatsRow[];
  name(key: string | null): string;
}) {
  return (
    <TableContainer component={Box} sx={{ bgcolor: 'background.paper', borderRadius: 1, border: 1, borderColor: 'divider' }}>
      <Table size="small" aria-label={caption}>
        <TableHead>
          <TableRow>
            <TableCell>{nameHeader}</TableCell>
            {COLUMNS.map((c) => (
              <TableCell key={c.key} align="right">
                {c.label}
              </TableCell>
            ))}
            <TableCell align="right">W terminie</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.key ?? '-'}>
              <TableCell>{name(row.key)}</TableCell>
              {COLUMNS.map((c) => (
                <TableCell key={c.key} align="right">
                  {row[c.key]}
                </TableCell>
              ))}
              <TableCell align="right">{percent(row.finished - row.finishedLate, row.finished)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}

/** The monitoring team's month (P§24, P§27.3): what came in, where it went, what was finished, what is late. */
export function StatisticsScreen() {
  const months = useMemo(() => recentMonths(), []);
  const [month, setMonth] = useState(months[0]!.value);
  const directory = useConfigStore((s) => s.workstation?.directory);
  const { data, error, loading } = useDesktopQuery('stats.month', { month }, { refreshOnChange: false });
  const tiles: [string, number | string][] = data
    ? [
        ['Przyjęte', data.total.received],
        ['Zakończone', data.total.finished],
        ['Zakończone w terminie', percent(data.total.finished - data.total.finishedLate, data.total.finished)],
        ['Otwarte po terminie', data.total.openLate],
        ['Przyjęte podczas awarii', data.duringOutage],
        ['Usunięte później', data.deleted],
      ]
    : [];
  return (
    <Stack spacing={2}>
      <div>
        <Typography variant="h5" component="h2">
          Statystyki
        </Typography>
        <Typography variant="body2" color="text.secondary">
          Zgłoszenia przyjęte w wybranym miesiącu: ile zakończono, ile po terminie (P§4.3, P§16.2, P§18.1), ile jest otwartych po terminie
          teraz (P§24). Zestawienie można zapisać poza aplikacją (P§27.3).
        </Typography>
      </div>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <TextField select label="Miesiąc" value={month} onChange={(e) => setMonth(e.target.value)} size="small" sx={{ minWidth: 220 }}>
          {months.map((m) => (
            <MenuItem key={m.value} value={m.value}>
              {m.label}
            </MenuItem>
          ))}
        </TextField>
        <Button variant="outlined" startIcon={<DownloadIcon />} disabled={!data} onClick={() => data && saveCsv(data, directory)}>
          Zapisz zestawienie (CSV)
        </Button>
      </Stack>
      {error && <Alert severity="warning">{error}</Alert>}
      {loading && !data && <Typography color="text.secondary">Liczenie…</Typography>}
      {data && (
        <>
          <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 1.5 }} component="section" aria-label="Podsumowanie miesiąca">
            {tiles.map(([label, value]) => (
              <Paper key={label} variant="outlined" sx={{ px: 2, py: 1.5, minWidth: 150 }}>
                <Typography variant="h5" component="p" sx={{ fontWeight: 700 }}>
                  {value}
                </Typography>
                <Typography variant="body2" color="text.secondary">
                  {label}
                </Typography>
              </Paper>
            ))}
          </Stack>
          <Typography variant="h6" component="h3">
            Według jednostek
          </Typography>
          <StatsTable caption="Według jednostek" nameHeader="Jednostka" rows={data.byUnit} name={(key) => unitName(directory, key)} />
          <Typography variant="h6" component="h3">
            Według kategorii
          </Typography>
          <StatsTable
            caption="Według kategorii"
            nameHeader="Kategoria"
            rows={data.byCategory}
            name={(key) => (directory ? categoryLabel(directory, key) : (key ?? 'bez kategorii'))}
          />
          <Typography variant="body2" color="text.secondary">
            Kanały:{' '}
            {Object.entries(data.byChannel)
              .map(([channel, n]) => `${channelLabels[channel as Channel] ?? channel} ${n}`)
              .join(', ') || 'brak zgłoszeń'}
            .
          </Typography>
        </>
      )}
    </Stack>
  );
}
