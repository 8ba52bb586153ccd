import { Box, Chip, Link, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import CloudOffIcon from '@mui/icons-material/CloudOff';
import type { QueueRow } from '../../src-shared/api/desktop';
import { formatWarsawDateTime } from '../../src-shared/format';
import { lookup, statusLabels, type Directory } from '../../src-shared/ticket';
import { categoryLabel } from '../lib/directory';
import { ClockChip } from './ClockChip';

interface Props {
  rows: QueueRow[];
  directory?: Directory;
  onOpen(number: string): void;
  caption: string;
  /** The heading of the deadline column (which clock runs in this queue). */
  dueLabel?: string;
  empty?: string;
}

/** A queue of tickets: number (opens the ticket), what, where, when received, deadline, state. */
export function QueueTable({ rows, directory, onOpen, caption, dueLabel = 'Termin', empty = 'Brak zgłoszeń.' }: Props) {
  if (rows.length === 0) {
    return (
      <Typography color="text.secondary" sx={{ p: 2 }}>
        {empty}
      </Typography>
    );
  }
  // In a queue of one state the column says nothing the heading does not; marks (pending, outage) stay.
  const oneState = rows.every((r) => r.status === rows[0]!.status);
  const withGroup = rows.some((r) => r.groupId);
  return (
    <TableContainer component={Box} sx={{ bgcolor: 'background.paper', borderRadius: 1, border: 1, borderColor: 'divider' }}>
      <Table size="small" aria-label={caption}>
        <TableHead>
          <TableRow>
            <TableCell>Numer</TableCell>
            <TableCell>Temat</TableCell>
            <TableCell>Kategoria</TableCell>
            {withGroup && <TableCell>Grupa</TableCell>}
            <TableCell>Adres</TableCell>
            <TableCell>Wpływ</TableCell>
            <TableCell>{dueLabel}</TableCell>
            <TableCell>{oneState ? 'Uwagi' : 'Stan'}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.number} hover>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>
                <Link
                  component="button"
                  onClick={() => onOpen(row.number)}
                  sx={{ fontWeight: 700, fontFamily: 'monospace', fontSize: '0.95rem' }}
                >
                  {row.number}
                </Link>
              </TableCell>
              <TableCell>{row.subject}</TableCell>
              <TableCell>{directory ? categoryLabel(directory, row.categoryId) : (row.categoryId ?? '—')}</TableCell>
              {withGroup && (
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  {row.groupId ? (lookup(directory?.groups ?? {}, row.groupId)?.symbol ?? row.groupId) : '—'}
                </TableCell>
              )}
              <TableCell>{row.address ?? '—'}</TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatWarsawDateTime(row.receivedAt)}</TableCell>
              <TableCell>
                <ClockChip row={row} />
              </TableCell>
              <TableCell>
                {!oneState && statusLabels[row.status]}
                {row.pending && <Chip size="small" variant="outlined" label="czeka na wysłanie" sx={{ ml: 1 }} />}
                {row.capturedDuringOutage && (
                  <Chip size="small" variant="outlined" icon={<CloudOffIcon />} label="z czasu awarii" sx={{ ml: 1 }} />
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
