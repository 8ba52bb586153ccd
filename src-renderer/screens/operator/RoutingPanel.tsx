import { useEffect, useMemo, useState } from 'react';
import {
  Alert,
  Autocomplete,
  Box,
  Button,
  FormControlLabel,
  MenuItem,
  Radio,
  RadioGroup,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import SendIcon from '@mui/icons-material/Send';
import { commandLabels, lookup, type Command, type Group, type Ticket } from '../../../src-shared/ticket';
import { suggestedGroup } from '../../lib/routing-suggestion';
import { useConfigStore } from '../../state/config-store';
import { groupLabel } from '../../lib/directory';
import { enterMovesOn, fieldId, selectStep } from '../../lib/focus';
import { refusalFor, useExecute, type Executed } from '../../hooks/use-execute';

type Route = 'forwardToCoordinators' | 'closeOutOfScope' | 'closeHandledOutside';
const ROUTES: Route[] = ['forwardToCoordinators', 'closeOutOfScope', 'closeHandledOutside'];
const ROUTE_HINTS: Record<Route, string> = {
  forwardToCoordinators: 'do grupy koordynatorów jednostki pracującej w aplikacji (P§13.1)',
  closeOutOfScope: 'sprawa poza właściwością jednostek miasta; przekazana poza aplikację (P§14.3)',
  closeHandledOutside: 'właściwa jednostka nie pracuje w aplikacji; przekazana poza nią (P§15.4)',
};

interface Props {
  ticket: Ticket;
  allowed: string[];
  onDone(result: Executed, route: Route): void;
  /** Put the keyboard on the panel when it appears (right after saving a call). */
  autoFocus?: boolean;
  form?: string;
}

/**
 * Routing right after registration or after a return (P§12–P§15, P§20.1): the category's usual
 * coordinator group suggested; forward, or close as out of scope / handled outside the app.
 * Which of these are offered comes from the rules (allowedCommands); what they need, from their refusals.
 */
export function RoutingPanel({ ticket, allowed, onDone, autoFocus, form = `route-${ticket.number.replace('/', '-')}` }: Props) {
  const workstation = useConfigStore((s) => s.workstation);
  const routes = ROUTES.filter((r) => allowed.includes(r));
  const [route, setRoute] = useState<Route>(routes[0] ?? 'forwardToCoordinators');
  const category = workstation ? lookup(workstation.directory.categories, ticket.categoryId) : undefined;
  const suggested = workstation ? suggestedGroup(workstation, ticket, category) : undefined;
  const [group, setGroup] = useState<Group | null>(suggested ?? null);
  const [rpwId, setRpwId] = useState('');
  const [obreb, setObreb] = useState(ticket.location?.obreb ?? '');
  const [dzialka, setDzialka] = useState(ticket.location?.dzialka ?? '');
  const [receivingEntity, setReceivingEntity] = useState('');
  const [receivingUnitId, setReceivingUnitId] = useState('');
  const [reason, setReason] = useState('');
  const { run, busy, refusal } = useExecute();

  useEffect(() => {
    if (!group && suggested) setGroup(suggested);
  }, [group, suggested]);

  const unit = workstation && group ? lookup(workstation.directory.units, group.unitId) : undefined;
  const needsParcel = category?.needsParcel === true;
  const groups = useMemo(() => workstation?.coordinatorGroups ?? [], [workstation]);

  useEffect(() => {
    if (!autoFocus) return;
    requestAnimationFrame(() => {
      // The suggested group is usually right: the keyboard goes to what is still missing, else to the button.
      const rpwMissing = route === 'forwardToCoordinators' && unit?.kind === 'agency' && ticket.rpwIds.length === 0;
      const target = rpwMissing
        ? document.getElementById(fieldId(form, 'rpwId'))
        : route === 'forwardToCoordinators' && group
          ? document.getElementById(`${form}-submit`)
          : document.querySelector<HTMLElement>(`#${form} [data-step]`);
      target?.focus();
    });
  }, [autoFocus]);

  if (!workstation || routes.length === 0) return null;
  const dir = workstation.directory;

  function command(): Command {
    const rpw = rpwId.trim() || undefined;
    const why = reason.trim() || undefined;
    if (route === 'forwardToCoordinators') {
      return { type: route, groupId: group?.id ?? '', rpwId: rpw, obreb: obreb.trim() || undefined, dzialka: dzialka.trim() || undefined };
    }
    if (route === 'closeOutOfScope') return { type: route, receivingEntity: receivingEntity.trim(), rpwId: rpw, reason: why };
    return { type: route, receivingUnitId, rpwId: rpw, reason: why };
  }

  async function submit() {
    const result = await run(command(), ticket.number);
    if (result) onDone(result, route);
  }

  const rpwError = refusalFor(refusal, 'rpwId');
  const otherError =
    refusal && !['rpwId', 'groupId', 'obreb', 'dzialka', 'receivingEntity', 'receivingUnitId', 'location'].includes(refusal.field ?? '')
      ? refusal.message
      : refusalFor(refusal, 'location');

  return (
    <Box
      id={form}
      component="form"
      data-script
      onKeyDown={enterMovesOn}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      aria-label={`Przekazanie zgłoszenia ${ticket.number}`}
    >
      <Stack spacing={1.5}>
        {routes.length > 1 && (
          <RadioGroup row value={route} onChange={(e) => setRoute(e.target.value as Route)} aria-label="Co dalej ze zgłoszeniem">
            {routes.map((r) => (
              <FormControlLabel key={r} value={r} control={<Radio />} label={commandLabels[r]} />
            ))}
          </RadioGroup>
        )}
        <Typography variant="body2" color="text.secondary">
          {ROUTE_HINTS[route]}
        </Typography>
        {route === 'forwardToCoordinators' && (
          <>
            <Autocomplete<Group>
              id={fieldId(form, 'groupId')}
              options={groups}
              value={group}
              onChange={(_, g) => setGroup(g)}
              getOptionLabel={(g) => groupLabel(dir, g)}
              isOptionEqualToValue={(a, b) => a.id === b.id}
              autoHighlight
              renderInput={(params) => (
                <TextField
                  {...params}
                  label="Grupa koordynatorów"
                  error={!!refusalFor(refusal, 'groupId')}
                  helperText={
                    refusalFor(refusal, 'groupId') ??
                    (suggested && group?.id === suggested.id ? 'Proponowana dla tej kategorii lub wskazanego adresata' : undefined)
                  }
                  slotProps={{ ...params.slotProps, htmlInput: { ...params.slotProps.htmlInput, 'data-step': true } }}
                />
              )}
            />
            {unit && (
              <Typography variant="body2">
                Jednostka: <strong>{unit.name}</strong> ({unit.kind === 'agency' ? 'miejska jednostka organizacyjna' : 'komórka Urzędu'})
              </Typography>
            )}
            {(unit?.kind === 'agency' || rpwError) && (
              <TextField
                id={fieldId(form, 'rpwId')}
                label="Identyfikator RPW (EZD + pismo przewodnie, P§13.3)"
                value={rpwId}
                onChange={(e) => setRpwId(e.target.value)}
                error={!!rpwError}
                helperText={rpwError ?? 'np. RPW/12345/2026'}
                size="small"
                slotProps={{ htmlInput: { 'data-step': true } }}
              />
            )}
            {(needsParcel || refusalFor(refusal, 'obreb', 'dzialka')) && (
              <Stack direction="row" spacing={1.5}>
                <TextField
                  id={fieldId(form, 'obreb')}
                  label="Obręb geodezyjny"
                  value={obreb}
                  onChange={(e) => setObreb(e.target.value)}
                  error={!!refusalFor(refusal, 'obreb')}
                  helperText={refusalFor(refusal, 'obreb') ?? 'P§12.2'}
                  size="small"
                  slotProps={{ htmlInput: { 'data-step': true } }}
                />
                <TextField
                  id={fieldId(form, 'dzialka')}
                  label="Numer działki"
                  value={dzialka}
                  onChange={(e) => setDzialka(e.target.value)}
                  error={!!refusalFor(refusal, 'dzialka')}
                  helperText={refusalFor(refusal, 'dzialka')}
                  size="small"
                  slotProps={{ htmlInput: { 'data-step': true } }}
                />
              </Stack>
            )}
          </>
        )}
        {route === 'closeOutOfScope' && (
          <TextField
            id={fieldId(form, 'receivingEntity')}
            label="Podmiot, do którego przekazano sprawę"
            value={receivingEntity}
            onChange={(e) => setReceivingEntity(e.target.value)}
            error={!!refusalFor(refusal, 'receivingEntity')}
            helperText={refusalFor(refusal, 'receivingEntity') ?? 'np. PKP PLK S.A., Wojewoda Łódzki'}
            size="small"
            required
            slotProps={{ htmlInput: { 'data-step': true } }}
          />
        )}
        {route === 'closeHandledOutside' && (
          <TextField
            id={fieldId(form, 'receivingUnitId')}
            select
            label="Jednostka spoza aplikacji, która przyjęła sprawę"
            value={receivingUnitId}
            onChange={(e) => setReceivingUnitId(e.target.value)}
            error={!!refusalFor(refusal, 'receivingUnitId')}
            helperText={refusalFor(refusal, 'receivingUnitId')}
            size="small"
            required
            slotProps={selectStep}
          >
            {workstation.unitsOutsideApp.map((u) => (
              <MenuItem key={u.id} value={u.id}>
                {u.name}
              </MenuItem>
            ))}
          </TextField>
        )}
        {route !== 'forwardToCoordinators' && (
          <Stack direction="row" spacing={1.5}>
            <TextField
              id={fieldId(form, 'rpwId')}
              label="Identyfikator RPW"
              value={rpwId}
              onChange={(e) => setRpwId(e.target.value)}
              error={!!rpwError}
              helperText={rpwError ?? 'np. RPW/12345/2026'}
              size="small"
              sx={{ flex: 1, minWidth: 0 }}
              slotProps={{ htmlInput: { 'data-step': true } }}
            />
            <TextField
              id={fieldId(form, 'reason')}
              label="Uzasadnienie (opcjonalnie)"
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              size="small"
              sx={{ flex: 1, minWidth: 0 }}
              slotProps={{ htmlInput: { 'data-step': true } }}
            />
          </Stack>
        )}
        {otherError && <Alert severity="error">{otherError}</Alert>}
        <Box>
          <Button id={`${form}-submit`} type="submit" variant="contained" startIcon={<SendIcon />} disabled={busy}>
            {route === 'forwardToCoordinators' && group ? `Przekaż do ${group.symbol}` : commandLabels[route]}
          </Button>
        </Box>
      </Stack>
    </Box>
  );
}
