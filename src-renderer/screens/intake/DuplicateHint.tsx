import { useEffect, useState } from 'react';
import { Alert, AlertTitle, Box, Button, List, ListItem, ListItemText, Stack, TextField } from '@mui/material';
import type { QueueRow } from '../../../src-shared/api/desktop';
import { formatWarsawDateTime } from '../../../src-shared/format';
import { statusLabels } from '../../../src-shared/ticket';
import { desktop } from '../../api/desktop-client';
import { useExecute } from '../../hooks/use-execute';
import { enterMovesOn } from '../../lib/focus';
import { reporterOf } from '../../lib/intake-command';
import { useIntakeStore } from '../../state/intake-store';

interface Props {
  categoryId: string | undefined;
  address: string;
  /** What the caller said, to start the inquiry note with. */
  callerSays: string;
  onAdded(number: string, savedLocally: boolean): void;
}

/** Open tickets of the same category at or near the address: the call may be added to one as an inquiry (P§23.3.1). */
export function DuplicateHint({ categoryId, address, callerSays, onAdded }: Props) {
  const [rows, setRows] = useState<QueueRow[]>([]);
  const [adding, setAdding] = useState<QueueRow>();

  useEffect(() => {
    if (!categoryId || address.trim().length < 3) {
      setRows([]);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      desktop.call('tickets.nearby', { categoryId, address }).then(
        (found) => live && setRows(found),
        () => live && setRows([]),
      );
    }, 300);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [categoryId, address]);

  if (rows.length === 0) return null;
  return (
    <Alert severity="info" sx={{ '& .MuiAlert-message': { width: '100%' } }} aria-live="polite">
      <AlertTitle>Podobne otwarte zgłoszenia w pobliżu ({rows.length})</AlertTitle>
      To może być ta sama usterka. Jeśli tak, dopisz rozmowę do istniejącego zgłoszenia zamiast rejestrować nowe.
      <List dense disablePadding>
        {rows.slice(0, 5).map((row) => (
          <ListItem key={row.number} disableGutters sx={{ gap: 2 }}>
            <ListItemText
              primary={`${row.number} · ${row.subject}`}
              secondary={`${row.address ?? '—'} · ${statusLabels[row.status]} · wpłynęło ${formatWarsawDateTime(row.receivedAt)}`}
            />
            {adding?.number !== row.number && (
              <Button size="small" variant="outlined" onClick={() => setAdding(row)} sx={{ flexShrink: 0 }}>
                Dopisz do {row.number}
              </Button>
            )}
          </ListItem>
        ))}
      </List>
      {adding && <InquiryForm row={adding} callerSays={callerSays} onCancel={() => setAdding(undefined)} onAdded={onAdded} />}
    </Alert>
  );
}

function InquiryForm({
  row,
  callerSays,
  onCancel,
  onAdded,
}: {
  row: QueueRow;
  callerSays: string;
  onCancel(): void;
  onAdded: Props['onAdded'];
}) {
  const [actionsDone, setActionsDone] = useState(`Poinformowano, że zgłoszenie ${row.number} jest ${statusLabels[row.status]}.`);
  const [callerExpects, setCallerExpects] = useState(
    callerSays ? `Ponowne zgłoszenie tej samej usterki: ${callerSays}` : 'Ponowne zgłoszenie tej samej usterki; oczekuje naprawy.',
  );
  const { run, busy, refusal } = useExecute();
  const draft = useIntakeStore((st) => st.draft);
  async function submit() {
    // The caller's contact goes with the note when they want an answer (P§8.1.2, P§26).
    const caller = draft.wantsAnswer ? { caller: reporterOf(draft) } : {};
    const result = await run(
      {
        type: 'recordInquiry',
        actionsDone: actionsDone.trim(),
        callerExpects: callerExpects.trim(),
        inquiredAt: new Date().toISOString(),
        ...caller,
      },
      row.number,
    );
    if (result) onAdded(row.number, result.savedLocally);
  }
  return (
    <Box
      component="form"
      data-script
      onKeyDown={enterMovesOn}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      aria-label={`Dopisanie rozmowy do zgłoszenia ${row.number}`}
      sx={{ mt: 1 }}
    >
      <Stack spacing={1.5}>
        <TextField
          label="Co przekazano zgłaszającemu (wykonane czynności)"
          value={actionsDone}
          onChange={(e) => setActionsDone(e.target.value)}
          size="small"
          required
          autoFocus
          error={refusal?.field === 'actionsDone'}
          helperText={refusal?.field === 'actionsDone' ? refusal.message : undefined}
          slotProps={{ htmlInput: { 'data-step': true } }}
        />
        <TextField
          label="Czego oczekuje zgłaszający"
          value={callerExpects}
          onChange={(e) => setCallerExpects(e.target.value)}
          size="small"
          required
          error={refusal?.field === 'callerExpects'}
          helperText={
            refusal?.field === 'callerExpects'
              ? refusal.message
              : refusal?.field?.startsWith('caller')
                ? refusal.message
                : 'Bez danych kontaktowych — te zapisze się z pól zgłaszającego, jeśli chce odpowiedzi.'
          }
          slotProps={{ htmlInput: { 'data-step': true } }}
        />
        {refusal && !['actionsDone', 'callerExpects'].includes(refusal.field ?? '') && <Alert severity="error">{refusal.message}</Alert>}
        <Stack direction="row" spacing={1}>
          <Button type="submit" variant="contained" disabled={busy}>
            Dopisz do {row.number}
          </Button>
          <Button onClick={onCancel}>Anuluj</Button>
        </Stack>
      </Stack>
    </Box>
  );
}
