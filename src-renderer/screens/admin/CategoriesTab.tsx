// The category dictionary (P§7) and each category's minimum information — the call script (P§8.1.1,
// P§34.1.1) — with a live preview exactly as the operator sees it. A category is retired, never deleted:
// tickets registered with it keep it.
import { useState } from 'react';
import {
  Box,
  Button,
  Checkbox,
  Chip,
  FormControlLabel,
  IconButton,
  MenuItem,
  Paper,
  Stack,
  Switch,
  TextField,
  Tooltip,
  Typography,
} from '@mui/material';
import ArrowUpwardIcon from '@mui/icons-material/ArrowUpward';
import ArrowDownwardIcon from '@mui/icons-material/ArrowDownward';
import DeleteIcon from '@mui/icons-material/Delete';
import { AdminCategory } from '../../../src-shared/api/admin';
import { kindLabels, ticketKinds, type TemplateField } from '../../../src-shared/ticket';
import { desktop } from '../../api/desktop-client';
import { errorText } from '../../hooks/use-desktop';
import { TemplateScript } from '../intake/TemplateScript';
import { FormDialog } from './FormDialog';
import { SearchTable } from './SearchTable';
import { fieldProps, slugOf, useAdminStore, useForm } from './admin-state';

type CategoryForm = {
  id: string;
  name: string;
  kind: AdminCategory['kind'];
  refuseSnow: boolean;
  investment: boolean;
  needsParcel: boolean;
  defaultCoordinatorGroupId: string;
  keywords: string;
  /** One subcategory per line. */
  subcategories: string;
  template: TemplateField[];
  retired: boolean;
  isNew: boolean;
};
const blank: CategoryForm = {
  id: '',
  name: '',
  kind: 'interventional',
  refuseSnow: false,
  investment: false,
  needsParcel: false,
  defaultCoordinatorGroupId: '',
  keywords: '',
  subcategories: '',
  template: [],
  retired: false,
  isNew: true,
};

function toForm(c: AdminCategory): CategoryForm {
  return {
    id: c.id,
    name: c.name,
    kind: c.kind,
    refuseSnow: c.refuseAs === 'snowIce',
    investment: Boolean(c.investment),
    needsParcel: Boolean(c.needsParcel),
    defaultCoordinatorGroupId: c.defaultCoordinatorGroupId ?? '',
    keywords: (c.keywords ?? []).join(', '),
    subcategories: (c.subcategories ?? []).map((s) => s.name).join('\n'),
    template: c.template ?? [],
    retired: Boolean(c.retired),
    isNew: false,
  };
}

/** The form as the contract's category; subcategories keep their ids where their names stay. */
function toCategory(f: CategoryForm, before?: AdminCategory): unknown {
  const names = f.subcategories
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean);
  return {
    id: f.id,
    name: f.name,
    kind: f.kind,
    ...(f.refuseSnow ? { refuseAs: 'snowIce' } : {}),
    ...(f.investment ? { investment: true } : {}),
    ...(f.needsParcel ? { needsParcel: true } : {}),
    ...(f.defaultCoordinatorGroupId ? { defaultCoordinatorGroupId: f.defaultCoordinatorGroupId } : {}),
    keywords: f.keywords
      .split(',')
      .map((k) => k.trim())
      .filter(Boolean),
    ...(names.length
      ? {
          subcategories: names.map(
            (name) => before?.subcategories?.find((s) => s.name === name) ?? { id: `${f.id}-${slugOf(name)}`.slice(0, 60), name },
          ),
        }
      : {}),
    template: f.template.map((q) => ({ ...q, label: q.label.trim(), ...(q.hint?.trim() ? { hint: q.hint.trim() } : { hint: undefined }) })),
    ...(f.retired ? { retired: true } : {}),
  };
}

