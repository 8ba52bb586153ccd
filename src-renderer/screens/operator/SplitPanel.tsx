import { useState } from 'react';
import { Alert, Box, Button, IconButton, Stack, TextField, Typography } from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import CallSplitIcon from '@mui/icons-material/CallSplit';
import type { Ticket } from '../../../src-shared/ticket';
import { enterMovesOn, fieldId } from '../../lib/focus';
import type { CategoryChoice } from '../../lib/category-search';
import { useConfigStore } from '../../state/config-store';
import { CategoryPicker } from '../intake/CategoryPicker';
import { refusalFor, useExecute, type Executed } from '../../hooks/use-execute';

interface Part {
  scope: string;
  addressee: string;
  /** The part's own category, when it is about something else than the original (P§13.2). */
  category: CategoryChoice | null;
}
const emptyPart = (): Part => ({ scope: '', addressee: '', category: null });

interface Props {
  ticket: Ticket;
  onDone(result: Executed): void;
  onCancel(): void;
}

/**
 * P§11, P§13.2: a call about several events becomes one ticket per event. This ticket keeps its own
 * scope; each part becomes a new ticket with its scope and addressee, and every part lists the others.
 */
export function SplitPanel({ ticket, onDone, onCancel }: Props) {
  const form = `split-${ticket.number.replace('/', '-')}`;
  const [ownScope, setOwnScope] = useState(ticket.subject);
  const [ownAddressee, setOwnAddressee] = useState('');
  const [parts, setParts] = useState<Part[]>([emptyPart()]);
  const categories = useConfigStore((s) => s.workstation?.categories ?? []);
  const { run, busy, refusal } = useExecute();

  const setPart = (index: number, patch: Partial<Part>) => setParts((all) => all.map((p, i) => (i === index ? { ...p, ...patch } : p)));
  function addPart() {
    setParts((all) => [...all, emptyPart()]);
    requestAnimationFrame(() => document.getElementById(fieldId(form, `parts.${parts.length}.scope`))?.focus());
  }

  async function submit() {
    const result = await run(
      {
        type: 'split',
        ownScope: ownScope.trim(),
        ownAddressee: ownAddressee.trim() || undefined,
        parts: parts.map((p) => ({
          scope: p.scope.trim(),
          addressee: p.addressee.trim() || undefined,
          ...(p.category ? { categoryId: p.category.categoryId, subcategoryId: p.category.subcategoryId } : {}),
        })),
      },
      ticket.number,
    );
    if (result) onDone(result);
  }

  const general =
    refusal && !refusal.field?.startsWith('parts.') && !['ownScope', 'ownAddressee'].includes(refusal.field ?? '')
      ? refusal.message
      : undefined;
  return (
    <Box
      component="form"
      data-script
      aria-label={`Powielenie zgłoszenia ${ticket.number}`}
      onKeyDown={(e) => {
        if (e.altKey && e.key.toLowerCase() === 'd') {
          e.preventDefault();
          addPart();
        } else enterMovesOn(e);
      }}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <Stack spacing={1.5}>
        <Typography variant="body2">
          Jedno zgłoszenie = jedno zdarzenie (P§11). Wpisz, czego dotyczy to zgłoszenie, i dodaj po jednej części na każde kolejne zdarzenie
          z adresatem (P§13.2). Każda część dostanie własny numer.
        </Typography>
        <Stack direction="row" spacing={1.5}>
          <TextField
            id={fieldId(form, 'ownScope')}
            label={`Zakres zgłoszenia ${ticket.number}`}
            value={ownScope}
            onChange={(e) => setOwnScope(e.target.value)}
            required
            size="small"
            sx={{ flex: 2 }}
            error={!!refusalFor(refusal, 'ownScope')}
            helperText={refusalFor(refusal, 'ownScope')}
            slotProps={{ htmlInput: { 'data-step': true } }}
            autoFocus
          />
          <TextField
            id={fieldId(form, 'ownAddressee')}
            label="Adresat (opcjonalnie)"
            value={ownAddressee}
            onChange={(e) => setOwnAddressee(e.target.value)}
            size="small"
            sx={{ flex: 1 }}
            slotProps={{ htmlInput: { 'data-step': true } }}
          />
        </Stack>
        {parts.map((part, index) => (
          <Stack key={index} direction="row" spacing={1.5} sx={{ alignItems: 'flex-start' }}>
            <Stack spacing={1} sx={{ flex: 2 }}>
              <TextField
                id={fieldId(form, `parts.${index}.scope`)}
                label={`Część ${index + 2}: zakres`}
                value={part.scope}
                onChange={(e) => setPart(index, { scope: e.target.value })}
                required
                size="small"
                error={!!refusalFor(refusal, `parts.${index}.scope`, `parts.${index}`)}
                helperText={refusalFor(refusal, `parts.${index}.scope`, `parts.${index}`)}
                slotProps={{ htmlInput: { 'data-step': true } }}
              />
              <CategoryPicker
                id={fieldId(form, `parts.${index}.categoryId`)}
                categories={categories}
                value={part.category}
                onChange={(category) => setPart(index, { category })}
                label={`Część ${index + 2}: kategoria, jeśli inna niż zgłoszenia`}
                required={false}
                size="small"
                helperText="Puste: ta sama kategoria co zgłoszenie (Tab, by wybrać inną)."
                step={false}
                error={refusalFor(refusal, `parts.${index}.categoryId`, `parts.${index}.subcategoryId`)}
              />
            </Stack>
            <TextField
              id={fieldId(form, `parts.${index}.addressee`)}
              label={`Część ${index + 2}: adresat`}
              value={part.addressee}
              onChange={(e) => setPart(index, { addressee: e.target.value })}
              size="small"
              sx={{ flex: 1 }}
              error={!!refusalFor(refusal, `parts.${index}.addressee`)}
              helperText={refusalFor(refusal, `parts.${index}.addressee`) ?? 'np. ZDiT, Wydział Ochrony Środowiska'}
              slotProps={{ htmlInput: { 'data-step': true } }}
            />
            <IconButton
              aria-label={`Usuń część ${index + 2}`}
              onClick={() => setParts((all) => all.filter((_, i) => i !== index))}
              disabled={parts.length === 1}
            >
              <DeleteIcon />
            </IconButton>
          </Stack>
        ))}
        {general && <Alert severity="error">{general}</Alert>}
        <Stack direction="row" spacing={1.5}>
          <Button startIcon={<AddIcon />} onClick={addPart}>
            Dodaj część (Alt+D)
          </Button>
          <Button type="submit" variant="contained" startIcon={<CallSplitIcon />} disabled={busy}>
            Powiel zgłoszenie
          </Button>
          <Button onClick={onCancel}>Anuluj</Button>
        </Stack>
      </Stack>
    </Box>
  );
}
