// A list the administrator searches and opens rows of: one line per row, the search over the texts that
// matter for it (Polish letters folded, so "lodz" finds "Łódź").
import { useMemo, useState, type ReactNode } from 'react';
import { Box, Button, Stack, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, TextField, Typography } from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import { fold } from '../../lib/text';

export interface Column<T> {
  label: string;
  render(row: T): ReactNode;
  width?: number | string;
}

interface Props<T> {
  label: string;
  rows: T[];
  columns: Column<T>[];
  keyOf(row: T): string;
  searchText(row: T): string;
  onOpen?(row: T): void;
  /** The "add" button; absent when read-only. */
  onAdd?(): void;
  addLabel?: string;
  toolbar?: ReactNode;
}

export function SearchTable<T>({ label, rows, columns, keyOf, searchText, onOpen, onAdd, addLabel = 'Dodaj', toolbar }: Props<T>) {
  const [query, setQuery] = useState('');
  const shown = useMemo(() => {
    const words = fold(query).split(/\s+/).filter(Boolean);
    return words.length ? rows.filter((r) => words.every((w) => fold(searchText(r)).includes(w))) : rows;
  }, [rows, query, searchText]);
  return (
    <Stack spacing={1.5}>
      <Stack sx={{ alignItems: 'center' }} direction="row" spacing={1.5}>
        <TextField
          size="small"
          label={`Szukaj: ${label}`}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          sx={{ width: 360 }}
          slotProps={{ htmlInput: { 'aria-label': `Szukaj: ${label}` } }}
        />
        <Typography variant="body2" color="text.secondary">
          {shown.length === rows.length ? `${rows.length}` : `${shown.length} z ${rows.length}`}
        </Typography>
        <Box sx={{ flex: 1 }} />
        {toolbar}
        {onAdd && (
          <Button variant="contained" startIcon={<AddIcon />} onClick={onAdd}>
            {addLabel}
          </Button>
        )}
      </Stack>
      <TableContainer sx={{ maxHeight: 'calc(100vh - 260px)', border: 1, borderColor: 'divider', borderRadius: 1 }}>
        <Table size="small" stickyHeader aria-label={label}>
          <TableHead>
            <TableRow>
              {columns.map((c) => (
                <TableCell key={c.label} sx={{ width: c.width, fontWeight: 600, whiteSpace: 'nowrap' }}>
                  {c.label}
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {shown.map((row) => (
              <TableRow
                key={keyOf(row)}
                hover={Boolean(onOpen)}
                onClick={onOpen ? () => onOpen(row) : undefined}
                onKeyDown={onOpen ? (e) => e.key === 'Enter' && onOpen(row) : undefined}
                tabIndex={onOpen ? 0 : undefined}
                sx={{ cursor: onOpen ? 'pointer' : undefined }}
              >
                {columns.map((c) => (
                  <TableCell key={c.label} sx={{ whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis', maxWidth: 360 }}>
                    {c.render(row)}
                  </TableCell>
                ))}
              </TableRow>
            ))}
            {shown.length === 0 && (
              <TableRow>
                <TableCell colSpan={columns.length}>
                  <Typography color="text.secondary">{rows.length ? 'Nic nie pasuje do wyszukiwania.' : 'Lista jest pusta.'}</Typography>
                </TableCell>
              </TableRow>
            )}
          </TableBody>
        </Table>
      </TableContainer>
    </Stack>
  );
}
