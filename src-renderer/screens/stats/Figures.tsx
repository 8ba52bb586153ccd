// Building blocks of the statistics screens: a tile, a bar chart with its numbers as a table beside it,
// and the table of a breakdown's figures (the same columns the XLSX and CSV carry).
import { Box, Paper, Stack, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import { BarChart } from '@mui/x-charts/BarChart';
import type { ReactNode } from 'react';
import { figureColumns, type FiguresRow } from '../../../src-shared/ticket';
import { hours, number } from './format';

export function Tile({ label, value, hint, tone }: { label: string; value: ReactNode; hint?: string; tone?: 'late' | 'ok' }) {
  return (
    <Paper
      variant="outlined"
      sx={{
        px: 2,
        py: 1.5,
        minWidth: 170,
        flex: '1 1 170px',
        borderLeft: 4,
        borderLeftColor: tone === 'late' ? 'error.main' : tone === 'ok' ? 'success.main' : 'divider',
      }}
    >
      <Typography variant="h5" component="p" sx={{ fontWeight: 700, color: tone === 'late' ? 'error.main' : undefined }}>
        {value}
      </Typography>
      <Typography variant="body2">{label}</Typography>
      {hint && (
        <Typography variant="caption" color="text.secondary">
          {hint}
        </Typography>
      )}
    </Paper>
  );
}

export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper variant="outlined" component="section" aria-label={title} sx={{ p: 2 }}>
      <Typography variant="h6" component="h3" sx={{ mb: 1 }}>
        {title}
      </Typography>
      {children}
    </Paper>
  );
}

export interface Series {
  key: string;
  label: string;
  color?: string;
}

/** A group's symbol ("ZDIT-KOORD-DROGI — Koordynatorzy…") or a name short enough for the chart's axis. */
const axisLabel = (label: string) => {
  const short = label.split(' — ')[0]!;
  return short.length > 30 ? `${short.slice(0, 28)}…` : short;
};

/** A horizontal bar chart of `rows` and, beside it, the same numbers as a table (for reading and for screen readers). */
export function ChartWithTable<R extends { label: string } & Record<string, unknown>>({
  caption,
  nameHeader,
  rows,
  series,
  stacked,
  below,
  limit = 14,
  format: show = (v) => number(v),
}: {
  caption: string;
  nameHeader: string;
  rows: R[];
  series: Series[];
  stacked?: boolean;
  /** The table below the chart rather than beside it (many columns). */
  below?: boolean;
  /** Bars drawn at most (the table lists every row). */
  limit?: number;
  format?: (v: number) => string;
}) {
  if (rows.length === 0) return <Typography color="text.secondary">Brak zgłoszeń.</Typography>;
  const height = Math.max(140, Math.min(rows.length, limit) * (limit > 14 ? 24 : 34) + 70);
  return (
    <Stack direction={below ? 'column' : { xs: 'column', lg: 'row' }} spacing={2} sx={{ alignItems: 'flex-start' }}>
      <Box role="img" aria-label={`${caption} — wykres; liczby w tabeli obok`} sx={{ flex: '1 1 55%', minWidth: 320, width: '100%' }}>
        <BarChart
          height={height}
          layout="horizontal"
          dataset={rows.slice(0, limit).map((r) => ({ ...r, label: axisLabel(r.label) }))}
          yAxis={[{ scaleType: 'band', dataKey: 'label', width: 190 }]}
          xAxis={[{ tickMinStep: 1, valueFormatter: (v: number) => number(v) }]}
          series={series.map((s) => ({
            dataKey: s.key,
            label: s.label,
            color: s.color,
            stack: stacked ? 'all' : undefined,
            valueFormatter: (v: number | null) => (v === null ? '' : show(v)),
          }))}
          margin={{ right: 16 }}
          slotProps={{ legend: { position: { vertical: 'top', horizontal: 'center' } } }}
        />
        {rows.length > limit && (
          <Typography variant="caption" color="text.secondary">
            Na wykresie {limit} pierwszych z {rows.length}; wszystkie w tabeli.
          </Typography>
        )}
      </Box>
      <TableContainer sx={below ? { width: '100%' } : { flex: '1 1 45%' }}>
        <Table size="small" aria-label={caption}>
          <TableHead>
            <TableRow>
              <TableCell>{nameHeader}</TableCell>
              {series.map((s) => (
                <TableCell key={s.key} align="right">
                  {s.label}
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((r, i) => (
              <TableRow key={`${r.label}-${i}`}>
                <TableCell>{r.label}</TableCell>
                {series.map((s) => (
                  <TableCell key={s.key} align="right">
                    {typeof r[s.key] === 'number' ? show(r[s.key] as number) : '—'}
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
    </Stack>
  );
}

/** Every figure of a breakdown's rows (and the total), as the files carry them. */
export function FiguresTable({
  caption,
  nameHeader,
  rows,
  total,
}: {
  caption: string;
  nameHeader: string;
  rows: FiguresRow[];
  total?: FiguresRow;
}) {
  const cell = (r: FiguresRow, c: (typeof figureColumns)[number]) => {
    const v = r[c.key];
    return c.hours ? hours(v as number | null) : number(v as number);
  };
  return (
    <TableContainer sx={{ maxHeight: 560 }} tabIndex={0} role="region" aria-label={`${caption} — tabela`}>
      <Table size="small" stickyHeader aria-label={caption} sx={{ '& th, & td': { px: 1 } }}>
        <TableHead>
          <TableRow>
            <TableCell>{nameHeader}</TableCell>
            {figureColumns.map((c) => (
              <TableCell key={c.key} align="right" sx={{ fontSize: 12, lineHeight: 1.2, verticalAlign: 'bottom' }}>
                {c.label}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((r) => (
            <TableRow key={r.key ?? '-'} hover>
              <TableCell>{r.label}</TableCell>
              {figureColumns.map((c) => (
                <TableCell
                  key={c.key}
                  align="right"
                  sx={{ color: (c.key === 'reactionLate' || c.key === 'realizationLate') && r[c.key] ? 'error.main' : undefined }}
                >
                  {cell(r, c)}
                </TableCell>
              ))}
            </TableRow>
          ))}
          {total && (
            <TableRow sx={{ '& td': { fontWeight: 700 } }}>
              <TableCell>Razem</TableCell>
              {figureColumns.map((c) => (
                <TableCell key={c.key} align="right">
                  {cell(total, c)}
                </TableCell>
              ))}
            </TableRow>
          )}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
