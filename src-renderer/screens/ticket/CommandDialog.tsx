import { useMemo, useState } from 'react';
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
import type { z } from 'zod';
import {
  actionKindLabels,
  answerMethodLabels,
  commandLabels,
  emailPurposeLabels,
  commandSchemas,
  fieldLabel,
  kindLabels,
  noticeMethodLabels,
  outcomeLabels,
  type Command,
  type CommandType,
  type Ticket,
} from '../../../src-shared/ticket';
import { useConfigStore, type Workstation } from '../../state/config-store';
import { groupLabel } from '../../lib/directory';
import { byPolish } from '../../lib/text';
import { useExecute, type Executed } from '../../hooks/use-execute';
import { ReasonField } from '../queue/ReasonField';
import { reasonKindOf } from '../queue/reason-templates';

/** One form field of a command, read from its zod schema (so every command can be sent from here). */
interface FieldSpec {
  name: string;
  kind: 'text' | 'longText' | 'date' | 'datetime' | 'enum' | 'boolean';
  required: boolean;
  options?: { value: string; label: string }[];
}

const LONG_TEXT = new Set(['reason', 'note', 'summary', 'description', 'part', 'delayReason', 'actionsDone', 'callerExpects', 'body']);
const ENUM_LABELS: Record<string, Record<string, string>> = {
  how: { ...answerMethodLabels, ...noticeMethodLabels },
  outcome: outcomeLabels,
  'recordAction.kind': actionKindLabels,
  'returnToCoordinator.kind': { notOurs: 'sprawa nie należy do nas', postpone: 'realizację trzeba odłożyć' },
  kind: kindLabels,
  purpose: emailPurposeLabels,
};

type AnyDef = { type: string; innerType?: z.ZodType; entries?: Record<string, string> };
const defOf = (schema: z.ZodType) => (schema as unknown as { def: AnyDef }).def;

function fieldSpecs(type: CommandType, ticket: Ticket | null, ws: Workstation, values: Record<string, string>): FieldSpec[] {
  const shape = (commandSchemas[type] as unknown as { shape: Record<string, z.ZodType> }).shape;
  const specs: FieldSpec[] = [];
  for (const [name, schema] of Object.entries(shape)) {
    if (name === 'type' || name === 'outage') continue;
    let inner = schema;
    let required = true;
    while (['optional', 'default', 'pipe'].includes(defOf(inner).type)) {
      if (defOf(inner).type === 'pipe') {
        // A checked text (an e-mail address): its form field is the text it starts as.
        inner = (defOf(inner) as unknown as { in: z.ZodType }).in;
        continue;
      }
      required = false;
      inner = defOf(inner).innerType!;
    }
    const def = defOf(inner);
    const format = (inner as unknown as { format?: string }).format;
    const choices = selectOptions(type, name, ticket, ws, values);
    if (choices) specs.push({ name, kind: 'enum', required, options: choices });
    else if (def.type === 'enum') {
      const labels = ENUM_LABELS[`${type}.${name}`] ?? ENUM_LABELS[name] ?? {};
      specs.push({
        name,
        kind: 'enum',
        required,
        options: Object.keys(def.entries ?? {}).map((v) => ({ value: v, label: labels[v] ?? v })),
      });
    } else if (def.type === 'boolean') specs.push({ name, kind: 'boolean', required: false });
    else if (def.type === 'string') {
      specs.push({
        name,
        required,
        kind: format === 'date' ? 'date' : format === 'datetime' ? 'datetime' : LONG_TEXT.has(name) ? 'longText' : 'text',
      });
    }
  }
  return specs;
}

/** Fields whose values come from the directory: groups, units, categories. */
function selectOptions(type: CommandType, name: string, ticket: Ticket | null, ws: Workstation, values: Record<string, string>) {
  const dir = ws.directory;
  const groups = Object.values(dir.groups);
  if (name === 'realizerGroupId' || (name === 'groupId' && type === 'assignRealizerGroup')) {
    return groups
      .filter((g) => g.kind === 'realizer' && g.unitId === ticket?.unitId)
      .sort(byPolish((g) => g.symbol))
      .map((g) => ({ value: g.id, label: groupLabel(dir, g) }));
  }
  if (name === 'groupId') {
    const sameUnit = type === 'passToCoordinatorGroup';
    return ws.coordinatorGroups
      .filter((g) => !sameUnit || (g.unitId === ticket?.unitId && g.id !== ticket?.coordinatorGroupId))
      .map((g) => ({ value: g.id, label: groupLabel(dir, g) }));
  }
  if (name === 'receivingUnitId') return ws.unitsOutsideApp.map((u) => ({ value: u.id, label: u.name }));
  if (name === 'categoryId') return [...ws.categories].sort(byPolish((c) => c.name)).map((c) => ({ value: c.id, label: c.name }));
  if (name === 'subcategoryId') {
    const category = dir.categories[values.categoryId ?? ''];
    return (category?.subcategories ?? []).map((s) => ({ value: s.id, label: s.name }));
  }
  return undefined;
}

