// The form of one record in a dialog: Enter in a field saves, Escape closes, the refusal not tied to a field
// shows above the buttons. Read-only (the super-supervisor) shows the same fields without saving.
import type { FormEvent, ReactNode } from 'react';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack } from '@mui/material';

interface Props {
  open: boolean;
  title: string;
  onClose(): void;
  onSave?(): void;
  saveLabel?: string;
  busy?: boolean;
  problem?: string;
  notice?: ReactNode;
  readOnly?: boolean;
  extraActions?: ReactNode;
  children: ReactNode;
  wide?: boolean;
}

export function FormDialog({
  open,
  title,
  onClose,
  onSave,
  saveLabel = 'Zapisz',
  busy,
  problem,
  notice,
  readOnly,
  extraActions,
  children,
  wide,
}: Props) {
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!readOnly) onSave?.();
  };
  return (
    <Dialog open={open} onClose={onClose} fullWidth maxWidth={wide ? 'lg' : 'sm'} aria-labelledby="form-dialog-title">
      <form onSubmit={submit} noValidate>
        <DialogTitle id="form-dialog-title">{title}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <fieldset disabled={readOnly} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
              <Stack spacing={2}>{children}</Stack>
            </fieldset>
            {notice}
            {problem && <Alert severity="error">{problem}</Alert>}
          </Stack>
        </DialogContent>
        <DialogActions>
          {extraActions}
          <Button onClick={onClose}>{readOnly ? 'Zamknij' : 'Anuluj (Esc)'}</Button>
          {!readOnly && onSave && (
            <Button type="submit" variant="contained" disabled={busy}>
              {saveLabel}
            </Button>
          )}
        </DialogActions>
      </form>
    </Dialog>
  );
}