export function CategoriesTab({ readOnly }: { readOnly: boolean }) {
  const { overview, load } = useAdminStore();
  const [open, setOpen] = useState(false);
  const [problem, setProblem] = useState<string>();
  const form = useForm(AdminCategory, blank);
  const categories = overview?.categories ?? [];
  const coordinatorGroups = (overview?.groups ?? []).filter((g) => g.kind === 'coordinator');
  const before = categories.find((c) => c.id === form.values.id);
  const edit = (values: CategoryForm) => {
    form.reset(values);
    setOpen(true);
  };
  const save = () =>
    form
      .submit(
        async (category) => {
          await desktop.call('admin.saveCategory', category as AdminCategory);
          await load();
        },
        (f) => toCategory(f, before),
      )
      .then((ok) => ok && setOpen(false));
  async function move(id: string, by: -1 | 1) {
    try {
      await desktop.call('admin.moveCategory', { id, by });
      await load();
    } catch (err) {
      setProblem(errorText(err));
    }
  }
  const v = form.values;
  const setQuestion = (index: number, change: Partial<TemplateField>) =>
    form.set(
      'template',
      v.template.map((q, i) => (i === index ? { ...q, ...change } : q)),
    );
  const addQuestion = () => {
    let id = `pytanie-${v.template.length + 1}`;
    for (let n = 2; v.template.some((q) => q.id === id); n++) id = `pytanie-${v.template.length + n}`;
    form.set('template', [...v.template, { id, label: '', required: false }]);
  };
  const moveQuestion = (index: number, by: -1 | 1) => {
    const next = [...v.template];
    const [q] = next.splice(index, 1);
    next.splice(index + by, 0, q!);
    form.set('template', next);
  };
  const groupName = (id?: string) => coordinatorGroups.find((g) => g.id === id)?.symbol ?? '—';

  return (
    <>
      {problem && (
        <Typography color="error" sx={{ mb: 1 }}>
          {problem}
        </Typography>
      )}
      <SearchTable
        label="kategorie"
        rows={categories}
        keyOf={(c) => c.id}
        searchText={(c) => `${c.name} ${(c.keywords ?? []).join(' ')} ${(c.subcategories ?? []).map((s) => s.name).join(' ')}`}
        onOpen={(c) => edit(toForm(c))}
        onAdd={readOnly ? undefined : () => edit(blank)}
        addLabel="Dodaj kategorię"
        columns={[
          {
            label: 'Kolejność',
            width: 96,
            render: (c) =>
              readOnly ? (
                categories.indexOf(c) + 1
              ) : (
                <Box onClick={(e) => e.stopPropagation()}>
                  <IconButton size="small" aria-label={`Przesuń w górę: ${c.name}`} onClick={() => void move(c.id, -1)}>
                    <ArrowUpwardIcon fontSize="inherit" />
                  </IconButton>
                  <IconButton size="small" aria-label={`Przesuń w dół: ${c.name}`} onClick={() => void move(c.id, 1)}>
                    <ArrowDownwardIcon fontSize="inherit" />
                  </IconButton>
                </Box>
              ),
          },
          { label: 'Nazwa', render: (c) => (c.retired ? <span style={{ color: '#777' }}>{c.name} (wycofana)</span> : c.name) },
          { label: 'Rodzaj', render: (c) => kindLabels[c.kind] },
          { label: 'Domyślna grupa', render: (c) => groupName(c.defaultCoordinatorGroupId) },
          {
            label: 'Pytania skryptu',
            render: (c) => `${c.template?.length ?? 0} (wymagane: ${c.template?.filter((q) => q.required).length ?? 0})`,
          },
          {
            label: 'Cechy',
            render: (c) => (
              <Stack direction="row" spacing={0.5}>
                {c.refuseAs === 'snowIce' && <Chip size="small" label="śnieg i lód — odmowa" />}
                {c.investment && <Chip size="small" label="inwestycyjna" />}
                {c.needsParcel && <Chip size="small" label="nr działki" />}
              </Stack>
            ),
          },
        ]}
      />
      <FormDialog
        open={open}
        title={v.isNew ? 'Nowa kategoria' : `Kategoria: ${v.name}`}
        onClose={() => setOpen(false)}
        onSave={save}
        busy={form.busy}
        problem={form.problem ?? (form.errors.template || form.errors.subcategories || form.errors.keywords)}
        readOnly={readOnly}
        wide
      >
        <Stack sx={{ alignItems: 'flex-start' }} direction="row" spacing={3}>
          <Stack spacing={2} sx={{ flex: 1, minWidth: 0 }}>
            <TextField
              label="Nazwa kategorii"
              {...fieldProps(form, 'name')}
              onChange={(e) => {
                form.set('name', e.target.value);
                if (v.isNew) form.set('id', slugOf(e.target.value));
              }}
              autoFocus
              required
            />
            <Stack direction="row" spacing={2}>
              <TextField label="Identyfikator" {...fieldProps(form, 'id')} disabled={!v.isNew} sx={{ flex: 1 }} />
              <TextField select label="Rodzaj zgłoszenia" {...fieldProps(form, 'kind')} sx={{ flex: 1 }}>
                {ticketKinds.map((k) => (
                  <MenuItem key={k} value={k}>
                    {kindLabels[k]}
                  </MenuItem>
                ))}
              </TextField>
            </Stack>
            <TextField select label="Domyślna grupa koordynatorów" {...fieldProps(form, 'defaultCoordinatorGroupId')}>
              <MenuItem value="">— brak —</MenuItem>
              {coordinatorGroups.map((g) => (
                <MenuItem key={g.id} value={g.id}>
                  {g.symbol} — {g.name}
                </MenuItem>
              ))}
            </TextField>
            <Stack sx={{ flexWrap: 'wrap' }} direction="row">
              <FormControlLabel
                control={<Checkbox checked={v.refuseSnow} onChange={(e) => form.set('refuseSnow', e.target.checked)} />}
                label="Śnieg i lód — odmowa przyjęcia (P§5.2)"
              />
              <FormControlLabel
                control={<Checkbox checked={v.investment} onChange={(e) => form.set('investment', e.target.checked)} />}
                label="Grupa inwestycyjna (P§21.2.1)"
              />
              <FormControlLabel
                control={<Checkbox checked={v.needsParcel} onChange={(e) => form.set('needsParcel', e.target.checked)} />}
                label="Wymaga numeru działki (P§12.2)"
              />
            </Stack>
            <TextField
              label="Słowa kluczowe wyszukiwania (po przecinku)"
              {...fieldProps(form, 'keywords')}
              placeholder="np. latarnia, lampa, oświetlenie"
            />
            <TextField label="Podkategorie (jedna w wierszu)" {...fieldProps(form, 'subcategories')} multiline minRows={2} />
            <FormControlLabel
              control={<Switch checked={v.retired} onChange={(e) => form.set('retired', e.target.checked)} />}
              label="Wycofana — nie pojawia się przy przyjmowaniu zgłoszeń; zgłoszenia z nią zostają"
            />
            <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 700 }}>
              Minimalny zakres informacji — skrypt rozmowy (P§8.1.1, P§34.1.1)
            </Typography>
            {v.template.map((q, i) => (
              <Paper key={q.id} variant="outlined" sx={{ p: 1.5 }}>
                <Stack sx={{ alignItems: 'center' }} direction="row" spacing={1}>
                  <Typography sx={{ fontWeight: 700, minWidth: 20 }}>{i + 1}.</Typography>
                  <TextField
                    size="small"
                    label="Pytanie"
                    value={q.label}
                    onChange={(e) => setQuestion(i, { label: e.target.value })}
                    sx={{ flex: 2 }}
                    required
                  />
                  <FormControlLabel
                    control={<Checkbox checked={q.required} onChange={(e) => setQuestion(i, { required: e.target.checked })} />}
                    label="wymagane"
                  />
                  <Tooltip title="Wyżej">
                    <span>
                      <IconButton size="small" aria-label={`Pytanie ${i + 1} wyżej`} disabled={i === 0} onClick={() => moveQuestion(i, -1)}>
                        <ArrowUpwardIcon fontSize="inherit" />
                      </IconButton>
                    </span>
                  </Tooltip>
                  <Tooltip title="Niżej">
                    <span>
                      <IconButton
                        size="small"
                        aria-label={`Pytanie ${i + 1} niżej`}
                        disabled={i === v.template.length - 1}
                        onClick={() => moveQuestion(i, 1)}
                      >
                        <ArrowDownwardIcon fontSize="inherit" />
                      </IconButton>
                    </span>
                  </Tooltip>
                  <IconButton
                    size="small"
                    aria-label={`Usuń pytanie ${i + 1}`}
                    onClick={() =>
                      form.set(
                        'template',
                        v.template.filter((_, j) => j !== i),
                      )
                    }
                  >
                    <DeleteIcon fontSize="inherit" />
                  </IconButton>
                </Stack>
                <TextField
                  size="small"
                  label="Podpowiedź dla operatora"
                  value={q.hint ?? ''}
                  onChange={(e) => setQuestion(i, { hint: e.target.value })}
                  fullWidth
                  sx={{ mt: 1 }}
                />
              </Paper>
            ))}
            <Box>
              <Button onClick={addQuestion}>Dodaj pytanie</Button>
            </Box>
          </Stack>
          <Box sx={{ flex: 1, minWidth: 0, position: 'sticky', top: 0 }} aria-label="Podgląd skryptu">
            <Typography variant="overline" color="text.secondary">
              Podgląd — tak zobaczy to operator
            </Typography>
            <TemplateScript
              form="admin-preview"
              categoryName={v.name || 'nowa kategoria'}
              fields={v.template}
              answers={{}}
              onAnswer={() => {}}
            />
          </Box>
        </Stack>
      </FormDialog>
    </>
  );
}
