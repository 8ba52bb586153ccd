import { useRef } from 'react';
import { Box, Button, Chip, FormHelperText, Stack } from '@mui/material';
import AttachFileIcon from '@mui/icons-material/AttachFile';
import type { AttachmentRef } from '../../../src-shared/ticket';

interface Props {
  id: string;
  value: AttachmentRef[];
  onChange(files: AttachmentRef[]): void;
  /** Files picked here are the message the ticket came in (P§9.4). */
  asSource?: boolean;
  label?: string;
  error?: string;
}

/** Attachments as references {id, name, mediaType}; the files themselves go to the blob store (outside the ticket). */
export function AttachmentsField({ id, value, onChange, asSource, label = 'Dodaj załączniki', error }: Props) {
  const picker = useRef<HTMLInputElement>(null);
  function picked(files: FileList | null) {
    if (!files?.length) return;
    const added = [...files].map((file): AttachmentRef => ({
      id: crypto.randomUUID(),
      name: file.name,
      ...(file.type ? { mediaType: file.type } : {}),
      ...(asSource ? { source: true } : {}),
    }));
    onChange([...value, ...added]);
    if (picker.current) picker.current.value = '';
  }
  return (
    <Box>
      <input ref={picker} id={`${id}-input`} type="file" multiple hidden aria-label={label} onChange={(e) => picked(e.target.files)} />
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
        <Button id={id} variant="outlined" size="small" startIcon={<AttachFileIcon />} onClick={() => picker.current?.click()}>
          {label}
        </Button>
        {value.map((file) => (
          <Chip key={file.id} label={file.source ? `${file.name} (wiadomość źródłowa)` : file.name}
            onDelete={() => onChange(value.filter((f) => f.id !== file.id))} />
        ))}
      </Stack>
      {error && <FormHelperText error>{error}</FormHelperText>}
    </Box>
  );
}
