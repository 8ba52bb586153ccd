import { useState } from 'react';
import { Alert, Autocomplete, Box, Button, Stack, TextField, Typography } from '@mui/material';
import { lookup, statusLabels, type Group, type Ticket } from '../../../src-shared/ticket';
import { refusalFor, useExecute, type Executed } from '../../hooks/use-execute';
import { groupLabel } from '../../lib/directory';
import { enterMovesOn } from '../../lib/focus';
import { NO_CONTACT_IN_TEXT } from '../../lib/phrases';
import { reporterOf } from '../../lib/intake-command';
import { useConfigStore } from '../../state/config-store';
import { ReporterFields, type ReporterDraft } from '../intake/ReporterFields';

/** P§23.3.1: an inquiry about an unfinished ticket: what was done so far and what the caller expects. */
export function InquiryNoteForm({ ticket, onDone, autoFocus }: { ticket: Ticket; onDone(result: Executed): void; autoFocus?: boolean }) {
  const [actionsDone, setActionsDone] = useState(`Przekazano informację o stanie: ${statusLabels[ticket.status]}`);
  const [callerExpects, setCallerExpects] = useState('');
  const { run, busy, refusal } = useExecute();
  async function submit() {
    const result = await run(
      { type: 'recordInquiry', inquiredAt: new Date().toISOString(), actionsDone: actionsDone.trim(), callerExpects: callerExpects.trim() },
      ticket.number,
    );
    if (result) {
      setCallerExpects('');
      onDone(result);
    }
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
      aria-label="Notatka z zapytania"
    >
      <Stack spacing={1.5}>
        <Typography variant="body2" color="text.secondary">
          Zgłoszenie nie jest zakończone — zapisz notatkę z rozmowy (P§23.3.1). {NO_CONTACT_IN_TEXT}
        </Typography>
        <TextField
          label="Co przekazano / co zostało zrobione"
          value={actionsDone}
          onChange={(e) => setActionsDone(e.target.value)}
          required
          error={!!refusalFor(refusal, 'actionsDone')}
          helperText={refusalFor(refusal, 'actionsDone')}
          slotProps={{ htmlInput: { 'data-step': true } }}
        />
        <TextField
          label="Czego oczekuje dzwoniący"
          value={callerExpects}
          onChange={(e) => setCallerExpects(e.target.value)}
          required
          autoFocus={autoFocus}
          error={!!refusalFor(refusal, 'callerExpects')}
          helperText={refusalFor(refusal, 'callerExpects')}
          slotProps={{ htmlInput: { 'data-step': true } }}
        />
        {refusal && !['actionsDone', 'callerExpects'].includes(refusal.field ?? '') && <Alert severity="error">{refusal.message}</Alert>}
        <Box>
          <Button type="submit" variant="contained" disabled={busy}>
            Odnotuj zapytanie
          </Button>
        </Box>
      </Stack>
    </Box>
  );
}

const noReporter: ReporterDraft = { wantsAnswer: false, name: '', phone: '', email: '', postalAddress: '', consent: false };

