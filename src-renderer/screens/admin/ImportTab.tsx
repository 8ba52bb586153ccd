// Onboarding a unit (I§5, P§34.2, P§35): the unit's configuration table uploaded, read first as a dry run —
// what will be added, changed and removed, every problem by row and column — and applied only when no problem
// stands (group structure after the super-supervisor's agreement, I§5.5). The same table comes out of the export.
import { useRef, useState } from 'react';
import {
  Alert,
  Box,
  Button,
  List,
  ListItem,
  MenuItem,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import DownloadIcon from '@mui/icons-material/Download';
import { MAX_IMPORT_BYTES, type ImportPreview } from '../../../src-shared/api/admin';
import { desktop } from '../../api/desktop-client';
import { errorText } from '../../hooks/use-desktop';
import { saveFile } from '../../lib/save-file';
import { OneTimePasswords } from './UsersTab';
import { useAdminStore } from './admin-state';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function toBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function download(file: { fileName: string; contentBase64: string }) {
  const bytes = Uint8Array.from(atob(file.contentBase64), (c) => c.charCodeAt(0));
  saveFile(new Blob([bytes], { type: XLSX_TYPE }), file.fileName);
}

export function ImportTab({ readOnly }: { readOnly: boolean }) {
  const { overview, load } = useAdminStore();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<{ fileName: string; contentBase64: string }>();
  const [preview, setPreview] = useState<ImportPreview>();
  const [message, setMessage] = useState<{ severity: 'success' | 'error' | 'info'; text: string }>();
  const [passwords, setPasswords] = useState<{ login: string; password: string }[]>([]);
  const [busy, setBusy] = useState(false);
  const [unitId, setUnitId] = useState('');

  async function run<T>(work: () => Promise<T>): Promise<T | undefined> {
    setBusy(true);
    try {
      return await work();
    } catch (err) {
      setMessage({ severity: 'error', text: errorText(err) });
      return undefined;
    } finally {
      setBusy(false);
    }
  }

  async function choose(chosen: File | undefined) {
    if (input.current) input.current.value = '';
    setPreview(undefined);
    setMessage(undefined);
    if (!chosen) return;
    if (chosen.size > MAX_IMPORT_BYTES) {
      setMessage({
        severity: 'error',
        text: `Plik „${chosen.name}” ma ${(chosen.size / 1024 / 1024).toFixed(1)} MB — tabela konfiguracyjna ma najwyżej 1 MB. Nic nie zmieniono.`,
      });
      return;
    }
    const picked = { fileName: chosen.name, contentBase64: await toBase64(chosen) };
    setFile(picked);
    const result = await run(() => desktop.call('admin.importPreview', picked));
    if (result) setPreview(result);
  }

  async function submit() {
    if (!file) return;
    const outcome = await run(() => desktop.call('admin.importSubmit', file));
    if (!outcome) return;
    setPreview(undefined);
    setFile(undefined);
    await load();
    if (outcome.passwords?.length) setPasswords(outcome.passwords);
    setMessage(
      outcome.applied
        ? { severity: 'success', text: 'Zmiany z tabeli zostały wprowadzone.' }
        : {
            severity: 'info',
            text: `Zmiana nr ${outcome.change?.id} czeka na uzgodnienie supernadzorcy (I§5.5); po uzgodnieniu wprowadź ją w „Zmiany struktury”.`,
          },
    );
  }

  const blocked = Boolean(preview?.problems.length);
  const nothing = preview && !preview.added.length && !preview.changed.length && !preview.removed.length;
  return (
    <Stack spacing={2}>
      <Paper variant="outlined" sx={{ p: 2 }}>
        <Stack sx={{ alignItems: 'center', flexWrap: 'wrap' }} direction="row" spacing={1.5} useFlexGap>
          {!readOnly && (
            <>
              <input
                ref={input}
                type="file"
                accept=".xlsx,.csv,text/csv"
                hidden
                onChange={(e) => void choose(e.target.files?.[0])}
                data-testid="import-file"
              />
              <Button variant="contained" startIcon={<UploadFileIcon />} onClick={() => input.current?.click()} disabled={busy}>
                Wczytaj tabelę (XLSX lub CSV)
              </Button>
            </>
          )}
          <Button
            startIcon={<DownloadIcon />}
            onClick={() => void run(async () => download(await desktop.call('admin.importTemplate', {})))}
          >
            Pobierz pusty wzór tabeli
          </Button>
          <Box sx={{ flex: 1 }} />
          <TextField select size="small" label="Jednostka" value={unitId} onChange={(e) => setUnitId(e.target.value)} sx={{ width: 320 }}>
            {(overview?.units ?? []).map((u) => (
              <MenuItem key={u.id} value={u.id}>
                {u.name}
              </MenuItem>
            ))}
          </TextField>
          <Button
            startIcon={<DownloadIcon />}
            disabled={!unitId}
            onClick={() => void run(async () => download(await desktop.call('admin.exportUnit', { unitId })))}
          >
            Pobierz jej obecną konfigurację
          </Button>
          <Button
            startIcon={<DownloadIcon />}
            onClick={() => void run(async () => download(await desktop.call('admin.exportScripts', {})))}
          >
            Pobierz skrypty kategorii (P§34)
          </Button>
        </Stack>
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          Tabela z załącznika do Instrukcji: nazwa jednostki, potem wiersze Imię i nazwisko, Adres poczty elektronicznej, Nazwa komórki
          wewnętrznej, Symbol grupy w aplikacji, Grupa uprawnień (nadzorca / koordynator / realizator) — albo tabela minimalnego zakresu
          informacji (P§34.1.1): Kategoria, Informacja niezbędna do obsługi zgłoszenia, Wymagana (tak/nie), Podpowiedź. Najpierw pokazujemy,
          co się zmieni — nic nie jest zapisywane, dopóki nie zatwierdzisz.
        </Typography>
      </Paper>
      {message && (
        <Alert severity={message.severity} onClose={() => setMessage(undefined)}>
          {message.text}
        </Alert>
      )}
      {preview && (
        <Paper variant="outlined" sx={{ p: 2 }} aria-label="Podgląd importu">
          <Typography variant="h6" component="h3">
            {file?.fileName}: {preview.unitName ?? 'jednostka nieznana'} — {preview.rows} os.
          </Typography>
          {blocked && (
            <>
              <Alert severity="error" sx={{ my: 1.5 }}>
                Plik ma {preview.problems.length} {preview.problems.length === 1 ? 'błąd' : 'błędy'} — popraw je w pliku i wczytaj go
                ponownie. Nic nie zostało zmienione.
              </Alert>
              <Table size="small" aria-label="Błędy w pliku">
                <TableHead>
                  <TableRow>
                    <TableCell>Wiersz</TableCell>
                    <TableCell>Kolumna</TableCell>
                    <TableCell>Co poprawić</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {preview.problems.map((p, i) => (
                    <TableRow key={i}>
                      <TableCell>{p.row ?? '—'}</TableCell>
                      <TableCell>{p.column ?? '—'}</TableCell>
                      <TableCell>{p.message}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </>
          )}
          <Stack direction="row" spacing={2} sx={{ mt: 1.5 }}>
            {(
              [
                ['Dodane', preview.added, 'success.main'],
                ['Zmienione', preview.changed, 'info.main'],
                ['Usunięte', preview.removed, 'error.main'],
              ] as const
            ).map(([title, items, color]) => (
              <Box key={title} sx={{ flex: 1, minWidth: 0 }} aria-label={title}>
                <Typography sx={{ fontWeight: 700, color }}>
                  {title} ({items.length})
                </Typography>
                <List dense>
                  {items.map((text) => (
                    <ListItem key={text} sx={{ py: 0 }}>
                      {text}
                    </ListItem>
                  ))}
                  {!items.length && <ListItem sx={{ color: 'text.secondary' }}>nic</ListItem>}
                </List>
              </Box>
            ))}
          </Stack>
          {!blocked && preview.needsApproval && (
            <Alert severity="info" sx={{ mb: 1.5 }}>
              Tabela zmienia strukturę grup: całość wejdzie w życie po uzgodnieniu z supernadzorcą (I§5.5).
            </Alert>
          )}
          {!readOnly && (
            <Stack direction="row" spacing={1.5}>
              <Button variant="contained" disabled={blocked || busy || nothing} onClick={() => void submit()}>
                {nothing ? 'Nic do zmiany' : preview.needsApproval ? 'Wyślij do uzgodnienia' : 'Zastosuj zmiany'}
              </Button>
              <Button onClick={() => setPreview(undefined)}>Odrzuć podgląd</Button>
            </Stack>
          )}
        </Paper>
      )}
      <OneTimePasswords passwords={passwords} onClose={() => setPasswords([])} />
    </Stack>
  );
}