const nowLocal = () => {
  const d = new Date();
  d.setMinutes(d.getMinutes() - d.getTimezoneOffset());
  return d.toISOString().slice(0, 16);
};

interface Props {
  type: CommandType;
  ticket: Ticket;
  open: boolean;
  onClose(): void;
  onDone(result: Executed): void;
}

/** Sends any command the rules allow on this ticket, with a form read from the command's schema. */
export function CommandDialog({ type, ticket, open, onClose, onDone }: Props) {
  const ws = useConfigStore((s) => s.workstation);
  const [values, setValues] = useState<Record<string, string>>({});
  const { run, busy, refusal } = useExecute();
  const specs = useMemo(() => (ws ? fieldSpecs(type, ticket, ws, values) : []), [type, ticket, ws, values]);
  if (!ws) return null;

  const valueOf = (spec: FieldSpec) => values[spec.name] ?? (spec.kind === 'datetime' && spec.required ? nowLocal() : '');

  async function submit() {
    const command: Record<string, unknown> = { type };
    for (const spec of specs) {
      const raw = valueOf(spec).trim();
      if (spec.kind === 'boolean') command[spec.name] = raw === 'true';
      else if (!raw) continue;
      else command[spec.name] = spec.kind === 'datetime' ? new Date(raw).toISOString() : raw;
    }
    const result = await run(command as Command, ticket.number);
    if (result) onDone(result);
  }

  const formId = `command-${type}`;
  return (
    <Dialog open={open} onClose={onClose} fullWidth maxWidth="sm" aria-labelledby={`${formId}-title`}>
      <form
        id={formId}
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <DialogTitle id={`${formId}-title`}>
          {commandLabels[type]} — {ticket.number}
        </DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            {specs.length === 0 && <Alert severity="info">Potwierdź: {commandLabels[type].toLowerCase()}.</Alert>}
            {specs.map((spec, index) => {
              const label = fieldLabel(spec.name, type);
              const error = refusal?.field === spec.name ? refusal.message : undefined;
              const common = {
                id: `${formId}-${spec.name}`,
                label: label.charAt(0).toUpperCase() + label.slice(1),
                required: spec.required,
                value: valueOf(spec),
                onChange: (e: { target: { value: string } }) => setValues((v) => ({ ...v, [spec.name]: e.target.value })),
                error: !!error,
                helperText: error,
                autoFocus: index === 0,
                fullWidth: true,
              };
              if (spec.kind === 'boolean') {
                return (
                  <FormControlLabel
                    key={spec.name}
                    label={common.label}
                    control={
                      <Checkbox
                        checked={values[spec.name] === 'true'}
                        onChange={(e) => setValues((v) => ({ ...v, [spec.name]: String(e.target.checked) }))}
                      />
                    }
                  />
                );
              }
              if (spec.kind === 'enum') {
                return (
                  <TextField key={spec.name} select {...common}>
                    {!spec.required && <MenuItem value="">—</MenuItem>}
                    {spec.options!.map((o) => (
                      <MenuItem key={o.value} value={o.value}>
                        {o.label}
                      </MenuItem>
                    ))}
                  </TextField>
                );
              }
              const templates = spec.kind === 'longText' ? reasonKindOf(type, spec.name) : undefined;
              if (templates) {
                // Reasons a group writes again and again come from its templates (kept on this workstation).
                const { onChange: _unused, value, ...rest } = common;
                return (
                  <ReasonField
                    key={spec.name}
                    {...rest}
                    kind={templates}
                    value={value}
                    onChange={(text) => setValues((v) => ({ ...v, [spec.name]: text }))}
                  />
                );
              }
              return (
                <TextField
                  key={spec.name}
                  {...common}
                  type={spec.kind === 'date' ? 'date' : spec.kind === 'datetime' ? 'datetime-local' : 'text'}
                  multiline={spec.kind === 'longText'}
                  minRows={spec.kind === 'longText' ? 2 : undefined}
                  slotProps={spec.kind === 'date' || spec.kind === 'datetime' ? { inputLabel: { shrink: true } } : undefined}
                />
              );
            })}
            {refusal && !specs.some((s) => s.name === refusal.field) && <Alert severity="error">{refusal.message}</Alert>}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>Anuluj (Esc)</Button>
          <Button type="submit" variant="contained" disabled={busy}>
            {commandLabels[type]}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
