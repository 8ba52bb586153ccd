import { useRef, useState } from 'react';
import { Box, Button, Chip, FormHelperText, Stack } from '@mui/material';
import AttachFileIcon from '@mui/icons-material/AttachFile';
import { DesktopApiError, MAX_ATTACHMENT_BYTES } from '../../../src-shared/api/desktop';
import type { AttachmentRef } from '../../../src-shared/ticket';
import { desktop } from '../../api/desktop-client';

interface Props {
  id: string;
  value: AttachmentRef[];
  onChange(files: AttachmentRef[]): void;
  /** Files picked here are the message the ticket came in (P§9.4). */
  asSource?: boolean;
  label?: string;
  error?: string;
}

/** The file's bytes as base64, for the desktop API. */
function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

/** Picked files are stored on the workstation at once (the hub gets them with the next sync); the ticket keeps references. */
export function AttachmentsField({ id, value, onChange, asSource, label = 'Dodaj załączniki', error }: Props) {
  const picker = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  async function picked(files: FileList | null) {
    if (!files?.length) return;
    setBusy(true);
    setProblem(undefined);
    const added: AttachmentRef[] = [];
    try {
      for (const file of [...files]) {
        if (file.size > MAX_ATTACHMENT_BYTES) {
          setProblem(`Plik „${file.name}” jest za duży — załącznik może mieć najwyżej 10 MB.`);
          continue;
        }
        const ref = await desktop.call('files.store', {
          name: file.name,
          ...(file.type ? { mediaType: file.type } : {}),
          contentBase64: await readBase64(file),
        });
        added.push({ ...ref, ...(asSource ? { source: true } : {}) });
      }
    } catch (err) {
      setProblem(err instanceof DesktopApiError ? err.message : 'Nie udało się zapisać pliku na stanowisku.');
    } finally {
      setBusy(false);
      if (picker.current) picker.current.value = '';
      if (added.length) onChange([...value, ...added]);
    }
  }
  return (
    <Box>
      <input ref={picker} id={`${id}-input`} type="file" multiple hidden aria-label={label} onChange={(e) => void picked(e.target.files)} />
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
        <Button
          id={id}
          variant="outlined"
          size="small"
          startIcon={<AttachFileIcon />}
          disabled={busy}
          onClick={() => picker.current?.click()}
        >
          {label}
        </Button>
        {value.map((file) => (
          <Chip
            key={file.id}
            label={file.source ? `${file.name} (wiadomość źródłowa)` : file.name}
            onDelete={() => onChange(value.filter((f) => f.id !== file.id))}
          />
        ))}
      </Stack>
      {(error ?? problem) && <FormHelperText error>{error ?? problem}</FormHelperText>}
    </Box>
  );
}
