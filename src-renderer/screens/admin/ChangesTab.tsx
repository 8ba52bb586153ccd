// Structure changes waiting for, or given, the super-supervisor's agreement (I§5.5): they agree or refuse,
// the administrator carries out what was agreed.
import { useState } from 'react';
import { Alert, Box, Button, Chip, List, ListItem, Paper, Stack, TextField, Typography } from '@mui/material';
import type { StructureChange, StructureOperation } from '../../../src-shared/api/admin';
import { desktop } from '../../api/desktop-client';
import { errorText } from '../../hooks/use-desktop';
import { OneTimePasswords } from './UsersTab';
import { formatWhen, GROUP_KIND_LABELS, ROLE_LABELS, useAdminStore } from './admin-state';

const STATUS = {
  pending: { label: 'czeka na uzgodnienie', color: 'warning' },
  approved: { label: 'uzgodniona — do wprowadzenia', color: 'info' },
  rejected: { label: 'odrzucona', color: 'default' },
  applied: { label: 'wprowadzona', color: 'success' },
} as const;

function describe(op: StructureOperation): string {
  switch (op.op) {
    case 'saveUnit':
      return `Jednostka „${op.unit.name}”${op.unit.worksInApp ? '' : ' (poza aplikacją)'}`;
    case 'saveGroup':
      return `Grupa ${op.group.symbol} — ${op.group.name} (${GROUP_KIND_LABELS[op.group.kind]})`;
    case 'removeGroup':
      return `Usunięcie grupy ${op.id}`;
    case 'savePerson':
      return `${op.person.displayName} <${op.person.email}>: ${op.person.roles.map((r) => ROLE_LABELS[r]).join(', ')}`;
    case 'saveScript':
      return `Skrypt rozmowy kategorii ${op.categoryId}: ${op.template.length} pytań`;
    case 'removePerson':
      return `Osoba opuszcza jednostkę ${op.unitId}`;
  }
}

export function ChangesTab({ canApprove, canApply }: { canApprove: boolean; canApply: boolean }) {
  const { overview, load } = useAdminStore();
  const [notes, setNotes] = useState<Record<number, string>>({});
  const [problem, setProblem] = useState<string>();
  const [passwords, setPasswords] = useState<{ login: string; password: string }[]>([]);
  const changes = overview?.changes ?? [];

  async function act(work: () => Promise<unknown>) {
    setProblem(undefined);
    try {
      await work();
      await load();
    } catch (err) {
      setProblem(errorText(err));
    }
  }
  const decide = (c: StructureChange, decision: 'approved' | 'rejected') =>
    act(() => desktop.call('admin.decideChange', { id: c.id, decision, ...(notes[c.id] ? { note: notes[c.id] } : {}) }));
  const apply = (c: StructureChange) =>
    act(async () => {
      const outcome = await desktop.call('admin.applyChange', { id: c.id });
      if (outcome.passwords?.length) setPasswords(outcome.passwords);
    });

  return (
    <Stack spacing={1.5}>
      {problem && (
        <Alert severity="error" onClose={() => setProblem(undefined)}>
          {problem}
        </Alert>
      )}
      {changes.length === 0 && <Typography color="text.secondary">Brak zmian struktury.</Typography>}
      {changes.map((c) => (
        <Paper key={c.id} variant="outlined" sx={{ p: 2 }} aria-label={`Zmiana nr ${c.id}`}>
          <Stack sx={{ alignItems: 'center' }} direction="row" spacing={1.5}>
            <Typography sx={{ fontWeight: 700 }}>
              Nr {c.id}: {c.title}
            </Typography>
            <Chip size="small" color={STATUS[c.status].color} label={STATUS[c.status].label} />
            <Box sx={{ flex: 1 }} />
            <Typography variant="body2" color="text.secondary">
              zgłosił {c.requestedBy}, {formatWhen(c.requestedAt)}
              {c.decidedBy && ` · ${c.status === 'rejected' ? 'odrzucił' : 'uzgodnił'} ${c.decidedBy}, ${formatWhen(c.decidedAt)}`}
            </Typography>
          </Stack>
          <List dense>
            {c.operations.slice(0, 30).map((op, i) => (
              <ListItem key={i} sx={{ py: 0 }}>
                {describe(op)}
              </ListItem>
            ))}
            {c.operations.length > 30 && <ListItem>… i {c.operations.length - 30} więcej</ListItem>}
          </List>
          {c.note && <Typography variant="body2">Uwagi: {c.note}</Typography>}
          {c.status === 'pending' && canApprove && (
            <Stack sx={{ alignItems: 'center' }} direction="row" spacing={1.5}>
              <TextField
                size="small"
                label="Uwagi (opcjonalnie)"
                value={notes[c.id] ?? ''}
                onChange={(e) => setNotes({ ...notes, [c.id]: e.target.value })}
                sx={{ flex: 1 }}
              />
              <Button variant="contained" onClick={() => void decide(c, 'approved')}>
                Uzgadniam
              </Button>
              <Button color="error" onClick={() => void decide(c, 'rejected')}>
                Odrzucam
              </Button>
            </Stack>
          )}
          {c.status === 'approved' && canApply && (
            <Button variant="contained" onClick={() => void apply(c)}>
              Wprowadź zmianę
            </Button>
          )}
        </Paper>
      ))}
      <OneTimePasswords passwords={passwords} onClose={() => setPasswords([])} />
    </Stack>
  );
}
