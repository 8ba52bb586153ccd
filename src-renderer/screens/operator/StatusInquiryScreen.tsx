import { useState } from 'react';
import { Alert, Box, Button, Stack, TextField, Typography } from '@mui/material';
import SearchIcon from '@mui/icons-material/Search';
import type { QueueRow } from '../../../src-shared/api/desktop';
import { desktop } from '../../api/desktop-client';
import { errorText } from '../../hooks/use-desktop';
import { useConfigStore } from '../../state/config-store';
import { QueueTable } from '../../components/QueueTable';
import { TicketScreen } from '../ticket/TicketScreen';

/** P§23: a caller asks about a ticket: find it by number, phone or address; tell its state; note the inquiry. */
export function StatusInquiryScreen() {
  const ws = useConfigStore((s) => s.workstation);
  const [text, setText] = useState('');
  const [rows, setRows] = useState<QueueRow[]>();
  const [error, setError] = useState<string>();
  const [open, setOpen] = useState<string>();

  async function search() {
    setError(undefined);
    if (text.trim().length < 2) {
      setError('Wpisz co najmniej 2 znaki: numer zgłoszenia, telefon albo adres.');
      return;
    }
    try {
      const found = await desktop.call('tickets.search', { text: text.trim() });
      setRows(found);
      if (found.length === 1) setOpen(found[0]!.number);
    } catch (err) {
      setError(errorText(err));
    }
  }

  if (open) {
    return (
      <TicketScreen
        number={open}
        purpose="inquiry"
        onBack={() => {
          setOpen(undefined);
          requestAnimationFrame(() => document.getElementById('inquiry-search')?.focus());
        }}
      />
    );
  }
  return (
    <Stack spacing={2}>
      <div>
        <Typography variant="h5" component="h2">
          Informacja o stanie zgłoszenia
        </Typography>
        <Typography variant="body2" color="text.secondary">
          Znajdź zgłoszenie po numerze (np. 2026/000123), numerze telefonu zgłaszającego albo adresie (P§23.1).
        </Typography>
      </div>
      <Box
        component="form"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          void search();
        }}
        sx={{ display: 'flex', gap: 1.5, maxWidth: 720 }}
      >
        <TextField
          id="inquiry-search"
          label="Numer, telefon, nazwisko lub adres"
          value={text}
          onChange={(e) => setText(e.target.value)}
          autoFocus
          fullWidth
        />
        <Button type="submit" variant="contained" startIcon={<SearchIcon />}>
          Szukaj (Enter)
        </Button>
      </Box>
      {error && <Alert severity="warning">{error}</Alert>}
      {rows && (
        <QueueTable
          rows={rows}
          directory={ws?.directory}
          onOpen={setOpen}
          caption="Wyniki wyszukiwania"
          empty="Nie znaleziono zgłoszenia. Sprawdź numer lub spróbuj po adresie."
        />
      )}
    </Stack>
  );
}
