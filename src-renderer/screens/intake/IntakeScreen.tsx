import { useEffect, useMemo } from 'react';
import { Alert, Box, Button, MenuItem, Paper, Stack, TextField, Typography } from '@mui/material';
import SaveIcon from '@mui/icons-material/Save';
import { channelLabels, lookup, type Refusal } from '../../../src-shared/ticket';
import { classify, isRefusal } from '../../../src-shared/ticket/checks';
import { executeCommand } from '../../hooks/use-execute';
import { draftAddress, registerCommand, suggestedSubject } from '../../lib/intake-command';
import { enterMovesOn, fieldId, focusFirstStepIn, focusSoon, selectStep } from '../../lib/focus';
import { NO_CONTACT_IN_TEXT } from '../../lib/phrases';
import { useConfigStore, type Workstation } from '../../state/config-store';
import { useIntakeStore, type IntakeChannel } from '../../state/intake-store';
import { ShortcutHints } from '../../components/ShortcutHints';
import { CategoryPicker } from './CategoryPicker';
import { TemplateScript } from './TemplateScript';
import { StreetField } from './StreetField';
import { ReporterFields } from './ReporterFields';
import { AttachmentsField } from './AttachmentsField';
import { SnowIceStop } from './SnowIceStop';
import { DuplicateHint } from './DuplicateHint';
import { SavedCallPanel } from './SavedCallPanel';
import { NumbersWarning } from './NumbersWarning';
import { OutsideOfficeHours } from './OutsideOfficeHours';

const FORM = 'intake';
const CATEGORY_ID = fieldId(FORM, 'categoryId');
const CHANNELS: IntakeChannel[] = ['phone', 'email', 'ezd', 'other'];

/** Where the keyboard goes when the rules refuse a field. */
function domIdFor(field: string | undefined): string | undefined {
  if (!field) return undefined;
  if (field === 'categoryId' || field === 'subcategoryId' || field === 'kind') return CATEGORY_ID;
  if (field === 'location' || field === 'location.address' || field === 'location.streetId') return fieldId(FORM, 'street');
  if (field === 'location.obreb') return fieldId(FORM, 'obreb');
  if (field === 'location.dzialka') return fieldId(FORM, 'dzialka');
  if (field === 'reporter') return fieldId(FORM, 'reporter.phone');
  if (field.startsWith('rpwIds')) return fieldId(FORM, 'rpwId');
  if (field.startsWith('attachments')) return fieldId(FORM, 'attachments');
  return fieldId(FORM, field);
}

export const INTAKE_SHORTCUTS: [string, string][] = [
  ['Enter', 'następne pytanie'],
  ['Ctrl+Enter', 'zapisz zgłoszenie'],
  ['Alt+N', 'nowe zgłoszenie'],
  ['Alt+P', 'powiel (po zapisaniu)'],
  ['Alt+1…7', 'zakładki'],
];

