// Several selected tickets worked at once: take up, assign a realizer group, pass to another coordinator
// group, return to the operator with one reason, delete past retention. Each ticket is still one action
// decided by the shared rules; what they refuse is listed per ticket, the rest applies.
import { useMemo, useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  MenuItem,
  Paper,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import type { QueueRow } from '../../../src-shared/api/desktop';
import { commandLabels, lookup, type BulkCommand, type Command } from '../../../src-shared/ticket';
import { desktop } from '../../api/desktop-client';
import { errorText } from '../../hooks/use-desktop';
import { useConfigStore } from '../../state/config-store';
import { groupLabel } from '../../lib/directory';
import { ReasonField } from './ReasonField';

/** The letter that starts a bulk command in the grid. */
const SHORTCUTS: Partial<Record<string, BulkCommand>> = {
  p: 'takeUp',
  r: 'assignRealizerGroup',
  k: 'passToCoordinatorGroup',
  z: 'returnToOperator',
};
const ORDER: BulkCommand[] = ['takeUp', 'assignRealizerGroup', 'passToCoordinatorGroup', 'returnToOperator', 'delete'];
export const RETENTION_DELETE_REASON = 'Upłynął okres przechowywania danych osobowych (P§27.1, P§27.2)';

export function bulkShortcut(key: string, selected: QueueRow[]): BulkCommand | undefined {
  const command = SHORTCUTS[key];
  return command && selected.some((r) => r.bulk.includes(command)) ? command : undefined;
}

interface Outcome {
  command: BulkCommand;
  applied: string[];
  refused: { ticket: string; message: string }[];
  savedLocally: boolean;
}

interface Props {
  selected: QueueRow[];
  /** The command whose form is open. */
  open?: string;
  onOpen(command: string | undefined): void;
  /** Tickets the command was applied to (they leave the selection). */
  onDone(numbers: string[]): void;
  onClear(): void;
}

export function BulkBar({ selected, open, onOpen, onDone, onClear }: Props) {
  const ws = useConfigStore((s) => s.workstation);
  const [outcome, setOutcome] = useState<Outcome>();
  const [busy, setBusy] = useState(false);
  const [groupId, setGroupId] = useState('');
  const [addressee, setAddressee] = useState('');
  const [reason, setReason] = useState('');
  const available = ORDER.filter((c) => selected.some((r) => r.bulk.includes(c)));
  const dir = ws?.directory;
  // Groups the selected tickets' units have (the rules refuse a group of another unit, per ticket).
  const units = useMemo(() => new Set(selected.map((r) => lookup(dir?.groups ?? {}, r.groupId)?.unitId).filter(Boolean)), [selected, dir]);
  const groups = Object.values(dir?.groups ?? {})
    .filter((g) => units.has(g.unitId) && g.kind === (open === 'assignRealizerGroup' ? 'realizer' : 'coordinator'))
    .filter((g) => open !== 'passToCoordinatorGroup' || !selected.every((r) => r.groupId === g.id))
    .sort((a, b) => a.symbol.localeCompare(b.symbol, 'pl'));
  const command = open as BulkCommand | undefined;
  const ready =
    command === 'takeUp' ||
    command === 'delete' ||
    ((command === 'assignRealizerGroup' || command === 'passToCoordinatorGroup') && !!groupId) ||
    (command === 'returnToOperator' && !!addressee.trim());

  async function run() {
    if (!command) return;
    const data: Command =
      command === 'takeUp'
        ? { type: 'takeUp' }
        : command === 'delete'
          ? { type: 'delete', reason: RETENTION_DELETE_REASON }
          : command === 'returnToOperator'
            ? { type: 'returnToOperator', rightAddressee: addressee.trim(), ...(reason.trim() ? { reason: reason.trim() } : {}) }
            : { type: command, groupId };
    const targets = selected.filter((r) => r.bulk.includes(command));
    setBusy(true);
    try {
      const res = await desktop.call('tickets.executeMany', {
        items: targets.map((r) => ({ ticket: r.number, command: data as Record<string, unknown> & { type: string } })),
      });
      const applied = res.results.filter((r) => r.ok).map((r) => r.ticket);
      const refused = [
        ...res.results.filter((r) => !r.ok).map((r) => ({ ticket: r.ticket, message: r.refusal?.message ?? 'odmowa' })),
        // Selected tickets the rules offer no such action on now are named too, so nothing vanishes silently.
        ...selected
          .filter((r) => !r.bulk.includes(command))
          .map((r) => ({ ticket: r.number, message: `Czynność „${commandLabels[command]}” nie jest teraz dostępna dla tego zgłoszenia.` })),
      ];
      setOutcome({ command, applied, refused, savedLocally: res.savedLocally });
      // Every selected ticket is accounted for (applied or listed with its reason): the selection is done.
      onDone(selected.map((r) => r.number));
      onOpen(undefined);
      setReason('');
      setAddressee('');
      setGroupId('');
    } catch (err) {
      setOutcome({ command, applied: [], refused: [{ ticket: '—', message: errorText(err) }], savedLocally: false });
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      {selected.length > 0 && (
        <Paper component="section" aria-label="Zaznaczone zgłoszenia" sx={{ p: 1, px: 1.5, bgcolor: '#e8f0fb' }}>
          <Stack direction="row" sx={{ alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
            <Typography sx={{ fontWeight: 700, mr: 1 }}>Zaznaczono: {selected.length}</Typography>
            {available.map((c) => (
              <Button
                key={c}
                size="small"
                variant={c === 'takeUp' ? 'contained' : 'outlined'}
                color={c === 'delete' ? 'error' : 'primary'}
                onClick={() => onOpen(c)}
              >
                {c === 'delete' ? 'Usuń zaznaczone' : commandLabels[c]}
                {Object.entries(SHORTCUTS).find(([, v]) => v === c)
                  ? ` (${Object.entries(SHORTCUTS)
                      .find(([, v]) => v === c)![0]
                      .toUpperCase()})`
                  : ''}
              </Button>
            ))}
            <Box sx={{ flex: 1 }} />
            <Button size="small" color="inherit" onClick={onClear}>
              Odznacz wszystkie (Esc)
            </Button>
          </Stack>
        </Paper>
      )}
      {outcome && (
        <Alert
          severity={outcome.refused.length ? (outcome.applied.length ? 'warning' : 'error') : 'success'}
          role="status"
          onClose={() => setOutcome(undefined)}
        >
          {commandLabels[outcome.command]}: zapisano {outcome.applied.length}
          {outcome.refused.length ? `, odmowa ${outcome.refused.length}:` : '.'}
          {outcome.savedLocally && ' Zapisano na stanowisku — zostanie wysłane po przywróceniu połączenia.'}
          {outcome.refused.length > 0 && (
            <Box component="ul" aria-label="Odmowy" sx={{ m: 0, mt: 0.5, pl: 2.5 }}>
              {outcome.refused.map((r) => (
                <li key={r.ticket}>
                  <strong>{r.ticket}</strong>: {r.message}
                </li>
              ))}
            </Box>
          )}
        </Alert>
      )}
      <Dialog
        open={!!command}
        onClose={() => onOpen(undefined)}
        fullWidth
        maxWidth="sm"
        // The first field, or the confirming button when there is nothing to ask, has the keyboard.
        slotProps={{
          transition: {
            onEntered: (node: HTMLElement) =>
              node.querySelector<HTMLElement>('input:not([type=hidden]), [role=combobox], textarea, button[type=submit]')?.focus(),
          },
        }}
      >
        {command && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (ready && !busy) void run();
            }}
          >
            <DialogTitle>
              {command === 'delete' ? 'Usuń zgłoszenia po okresie przechowywania' : commandLabels[command]} — zaznaczone: {selected.length}
            </DialogTitle>
            <DialogContent>
              <Stack spacing={2} sx={{ pt: 1 }}>
                <Typography variant="body2">
                  Każde zgłoszenie zostanie zapisane osobno według zasad procedury; te, których nie można zmienić, zostaną wymienione z
                  przyczyną.
                </Typography>
                {(command === 'assignRealizerGroup' || command === 'passToCoordinatorGroup') && (
                  <TextField
                    select
                    autoFocus
                    required
                    label={command === 'assignRealizerGroup' ? 'Grupa realizatorów' : 'Grupa koordynatorów'}
                    value={groupId}
                    onChange={(e) => setGroupId(e.target.value)}
                  >
                    {groups.map((g) => (
                      <MenuItem key={g.id} value={g.id}>
                        {dir ? groupLabel(dir, g) : g.symbol}
                      </MenuItem>
                    ))}
                  </TextField>
                )}
                {command === 'returnToOperator' && (
                  <>
                    <TextField
                      autoFocus
                      required
                      label="Właściwy adresat (P§19.4.1)"
                      value={addressee}
                      onChange={(e) => setAddressee(e.target.value)}
                    />
                    <ReasonField kind="return" label="Przyczyna zwrotu (jedna dla wszystkich)" value={reason} onChange={setReason} />
                  </>
                )}
                {command === 'delete' && (
                  <Alert severity="warning">
                    Usuwasz {selected.length} zakończonych zgłoszeń po okresie przechowywania danych (P§27.2, P§28):{' '}
                    {selected.map((r) => r.number).join(', ')}. W statystykach zostają (P§27.3).
                  </Alert>
                )}
              </Stack>
            </DialogContent>
            <DialogActions>
              <Button onClick={() => onOpen(undefined)}>Anuluj</Button>
              <Button
                type="submit"
                variant="contained"
                color={command === 'delete' ? 'error' : 'primary'}
                disabled={!ready || busy}
                autoFocus={command === 'takeUp' || command === 'delete'}
              >
                {command === 'delete' ? `Usuń ${selected.length}` : `${commandLabels[command]} (${selected.length})`}
              </Button>
            </DialogActions>
          </form>
        )}
      </Dialog>
    </>
  );
}