/** P§23.3.2: an inquiry about a finished ticket becomes a new ticket linked to it, forwarded to the competent coordinator. */
export function FollowUpForm({ ticket, onDone, autoFocus }: { ticket: Ticket; onDone(result: Executed): void; autoFocus?: boolean }) {
  const ws = useConfigStore((s) => s.workstation);
  const [subject, setSubject] = useState(`Zapytanie dotyczące zgłoszenia ${ticket.number}`);
  const [description, setDescription] = useState('');
  const [reporter, setReporter] = useState<ReporterDraft>(noReporter);
  const [group, setGroup] = useState<Group | null>(ws ? (lookup(ws.directory.groups, ticket.coordinatorGroupId) ?? null) : null);
  const [rpwId, setRpwId] = useState('');
  const [obreb, setObreb] = useState('');
  const [dzialka, setDzialka] = useState('');
  const { run, busy, refusal } = useExecute();
  if (!ws) return null;
  const unit = group ? lookup(ws.directory.units, group.unitId) : undefined;

  async function submit() {
    const result = await run(
      {
        type: 'registerFollowUp',
        subject: subject.trim(),
        description: description.trim(),
        reporter: reporter.wantsAnswer ? reporterOf(reporter) : undefined,
        groupId: group?.id,
        rpwId: rpwId.trim() || undefined,
        obreb: obreb.trim() || undefined,
        dzialka: dzialka.trim() || undefined,
        inquiredAt: new Date().toISOString(),
      },
      ticket.number,
    );
    if (result) onDone(result);
  }
  const handled = ['subject', 'description', 'groupId', 'rpwId', 'obreb', 'dzialka'];
  return (
    <Box
      component="form"
      data-script
      onKeyDown={enterMovesOn}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      aria-label="Zapytanie jako nowe zgłoszenie"
    >
      <Stack spacing={1.5}>
        <Typography variant="body2" color="text.secondary">
          Zgłoszenie jest zakończone — zapytanie rejestruje się jako nowe zgłoszenie powiązane z nim i przekazuje koordynatorowi (P§23.3.2).
        </Typography>
        <TextField
          label="Temat"
          value={subject}
          onChange={(e) => setSubject(e.target.value)}
          required
          autoFocus={autoFocus}
          error={!!refusalFor(refusal, 'subject')}
          helperText={refusalFor(refusal, 'subject')}
          slotProps={{ htmlInput: { 'data-step': true } }}
        />
        <TextField
          label="Czego dotyczy zapytanie"
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          multiline
          helperText={NO_CONTACT_IN_TEXT}
          slotProps={{ htmlInput: { 'data-step': true } }}
        />
        <Autocomplete<Group>
          options={ws.coordinatorGroups}
          value={group}
          onChange={(_, g) => setGroup(g)}
          getOptionLabel={(g) => groupLabel(ws.directory, g)}
          isOptionEqualToValue={(a, b) => a.id === b.id}
          autoHighlight
          renderInput={(params) => (
            <TextField
              {...params}
              label="Grupa koordynatorów"
              error={!!refusalFor(refusal, 'groupId')}
              helperText={refusalFor(refusal, 'groupId') ?? 'Domyślnie grupa, która prowadziła zgłoszenie'}
              slotProps={{ ...params.slotProps, htmlInput: { ...params.slotProps.htmlInput, 'data-step': true } }}
            />
          )}
        />
        {(unit?.kind === 'agency' || refusalFor(refusal, 'rpwId')) && (
          <TextField
            label="Identyfikator RPW (P§13.3)"
            value={rpwId}
            onChange={(e) => setRpwId(e.target.value)}
            error={!!refusalFor(refusal, 'rpwId')}
            helperText={refusalFor(refusal, 'rpwId')}
            slotProps={{ htmlInput: { 'data-step': true } }}
          />
        )}
        {refusalFor(refusal, 'obreb', 'dzialka') && (
          <Stack direction="row" spacing={1.5}>
            <TextField
              label="Obręb geodezyjny"
              value={obreb}
              onChange={(e) => setObreb(e.target.value)}
              error={!!refusalFor(refusal, 'obreb')}
              helperText={refusalFor(refusal, 'obreb')}
              slotProps={{ htmlInput: { 'data-step': true } }}
            />
            <TextField
              label="Numer działki"
              value={dzialka}
              onChange={(e) => setDzialka(e.target.value)}
              error={!!refusalFor(refusal, 'dzialka')}
              helperText={refusalFor(refusal, 'dzialka')}
              slotProps={{ htmlInput: { 'data-step': true } }}
            />
          </Stack>
        )}
        <ReporterFields
          form="followup"
          value={reporter}
          onChange={(patch) => setReporter((r) => ({ ...r, ...patch }))}
          errorField={refusal?.field}
          errorMessage={refusal?.message}
        />
        {refusal && !handled.includes(refusal.field ?? '') && !refusal.field?.startsWith('reporter') && (
          <Alert severity="error">{refusal.message}</Alert>
        )}
        <Box>
          <Button type="submit" variant="contained" disabled={busy}>
            Zarejestruj zapytanie jako nowe zgłoszenie
          </Button>
        </Box>
      </Stack>
    </Box>
  );
}