/** Phone intake (P§8): category → the category's call script → place → subject → reporter → save → the number. */
export function IntakeScreen() {
  const workstation = useConfigStore((s) => s.workstation);
  const problem = useConfigStore((s) => s.problem);
  const { draft, refusal, saving, saved, callSeq, update, setAnswer, setRefusal, setSaving, setSaved, newCall } = useIntakeStore();

  useEffect(() => {
    if (!saved) focusSoon(CATEGORY_ID);
  }, [callSeq, saved]);

  const category = workstation && draft.choice ? lookup(workstation.directory.categories, draft.choice.categoryId) : undefined;
  const stop = useMemo(() => snowIceStop(workstation, draft.choice?.categoryId, draft.choice?.subcategoryId), [workstation, draft.choice]);
  const address = draftAddress(draft);
  const subject = draft.subjectTouched ? draft.subject : suggestedSubject(draft.choice?.label.split(' › ').at(-1), address);

  async function save() {
    if (saving || stop || saved) return;
    setSaving(true);
    const result = await executeCommand(registerCommand({ ...draft, subject }));
    setSaving(false);
    if (!result.ok) {
      setRefusal(result.refusal as Refusal);
      const target = domIdFor(result.refusal.field);
      if (target) focusSoon(target);
      return;
    }
    const number = result.createdNumbers[0] ?? result.ticket?.number;
    if (number)
      setSaved({ kind: 'registered', number, savedLocally: result.savedLocally, partNumbers: [], categoryId: draft.choice!.categoryId });
  }

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        void save();
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  if (!workstation) {
    return <Alert severity="warning">{problem ?? 'Wczytywanie konfiguracji stanowiska…'}</Alert>;
  }

  if (saved) {
    return (
      <Stack spacing={2} sx={{ maxWidth: 980 }}>
        {saved.kind === 'inquiry' && (
          <Alert severity="info">
            Rozmowę dopisano do istniejącego zgłoszenia — nowe zgłoszenie nie powstało. Podaj zgłaszającemu ten numer.
          </Alert>
        )}
        <SavedCallPanel saved={saved} onNewCall={newCall} />
      </Stack>
    );
  }

  const errorField = refusal?.field;
  const errorOf = (...paths: string[]) => (errorField && paths.includes(errorField) ? refusal?.message : undefined);

  return (
    <Box data-script id={`${FORM}-form`} onKeyDown={enterMovesOn} aria-label="Nowe zgłoszenie telefoniczne" role="form">
      <Stack direction="row" sx={{ alignItems: 'baseline', justifyContent: 'space-between', mb: 1.5, flexWrap: 'wrap', gap: 1 }}>
        <Typography variant="h5" component="h2">
          Nowe zgłoszenie
        </Typography>
        <ShortcutHints items={INTAKE_SHORTCUTS} />
      </Stack>
      <NumbersWarning />
      <OutsideOfficeHours channel={draft.channel} />
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: '7fr 5fr' }, gap: 2, alignItems: 'start' }}>
        <Stack spacing={2}>
          <Paper sx={{ p: 2 }}>
            <Stack spacing={2}>
              <CategoryPicker
                key={callSeq}
                id={CATEGORY_ID}
                categories={workstation.categories}
                value={draft.choice}
                error={errorOf('categoryId', 'subcategoryId', 'kind')}
                onChange={(choice) => {
                  const next = choice ? lookup(workstation.directory.categories, choice.categoryId) : undefined;
                  update({ choice, templateAnswers: {}, scriptAsked: next?.template?.map((q) => q.id) ?? [] });
                  if (!choice) return;
                  if (snowIceStop(workstation, choice.categoryId, choice.subcategoryId)) return;
                  if (next?.template?.length) focusSoon(fieldId(FORM, `templateAnswers.${next.template[0]!.id}`));
                  else focusSoon(fieldId(FORM, 'street'));
                }}
              />
              {stop && (
                <SnowIceStop
                  refusal={stop}
                  onNewCall={newCall}
                  onOtherCategory={() => {
                    update({ choice: null });
                    focusSoon(CATEGORY_ID);
                  }}
                />
              )}
              {category && !stop && (
                <TemplateScript
                  form={FORM}
                  categoryName={category.name}
                  fields={category.template ?? []}
                  answers={draft.templateAnswers}
                  onAnswer={setAnswer}
                  errorField={errorField}
                  errorMessage={refusal?.message}
                />
              )}
            </Stack>
          </Paper>
          {!stop && (
            <Paper sx={{ p: 2 }} component="section" aria-label="Miejsce i opis">
              <Stack spacing={2}>
                <Box sx={{ display: 'grid', gridTemplateColumns: '3fr 1fr', gap: 1.5 }}>
                  <StreetField
                    id={fieldId(FORM, 'street')}
                    value={draft.street}
                    onChange={(street) => update({ street })}
                    error={errorOf('location', 'location.address', 'location.streetId')}
                  />
                  <TextField
                    id={fieldId(FORM, 'houseNumber')}
                    label="Nr domu"
                    value={draft.houseNumber}
                    onChange={(e) => update({ houseNumber: e.target.value })}
                    slotProps={{ htmlInput: { 'data-step': true } }}
                  />
                </Box>
                {category?.needsParcel && (
                  <Box sx={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 1.5 }}>
                    <TextField
                      id={fieldId(FORM, 'obreb')}
                      label="Obręb geodezyjny"
                      value={draft.obreb}
                      onChange={(e) => update({ obreb: e.target.value })}
                      error={!!errorOf('location.obreb', 'obreb')}
                      helperText={errorOf('location.obreb', 'obreb') ?? 'Ta kategoria wymaga obrębu i działki (P§12.2)'}
                      slotProps={{ htmlInput: { 'data-step': true } }}
                    />
                    <TextField
                      id={fieldId(FORM, 'dzialka')}
                      label="Numer działki"
                      value={draft.dzialka}
                      onChange={(e) => update({ dzialka: e.target.value })}
                      error={!!errorOf('location.dzialka', 'dzialka')}
                      helperText={errorOf('location.dzialka', 'dzialka')}
                      slotProps={{ htmlInput: { 'data-step': true } }}
                    />
                  </Box>
                )}
                <DuplicateHint
                  categoryId={draft.choice?.categoryId}
                  address={address}
                  callerSays={[...Object.values(draft.templateAnswers), draft.description].filter((t) => t.trim()).join('; ')}
                  onAdded={(number, savedLocally) =>
                    setSaved({ kind: 'inquiry', number, savedLocally, partNumbers: [], categoryId: draft.choice?.categoryId ?? '' })
                  }
                />
                <TextField
                  id={fieldId(FORM, 'subject')}
                  label="Temat"
                  required
                  value={subject}
                  onChange={(e) => update({ subject: e.target.value, subjectTouched: true })}
                  error={!!errorOf('subject')}
                  helperText={
                    errorOf('subject') ?? (draft.subjectTouched ? undefined : 'Podpowiedź z kategorii i adresu — możesz zmienić.')
                  }
                  slotProps={{ htmlInput: { 'data-step': true } }}
                />
                <TextField
                  id={fieldId(FORM, 'description')}
                  label="Opis (Shift+Enter — nowy wiersz)"
                  value={draft.description}
                  multiline
                  minRows={2}
                  onChange={(e) => update({ description: e.target.value })}
                  error={!!errorOf('description')}
                  helperText={errorOf('description') ?? NO_CONTACT_IN_TEXT}
                  slotProps={{ htmlInput: { 'data-step': true } }}
                />
              </Stack>
            </Paper>
          )}
        </Stack>
        {!stop && (
          <Stack spacing={2}>
            <Paper sx={{ p: 2 }}>
              <ReporterFields form={FORM} value={draft} onChange={update} errorField={errorField} errorMessage={refusal?.message} />
            </Paper>
            <Paper sx={{ p: 2 }} component="section" aria-label="Kanał, RPW, załączniki">
              <Stack spacing={2}>
                <Box sx={{ display: 'grid', gridTemplateColumns: '1fr 2fr', gap: 1.5 }}>
                  <TextField
                    id={fieldId(FORM, 'channel')}
                    select
                    label="Kanał"
                    value={draft.channel}
                    size="small"
                    onChange={(e) => update({ channel: e.target.value as IntakeChannel })}
                    slotProps={selectStep}
                    error={!!errorOf('channel')}
                    helperText={errorOf('channel')}
                  >
                    {CHANNELS.map((c) => (
                      <MenuItem key={c} value={c}>
                        {channelLabels[c]}
                      </MenuItem>
                    ))}
                  </TextField>
                  <TextField
                    id={fieldId(FORM, 'rpwId')}
                    label="Nr RPW (jeśli jest)"
                    value={draft.rpwId}
                    size="small"
                    onChange={(e) => update({ rpwId: e.target.value })}
                    error={!!errorOf('rpwIds', 'rpwIds.0')}
                    helperText={errorOf('rpwIds', 'rpwIds.0')}
                    slotProps={{ htmlInput: { 'data-step': true } }}
                  />
                </Box>
                <AttachmentsField
                  id={fieldId(FORM, 'attachments')}
                  value={draft.attachments}
                  onChange={(attachments) => update({ attachments })}
                  error={errorOf('attachments')}
                />
              </Stack>
            </Paper>
            {refusal && (
              <Alert severity="error" role="alert">
                Nie zapisano: {refusal.message}
              </Alert>
            )}
            <Stack direction="row" spacing={1.5}>
              <Button
                id={`${FORM}-save`}
                variant="contained"
                size="large"
                startIcon={<SaveIcon />}
                onClick={() => void save()}
                disabled={saving}
              >
                Zapisz zgłoszenie (Ctrl+Enter)
              </Button>
              <Button size="large" onClick={newCall}>
                Wyczyść (Alt+N)
              </Button>
            </Stack>
          </Stack>
        )}
      </Box>
    </Box>
  );
}

/** P§5.2 asked of the shared rules: the refusal when this category (or subcategory) is snow and ice. */
function snowIceStop(
  workstation: Workstation | undefined,
  categoryId: string | undefined,
  subcategoryId: string | undefined,
): Refusal | undefined {
  if (!workstation || !categoryId) return undefined;
  const result = classify({ directory: workstation.directory, snowIceReferral: workstation.snowIceReferral }, categoryId, subcategoryId);
  return isRefusal(result) && result.code === 'snowIce' ? result : undefined;
}

export function focusIntakeStart() {
  focusFirstStepIn(`${FORM}-form`);
}
