// A reason typed once and reused: the group's templates beside the field, and "save as template".
import { useState } from 'react';
import { Button, Menu, MenuItem, Stack, TextField, type TextFieldProps } from '@mui/material';
import { useConfigStore } from '../../state/config-store';
import { addTemplate, loadTemplates, type ReasonKind } from './reason-templates';

type Props = Omit<TextFieldProps, 'onChange' | 'value'> & { value: string; onChange(value: string): void; kind: ReasonKind };

export function ReasonField({ value, onChange, kind, ...field }: Props) {
  const groupId = useConfigStore((s) => s.workstation?.actor.groupIds[0]) ?? 'personal';
  const [templates, setTemplates] = useState(() => loadTemplates(groupId, kind));
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  return (
    <Stack spacing={0.5}>
      <TextField {...field} value={value} onChange={(e) => onChange(e.target.value)} multiline minRows={2} />
      <Stack direction="row" spacing={1}>
        <Button size="small" disabled={templates.length === 0} onClick={(e) => setAnchor(e.currentTarget)} aria-haspopup="menu">
          Szablony ({templates.length})
        </Button>
        <Button
          size="small"
          disabled={!value.trim() || templates.includes(value.trim())}
          onClick={() => setTemplates(addTemplate(groupId, kind, value))}
        >
          Zapisz jako szablon
        </Button>
      </Stack>
      <Menu anchorEl={anchor} open={!!anchor} onClose={() => setAnchor(null)}>
        {templates.map((t) => (
          <MenuItem
            key={t}
            onClick={() => {
              onChange(t);
              setAnchor(null);
            }}
            sx={{ maxWidth: 520, whiteSpace: 'normal' }}
          >
            {t}
          </MenuItem>
        ))}
      </Menu>
    </Stack>
  );
}
