import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, Link, Stack } from '@mui/material';
import { useState } from 'react';
import type { Ticket } from '../../../src-shared/ticket';
import { desktop } from '../../api/desktop-client';
import { errorText } from '../../hooks/use-desktop';
import { saveFile } from '../../lib/save-file';

type Opened = { name: string; url: string };

/** The ticket's files as links: a photo opens in a preview, anything else is saved. */
export function AttachmentLinks({ ticket }: { ticket: Ticket }) {
  const [opened, setOpened] = useState<Opened | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function open(id: string) {
    setBusy(id);
    setError(null);
    try {
      const file = await desktop.call('files.read', { ticket: ticket.number, id });
      const bytes = Uint8Array.from(atob(file.contentBase64), (c) => c.charCodeAt(0));
      const blob = new Blob([bytes], { type: file.mediaType ?? 'application/octet-stream' });
      if (file.mediaType?.startsWith('image/')) setOpened({ name: file.name, url: URL.createObjectURL(blob) });
      else saveFile(blob, file.name);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(null);
    }
  }

  function close() {
    if (opened) URL.revokeObjectURL(opened.url);
    setOpened(null);
  }

  return (
    <>
      <Stack component="span" direction="row" sx={{ flexWrap: 'wrap', columnGap: 1.5 }}>
        {ticket.attachments.map((a) => (
          <Link
            key={a.id}
            component="button"
            type="button"
            variant="body2"
            onClick={() => void open(a.id)}
            disabled={busy !== null}
            aria-busy={busy === a.id}
          >
            {a.name}
            {busy === a.id ? ' (pobieranie…)' : ''}
          </Link>
        ))}
      </Stack>
      {error && (
        <Alert severity="warning" sx={{ mt: 1 }} onClose={() => setError(null)}>
          {error}
        </Alert>
      )}
      <Dialog open={opened !== null} onClose={close} maxWidth="lg" aria-labelledby="attachment-title">
        <DialogTitle id="attachment-title">{opened?.name}</DialogTitle>
        <DialogContent>
          {opened && <img src={opened.url} alt={opened.name} style={{ maxWidth: '100%', maxHeight: '70vh', display: 'block' }} />}
        </DialogContent>
        <DialogActions>
          <Button component="a" href={opened?.url} download={opened?.name}>
            Zapisz
          </Button>
          <Button onClick={close} variant="contained" autoFocus>
            Zamknij
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
