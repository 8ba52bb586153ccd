import { useEffect, useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  Paper,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import ReplayIcon from '@mui/icons-material/Replay';
import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import type { ToResolveItem } from '../../../src-shared/api/desktop';
import { formatWarsawDateTime } from '../../../src-shared/format';
import { fieldLabel, type Refusal } from '../../../src-shared/ticket';
import { desktop } from '../../api/desktop-client';
import { errorText, useDesktopQuery } from '../../hooks/use-desktop';

/** The "to resolve" inbox: actions the hub refused after an outage, with its reason; retry (corrected) or discard. */
export function ToResolveScreen() {
  const { data, error, reload } = useDesktopQuery('outbox.toResolve', {});
  useEffect(() => desktop.on('replay.finished', reload), [reload]);
  return (
    <Stack spacing={2}>
      <div>
        <Typography variant="h5" component="h2">
          Do wyjaśnienia{data ? ` (${data.length})` : ''}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          Działania zapisane na stanowisku, których centrala nie przyjęła. Nic nie zostało pominięte po cichu: popraw i ponów albo odrzuć.
        </Typography>
      </div>
      {error && <Alert severity="warning">Nie udało się wczytać listy: {error}</Alert>}
      {data?.length === 0 && <Typography color="text.secondary">Nie ma działań do wyjaśnienia.</Typography>}
      {data?.map((item) => (
        <ToResolveCard key={item.mutationId} item={item} onChanged={reload} />
      ))}
    </Stack>
  );
}

/** A refused field that holds plain text can be corrected here before retrying. */
function correctable(item: ToResolveItem): string | undefined {
  const field = item.refusal.field;
  if (!field) return undefined;
  const value = field
    .split('.')
    .reduce<unknown>((v, key) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined), item.command);
  return value === undefined || typeof value === 'string' ? field : undefined;
}

function withValue(command: Record<string, unknown>, path: string, value: string): Record<string, unknown> {
  const [head, ...rest] = path.split('.');
  if (!head) return command;
  if (rest.length === 0) return { ...command, [head]: value };
  const inner = command[head];
  return {
    ...command,
    [head]: withValue(inner && typeof inner === 'object' ? (inner as Record<string, unknown>) : {}, rest.join('.'), value),
  };
}

function ToResolveCard({ item, onChanged }: { item: ToResolveItem; onChanged(): void }) {
  const field = correctable(item);
  const original = field
    ? String(field.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], item.command) ?? '')
    : '';
  const [value, setValue] = useState(original);
  const [refusal, setRefusal] = useState<Refusal>(item.refusal as Refusal);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();

  async function retry() {
    setBusy(true);
    setProblem(undefined);
    try {
      const command = field && value !== original ? withValue(item.command, field, value) : undefined;
      const result = await desktop.call('outbox.retry', {
        mutationId: item.mutationId,
        ...(command ? { command: command as Record<string, unknown> & { type: string } } : {}),
      });
      if (result.ok) onChanged();
      else setRefusal(result.refusal as Refusal);
    } catch (err) {
      setProblem(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  async function discard() {
    setConfirming(false);
    try {
      await desktop.call('outbox.discard', { mutationId: item.mutationId });
      onChanged();
    } catch (err) {
      setProblem(errorText(err));
    }
  }

  const title = item.ticket && !item.summary.includes(item.ticket) ? `${item.summary} — ${item.ticket}` : item.summary;
  return (
    <Paper sx={{ p: 2.5, borderLeft: 6, borderColor: 'error.main' }} component="section" aria-label={title}>
      <Typography variant="h6" component="h3">
        {title}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        Zapisano na stanowisku {formatWarsawDateTime(item.at)}
      </Typography>
      <Alert severity="error" sx={{ my: 1.5 }}>
        Centrala nie przyjęła: {refusal.message}
      </Alert>
      {field && (
        <TextField
          label={`Popraw: ${fieldLabel(field, String(item.command.type))}`}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          fullWidth
          size="small"
          sx={{ mb: 1.5 }}
        />
      )}
      {problem && (
        <Alert severity="warning" sx={{ mb: 1.5 }}>
          {problem}
        </Alert>
      )}
      <Stack direction="row" spacing={1.5}>
        <Button variant="contained" startIcon={<ReplayIcon />} onClick={() => void retry()} disabled={busy}>
          {field && value !== original ? 'Popraw i ponów' : 'Ponów'}
        </Button>
        <Button color="error" startIcon={<DeleteIcon />} onClick={() => setConfirming(true)} disabled={busy}>
          Odrzuć
        </Button>
      </Stack>
      <Dialog open={confirming} onClose={() => setConfirming(false)} aria-labelledby={`discard-${item.mutationId}`}>
        <DialogTitle id={`discard-${item.mutationId}`}>Odrzucić to działanie na zawsze?</DialogTitle>
        <DialogContent>
          <DialogContentText>
            „{item.summary}” nie trafi do centrali. Jeśli chodziło o zgłoszenie mieszkańca, zarejestruj je ponownie albo wyjaśnij sprawę z
            koordynatorem.
          </DialogContentText>
        </DialogContent>
        <DialogActions>
          <Box sx={{ flex: 1 }} />
          <Button onClick={() => setConfirming(false)} autoFocus>
            Zostaw
          </Button>
          <Button color="error" variant="contained" onClick={() => void discard()}>
            Odrzuć działanie
          </Button>
        </DialogActions>
      </Dialog>
    </Paper>
  );
}
