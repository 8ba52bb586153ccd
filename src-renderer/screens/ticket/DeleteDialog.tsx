// P§27.2, P§28: the super-supervisor deletes a ticket. One not yet finished only as a duplicate, a test or
// abuse (the shared rules refuse any other reason), and only after a confirmation that names the ticket.
import { useState } from 'react';
import {
  Alert,
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  MenuItem,
  Stack,
  TextField,
} from '@mui/material';
import { isFinished, unfinishedDeletionReasons, type Ticket } from '../../../src-shared/ticket';
import { useExecute, type Executed } from '../../hooks/use-execute';
import { RETENTION_DELETE_REASON } from '../queue/BulkBar';

export function DeleteDialog({ ticket, onClose, onDone }: { ticket: Ticket; onClose(): void; onDone(result: Executed): void }) {
  const finished = isFinished(ticket.status);
  const [reason, setReason] = useState<string>(finished ? RETENTION_DELETE_REASON : '');
  const [confirmed, setConfirmed] = useState(false);
  const { run, busy, refusal } = useExecute();
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="delete-title">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (reason && confirmed) void run({ type: 'delete', reason }, ticket.number).then((r) => r && onDone(r));
        }}
      >
        <DialogTitle id="delete-title">Usuń zgłoszenie {ticket.number}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            {finished ? (
              <Alert severity="info">
                Zgłoszenie jest zakończone; usuwa się je po okresie przechowywania danych (P§27.2). W statystykach zostaje (P§27.3).
              </Alert>
            ) : (
              <>
                <Alert severity="warning">
                  Zgłoszenie nie jest zakończone — usuwa się je tylko jako duplikat, zgłoszenie testowe albo nadużycie (P§28).
                </Alert>
                <TextField select required autoFocus label="Powód usunięcia" value={reason} onChange={(e) => setReason(e.target.value)}>
                  {Object.values(unfinishedDeletionReasons).map((r) => (
                    <MenuItem key={r} value={r}>
                      {r}
                    </MenuItem>
                  ))}
                </TextField>
              </>
            )}
            <FormControlLabel
              control={<Checkbox checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} />}
              label={`Potwierdzam usunięcie zgłoszenia ${ticket.number} „${ticket.subject}”`}
            />
            {refusal && <Alert severity="error">{refusal.message}</Alert>}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>Anuluj (Esc)</Button>
          <Button type="submit" color="error" variant="contained" disabled={!reason || !confirmed || busy}>
            Usuń zgłoszenie {ticket.number}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
